package livechat

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net"
	"slices"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/internal/wxapi"
	"github.com/wxintake/intake/staff"
)

// Undelivered keeps the staff replies WeChat did not take, per ticket, until they are
// sent again or expire. Their text is in the transcript already; this only marks it.
type Undelivered interface {
	Put(ctx context.Context, number string, u staff.Undelivered) error
	// Take removes and returns one, atomically: of two retries at once, one sends.
	Take(ctx context.Context, number, id string) (staff.Undelivered, bool, error)
	List(ctx context.Context, number string) ([]staff.Undelivered, error)
}

// UndeliveredTTL is how long an undelivered reply can be retried: past WeChat's 48-hour
// window a customer-service message cannot reach the customer anyway, but the customer
// may write again; after a week the mark is dropped (the transcript keeps the text).
const UndeliveredTTL = 7 * 24 * time.Hour

// RedisUndelivered keeps undelivered replies in one Redis hash per ticket (id → JSON),
// shared by every instance.
type RedisUndelivered struct {
	rdb    redis.UniversalClient
	prefix string
}

var _ Undelivered = (*RedisUndelivered)(nil)

// NewRedisUndelivered keeps the hashes under prefix.
func NewRedisUndelivered(rdb redis.UniversalClient, prefix string) *RedisUndelivered {
	return &RedisUndelivered{rdb: rdb, prefix: prefix + "undelivered:"}
}

// Put implements Undelivered.
func (r *RedisUndelivered) Put(ctx context.Context, number string, u staff.Undelivered) error {
	b, err := json.Marshal(u)
	if err != nil {
		return err
	}
	key := r.prefix + number
	_, err = r.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.HSet(ctx, key, u.ID, b)
		p.Expire(ctx, key, UndeliveredTTL)
		return nil
	})
	return err
}

// Take implements Undelivered.
func (r *RedisUndelivered) Take(ctx context.Context, number, id string) (staff.Undelivered, bool, error) {
	key := r.prefix + number
	var get *redis.StringCmd
	_, err := r.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		get = p.HGet(ctx, key, id)
		p.HDel(ctx, key, id)
		return nil
	})
	if errors.Is(err, redis.Nil) {
		return staff.Undelivered{}, false, nil
	} else if err != nil {
		return staff.Undelivered{}, false, err
	}
	var u staff.Undelivered
	return u, true, json.Unmarshal([]byte(get.Val()), &u)
}

// List implements Undelivered: oldest first.
func (r *RedisUndelivered) List(ctx context.Context, number string) ([]staff.Undelivered, error) {
	all, err := r.rdb.HGetAll(ctx, r.prefix+number).Result()
	if err != nil {
		return nil, err
	}
	out := make([]staff.Undelivered, 0, len(all))
	for _, v := range all {
		var u staff.Undelivered
		if json.Unmarshal([]byte(v), &u) == nil {
			out = append(out, u)
		}
	}
	slices.SortFunc(out, func(a, b staff.Undelivered) int { return a.At.Compare(b.At) })
	return out, nil
}

// newID names an undelivered reply.
func newID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// reason says in Chinese why WeChat did not take a message.
func reason(err error) string {
	var apiErr *wxapi.APIError
	var netErr net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &netErr) && netErr.Timeout():
		return catalog.T("console.ticket2.reason.timeout")
	case errors.As(err, &apiErr) && apiErr.Code == wxapi.CodeOutsideWindow:
		return catalog.T("console.ticket2.reason.window")
	case errors.As(err, &apiErr) && apiErr.Code == wxapi.CodeQuotaExhausted:
		return catalog.T("console.ticket2.reason.quota")
	case errors.As(err, &apiErr) && apiErr.Code == wxapi.CodeSystemBusy:
		return catalog.T("console.ticket2.reason.server")
	case errors.As(err, &apiErr) && apiErr.Code != 0:
		return catalog.T("console.ticket2.reason.other", "code", strconv.Itoa(apiErr.Code))
	default: // an HTTP error status or a broken connection
		return catalog.T("console.ticket2.reason.server")
	}
}

// Undelivered implements the web layer's ChatRetrier (handlers).
func (c *Chat) Undelivered(ctx context.Context, number string) ([]staff.Undelivered, error) {
	if c.Failed == nil {
		return nil, nil
	}
	return c.Failed.List(ctx, number)
}

// Retry implements the web layer's ChatRetrier (handlers): the reply goes out again under the same rules as
// Reply (the chat must be by's), and its transcript line stays the one written first.
func (c *Chat) Retry(ctx context.Context, number string, by staff.User, id string) (staff.ReplyResult, error) {
	gone := errs.E(errs.NotFound, "not_found", "console.ticket2.retry_gone")
	if c.Failed == nil {
		return staff.ReplyResult{}, gone
	}
	t, err := c.Tickets.Get(ctx, number)
	if err != nil {
		return staff.ReplyResult{}, err
	}
	if err := c.holds(ctx, t.OpenID, by); err != nil {
		return staff.ReplyResult{}, err
	}
	u, ok, err := c.Failed.Take(ctx, number, id)
	if err != nil {
		return staff.ReplyResult{}, err
	}
	if !ok {
		return staff.ReplyResult{}, gone
	}
	c.touch(ctx, t.OpenID, number)
	delivered, note, _ := c.send(ctx, t.OpenID, u.Text)
	if delivered {
		return staff.ReplyResult{Delivered: true}, nil
	}
	u.Note = note // still undelivered: keep it for the next try
	if err := c.Failed.Put(ctx, number, u); err != nil {
		return staff.ReplyResult{}, err
	}
	return staff.ReplyResult{Note: note, ID: u.ID, At: u.At}, nil
}
