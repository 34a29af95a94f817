// Package nonces remembers, in Redis, which body each signed webhook URL carried.
//
// A plaintext WeChat message is signed only over token, timestamp and nonce: the URL's
// signature does not cover the body. Whoever sees one signed URL could post any body with
// it while the timestamp is fresh. Remembering the body's hash under (timestamp, nonce) for
// that window lets the webhook accept the same URL again only with the same body, which is
// exactly what WeChat's retries are; they are then deduplicated by MsgId as usual.
package nonces

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/redis/go-redis/v9"
)

// Redis is the cache, shared by every instance through Redis.
type Redis struct {
	rdb    redis.UniversalClient
	prefix string
}

// New returns the cache on rdb, with keys under prefix (e.g. "intake:nonce:").
func New(rdb redis.UniversalClient, prefix string) *Redis {
	return &Redis{rdb: rdb, prefix: prefix}
}

// claim stores the body's hash when the key is new and reports whether the stored hash is
// this body's: one round trip, atomic against concurrent copies.
var claim = redis.NewScript(`
local v = redis.call('GET', KEYS[1])
if not v then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if v == ARGV[1] then return 1 end
return 0`)

// Claim records that the URL signed with timestamp and nonce carried body, for ttl (the
// window in which the timestamp is accepted). It reports false when that URL was already
// used with another body.
func (r *Redis) Claim(ctx context.Context, timestamp, nonce string, body []byte, ttl time.Duration) (bool, error) {
	// Timestamp and nonce come from the request: hash them rather than put them in a key.
	k := sha256.Sum256([]byte(timestamp + "\x00" + nonce))
	v := sha256.Sum256(body)
	n, err := claim.Run(ctx, r.rdb, []string{r.prefix + hex.EncodeToString(k[:16])},
		hex.EncodeToString(v[:]), ttl.Milliseconds()).Int()
	if err != nil {
		return false, err
	}
	return n == 1, nil
}
