package wxapi

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"github.com/redis/go-redis/v9"
	"github.com/silenceper/wechat/v2/credential"
)

var _ credential.AccessTokenContextHandle = (*TokenSource)(nil)

// TokenSource hands out the Official Account's access token, shared by every instance
// through Redis. Only one instance at a time fetches a new token (a Redis lock, not the
// SDK's per-process mutex), so instances never invalidate each other's token; with the
// stable_token API even two fetches would return the same token.
type TokenSource struct {
	rdb       redis.UniversalClient
	key, lock string
	appID     string
	secret    string
	stable    bool
	fetch     func(ctx context.Context) (credential.ResAccessToken, error)
}

// NewTokenSource returns a TokenSource keeping the token under prefix.
func NewTokenSource(rdb redis.UniversalClient, prefix, appID, secret string, stable bool) *TokenSource {
	t := &TokenSource{
		rdb:    rdb,
		key:    prefix + "wechat:token:" + appID,
		lock:   prefix + "wechat:token-lock:" + appID,
		appID:  appID,
		secret: secret,
		stable: stable,
	}
	if stable {
		s := credential.NewStableAccessToken(appID, secret, prefix, NewCache(rdb, prefix)).(*credential.StableAccessToken)
		t.fetch = func(ctx context.Context) (credential.ResAccessToken, error) {
			return s.GetAccessTokenDirectly(ctx, false)
		}
	} else {
		t.fetch = func(ctx context.Context) (credential.ResAccessToken, error) {
			u := "https://api.weixin.qq.com/cgi-bin/token?grant_type=client_credential&appid=" +
				url.QueryEscape(appID) + "&secret=" + url.QueryEscape(secret)
			return credential.GetTokenFromServerContext(ctx, u)
		}
	}
	return t
}

// GetAccessToken implements credential.AccessTokenHandle.
func (t *TokenSource) GetAccessToken() (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	return t.GetAccessTokenContext(ctx)
}

// GetAccessTokenContext returns the cached token, or fetches one under a Redis lock while
// other callers wait for it to appear.
func (t *TokenSource) GetAccessTokenContext(ctx context.Context) (string, error) {
	for wait := 20 * time.Millisecond; ; wait = min(wait*2, 500*time.Millisecond) {
		tok, err := t.rdb.Get(ctx, t.key).Result()
		if err == nil && tok != "" {
			return tok, nil
		}
		if err != nil && !errors.Is(err, redis.Nil) {
			return "", fmt.Errorf("wxapi: token cache: %w", err)
		}
		got, err := t.rdb.SetNX(ctx, t.lock, "1", 15*time.Second).Result()
		if err != nil {
			return "", fmt.Errorf("wxapi: token lock: %w", err)
		}
		if got {
			return t.refresh(ctx)
		}
		select {
		case <-ctx.Done():
			return "", fmt.Errorf("wxapi: waiting for another instance's token: %w", ctx.Err())
		case <-time.After(wait):
		}
	}
}

func (t *TokenSource) refresh(ctx context.Context) (string, error) {
	defer t.rdb.Del(context.WithoutCancel(ctx), t.lock)
	if tok, err := t.rdb.Get(ctx, t.key).Result(); err == nil && tok != "" {
		return tok, nil
	}
	res, err := t.fetch(ctx)
	if err != nil {
		return "", fmt.Errorf("wxapi: fetch token: %w", err)
	}
	ttl := time.Duration(res.ExpiresIn-300) * time.Second
	if ttl < time.Minute {
		ttl = time.Minute
	}
	if err := t.rdb.Set(ctx, t.key, res.AccessToken, ttl).Err(); err != nil {
		return "", fmt.Errorf("wxapi: store token: %w", err)
	}
	return res.AccessToken, nil
}

// Invalidate forgets the cached token after WeChat said it is invalid or expired
// (errcode 40001, 40014, 42001), so the next call fetches a fresh one.
func (t *TokenSource) Invalidate(ctx context.Context, stale string) {
	// Only delete the token we were refused with: another instance may already have
	// stored a fresh one.
	const script = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`
	t.rdb.Eval(ctx, script, []string{t.key}, stale)
}
