package loadgen

import (
	"context"
	"fmt"
	"math"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wxintake/intake/internal/wxpush"
)

// The open loop (Config.Rate): messages start at a fixed pace whatever the service's
// latency, as customers arrive in production, instead of each customer waiting for a reply
// before the next customer's message can go (the closed loop, where a slow service slows
// the load down and hides its own queueing).
//
// The k-th start of a phase is due k/Rate seconds after the phase began. At each start the
// generator takes a customer who is waiting to type (the reply to their previous message has
// arrived), first come first served, or else begins a new conversation; so one customer
// never has two messages in flight, the messages of a conversation go in order, and the
// number of customers chatting at once grows with the latency (rate × latency). A start
// that waits for a free slot of Config.MaxInFlight, or that the generator itself begins
// more than LateAfter after it was due, is counted as late: the offered rate was then not
// really offered. Starts for which no prepared conversation is left are counted as missed.

// DefaultMaxInFlight bounds the requests an open-loop phase has in flight at once.
const DefaultMaxInFlight = 1000

// LateAfter is how long after it was due a start may begin before it counts as late.
const LateAfter = 10 * time.Millisecond

// Offset is when the k-th start (from 0) of a phase at rate starts per second is due,
// from the phase's start: computed from k, so rounding never accumulates.
func Offset(k int, rate float64) time.Duration {
	return time.Duration(math.Round(float64(k) * float64(time.Second) / rate))
}

// Slots is how many starts are due within d at rate: those with Offset(k) < d.
func Slots(d time.Duration, rate float64) int {
	n := int(math.Ceil(d.Seconds() * rate))
	for n > 0 && Offset(n-1, rate) >= d {
		n--
	}
	for Offset(n, rate) < d {
		n++
	}
	return n
}

// clock is the pacer's time: the real one in runs, a fake one in tests.
type clock interface {
	Now() time.Time
	// SleepUntil returns at t, at once when t has passed, or when ctx ends.
	SleepUntil(ctx context.Context, t time.Time)
}

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) SleepUntil(ctx context.Context, t time.Time) {
	d := time.Until(t)
	if d <= 0 {
		return
	}
	tm := time.NewTimer(d)
	defer tm.Stop()
	select {
	case <-ctx.Done():
	case <-tm.C:
	}
}

// openLoop runs one open-loop phase.
type openLoop struct {
	rate        float64
	window      time.Duration // starts are due within it
	maxInFlight int
	script      Script
	clock       clock
	post        func(context.Context, Request) (wxpush.Reply, error)
	onCapped    func() // tests: a start is about to wait for a free slot
}

// openCustomer is one conversation under way. Its requests never overlap, and it passes
// from one request's goroutine to the next through a channel, so its tally needs no lock.
type openCustomer struct {
	conv   Prepared
	next   int // its next message
	ticket bool
	t      tally
	timed  []timedLatency
}

// timedLatency is the latency of a request that got a response, by when it was due.
type timedLatency struct{ due, latency time.Duration }

// pacing is what the open loop counts about its own starts.
type pacing struct {
	Scheduled int           // starts due in the window
	Started   int           // made
	Late      int           // began more than LateAfter after they were due
	Capped    int           // waited for a free in-flight slot
	Missed    int           // not made: no prepared conversation left
	MaxLag    time.Duration // the latest start, behind its time
	Peak      int           // most requests in flight at once
	LastStart time.Duration // when the last start was made, from the first one's due time
}

// run makes the phase's starts from convs, waits for every reply and returns the tallies of
// the conversations it began, the latencies by when they were due, its pacing and the time
// from the first start to the last reply.
func (o *openLoop) run(ctx context.Context, convs []Prepared) ([]tally, []timedLatency, pacing, time.Duration) {
	var (
		p        pacing
		wg       sync.WaitGroup
		inFlight atomic.Int64
		peak     atomic.Int64
		begun    []*openCustomer
	)
	// Every customer is at most once in the queue, so it never fills.
	waiting := make(chan *openCustomer, len(convs))
	slots := make(chan struct{}, o.maxInFlight)
	p.Scheduled = Slots(o.window, o.rate)
	start := o.clock.Now()
	for k := range p.Scheduled {
		due := start.Add(Offset(k, o.rate))
		o.clock.SleepUntil(ctx, due)
		if ctx.Err() != nil {
			break
		}
		var c *openCustomer
		select {
		case c = <-waiting:
		default:
			if len(begun) == len(convs) {
				p.Missed++
				continue
			}
			c = &openCustomer{conv: convs[len(begun)]}
			c.t.conversations++
			begun = append(begun, c)
		}
		select {
		case slots <- struct{}{}:
		default:
			p.Capped++
			if o.onCapped != nil {
				o.onCapped()
			}
			select {
			case slots <- struct{}{}:
			case <-ctx.Done():
			}
		}
		if ctx.Err() != nil {
			break
		}
		now := o.clock.Now()
		lag := now.Sub(due)
		p.LastStart = now.Sub(start)
		if lag > LateAfter {
			p.Late++
		}
		p.MaxLag = max(p.MaxLag, lag)
		p.Started++
		n := inFlight.Add(1)
		for old := peak.Load(); n > old && !peak.CompareAndSwap(old, n); old = peak.Load() {
		}
		offset := due.Sub(start)
		wg.Go(func() {
			o.send(ctx, c, offset)
			inFlight.Add(-1)
			<-slots
			if c.next < len(c.conv.Requests) {
				waiting <- c
			}
		})
	}
	wg.Wait()
	elapsed := o.clock.Now().Sub(start)
	p.Peak = int(peak.Load())
	tallies := make([]tally, len(begun))
	var timed []timedLatency
	for i, c := range begun {
		tallies[i] = c.t
		timed = append(timed, c.timed...)
	}
	return tallies, timed, p, elapsed
}

// send posts c's next message, due at offset into the phase, and counts it.
func (o *openLoop) send(ctx context.Context, c *openCustomer, offset time.Duration) {
	i := c.next
	req := c.conv.Requests[i]
	reply, err := o.post(ctx, req)
	c.t.record(o.script, c.conv, i, req, reply, err)
	if reply.Status != 0 {
		c.timed = append(c.timed, timedLatency{offset, reply.Latency})
	}
	c.ticket = c.ticket || TicketNumber.MatchString(reply.Text)
	c.next++
	if c.next == len(c.conv.Requests) {
		c.t.completed++
		if c.ticket {
			c.t.tickets++
		}
	}
}

// openResult is the phase's Result: the tallies merged over the time to the last reply,
// with the pacing and the latency second by second of the schedule.
func openResult(s Script, rate float64, window time.Duration, tallies []tally, timed []timedLatency, p pacing, elapsed time.Duration) Result {
	res := merge(s, tallies, elapsed)
	res.OfferedRate = rate
	res.Window = window.Seconds()
	if p.Started > 0 {
		// Over the window, or the span the starts took when it ran past the window (one
		// interval more than from the first start to the last).
		res.StartedRate = float64(p.Started) / max(window, p.LastStart+Offset(1, rate)).Seconds()
	}
	res.Timeline = timeline(timed)
	res.Scheduled, res.Started, res.LateStarts, res.Capped, res.Missed = p.Scheduled, p.Started, p.Late, p.Capped, p.Missed
	res.MaxLag = p.MaxLag
	res.PeakInFlight = p.Peak
	if p.Late > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d of %d starts began more than %v late (%d waited for the in-flight limit): less than the offered rate was offered",
			p.Late, p.Started, LateAfter, p.Capped))
	}
	if p.Missed > 0 {
		res.Warnings = append(res.Warnings, fmt.Sprintf("%d starts missed: no prepared conversation left", p.Missed))
	}
	return res
}

// timeline is the latency of the requests due in each second of the phase.
func timeline(timed []timedLatency) []SecondLatency {
	var by [][]time.Duration
	for _, x := range timed {
		sec := int(x.due / time.Second)
		for len(by) <= sec {
			by = append(by, nil)
		}
		by[sec] = append(by[sec], x.latency)
	}
	out := make([]SecondLatency, len(by))
	for i, d := range by {
		out[i] = SecondLatency{Second: i, Latency: Summarize(d)}
	}
	return out
}

// openPool is how many conversations an open-loop phase prepares: enough for every start
// if each conversation is done in its shortest number of turns, plus one per request that
// may be in flight (a conversation is begun only when no customer is waiting, so at most
// that many are unfinished), within maxPrepared requests.
func openPool(s Script, rate float64, window time.Duration, maxInFlight int) (n int, capped bool) {
	turns := len(s.Build("o", 0).Turns)
	for i := 1; i < 16; i++ { // the script varies the number of turns by conversation
		turns = min(turns, len(s.Build("o", i).Turns))
	}
	n = int(math.Ceil(float64(Slots(window, rate))/float64(max(turns, 1)))) + min(maxInFlight, Slots(window, rate))
	if limit := maxPrepared / max(turns, 1); n > limit {
		return limit, true
	}
	return n, false
}

// openPhase prepares the conversations of an open-loop phase and runs it.
func (r *runner) openPhase(ctx context.Context) (Result, error) {
	t0 := time.Now()
	n, capped := openPool(r.cfg.Script, r.cfg.Rate, r.cfg.Duration, r.cfg.MaxInFlight)
	convs := make([]Prepared, 0, n)
	for i := range n {
		p, err := r.prep.Prepare(r.cfg.Script.Build(fmt.Sprintf("o%s_r_%d", r.cfg.RunID, i), i))
		if err != nil {
			return Result{}, err
		}
		convs = append(convs, p)
	}
	prepared := time.Since(t0)
	o := &openLoop{
		rate: r.cfg.Rate, window: r.cfg.Duration, maxInFlight: r.cfg.MaxInFlight, script: r.cfg.Script,
		clock: realClock{},
		post: func(ctx context.Context, req Request) (wxpush.Reply, error) {
			return r.decoder.Post(ctx, req.Prepared)
		},
	}
	tallies, timed, p, elapsed := o.run(ctx, convs)
	res := openResult(r.cfg.Script, r.cfg.Rate, r.cfg.Duration, tallies, timed, p, elapsed)
	res.PrepareSeconds = prepared.Seconds()
	if capped {
		res.Warnings = append(res.Warnings, fmt.Sprintf("prepared only %d conversations (memory bound)", n))
	}
	if elapsed > MaxPhase {
		res.Warnings = append(res.Warnings, fmt.Sprintf("the phase ran %v: requests prepared more than 5 minutes before they were sent are refused as replays", elapsed.Round(time.Second)))
	}
	return res, nil
}
