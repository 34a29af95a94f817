// Package botredis keeps conversations and message claims in Redis.
//
// Keys, all under the configured prefix and with the customer's OpenID as a hash tag so
// that one customer's keys live in one Cluster slot:
//
//	{prefix}{openid}:conv      the conversation, JSON, expiring after the idle TTL
//	{prefix}{openid}:lock      the turn lock: a random token, expiring after the lock TTL
//	{prefix}{openid}:m:{key}   a message claim: "" while pending, then the JSON Record
//	{prefix}{openid}:log       the recent transcript, JSON lines, capped
//	{prefix}{openid}:win       the customer-service window (hash: at, ev, used)
//
// Begin and Commit are Lua scripts, so a whole turn costs two round trips: one to claim the
// message, lock the customer and load the conversation; one to save, record and unlock.
package botredis

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/wxintake/intake/bot"
)

var _ bot.Sessions = (*Store)(nil)

// Store implements bot.Sessions on a go-redis UniversalClient (single node, Sentinel or
// Cluster).
type Store struct {
	rdb     redis.UniversalClient
	prefix  string
	idleTTL time.Duration
	lockTTL time.Duration
	doneTTL time.Duration
}

// Options tune a Store.
type Options struct {
	IdleTTL time.Duration // a conversation untouched this long expires (default 72h)
	LockTTL time.Duration // a lock (and pending claim) not renewed this long expires (default 6s)
	DoneTTL time.Duration // how long a finished message is remembered for retries (default 10m)
}

// New returns a Store whose keys all start with prefix.
func New(rdb redis.UniversalClient, prefix string, o Options) *Store {
	if o.IdleTTL <= 0 {
		o.IdleTTL = 72 * time.Hour
	}
	if o.LockTTL <= 0 {
		o.LockTTL = 6 * time.Second
	}
	if o.DoneTTL <= 0 {
		o.DoneTTL = 10 * time.Minute
	}
	return &Store{rdb: rdb, prefix: prefix, idleTTL: o.IdleTTL, lockTTL: o.LockTTL, doneTTL: o.DoneTTL}
}

func (s *Store) key(openID, suffix string) string {
	return s.prefix + "{" + openID + "}:" + suffix
}

// beginScript: KEYS claim, lock, conv; ARGV token, lock ttl ms.
// Returns {0, conv} when claimed, {1, record} for a duplicate, {2} when the lock is held.
// A claim is pending for as long as the lock: if the instance dies mid-turn, both expire
// together and WeChat's next retry is processed afresh.
var beginScript = redis.NewScript(`
local rec = redis.call('GET', KEYS[1])
if rec then return {1, rec} end
if not redis.call('SET', KEYS[2], ARGV[1], 'NX', 'PX', ARGV[2]) then return {2, ''} end
redis.call('SET', KEYS[1], '', 'PX', ARGV[2])
local conv = redis.call('GET', KEYS[3])
if not conv then conv = '' end
return {0, conv}
`)

// commitScript: KEYS lock, conv, claim, log, win; ARGV token, conv json, idle ttl s,
// record json, done ttl s, window-at (0: keep), window-event, log cap, live channel,
// live payload (” = none), log lines….
var commitScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
redis.call('SET', KEYS[3], ARGV[4], 'EX', ARGV[5])
if ARGV[6] ~= '0' then
  redis.call('HSET', KEYS[5], 'at', ARGV[6], 'ev', ARGV[7], 'used', 0)
  redis.call('EXPIRE', KEYS[5], 172800)
end
if #ARGV > 10 then
  redis.call('RPUSH', KEYS[4], unpack(ARGV, 11))
  redis.call('LTRIM', KEYS[4], -tonumber(ARGV[8]), -1)
  redis.call('EXPIRE', KEYS[4], ARGV[3])
end
if ARGV[10] ~= '' then redis.call('PUBLISH', ARGV[9], ARGV[10]) end
redis.call('DEL', KEYS[1])
return 1
`)

// abortScript: KEYS lock, claim; ARGV token.
var abortScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1], KEYS[2])
return 1
`)

// renewScript: KEYS lock, claim; ARGV token, lock ttl ms. The claim is extended only
// while it is pending (empty): a committed one carries its record and its own expiry.
var renewScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
if redis.call('GET', KEYS[2]) == '' then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
return 1
`)

// Begin implements bot.Sessions.
func (s *Store) Begin(ctx context.Context, openID, msgKey string) (*bot.Lease, bot.Record, error) {
	token, err := newToken()
	if err != nil {
		return nil, bot.Record{}, err
	}
	keys := []string{s.key(openID, "m:"+msgKey), s.key(openID, "lock"), s.key(openID, "conv")}
	res, err := beginScript.Run(ctx, s.rdb, keys, token, s.lockTTL.Milliseconds()).Slice()
	if err != nil {
		return nil, bot.Record{}, fmt.Errorf("botredis: begin: %w", err)
	}
	if len(res) != 2 {
		return nil, bot.Record{}, fmt.Errorf("botredis: begin: unexpected reply %v", res)
	}
	code, _ := res[0].(int64)
	payload, _ := res[1].(string)
	switch code {
	case 1:
		rec, err := decodeRecord(payload)
		if err != nil {
			return nil, bot.Record{}, err
		}
		return nil, rec, bot.ErrDuplicate
	case 2:
		return nil, bot.Record{}, bot.ErrBusy
	}
	l := &bot.Lease{OpenID: openID, MsgKey: msgKey, Token: token}
	if payload != "" {
		if err := json.Unmarshal([]byte(payload), &l.Conv); err != nil {
			// A conversation we cannot read is a bug or an old format: start afresh rather
			// than lock the customer out, and say so.
			_ = s.Abort(ctx, l)
			return nil, bot.Record{}, fmt.Errorf("botredis: conversation of %s unreadable: %w", bot.MaskOpenID(openID), err)
		}
	}
	return l, bot.Record{}, nil
}

// MaxTranscript is how many transcript lines are kept per customer.
const MaxTranscript = 200

// Commit implements bot.Sessions.
func (s *Store) Commit(ctx context.Context, l *bot.Lease, c bot.Conversation, rec bot.Record, lines []bot.Line, win *bot.Window) error {
	conv, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("botredis: encode conversation: %w", err)
	}
	r, err := json.Marshal(rec)
	if err != nil {
		return fmt.Errorf("botredis: encode record: %w", err)
	}
	keys := []string{s.key(l.OpenID, "lock"), s.key(l.OpenID, "conv"), s.key(l.OpenID, "m:"+l.MsgKey),
		s.key(l.OpenID, "log"), s.key(l.OpenID, "win")}
	winAt, winEv := int64(0), 0
	if win != nil {
		winAt = win.OpenedAt.Unix()
		if win.Event {
			winEv = 1
		}
	}
	live := ""
	if c.Ticket != "" && len(lines) > 0 {
		b, err := json.Marshal(bot.LiveEvent{Ticket: c.Ticket, OpenID: l.OpenID, Lines: lines})
		if err != nil {
			return fmt.Errorf("botredis: encode live event: %w", err)
		}
		live = string(b)
	}
	args := []any{l.Token, conv, int64(s.idleTTL / time.Second), r, int64(s.doneTTL / time.Second), winAt, winEv, MaxTranscript,
		s.LiveChannel(), live}
	for _, ln := range lines {
		b, err := json.Marshal(ln)
		if err != nil {
			return fmt.Errorf("botredis: encode transcript: %w", err)
		}
		args = append(args, b)
	}
	n, err := commitScript.Run(ctx, s.rdb, keys, args...).Int()
	if err != nil {
		return fmt.Errorf("botredis: commit: %w", err)
	}
	if n == 0 {
		return bot.ErrLockLost
	}
	return nil
}

// Abort implements bot.Sessions.
func (s *Store) Abort(ctx context.Context, l *bot.Lease) error {
	keys := []string{s.key(l.OpenID, "lock"), s.key(l.OpenID, "m:"+l.MsgKey)}
	if err := abortScript.Run(ctx, s.rdb, keys, l.Token).Err(); err != nil {
		return fmt.Errorf("botredis: abort: %w", err)
	}
	return nil
}

// Renew implements bot.Sessions.
func (s *Store) Renew(ctx context.Context, l *bot.Lease) error {
	keys := []string{s.key(l.OpenID, "lock"), s.key(l.OpenID, "m:"+l.MsgKey)}
	n, err := renewScript.Run(ctx, s.rdb, keys, l.Token, s.lockTTL.Milliseconds()).Int()
	if err != nil {
		return fmt.Errorf("botredis: renew: %w", err)
	}
	if n == 0 {
		return bot.ErrLockLost
	}
	return nil
}

// LockTTL is how long a lock and a pending claim live without renewal.
func (s *Store) LockTTL() time.Duration { return s.lockTTL }

// Outcome implements bot.Sessions.
func (s *Store) Outcome(ctx context.Context, openID, msgKey string) (bot.Record, bool, error) {
	v, err := s.rdb.Get(ctx, s.key(openID, "m:"+msgKey)).Result()
	if err == redis.Nil {
		return bot.Record{}, false, nil
	}
	if err != nil {
		return bot.Record{}, false, fmt.Errorf("botredis: outcome: %w", err)
	}
	rec, err := decodeRecord(v)
	return rec, err == nil, err
}

// LiveChannel is the Redis pub/sub channel carrying every ticket's new transcript lines,
// for the staff console's live view on any instance.
func (s *Store) LiveChannel() string { return s.prefix + "live" }

// Subscribe receives the live events of every ticket until ctx ends.
func (s *Store) Subscribe(ctx context.Context) <-chan bot.LiveEvent {
	out := make(chan bot.LiveEvent, 16)
	sub := s.rdb.Subscribe(ctx, s.LiveChannel())
	// Wait for the subscription to be active, so no line published from now on is missed.
	if _, err := sub.Receive(ctx); err != nil {
		_ = sub.Close()
		close(out)
		return out
	}
	go func() {
		defer close(out)
		defer sub.Close()
		ch := sub.Channel()
		for {
			select {
			case <-ctx.Done():
				return
			case m, ok := <-ch:
				if !ok {
					return
				}
				var ev bot.LiveEvent
				if json.Unmarshal([]byte(m.Payload), &ev) == nil {
					select {
					case out <- ev:
					default: // a slow reader misses lines; the transcript still has them
					}
				}
			}
		}
	}()
	return out
}

// PublishLive announces lines of a ticket written outside a turn (a staff reply).
func (s *Store) PublishLive(ctx context.Context, ev bot.LiveEvent) error {
	b, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	return s.rdb.Publish(ctx, s.LiveChannel(), b).Err()
}

// Transcript implements bot.Sessions.
func (s *Store) Transcript(ctx context.Context, openID string) ([]bot.Line, error) {
	vs, err := s.rdb.LRange(ctx, s.key(openID, "log"), 0, -1).Result()
	if err != nil {
		return nil, fmt.Errorf("botredis: transcript: %w", err)
	}
	out := make([]bot.Line, 0, len(vs))
	for _, v := range vs {
		var ln bot.Line
		if json.Unmarshal([]byte(v), &ln) == nil {
			out = append(out, ln)
		}
	}
	return out, nil
}

// Window implements bot.Sessions.
func (s *Store) Window(ctx context.Context, openID string) (bot.Window, error) {
	m, err := s.rdb.HGetAll(ctx, s.key(openID, "win")).Result()
	if err != nil {
		return bot.Window{}, fmt.Errorf("botredis: window: %w", err)
	}
	var w bot.Window
	if at, err := strconv.ParseInt(m["at"], 10, 64); err == nil && at > 0 {
		w.OpenedAt = time.Unix(at, 0)
	}
	w.Event = m["ev"] == "1"
	w.Used, _ = strconv.Atoi(m["used"])
	return w, nil
}

// CountPush implements bot.Sessions.
func (s *Store) CountPush(ctx context.Context, openID string) (int, error) {
	n, err := s.rdb.HIncrBy(ctx, s.key(openID, "win"), "used", 1).Result()
	if err != nil {
		return 0, fmt.Errorf("botredis: count push: %w", err)
	}
	return int(n), nil
}

// Load returns a customer's conversation without locking, for staff views and tests.
func (s *Store) Load(ctx context.Context, openID string) (bot.Conversation, bool, error) {
	var c bot.Conversation
	v, err := s.rdb.Get(ctx, s.key(openID, "conv")).Bytes()
	if err == redis.Nil {
		return c, false, nil
	}
	if err != nil {
		return c, false, fmt.Errorf("botredis: load: %w", err)
	}
	return c, true, json.Unmarshal(v, &c)
}

func decodeRecord(v string) (bot.Record, error) {
	var rec bot.Record
	if v == "" {
		return rec, nil // pending
	}
	if err := json.Unmarshal([]byte(v), &rec); err != nil {
		return rec, fmt.Errorf("botredis: message record unreadable: %w", err)
	}
	return rec, nil
}

func newToken() (string, error) {
	var b [12]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return hex.EncodeToString(b[:]), nil
}
