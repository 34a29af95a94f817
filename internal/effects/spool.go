package effects

import (
	"context"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/wxintake/intake/triage"
)

// Spool keeps tickets that could not be written because the database was away, in Redis,
// until it is back: a confirmed case is never lost, and the customer still gets a
// reference and the promise. Creation is idempotent by case key, so several instances
// draining the same spool open each ticket once.
type Spool struct {
	rdb redis.UniversalClient
	key string
	log *slog.Logger
	// Created is called once per ticket the drain actually created (not for one that
	// already existed), with the reference the customer was given.
	Created func(ctx context.Context, t triage.Ticket, reference string) error
}

// NewSpool keeps the spool under prefix.
func NewSpool(rdb redis.UniversalClient, prefix string, log *slog.Logger) *Spool {
	return &Spool{rdb: rdb, key: prefix + "spool:tickets", log: log}
}

type spooled struct {
	Reference string        `json:"ref"`
	Ticket    triage.Ticket `json:"ticket"`
}

// Reference is the provisional reference a spooled case is given: stable for a case key.
func Reference(caseKey string) string {
	h := sha1.Sum([]byte(caseKey))
	return "RQ" + strings.ToUpper(hex.EncodeToString(h[:4]))
}

// Put keeps t for later and returns its reference.
func (s *Spool) Put(ctx context.Context, t triage.Ticket) (string, error) {
	ref := Reference(t.CaseKey)
	b, err := json.Marshal(spooled{Reference: ref, Ticket: t})
	if err != nil {
		return "", err
	}
	if err := s.rdb.RPush(ctx, s.key, b).Err(); err != nil {
		return "", fmt.Errorf("effects: spool: %w", err)
	}
	return ref, nil
}

// Len is how many tickets wait in the spool.
func (s *Spool) Len(ctx context.Context) (int64, error) { return s.rdb.LLen(ctx, s.key).Result() }

// Drain writes spooled tickets to store, oldest first, and stops at the first failure
// (the database is still away): they stay for the next drain.
func (s *Spool) Drain(ctx context.Context, store triage.Store) (int, error) {
	n := 0
	for {
		v, err := s.rdb.LIndex(ctx, s.key, 0).Result()
		if err == redis.Nil {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		var sp spooled
		if err := json.Unmarshal([]byte(v), &sp); err != nil {
			// Never dropped: moved aside where an operator finds it (LRANGE …:dead).
			s.log.Error("effects: unreadable spooled ticket moved to the dead-letter list", "key", s.key+":dead", "err", err)
			if err := s.rdb.RPush(ctx, s.key+":dead", v).Err(); err != nil {
				return n, err
			}
			s.rdb.LRem(ctx, s.key, 1, v)
			continue
		}
		t, created, err := store.Create(ctx, sp.Ticket)
		if err != nil {
			return n, err
		}
		if created && s.Created != nil {
			if err := s.Created(ctx, t, sp.Reference); err != nil {
				return n, err // kept: Create is idempotent, the next drain retries the notice
			}
		}
		if err := s.rdb.LRem(ctx, s.key, 1, v).Err(); err != nil {
			return n, err
		}
		n++
	}
}

// Run drains every interval until ctx ends.
func (s *Spool) Run(ctx context.Context, store triage.Store, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if n, err := s.Drain(ctx, store); n > 0 || (err != nil && ctx.Err() == nil) {
			s.log.Info("effects: spooled tickets written", "n", n, "err", err)
		}
	}
}
