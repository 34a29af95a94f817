package loadgen

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"
)

// ReadReport reads a report written by loadgen --json.
func ReadReport(path string) (*Report, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var r Report
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &r, nil
}

// Goal is the issue's target for the full conversation turn.
type Goal struct {
	Ratio float64       // of the bare handler's throughput, at least
	P99   time.Duration // at most
}

// IssueGoal is issue 7's target: 70% of the bare handler's throughput, p99 under 25 ms.
var IssueGoal = Goal{Ratio: 0.70, P99: 25 * time.Millisecond}

// Compare writes a Markdown table of the bare handler's run and the full service's, the
// ratio of their throughputs, and whether goal is met. It reports whether it is.
func Compare(w io.Writer, bare, full *Report, goal Goal) bool {
	ratio := 0.0
	if bare.Throughput > 0 {
		ratio = full.Throughput / bare.Throughput
	}
	fmt.Fprintln(w, "| handler | script | customers | requests | req/s | p50 | p95 | p99 | max | errors | empty replies | tickets | ratio |")
	fmt.Fprintln(w, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
	row := func(name string, r *Report, tickets, ratio string) {
		l := r.Latency
		fmt.Fprintf(w, "| %s | %s | %d | %d | %.0f | %s | %s | %s | %s | %d | %d | %s | %s |\n", name, r.Script, r.Customers,
			r.Requests, r.Throughput, msStr(l.P50), msStr(l.P95), msStr(l.P99), msStr(l.Max), r.Errors, r.EmptyReplies, tickets, ratio)
	}
	row("bare (Echo + SDK, echo)", bare, "–", "1.00")
	row("full service", full, fmt.Sprintf("%d/%d", full.Tickets, full.Completed), fmt.Sprintf("%.2f", ratio))
	met := ratio >= goal.Ratio && full.Latency.P99 < goal.P99 && !full.Failed() && !bare.Failed()
	verdict := "MET"
	if !met {
		verdict = "NOT MET"
	}
	fmt.Fprintf(w, "\nfull/bare throughput %.2f (goal ≥ %.2f), full p99 %s (goal < %s): %s\n",
		ratio, goal.Ratio, msStr(full.Latency.P99), msStr(goal.P99), verdict)
	return met
}
