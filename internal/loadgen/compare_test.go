package loadgen

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func report(s Script, rps float64, p99 time.Duration, errs int) *Report {
	return &Report{Script: s, Customers: 32, Result: Result{
		Requests: 1000, Throughput: rps, Errors: errs, Completed: 10, Tickets: 10,
		Latency: Latency{Count: 1000, Mean: 3 * time.Millisecond, P50: 2 * time.Millisecond, P95: 9 * time.Millisecond, P99: p99, Max: 2 * p99},
	}}
}

func TestReportRoundTripsThroughJSON(t *testing.T) {
	want := report(Full, 1234.5, 17*time.Millisecond+250*time.Microsecond, 2)
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"p99_ms":17.25`) {
		t.Errorf("latency is not written in milliseconds: %s", b)
	}
	path := filepath.Join(t.TempDir(), "r.json")
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := ReadReport(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.Latency != want.Latency || got.Throughput != want.Throughput || got.Errors != 2 || got.Script != Full {
		t.Errorf("read back %+v, want %+v", got.Result, want.Result)
	}
}

func TestCompareAgainstTheGoal(t *testing.T) {
	bare := report(Echo, 4000, 20*time.Millisecond, 0)
	cases := []struct {
		name  string
		full  *Report
		met   bool
		ratio string
	}{
		{"fast enough", report(Full, 3000, 20*time.Millisecond, 0), true, "0.75"},
		{"too slow", report(Full, 2000, 20*time.Millisecond, 0), false, "0.50"},
		{"p99 too high", report(Full, 3000, 25*time.Millisecond, 0), false, "0.75"},
		{"errors never meet it", report(Full, 3000, 20*time.Millisecond, 1), false, "0.75"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out strings.Builder
			if got := Compare(&out, bare, tc.full, IssueGoal); got != tc.met {
				t.Errorf("Compare = %v, want %v\n%s", got, tc.met, out.String())
			}
			if !strings.Contains(out.String(), "| "+tc.ratio+" |") || !strings.Contains(out.String(), "full/bare throughput "+tc.ratio) {
				t.Errorf("ratio %s not in\n%s", tc.ratio, out.String())
			}
		})
	}
}
