package loadgen

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/wxintake/intake/internal/wxpush"
)

// Result is one phase of a run.
type Result struct {
	Conversations  int            `json:"conversations"`           // started
	Completed      int            `json:"completed"`               // every message sent
	Tickets        int            `json:"tickets"`                 // conversations whose replies named a ticket
	Requests       int            `json:"requests"`                // sent and answered or failed
	Seconds        float64        `json:"seconds"`                 // on the clock
	Throughput     float64        `json:"throughput_rps"`          // requests per second
	Latency        Latency        `json:"latency"`                 // of requests that got an HTTP response
	Stages         []StageLatency `json:"stages,omitempty"`        // the same by stage of the conversation
	Errors         int            `json:"errors"`                  // transport, non-200, bad reply, wrong echo
	ErrorKinds     map[string]int `json:"error_kinds,omitempty"`   // errors by kind
	ErrorSamples   []string       `json:"error_samples,omitempty"` // the first few, to read
	EmptyReplies   int            `json:"empty_replies"`           // 200 with "success" or no text
	PrepareSeconds float64        `json:"prepare_seconds"`         // building requests, off the clock
	Exhausted      int            `json:"exhausted,omitempty"`     // customers that ran out of prepared conversations and prepared more during the phase

	// The open loop (Config.Rate) only. Seconds then runs to the last reply, so Throughput
	// is the achieved rate; StartedRate is the starts made per second of the window.
	OfferedRate  float64         `json:"offered_rps,omitempty"`    // starts due per second
	StartedRate  float64         `json:"started_rps,omitempty"`    // starts made per second of the window
	Window       float64         `json:"window_seconds,omitempty"` // starts were due within it
	Scheduled    int             `json:"scheduled,omitempty"`      // starts due in the window
	Started      int             `json:"started,omitempty"`        // starts made
	LateStarts   int             `json:"late_starts,omitempty"`    // began more than LateAfter after they were due
	Capped       int             `json:"capped,omitempty"`         // waited for a free in-flight slot
	Missed       int             `json:"missed,omitempty"`         // not made: no prepared conversation left
	MaxLag       time.Duration   `json:"max_lag_ns,omitempty"`     // the latest start, behind its time
	PeakInFlight int             `json:"peak_in_flight,omitempty"` // most requests in flight at once
	Timeline     []SecondLatency `json:"timeline,omitempty"`       // latency of the requests due in each second

	Warnings []string `json:"-"`
}

// StageLatency is the latency of one stage's requests.
type StageLatency struct {
	Stage   string  `json:"stage"`
	Latency Latency `json:"latency"`
}

// SecondLatency is the latency of the requests due in one second of an open-loop phase.
type SecondLatency struct {
	Second  int     `json:"second"`
	Latency Latency `json:"latency"`
}

// Report is a run: the measured phase, and the warm-up if there was one.
type Report struct {
	Script    Script   `json:"script"`
	URLs      []string `json:"urls"`
	Customers int      `json:"customers"`
	RunID     string   `json:"run_id"`
	Result
	Warmup   *Result  `json:"warmup,omitempty"`
	Warnings []string `json:"warnings,omitempty"`
}

// Failed reports whether any measured or warm-up request failed or got an empty reply.
func (r *Report) Failed() bool {
	bad := func(x *Result) bool { return x != nil && (x.Errors > 0 || x.EmptyReplies > 0) }
	return bad(&r.Result) || bad(r.Warmup)
}

// latencyJSON is Latency in milliseconds, as reports are written.
type latencyJSON struct {
	Count int     `json:"count"`
	Mean  float64 `json:"mean_ms"`
	P50   float64 `json:"p50_ms"`
	P90   float64 `json:"p90_ms"`
	P95   float64 `json:"p95_ms"`
	P99   float64 `json:"p99_ms"`
	Max   float64 `json:"max_ms"`
}

// MarshalJSON writes latencies in milliseconds.
func (l Latency) MarshalJSON() ([]byte, error) {
	msf := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	return json.Marshal(latencyJSON{l.Count, msf(l.Mean), msf(l.P50), msf(l.P90), msf(l.P95), msf(l.P99), msf(l.Max)})
}

// UnmarshalJSON reads what MarshalJSON wrote.
func (l *Latency) UnmarshalJSON(b []byte) error {
	var j latencyJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	d := func(ms float64) time.Duration { return time.Duration(math.Round(ms*1000)) * time.Microsecond }
	*l = Latency{Count: j.Count, Mean: d(j.Mean), P50: d(j.P50), P90: d(j.P90), P95: d(j.P95), P99: d(j.P99), Max: d(j.Max)}
	return nil
}

// WriteText prints the report for a person.
func (r *Report) WriteText(w io.Writer) {
	if r.OfferedRate > 0 {
		fmt.Fprintf(w, "script %s, open loop at %.0f req/s (warm-up: %d customers), %s\n", r.Script, r.OfferedRate, r.Customers, strings.Join(r.URLs, " "))
	} else {
		fmt.Fprintf(w, "script %s, %d customers, %s\n", r.Script, r.Customers, strings.Join(r.URLs, " "))
	}
	if r.Warmup != nil {
		fmt.Fprintf(w, "warm-up   %d requests in %.1fs (%d errors, %d empty replies)\n", r.Warmup.Requests, r.Warmup.Seconds, r.Warmup.Errors, r.Warmup.EmptyReplies)
	}
	l := r.Latency
	fmt.Fprintf(w, "measured  %d requests in %.2fs (prepared beforehand in %.2fs)\n", r.Requests, r.Seconds, r.PrepareSeconds)
	if r.OfferedRate > 0 {
		fmt.Fprintf(w, "offered   %.0f req/s for %.1fs: %d starts due, %d made (%.0f req/s), %d late by more than %v (max lag %s), %d waited for the in-flight limit, %d missed; peak %d in flight\n",
			r.OfferedRate, r.Window, r.Scheduled, r.Started, r.StartedRate, r.LateStarts, LateAfter, msStr(r.MaxLag), r.Capped, r.Missed, r.PeakInFlight)
		fmt.Fprintf(w, "achieved  %.0f req/s answered (to the last reply)\n", r.Throughput)
	} else {
		fmt.Fprintf(w, "throughput %.0f req/s\n", r.Throughput)
	}
	fmt.Fprintf(w, "latency   p50 %s  p90 %s  p95 %s  p99 %s  max %s  mean %s\n", msStr(l.P50), msStr(l.P90), msStr(l.P95), msStr(l.P99), msStr(l.Max), msStr(l.Mean))
	fmt.Fprintf(w, "errors    %d", r.Errors)
	for _, k := range slices.Sorted(maps.Keys(r.ErrorKinds)) {
		fmt.Fprintf(w, "  %s=%d", k, r.ErrorKinds[k])
	}
	fmt.Fprintf(w, "\nempty     %d replies\n", r.EmptyReplies)
	if len(r.Timeline) > 0 {
		fmt.Fprintf(w, "  by second due: answered, p50, p99, max\n")
		for _, sec := range r.Timeline {
			l := sec.Latency
			fmt.Fprintf(w, "  %4ds %6d  %9s %9s %9s\n", sec.Second, l.Count, msStr(l.P50), msStr(l.P99), msStr(l.Max))
		}
	}
	for _, st := range r.Stages {
		l := st.Latency
		fmt.Fprintf(w, "  %-13s %6d requests  p50 %s  p95 %s  p99 %s  max %s\n", st.Stage, l.Count, msStr(l.P50), msStr(l.P95), msStr(l.P99), msStr(l.Max))
	}
	if r.Script == Full {
		fmt.Fprintf(w, "tickets   %d of %d conversations completed (%d started)\n", r.Tickets, r.Completed, r.Conversations)
	}
	for _, s := range r.ErrorSamples {
		fmt.Fprintf(w, "  e.g. %s\n", s)
	}
	for _, s := range r.Warnings {
		fmt.Fprintf(w, "warning: %s\n", s)
	}
}

func msStr(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d.Microseconds())/1000) }

// tally is one customer's counts; merged after the phase, so nothing is shared meanwhile.
type tally struct {
	latencies                         []time.Duration
	byStage                           map[string][]time.Duration
	requests, errors, empty           int
	conversations, completed, tickets int
	refills                           int // conversations prepared during the phase
	kinds                             map[string]int
	samples                           []string
}

const maxSamples = 5

// record counts one request: its latency when it got a response, and what went wrong.
func (t *tally) record(s Script, c Prepared, turn int, req Request, reply wxpush.Reply, err error) {
	t.requests++
	if reply.Status != 0 {
		t.latencies = append(t.latencies, reply.Latency)
		if t.byStage == nil {
			t.byStage = map[string][]time.Duration{}
		}
		t.byStage[req.Stage] = append(t.byStage[req.Stage], reply.Latency)
	}
	kind := ""
	switch {
	case reply.Status == 0 && err != nil:
		kind = "transport"
	case reply.Status != 200:
		kind = "http_status"
		err = fmt.Errorf("HTTP %d %.80q", reply.Status, reply.Body)
	case err != nil:
		kind = "bad_reply" // signature, decryption or XML of the reply
	case reply.Success || reply.Text == "":
		t.empty++
		if len(t.samples) < maxSamples {
			t.samples = append(t.samples, fmt.Sprintf("%s (%s) turn %d %q: empty reply", c.OpenID, c.Category, turn+1, req.Text))
		}
		return
	case s == Echo && reply.Text != req.Text:
		kind = "echo_mismatch"
		err = fmt.Errorf("sent %q, got %q", req.Text, reply.Text)
	default:
		return
	}
	t.fail(kind, fmt.Sprintf("%s (%s) turn %d %q: %s: %v", c.OpenID, c.Category, turn+1, req.Text, kind, err))
}

// fail counts an error of a kind, keeping the first few samples.
func (t *tally) fail(kind, sample string) {
	t.errors++
	if t.kinds == nil {
		t.kinds = map[string]int{}
	}
	t.kinds[kind]++
	if len(t.samples) < maxSamples {
		t.samples = append(t.samples, sample)
	}
}

func merge(s Script, ts []tally, elapsed time.Duration) Result {
	var res Result
	var all []time.Duration
	byStage := map[string][]time.Duration{}
	for _, t := range ts {
		all = append(all, t.latencies...)
		for st, d := range t.byStage {
			byStage[st] = append(byStage[st], d...)
		}
		res.Requests += t.requests
		res.Errors += t.errors
		res.EmptyReplies += t.empty
		res.Conversations += t.conversations
		res.Completed += t.completed
		res.Tickets += t.tickets
		for k, n := range t.kinds {
			if res.ErrorKinds == nil {
				res.ErrorKinds = map[string]int{}
			}
			res.ErrorKinds[k] += n
		}
		for _, e := range t.samples {
			if len(res.ErrorSamples) < maxSamples {
				res.ErrorSamples = append(res.ErrorSamples, e)
			}
		}
	}
	res.Latency = Summarize(all)
	for _, st := range Stages {
		if d := byStage[st]; len(d) > 0 {
			res.Stages = append(res.Stages, StageLatency{Stage: st, Latency: Summarize(d)})
		}
	}
	res.Seconds = elapsed.Seconds()
	if res.Seconds > 0 {
		res.Throughput = float64(res.Requests) / res.Seconds
	}
	return res
}
