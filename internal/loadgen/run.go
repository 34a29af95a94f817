package loadgen

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"math"
	mrand "math/rand/v2"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/wxintake/intake/internal/wxpush"
)

// The credentials of internal/apptest, the defaults of cmd/loadgen and cmd/barewx.
const (
	TestToken  = "testtoken"
	TestAESKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"
	TestAppID  = "wx0000000000000000"
)

// MaxPhase is how long one phase may run after it was prepared: WeChat's timestamps are
// refused once they are five minutes old, so a phase must end before that, with a margin.
const MaxPhase = 4*time.Minute + 30*time.Second

// maxPrepared bounds the requests a duration-mode phase prepares (about 1 KB each).
const maxPrepared = 400_000

// Config is one load run.
type Config struct {
	URLs                 []string // webhooks; each request picks one at random
	Token, AESKey, AppID string
	Script               Script
	Customers            int           // customers chatting at once
	Conversations        int           // measured conversations per customer, when Duration is zero
	Duration             time.Duration // measure for this long instead (needs Warmup ≥ 1)
	Warmup               int           // conversations per customer before measuring
	Timeout              time.Duration // per request; 10 s when zero
	Think                time.Duration // pause after each reply before the next message, off the clock of latency
	Seed                 uint64        // for the URL picks; random when zero
	RunID                string        // part of every OpenID; random when empty
	HTTP                 *http.Client  // nil: NewHTTPClient for Customers (MaxInFlight with Rate)
	// Rate, when set, makes the measured phase an open loop (openloop.go): this many
	// messages start per second for Duration, whatever the latency, each customer waiting
	// for its reply before its next message. The warm-up stays a closed loop of Customers.
	Rate        float64
	MaxInFlight int // requests in flight at most with Rate; DefaultMaxInFlight when zero
}

// NewHTTPClient returns a client keeping one idle connection per customer and host, as
// WeChat's servers keep connections to a webhook.
func NewHTTPClient(customers, hosts int, timeout time.Duration) *http.Client {
	return &http.Client{Timeout: timeout, Transport: &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        customers * max(hosts, 1),
		MaxIdleConnsPerHost: customers,
		IdleConnTimeout:     90 * time.Second,
		DisableCompression:  true,
	}}
}

func (c *Config) check() error {
	switch {
	case len(c.URLs) == 0:
		return errors.New("loadgen: no webhook URL")
	case c.Customers < 1:
		return errors.New("loadgen: customers must be at least 1")
	case c.Duration == 0 && c.Conversations < 1:
		return errors.New("loadgen: conversations must be at least 1 (or set a duration)")
	case c.Duration < 0 || c.Duration > MaxPhase:
		return fmt.Errorf("loadgen: duration must be positive and at most %v (WeChat timestamps expire after 5 minutes)", MaxPhase)
	case c.Rate < 0 || math.IsNaN(c.Rate) || math.IsInf(c.Rate, 0):
		return errors.New("loadgen: the rate must be a positive number of requests per second")
	case c.Rate > 0 && c.Duration == 0:
		return errors.New("loadgen: a rate needs a duration")
	case c.Rate > 0 && c.Think != 0:
		return errors.New("loadgen: think time is for the closed loop; a rate sets the pace itself")
	case c.MaxInFlight < 0:
		return errors.New("loadgen: the in-flight limit must not be negative")
	case c.Rate == 0 && c.Duration > 0 && c.Warmup < 1:
		return errors.New("loadgen: a duration needs a warm-up to size what to prepare")
	case c.Think < 0:
		return errors.New("loadgen: think time must not be negative")
	}
	_, err := ParseScript(string(c.Script))
	return err
}

// Run runs the warm-up phase, then the measured phase, each prepared just before its clock
// starts, and reports the measured one. It returns an error only when the run could not be
// set up; failed requests are counted in the report.
func Run(ctx context.Context, cfg Config) (*Report, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 10 * time.Second
	}
	if cfg.RunID == "" {
		cfg.RunID = randomHex(4)
	}
	if cfg.Seed == 0 {
		cfg.Seed = mrand.Uint64()
	}
	if cfg.Rate > 0 && cfg.MaxInFlight == 0 {
		cfg.MaxInFlight = DefaultMaxInFlight
	}
	r := newRunner(cfg)
	rep := &Report{Script: cfg.Script, URLs: cfg.URLs, Customers: cfg.Customers, RunID: cfg.RunID}

	if cfg.Warmup > 0 {
		w, err := r.phase(ctx, cfg.Warmup, 0)
		if err != nil {
			return nil, err
		}
		rep.Warmup = &w
		rep.Warnings = append(rep.Warnings, w.Warnings...)
	}
	var m Result
	var err error
	if cfg.Rate > 0 {
		m, err = r.openPhase(ctx)
	} else {
		per := cfg.Conversations
		if cfg.Duration > 0 {
			per = r.poolSize(rep.Warmup, rep)
		}
		m, err = r.phase(ctx, per, cfg.Duration)
	}
	if err != nil {
		return nil, err
	}
	rep.Result = m
	rep.Warnings = append(rep.Warnings, m.Warnings...)
	return rep, nil
}

func newRunner(cfg Config) *runner {
	hc := cfg.HTTP
	if hc == nil {
		hc = NewHTTPClient(max(cfg.Customers, cfg.MaxInFlight), len(cfg.URLs), cfg.Timeout)
	}
	return &runner{
		cfg:     cfg,
		prep:    NewPreparer(cfg.URLs, cfg.Token, cfg.AESKey, cfg.AppID, mrand.New(mrand.NewPCG(cfg.Seed, 1))),
		decoder: &wxpush.Client{Token: cfg.Token, AESKey: cfg.AESKey, AppID: cfg.AppID, Mode: wxpush.Safe, HTTP: hc},
		next:    make([]int, cfg.Customers),
	}
}

type runner struct {
	cfg     Config
	prep    *Preparer
	decoder *wxpush.Client
	mu      sync.Mutex // guards prep and next while customers refill during a phase
	next    []int      // each customer's next conversation number
}

// poolSize is how many conversations each customer needs for the measured duration, from
// the warm-up's pace with three times as much as margin: a short warm-up runs colder than
// the steady state.
func (r *runner) poolSize(w *Result, rep *Report) int {
	perSecond := float64(w.Conversations) / float64(r.cfg.Customers) / w.Seconds
	n := int(math.Ceil(perSecond*r.cfg.Duration.Seconds()*3)) + 2
	turns := len(r.cfg.Script.Build("o", 0).Turns)
	if limit := maxPrepared / turns / r.cfg.Customers; n > limit {
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("prepared only %d conversations per customer (memory bound); customers may run out before the duration ends", limit))
		n = max(limit, 1)
	}
	return n
}

// phase prepares per conversations for every customer, then runs them all at once until
// they are done or, with a duration, until it has passed.
func (r *runner) phase(ctx context.Context, per int, d time.Duration) (Result, error) {
	t0 := time.Now()
	pools := make([][]Prepared, r.cfg.Customers)
	for c := range pools {
		pools[c] = make([]Prepared, 0, per)
		for range per {
			p, err := r.prepare(c)
			if err != nil {
				return Result{}, err
			}
			pools[c] = append(pools[c], p)
		}
	}
	prepared := time.Since(t0)

	tallies := make([]tally, r.cfg.Customers)
	var wg sync.WaitGroup
	start := time.Now()
	var deadline time.Time
	if d > 0 {
		deadline = start.Add(d)
	}
	for c := range pools {
		wg.Go(func() { r.customer(ctx, c, pools[c], deadline, &tallies[c]) })
	}
	wg.Wait()
	elapsed := time.Since(start)

	res := merge(r.cfg.Script, tallies, elapsed)
	res.PrepareSeconds = prepared.Seconds()
	if elapsed > MaxPhase {
		res.Warnings = append(res.Warnings, fmt.Sprintf("the phase ran %v: requests prepared more than 5 minutes before they were sent are refused as replays", elapsed.Round(time.Second)))
	}
	if d > 0 {
		for c := range tallies {
			if tallies[c].refills > 0 {
				res.Exhausted++
			}
		}
		if res.Exhausted > 0 {
			res.Warnings = append(res.Warnings, fmt.Sprintf("%d customers ran out of prepared conversations before the duration ended and prepared more on the clock", res.Exhausted))
		}
	}
	return res, nil
}

// prepare builds customer c's next conversation. Consecutive customers take consecutive
// numbers, so the customers chatting at any moment cover every category.
func (r *runner) prepare(c int) (Prepared, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := r.next[c]*r.cfg.Customers + c
	r.next[c]++
	return r.prep.Prepare(r.cfg.Script.Build(fmt.Sprintf("o%s_%d_%d", r.cfg.RunID, c, r.next[c]), n))
}

// customer sends its conversations in order, each message after the previous reply. With a
// deadline, a customer that runs out before it prepares one more conversation at a time (the
// warm-up that sized the pool can run far slower than the steady state) rather than idle.
func (r *runner) customer(ctx context.Context, c int, convs []Prepared, deadline time.Time, t *tally) {
	for i := 0; i < len(convs) || !deadline.IsZero(); i++ {
		if i >= len(convs) {
			if ctx.Err() != nil || time.Now().After(deadline) {
				return
			}
			p, err := r.prepare(c)
			if err != nil {
				t.fail("prepare", fmt.Sprintf("preparing a conversation: %v", err))
				return
			}
			convs = append(convs, p)
			t.refills++
		}
		conv := convs[i]
		t.conversations++
		ticket := false
		for i, req := range conv.Requests {
			if ctx.Err() != nil || (!deadline.IsZero() && time.Now().After(deadline)) {
				return
			}
			reply, err := r.decoder.Post(ctx, req.Prepared)
			t.record(r.cfg.Script, conv, i, req, reply, err)
			ticket = ticket || TicketNumber.MatchString(reply.Text)
			if r.cfg.Think > 0 {
				select {
				case <-ctx.Done():
				case <-time.After(r.cfg.Think):
				}
			}
		}
		t.completed++
		if ticket {
			t.tickets++
		}
	}
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
