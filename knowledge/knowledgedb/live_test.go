package knowledgedb

import (
	"errors"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/knowledge"
)

// applied collects what a watcher hands its instance.
type applied struct {
	ch chan int
}

func newApplied() *applied { return &applied{ch: make(chan int, 16)} }

func (a *applied) apply(set *knowledge.Set, version int) error {
	if set.Version != versionLabel(version) {
		return errors.New("set and version disagree")
	}
	a.ch <- version
	return nil
}

// wait returns the next version applied, failing after timeout.
func (a *applied) wait(tb testing.TB, timeout time.Duration) int {
	tb.Helper()
	select {
	case v := <-a.ch:
		return v
	case <-time.After(timeout):
		tb.Fatalf("nothing applied within %s", timeout)
		return 0
	}
}

func (a *applied) none(tb testing.TB, d time.Duration) {
	tb.Helper()
	select {
	case v := <-a.ch:
		tb.Fatalf("version %d applied, want none", v)
	case <-time.After(d):
	}
}

// TestAPublishReachesAnotherInstanceByAnnouncement: the other instance never polls, so only
// the announcement can bring it the revision. The deadline is a correctness bound for a
// loaded test machine; the latency target (2 s) is measured by BenchmarkApplyRevision and
// BenchmarkCheckPublishable, and the time seen here is logged.
// announced bounds how long an announced revision may take to be applied in a test.
const announced = 15 * time.Second

func TestAPublishReachesAnotherInstanceByAnnouncement(t *testing.T) {
	testenv.EachRedis(t, func(t *testing.T, rdb redis.UniversalClient, prefix string) {
		db := testenv.SQLite(t)
		here := NewPublisher(newStore(t, db), rdb, prefix, 0, nil)
		there := NewPublisher(New(db, Options{}), rdb, prefix, time.Hour, nil) // no poll: only the announcement can do it
		got := newApplied()
		w, err := there.Watch(ctx, 1, got.apply)
		if err != nil {
			t.Fatal(err)
		}
		defer w.Stop()

		if _, err := here.PutRule(ctx, "pat", "", []byte(keyboardRule)); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		rev, err := here.Publish(ctx, "pat", "键盘")
		if err != nil {
			t.Fatal(err)
		}
		if v := got.wait(t, announced); v != rev.Version {
			t.Fatalf("applied v%d, want v%d", v, rev.Version)
		}
		t.Logf("publish → served by the other instance in %s", time.Since(start))
		for w.Applied() != rev.Version { // set once apply has returned
			if time.Since(start) > announced {
				t.Fatalf("Applied = %d", w.Applied())
			}
			time.Sleep(time.Millisecond)
		}

		// Announcing what is already served changes nothing; a rollback is announced too.
		if err := here.Notify(ctx, rev.Version); err != nil {
			t.Fatal(err)
		}
		got.none(t, 200*time.Millisecond)
		back, err := here.Rollback(ctx, "pat", 1, "")
		if err != nil {
			t.Fatal(err)
		}
		if v := got.wait(t, announced); v != back.Version {
			t.Fatalf("applied v%d after the rollback, want v%d", v, back.Version)
		}
	})
}

func TestAWatcherCatchesUpWithoutAnnouncement(t *testing.T) {
	rdb, prefix, _ := testenv.MiniRedis(t)
	db := testenv.SQLite(t)
	s := newStore(t, db)
	// Published before the watcher starts: found by its first check.
	if _, err := s.PutRule(ctx, "quin", "", []byte(keyboardRule)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Publish(ctx, "quin", "v2"); err != nil {
		t.Fatal(err)
	}
	got := newApplied()
	w, err := NewPublisher(s, rdb, prefix, 100*time.Millisecond, nil).Watch(ctx, 1, got.apply)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Stop()
	if v := got.wait(t, 5*time.Second); v != 2 {
		t.Fatalf("applied v%d, want 2", v)
	}
	// Published by the store alone, as if the announcement were lost: found by the poll.
	if _, err := s.PutRule(ctx, "quin", "", []byte(stickerRule)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Publish(ctx, "quin", "v3"); err != nil {
		t.Fatal(err)
	}
	if v := got.wait(t, 5*time.Second); v != 3 {
		t.Fatalf("applied v%d, want 3", v)
	}
}

func TestAWatcherKeepsServingWhenARevisionCannotBeApplied(t *testing.T) {
	rdb, prefix, _ := testenv.MiniRedis(t)
	s := newStore(t, testenv.SQLite(t))
	p := NewPublisher(s, rdb, prefix, 50*time.Millisecond, nil)
	tries := make(chan int, 100)
	w, err := p.Watch(ctx, 1, func(_ *knowledge.Set, v int) error {
		tries <- v
		return errors.New("cannot build")
	})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Stop()
	if _, err := p.PutRule(ctx, "ray", "", []byte(keyboardRule)); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Publish(ctx, "ray", "v2"); err != nil {
		t.Fatal(err)
	}
	for range 2 { // the announcement, then the poll tries again
		select {
		case <-tries:
		case <-time.After(5 * time.Second):
			t.Fatal("the watcher did not try to apply v2")
		}
	}
	if w.Applied() != 1 {
		t.Fatalf("Applied = %d after failures, want 1", w.Applied())
	}
}
