package wxapi

import (
	"context"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/silenceper/wechat/v2/cache"
)

var _ cache.ContextCache = (*Cache)(nil)

// Cache implements the SDK's cache.Cache on our own go-redis v9 client, so the SDK never
// opens a second Redis connection (it would bring go-redis v8). Values are stored as
// strings and returned as strings: the SDK's token code asserts val.(string).
type Cache struct {
	rdb    redis.UniversalClient
	prefix string
}

// NewCache returns a Cache whose keys start with prefix.
func NewCache(rdb redis.UniversalClient, prefix string) *Cache {
	return &Cache{rdb: rdb, prefix: prefix}
}

// Get implements cache.Cache.
func (c *Cache) Get(key string) interface{} { return c.GetContext(context.Background(), key) }

// Set implements cache.Cache.
func (c *Cache) Set(key string, val interface{}, timeout time.Duration) error {
	return c.SetContext(context.Background(), key, val, timeout)
}

// IsExist implements cache.Cache.
func (c *Cache) IsExist(key string) bool { return c.IsExistContext(context.Background(), key) }

// Delete implements cache.Cache.
func (c *Cache) Delete(key string) error { return c.DeleteContext(context.Background(), key) }

// GetContext implements cache.ContextCache. A missing key or a Redis error is nil, which
// the SDK treats as "fetch it again".
func (c *Cache) GetContext(ctx context.Context, key string) interface{} {
	v, err := c.rdb.Get(ctx, c.prefix+key).Result()
	if err != nil {
		return nil
	}
	return v
}

// SetContext implements cache.ContextCache.
func (c *Cache) SetContext(ctx context.Context, key string, val interface{}, timeout time.Duration) error {
	return c.rdb.Set(ctx, c.prefix+key, val, timeout).Err()
}

// IsExistContext implements cache.ContextCache.
func (c *Cache) IsExistContext(ctx context.Context, key string) bool {
	n, err := c.rdb.Exists(ctx, c.prefix+key).Result()
	return err == nil && n > 0
}

// DeleteContext implements cache.ContextCache.
func (c *Cache) DeleteContext(ctx context.Context, key string) error {
	return c.rdb.Del(ctx, c.prefix+key).Err()
}
