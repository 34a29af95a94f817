package knowledgedb

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/wxintake/intake/knowledge"
)

// DefaultPollInterval is how often a Watcher compares the served version with the
// database, in case a notification was lost (Redis restarted, a connection dropped).
const DefaultPollInterval = 5 * time.Second

// Publisher is the Store that also tells every running instance about what it publishes:
// after the transaction commits it sends the new version on the Redis channel
// <prefix>kb:published, and each instance's Watcher loads that revision and swaps it in.
type Publisher struct {
	*Store
	rdb     redis.UniversalClient
	channel string
	poll    time.Duration
	log     *slog.Logger
}

// NewPublisher returns a Publisher for store notifying over rdb on the channel
// prefix+"kb:published". A poll of 0 means DefaultPollInterval.
func NewPublisher(store *Store, rdb redis.UniversalClient, prefix string, poll time.Duration, log *slog.Logger) *Publisher {
	if poll <= 0 {
		poll = DefaultPollInterval
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Publisher{Store: store, rdb: rdb, channel: prefix + "kb:published", poll: poll, log: log}
}

// Channel is the Redis channel the versions are published on.
func (p *Publisher) Channel() string { return p.channel }

// Publish publishes the draft (Store.Publish) and notifies every instance. A failed
// notification does not undo the publish: it is logged, and watchers find the revision
// at their next poll.
func (p *Publisher) Publish(ctx context.Context, author, message string) (knowledge.Revision, error) {
	rev, err := p.Store.Publish(ctx, author, message)
	if err == nil {
		p.notify(ctx, rev.Version)
	}
	return rev, err
}

// Rollback publishes a copy of revision to (Store.Rollback) and notifies every instance.
func (p *Publisher) Rollback(ctx context.Context, author string, to int, message string) (knowledge.Revision, error) {
	rev, err := p.Store.Rollback(ctx, author, to, message)
	if err == nil {
		p.notify(ctx, rev.Version)
	}
	return rev, err
}

func (p *Publisher) notify(ctx context.Context, version int) {
	if err := p.Notify(ctx, version); err != nil {
		p.log.Warn("knowledge published but not announced; instances pick it up at their next poll",
			"version", version, "err", err, "poll", p.poll.String())
	}
}

// Notify announces that version is now current.
func (p *Publisher) Notify(ctx context.Context, version int) error {
	return p.rdb.Publish(ctx, p.channel, strconv.Itoa(version)).Err()
}

// Watcher keeps one instance serving the current revision. See Publisher.Watch.
type Watcher struct {
	p      *Publisher
	apply  func(set *knowledge.Set, version int) error
	sub    *redis.PubSub
	cancel context.CancelFunc
	done   chan struct{}

	mu      sync.Mutex
	applied int
}

// Watch subscribes to the announcements and, once subscribed, returns a Watcher that runs
// until Stop: on every announcement, and every poll interval in case one was lost, it
// compares the current version in the database with the one applied, and when they
// differ it loads and parses the current revision and calls apply with it. apply should
// swap the whole knowledge base at once (build it, then replace one pointer), so that no
// request sees half a revision. from is the version already applied.
func (p *Publisher) Watch(ctx context.Context, from int, apply func(set *knowledge.Set, version int) error) (*Watcher, error) {
	sub := p.rdb.Subscribe(ctx, p.channel)
	if _, err := sub.Receive(ctx); err != nil { // the subscription's confirmation
		_ = sub.Close()
		return nil, fmt.Errorf("knowledgedb: subscribe %s: %w", p.channel, err)
	}
	ctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	w := &Watcher{p: p, apply: apply, sub: sub, cancel: cancel, done: make(chan struct{}), applied: from}
	go w.run(ctx)
	return w, nil
}

func (w *Watcher) run(ctx context.Context) {
	defer close(w.done)
	msgs := w.sub.Channel()
	tick := time.NewTicker(w.p.poll)
	defer tick.Stop()
	w.check(ctx, "start") // a publish between the caller's load and the subscription
	for {
		select {
		case <-ctx.Done():
			return
		case m, ok := <-msgs:
			if !ok {
				return
			}
			if v, err := strconv.Atoi(m.Payload); err == nil && v == w.Applied() {
				continue
			}
			w.check(ctx, "announced")
		case <-tick.C:
			w.check(ctx, "poll")
		}
	}
}

// check applies the current revision when it is not the one applied.
func (w *Watcher) check(ctx context.Context, why string) {
	v, err := w.p.CurrentVersion(ctx)
	if err != nil {
		if ctx.Err() == nil {
			w.p.log.Warn("knowledge: cannot read the current version", "err", err)
		}
		return
	}
	if v == w.Applied() {
		return
	}
	started := time.Now()
	set, err := w.p.Load(ctx, v)
	if err == nil {
		err = w.apply(set, v)
	}
	if err != nil {
		if ctx.Err() == nil {
			w.p.log.Error("knowledge: cannot serve the published revision; still serving the previous one",
				"version", v, "serving", w.Applied(), "err", err)
		}
		return
	}
	w.mu.Lock()
	w.applied = v
	w.mu.Unlock()
	w.p.log.Info("knowledge revision now served", "version", v, "rules", len(set.Rules), "trigger", why,
		"load_ms", time.Since(started).Milliseconds())
}

// Applied is the version the watcher applied last.
func (w *Watcher) Applied() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.applied
}

// Stop ends the watcher and waits for it.
func (w *Watcher) Stop() {
	w.cancel()
	_ = w.sub.Close()
	<-w.done
}
