package loadgen

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/wxpush"
)

// These tests run the open loop on a fake clock that moves only when the pacer sleeps, so
// they assert what the pacer does (how many starts, in which order, which count as late),
// never how fast anything ran. How the service copes with a rate is a benchmark
// (BENCHMARKS.md), not a test.

// fakeClock starts at an arbitrary instant and jumps to whatever time the pacer sleeps
// until, plus an overshoot for the sleeps listed in over (by call, from 0): a generator
// that woke up late.
type fakeClock struct {
	mu    sync.Mutex
	now   time.Time
	calls int
	over  map[int]time.Duration
}

func newFakeClock() *fakeClock { return &fakeClock{now: time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)} }

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) SleepUntil(_ context.Context, t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t.After(c.now) {
		c.now = t
	}
	c.now = c.now.Add(c.over[c.calls])
	c.calls++
}

// fakeConvs builds n conversations of turns messages each: "<openid> <turn>".
func fakeConvs(n, turns int) []Prepared {
	out := make([]Prepared, n)
	for i := range out {
		c := Conversation{OpenID: fmt.Sprintf("o_fake_%d", i)}
		p := Prepared{Conversation: c}
		for k := range turns {
			p.Requests = append(p.Requests, Request{Text: fmt.Sprintf("%s %d", c.OpenID, k), Stage: "greeting"})
		}
		out[i] = p
	}
	return out
}

// recorder is a fake webhook: it answers every request with its own text, and remembers
// per customer what was sent and whether two of a customer's requests ever overlapped.
type recorder struct {
	mu      sync.Mutex
	sent    map[string][]string
	busy    map[string]bool
	overlap []string
	wait    func() // called before answering; nil: answer at once
}

func (r *recorder) post(_ context.Context, req Request) (wxpush.Reply, error) {
	openID, _, _ := strings.Cut(req.Text, " ")
	r.mu.Lock()
	if r.sent == nil {
		r.sent, r.busy = map[string][]string{}, map[string]bool{}
	}
	if r.busy[openID] {
		r.overlap = append(r.overlap, req.Text)
	}
	r.busy[openID] = true
	r.sent[openID] = append(r.sent[openID], req.Text)
	r.mu.Unlock()
	if r.wait != nil {
		r.wait()
	}
	r.mu.Lock()
	r.busy[openID] = false
	r.mu.Unlock()
	return wxpush.Reply{Status: 200, Text: req.Text, Latency: time.Millisecond}, nil
}

func TestOffsetIsExactAndNeverDrifts(t *testing.T) {
	cases := []struct {
		k    int
		rate float64
		want time.Duration
	}{
		{0, 300, 0},
		{1, 300, 3333333 * time.Nanosecond},
		{300, 300, time.Second},
		{3, 1000, 3 * time.Millisecond},
		{1, 3, 333333333 * time.Nanosecond},
		{2, 3, 666666667 * time.Nanosecond},
		{600_000, 1000, 10 * time.Minute},
		{1, 0.5, 2 * time.Second},
	}
	for _, tc := range cases {
		if got := Offset(tc.k, tc.rate); got != tc.want {
			t.Errorf("Offset(%d, %v) = %v, want %v", tc.k, tc.rate, got, tc.want)
		}
	}
	slots := []struct {
		d    time.Duration
		rate float64
		want int
	}{
		{time.Second, 300, 300},
		{20 * time.Second, 1000, 20000},
		{time.Second, 3, 3},
		{1500 * time.Millisecond, 2, 3}, // due at 0, 0.5 and 1 s
		{time.Millisecond, 300, 1},      // the start at 0 only
		{10 * time.Second, 0.25, 3},     // 0, 4 and 8 s
	}
	for _, tc := range slots {
		if got := Slots(tc.d, tc.rate); got != tc.want {
			t.Errorf("Slots(%v, %v) = %d, want %d", tc.d, tc.rate, got, tc.want)
		}
	}
}

// Every start due is made, on time by the fake clock; each customer's messages go in
// their order, never two at once; the report counts what was sent.
func TestOpenLoopMakesEveryStartInOrder(t *testing.T) {
	rec := &recorder{}
	clk := newFakeClock()
	o := &openLoop{rate: 500, window: 2 * time.Second, maxInFlight: 50, script: Echo, clock: clk, post: rec.post}
	convs := fakeConvs(1000, 7) // enough even if no customer were ever back in time
	tallies, timed, p, elapsed := o.run(context.Background(), convs)
	if p.Scheduled != 1000 || p.Started != 1000 || p.Late != 0 || p.Missed != 0 || p.MaxLag != 0 {
		t.Fatalf("pacing %+v, want 1000 starts due and made, none late or missed", p)
	}
	if p.Peak < 1 || p.Peak > 50 {
		t.Errorf("peak %d in flight, want 1…50", p.Peak)
	}
	if want := Offset(999, 500); elapsed != want {
		t.Errorf("elapsed %v on the fake clock, want %v (the last start; replies take no fake time)", elapsed, want)
	}
	if len(rec.overlap) > 0 {
		t.Errorf("a customer had two messages in flight: %q", rec.overlap)
	}
	total := 0
	for id, texts := range rec.sent {
		for k, text := range texts {
			if want := fmt.Sprintf("%s %d", id, k); text != want {
				t.Fatalf("%s's message %d was %q, want %q: out of order", id, k, text, want)
			}
		}
		total += len(texts)
	}
	if total != 1000 {
		t.Errorf("%d messages reached the webhook, want 1000", total)
	}
	res := openResult(Echo, o.rate, o.window, tallies, timed, p, elapsed)
	if res.Requests != 1000 || res.Errors != 0 || res.EmptyReplies != 0 || res.Latency.Count != 1000 || res.Latency.P99 != time.Millisecond {
		t.Errorf("result %+v", res)
	}
	if res.OfferedRate != 500 || res.StartedRate != 500 || res.Scheduled != 1000 || res.Started != 1000 || len(res.Warnings) != 0 {
		t.Errorf("rates offered %v started %v, %d/%d starts, warnings %q", res.OfferedRate, res.StartedRate, res.Started, res.Scheduled, res.Warnings)
	}
	if len(res.Timeline) != 2 || res.Timeline[0].Latency.Count != 500 || res.Timeline[1].Latency.Count != 500 || res.Timeline[1].Second != 1 {
		t.Errorf("timeline %+v, want 500 requests in each of 2 seconds", res.Timeline)
	}
	if res.Conversations != len(tallies) || res.Completed > res.Conversations || res.Completed*7 > 1000 {
		t.Errorf("%d conversations begun, %d completed", res.Conversations, res.Completed)
	}
}

// A generator that wakes up 35 ms late at one start (rate 100: a start every 10 ms) makes
// that start and the next two late by more than LateAfter (35, 25, 15 ms), the fourth
// within it (5 ms); all are still made.
func TestOpenLoopCountsLateStarts(t *testing.T) {
	clk := newFakeClock()
	clk.over = map[int]time.Duration{5: 35 * time.Millisecond}
	o := &openLoop{rate: 100, window: time.Second, maxInFlight: 10, script: Echo, clock: clk, post: (&recorder{}).post}
	tallies, timed, p, elapsed := o.run(context.Background(), fakeConvs(100, 3))
	if p.Started != 100 || p.Late != 3 || p.MaxLag != 35*time.Millisecond || p.Missed != 0 {
		t.Fatalf("pacing %+v, want 100 starts, 3 late, max lag 35ms", p)
	}
	res := openResult(Echo, o.rate, o.window, tallies, timed, p, elapsed)
	if res.LateStarts != 3 || len(res.Warnings) != 1 || !strings.Contains(res.Warnings[0], "3 of 100 starts began more than 10ms late") {
		t.Errorf("late starts %d, warnings %q", res.LateStarts, res.Warnings)
	}
	var out bytes.Buffer
	(&Report{Script: Echo, Result: res, Warnings: res.Warnings}).WriteText(&out)
	for _, want := range []string{"open loop at 100 req/s", "100 starts due, 100 made (100 req/s), 3 late by more than 10ms (max lag 35.00ms)", "p90 1.00ms", "by second due", "     0s    100     1.00ms    1.00ms    1.00ms", "warning: 3 of 100"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, out.String())
		}
	}
}

// Conversations of one message never have a customer waiting to type: each start begins
// a conversation, and once the prepared ones are used up the rest are missed.
func TestOpenLoopMissesStartsWithoutConversations(t *testing.T) {
	o := &openLoop{rate: 100, window: 50 * time.Millisecond, maxInFlight: 10, script: Echo, clock: newFakeClock(), post: (&recorder{}).post}
	tallies, timed, p, elapsed := o.run(context.Background(), fakeConvs(2, 1))
	if p.Scheduled != 5 || p.Started != 2 || p.Missed != 3 || len(tallies) != 2 {
		t.Fatalf("pacing %+v with %d conversations begun, want 2 started, 3 missed", p, len(tallies))
	}
	res := openResult(Echo, o.rate, o.window, tallies, timed, p, elapsed)
	if res.StartedRate != 40 || res.Missed != 3 || res.Completed != 2 || !strings.Contains(strings.Join(res.Warnings, "\n"), "3 starts missed") {
		t.Errorf("started rate %v, missed %d, completed %d, warnings %q", res.StartedRate, res.Missed, res.Completed, res.Warnings)
	}
}

// The in-flight limit holds: with replies held back, the third start waits for a slot
// (and is counted) until they are let go; no more than the limit are ever in flight.
func TestOpenLoopHoldsTheInFlightLimit(t *testing.T) {
	release := make(chan struct{})
	rec := &recorder{wait: func() { <-release }}
	capped := make(chan struct{}, 10)
	o := &openLoop{rate: 100, window: 60 * time.Millisecond, maxInFlight: 2, script: Echo, clock: newFakeClock(), post: rec.post,
		onCapped: func() { capped <- struct{}{} }}
	done := make(chan pacing)
	go func() {
		_, _, p, _ := o.run(context.Background(), fakeConvs(6, 1))
		done <- p
	}()
	<-capped // the third start, with two replies held
	close(release)
	p := <-done
	if p.Started != 6 || p.Peak != 2 || p.Capped < 1 || p.Missed != 0 {
		t.Fatalf("pacing %+v, want 6 starts, 2 in flight at most, some waiting for the limit", p)
	}
}

// Run refuses what the open loop cannot do.
func TestRateConfigRefused(t *testing.T) {
	base := Config{URLs: []string{"http://127.0.0.1:1/wechat"}, Script: Full, Customers: 1, Conversations: 1}
	cases := []struct {
		name   string
		change func(*Config)
		want   string
	}{
		{"negative rate", func(c *Config) { c.Rate = -1 }, "positive number"},
		{"rate without a duration", func(c *Config) { c.Rate = 10 }, "needs a duration"},
		{"rate with think time", func(c *Config) { c.Rate, c.Duration, c.Think = 10, time.Second, time.Second }, "think time"},
		{"negative in-flight limit", func(c *Config) { c.Rate, c.Duration, c.MaxInFlight = 10, time.Second, -1 }, "in-flight"},
	}
	for _, tc := range cases {
		cfg := base
		tc.change(&cfg)
		if _, err := Run(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: %v, want an error naming %q", tc.name, err, tc.want)
		}
	}
	// A rate with a duration needs no warm-up to size what it prepares.
	cfg := base
	cfg.Rate, cfg.Duration = 10, time.Second
	if err := cfg.check(); err != nil {
		t.Errorf("rate 10 for 1s without a warm-up: %v", err)
	}
}

func TestOpenPoolCoversEveryStart(t *testing.T) {
	n, capped := openPool(Full, 300, 20*time.Second, 1000)
	turns := len(Full.Build("o", 0).Turns)
	if capped || n*12 < 6000 || n > 6000/12+1000+1 || turns < 12 {
		t.Errorf("openPool(full, 300/s, 20s, 1000) = %d (capped %v), %d turns", n, capped, turns)
	}
	if n, capped := openPool(Full, 100_000, 4*time.Minute, 1000); !capped || n*turns > maxPrepared {
		t.Errorf("openPool past the memory bound = %d, capped %v", n, capped)
	}
}
