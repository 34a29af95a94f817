package loadgen

import (
	"math"
	"slices"
	"time"
)

// Latency summarises a set of request latencies.
type Latency struct {
	Count int
	Mean  time.Duration
	P50   time.Duration
	P90   time.Duration
	P95   time.Duration
	P99   time.Duration
	Max   time.Duration
}

// Summarize sorts d in place and returns its summary; all zero for no samples.
func Summarize(d []time.Duration) Latency {
	if len(d) == 0 {
		return Latency{}
	}
	slices.Sort(d)
	var sum time.Duration
	for _, x := range d {
		sum += x
	}
	return Latency{
		Count: len(d),
		Mean:  sum / time.Duration(len(d)),
		P50:   Percentile(d, 50),
		P90:   Percentile(d, 90),
		P95:   Percentile(d, 95),
		P99:   Percentile(d, 99),
		Max:   d[len(d)-1],
	}
}

// Percentile returns the p-th percentile (0 < p ≤ 100) of sorted by the nearest-rank
// method: the smallest sample with at least p% of the samples at or below it. It never
// interpolates, so the answer is always a latency some request really had.
func Percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	rank = min(max(rank, 1), len(sorted))
	return sorted[rank-1]
}
