package botredis_test

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/bot/botredis"
	"github.com/wxintake/intake/internal/testenv"
)

func TestSessions(t *testing.T) {
	testenv.EachRedis(t, func(t *testing.T, rdb redis.UniversalClient, prefix string) {
		ctx := context.Background()
		s := botredis.New(rdb, prefix, botredis.Options{LockTTL: 2 * time.Second})

		l, _, err := s.Begin(ctx, "o1", "100")
		if err != nil {
			t.Fatal(err)
		}
		if l.Conv.Turns != 0 {
			t.Fatalf("new customer has %d turns", l.Conv.Turns)
		}

		// While the turn runs: the same message is a pending duplicate, another message
		// of the same customer is busy, another customer is free.
		if _, rec, err := s.Begin(ctx, "o1", "100"); !errors.Is(err, bot.ErrDuplicate) || rec.Delivery != bot.DeliveryPending {
			t.Fatalf("same message during turn: %v %+v", err, rec)
		}
		if _, _, err := s.Begin(ctx, "o1", "101"); !errors.Is(err, bot.ErrBusy) {
			t.Fatalf("second message during turn: %v", err)
		}
		other, _, err := s.Begin(ctx, "o2", "100")
		if err != nil {
			t.Fatalf("another customer blocked: %v", err)
		}
		_ = s.Abort(ctx, other)

		conv := bot.Conversation{OpenID: "o1", State: "greeted", Turns: 1}
		rec := bot.Record{Delivery: bot.DeliveryPassive, Replies: []string{"您好"}}
		if err := s.Commit(ctx, l, conv, rec, nil, nil); err != nil {
			t.Fatal(err)
		}
		if _, got, err := s.Begin(ctx, "o1", "100"); !errors.Is(err, bot.ErrDuplicate) || got.Replies[0] != "您好" {
			t.Fatalf("retry after commit: %v %+v", err, got)
		}
		l2, _, err := s.Begin(ctx, "o1", "101")
		if err != nil {
			t.Fatal(err)
		}
		if l2.Conv.State != "greeted" || l2.Conv.Turns != 1 {
			t.Fatalf("loaded %+v", l2.Conv)
		}
		// Abort forgets the claim so WeChat's retry is processed afresh.
		if err := s.Abort(ctx, l2); err != nil {
			t.Fatal(err)
		}
		l3, _, err := s.Begin(ctx, "o1", "101")
		if err != nil {
			t.Fatalf("retry after abort: %v", err)
		}
		_ = s.Abort(ctx, l3)
	})
}

func TestCommitAfterLockExpiryFails(t *testing.T) {
	testenv.EachRedis(t, func(t *testing.T, rdb redis.UniversalClient, prefix string) {
		ctx := context.Background()
		s := botredis.New(rdb, prefix, botredis.Options{LockTTL: 2 * time.Second})
		l, _, err := s.Begin(ctx, "o1", "1")
		if err != nil {
			t.Fatal(err)
		}
		// Someone else's turn took over after expiry.
		if err := rdb.Set(ctx, prefix+"{o1}:lock", "other", time.Minute).Err(); err != nil {
			t.Fatal(err)
		}
		if err := s.Commit(ctx, l, bot.Conversation{Turns: 9}, bot.Record{}, nil, nil); !errors.Is(err, bot.ErrLockLost) {
			t.Fatalf("commit without the lock: %v", err)
		}
		if _, ok, _ := s.Load(ctx, "o1"); ok {
			t.Fatal("a commit without the lock saved the conversation")
		}
	})
}

func TestConcurrentBeginsClaimOnce(t *testing.T) {
	testenv.EachRedis(t, func(t *testing.T, rdb redis.UniversalClient, prefix string) {
		ctx := context.Background()
		s := botredis.New(rdb, prefix, botredis.Options{})
		var mu sync.Mutex
		claimed, dup := 0, 0
		var wg sync.WaitGroup
		for range 20 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				_, _, err := s.Begin(ctx, "o1", "42")
				mu.Lock()
				defer mu.Unlock()
				switch {
				case err == nil:
					claimed++
				case errors.Is(err, bot.ErrDuplicate):
					dup++
				default:
					t.Error(err)
				}
			}()
		}
		wg.Wait()
		if claimed != 1 || dup != 19 {
			t.Fatalf("claimed %d, duplicates %d; want 1 and 19", claimed, dup)
		}
	})
}

// BenchmarkTurn measures the two round trips of a turn against the test Redis.
func BenchmarkTurn(b *testing.B) {
	rdb, prefix := testenv.Redis(b)
	s := botredis.New(rdb, prefix, botredis.Options{})
	ctx := context.Background()
	conv := bot.Conversation{OpenID: "o_bench", State: "greeted"}
	i := 0
	for b.Loop() {
		i++
		l, _, err := s.Begin(ctx, "o_bench", string(rune(i)))
		if err != nil {
			b.Fatal(err)
		}
		if err := s.Commit(ctx, l, conv, bot.Record{Delivery: bot.DeliveryPassive, Replies: []string{"收到"}},
			[]bot.Line{{Role: bot.RoleCustomer, Text: "在吗"}, {Role: bot.RoleBot, Text: "收到"}}, &bot.Window{OpenedAt: time.Now()}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestTranscriptAndWindow(t *testing.T) {
	testenv.EachRedis(t, func(t *testing.T, rdb redis.UniversalClient, prefix string) {
		ctx := context.Background()
		s := botredis.New(rdb, prefix, botredis.Options{})
		at := time.Unix(1_800_000_000, 0)
		for i := range botredis.MaxTranscript + 10 {
			l, _, err := s.Begin(ctx, "o1", strconv.Itoa(i))
			if err != nil {
				t.Fatal(err)
			}
			lines := []bot.Line{{At: at, Role: bot.RoleCustomer, Text: "第" + strconv.Itoa(i) + "条"}}
			if err := s.Commit(ctx, l, bot.Conversation{}, bot.Record{}, lines, &bot.Window{OpenedAt: at}); err != nil {
				t.Fatal(err)
			}
		}
		got, err := s.Transcript(ctx, "o1")
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != botredis.MaxTranscript || got[len(got)-1].Text != "第209条" || got[0].Text != "第10条" {
			t.Fatalf("transcript has %d lines, %q … %q", len(got), got[0].Text, got[len(got)-1].Text)
		}
		for range 2 {
			if _, err := s.CountPush(ctx, "o1"); err != nil {
				t.Fatal(err)
			}
		}
		w, err := s.Window(ctx, "o1")
		if err != nil || !w.OpenedAt.Equal(at) || w.Used != 2 || w.Event {
			t.Fatalf("window %+v %v", w, err)
		}
		// A new customer message reopens the window with the full quota.
		l, _, _ := s.Begin(ctx, "o1", "next")
		_ = s.Commit(ctx, l, bot.Conversation{}, bot.Record{}, nil, &bot.Window{OpenedAt: at.Add(time.Hour)})
		if w, _ := s.Window(ctx, "o1"); w.Used != 0 || !w.OpenedAt.Equal(at.Add(time.Hour)) {
			t.Fatalf("window after a new message %+v", w)
		}
	})
}

// A turn of a customer with a ticket is announced live, for the staff console on any
// instance.
func TestLiveEvents(t *testing.T) {
	testenv.EachRedis(t, func(t *testing.T, rdb redis.UniversalClient, prefix string) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		s := botredis.New(rdb, prefix, botredis.Options{})
		events := s.Subscribe(ctx)
		for i, ticket := range []string{"", "RS20261122-0001"} {
			l, _, err := s.Begin(ctx, "o1", strconv.Itoa(i))
			if err != nil {
				t.Fatal(err)
			}
			lines := []bot.Line{{Role: bot.RoleCustomer, Text: "<script>alert(1)</script>师傅什么时候来"}}
			if err := s.Commit(ctx, l, bot.Conversation{Ticket: ticket}, bot.Record{}, lines, nil); err != nil {
				t.Fatal(err)
			}
		}
		select {
		case ev := <-events:
			if ev.Ticket != "RS20261122-0001" || len(ev.Lines) != 1 || ev.Lines[0].Text != "<script>alert(1)</script>师傅什么时候来" {
				t.Fatalf("event %+v", ev)
			}
		case <-ctx.Done():
			t.Fatal("no live event")
		}
		select {
		case ev := <-events:
			t.Fatalf("a turn without a ticket was announced: %+v", ev)
		case <-time.After(200 * time.Millisecond):
		}
	})
}

// An instance killed mid-turn leaves its claim and lock; both expire together, and WeChat's
// next retry of the message is then processed afresh by any instance.
func TestAbandonedTurnIsRetried(t *testing.T) {
	rdb, prefix := testenv.Redis(t)
	ctx := context.Background()
	s := botredis.New(rdb, prefix, botredis.Options{LockTTL: 700 * time.Millisecond})
	if _, _, err := s.Begin(ctx, "o1", "m1"); err != nil { // the instance dies here
		t.Fatal(err)
	}
	if _, rec, err := s.Begin(ctx, "o1", "m1"); !errors.Is(err, bot.ErrDuplicate) || rec.Delivery != bot.DeliveryPending {
		t.Fatalf("retry during the dead turn: %v %+v", err, rec)
	}
	time.Sleep(800 * time.Millisecond)
	l, _, err := s.Begin(ctx, "o1", "m1")
	if err != nil {
		t.Fatalf("retry after the lock expired: %v", err)
	}
	if err := s.Commit(ctx, l, bot.Conversation{Turns: 1}, bot.Record{Delivery: bot.DeliveryPassive, Replies: []string{"您好"}}, nil, nil); err != nil {
		t.Fatal(err)
	}
}

// A running turn renews its lease: the lock and the pending claim outlive the lock's time
// to live, a renewal by another token fails, and a committed claim keeps its own expiry.
func TestRenewKeepsARunningTurn(t *testing.T) {
	rdb, prefix := testenv.Redis(t)
	ctx := context.Background()
	const ttl = 600 * time.Millisecond
	s := botredis.New(rdb, prefix, botredis.Options{LockTTL: ttl})
	l, _, err := s.Begin(ctx, "o1", "m1")
	if err != nil {
		t.Fatal(err)
	}
	for range 4 { // 4 × 300 ms: twice the time to live
		time.Sleep(ttl / 2)
		if err := s.Renew(ctx, l); err != nil {
			t.Fatalf("renew: %v", err)
		}
	}
	if _, _, err := s.Begin(ctx, "o1", "m2"); !errors.Is(err, bot.ErrBusy) {
		t.Fatalf("another message while the turn runs: %v, want ErrBusy", err)
	}
	if _, rec, err := s.Begin(ctx, "o1", "m1"); !errors.Is(err, bot.ErrDuplicate) || rec.Delivery != bot.DeliveryPending {
		t.Fatalf("a retry while the turn runs: %v %+v, want a pending duplicate", err, rec)
	}
	stranger := *l
	stranger.Token = "not-the-lease"
	if err := s.Renew(ctx, &stranger); !errors.Is(err, bot.ErrLockLost) {
		t.Fatalf("renew by another token: %v, want ErrLockLost", err)
	}
	if err := s.Commit(ctx, l, bot.Conversation{Turns: 1}, bot.Record{Delivery: bot.DeliveryPassive, Replies: []string{"您好"}}, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Renew(ctx, l); !errors.Is(err, bot.ErrLockLost) {
		t.Fatalf("renew after the commit: %v, want ErrLockLost", err)
	}
	time.Sleep(ttl + 100*time.Millisecond) // the record outlives the lock's time to live
	if _, rec, err := s.Begin(ctx, "o1", "m1"); !errors.Is(err, bot.ErrDuplicate) || len(rec.Replies) != 1 {
		t.Fatalf("a retry after the commit: %v %+v, want the recorded reply", err, rec)
	}
}
