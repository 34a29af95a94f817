package knowledge

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestAutomatonMatchesBruteForce compares the automaton with strings.Index over random
// patterns and texts drawn from a small alphabet, so overlaps and shared prefixes and
// suffixes are frequent.
func TestAutomatonMatchesBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"不", "制", "冷", "漏", "水", "a", "e", "1"}
	word := func(maxLen int) string {
		var b strings.Builder
		for range 1 + rng.IntN(maxLen) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for round := range 200 {
		seen := map[string]bool{}
		var patterns []string
		for range 1 + rng.IntN(30) {
			if p := word(4); !seen[p] {
				seen[p] = true
				patterns = append(patterns, p)
			}
		}
		a := buildAutomaton(patterns)
		text := word(40)
		var got []string
		a.scan(text, func(id int32, start, end int) {
			if text[start:end] != patterns[id] {
				t.Fatalf("round %d: span %d:%d is %q, not pattern %q", round, start, end, text[start:end], patterns[id])
			}
			got = append(got, fmt.Sprint(id, "@", start))
		})
		var want []string
		for id, p := range patterns {
			for i := 0; i+len(p) <= len(text); i++ {
				if strings.HasPrefix(text[i:], p) {
					want = append(want, fmt.Sprint(id, "@", i))
				}
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: patterns %q text %q:\n got %v\nwant %v", round, patterns, text, got, want)
		}
	}
}

func TestAutomatonEmpty(t *testing.T) {
	buildAutomaton(nil).scan("空调不制冷", func(int32, int, int) { t.Fatal("match without patterns") })
}
