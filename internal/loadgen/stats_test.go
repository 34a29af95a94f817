package loadgen

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

func ms(n ...int) []time.Duration {
	out := make([]time.Duration, len(n))
	for i, x := range n {
		out[i] = time.Duration(x) * time.Millisecond
	}
	return out
}

func TestPercentileNearestRank(t *testing.T) {
	hundred := make([]time.Duration, 100)
	for i := range hundred {
		hundred[i] = time.Duration(i+1) * time.Millisecond // 1..100 ms
	}
	cases := []struct {
		name   string
		sorted []time.Duration
		p      float64
		want   time.Duration
	}{
		{"empty", nil, 50, 0},
		{"one sample is every percentile", ms(7), 99, 7 * time.Millisecond},
		{"median of an odd count", ms(1, 2, 3, 4, 5), 50, 3 * time.Millisecond},
		{"median of an even count takes the lower middle", ms(1, 2, 3, 4), 50, 2 * time.Millisecond},
		{"p95 of 1..100", hundred, 95, 95 * time.Millisecond},
		{"p99 of 1..100", hundred, 99, 99 * time.Millisecond},
		{"p100 is the maximum", hundred, 100, 100 * time.Millisecond},
		{"p99 of ten samples is the slowest", ms(1, 1, 1, 1, 1, 1, 1, 1, 1, 50), 99, 50 * time.Millisecond},
		{"p90 of ten samples is the ninth", ms(1, 2, 3, 4, 5, 6, 7, 8, 9, 50), 90, 9 * time.Millisecond},
		{"tiny p is the minimum", ms(4, 5, 6), 0.1, 4 * time.Millisecond},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := Percentile(tc.sorted, tc.p); got != tc.want {
				t.Errorf("Percentile(%v, %v) = %v, want %v", tc.sorted, tc.p, got, tc.want)
			}
		})
	}
}

func TestSummarizeSortsAndSummarises(t *testing.T) {
	d := make([]time.Duration, 0, 1000)
	for i := range 1000 {
		d = append(d, time.Duration(i+1)*time.Microsecond)
	}
	rand.Shuffle(len(d), func(i, j int) { d[i], d[j] = d[j], d[i] })
	got := Summarize(d)
	want := Latency{Count: 1000, Mean: 500500 * time.Nanosecond, P50: 500 * time.Microsecond,
		P90: 900 * time.Microsecond, P95: 950 * time.Microsecond, P99: 990 * time.Microsecond, Max: 1000 * time.Microsecond}
	if got != want {
		t.Errorf("Summarize = %+v, want %+v", got, want)
	}
	if !slices.IsSorted(d) {
		t.Error("Summarize did not sort its input")
	}
	if (Summarize(nil) != Latency{}) {
		t.Error("Summarize(nil) is not zero")
	}
}

func BenchmarkSummarize(b *testing.B) {
	src := make([]time.Duration, 100_000)
	for i := range src {
		src[i] = time.Duration(rand.IntN(50_000)) * time.Microsecond
	}
	d := make([]time.Duration, len(src))
	for b.Loop() {
		copy(d, src)
		Summarize(d)
	}
}
