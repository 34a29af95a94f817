package knowledge

import (
	"io/fs"
	"math"
	"testing"
)

// FuzzMatch checks that matching never panics, scores are finite and positive, results are
// ranked, and every result says why it matched.
func FuzzMatch(f *testing.F) {
	matchers := []*Matcher{fixtureMatcher(f)}
	seeds := []string{"", "空调不制冷", "显示E1", "ＥＲ１２", "不是漏水", "是不是不是不", "e-1-", "---", "不不不不", "88", "显示88", "\xff\xfe", "煤气味没有"}
	if files, _ := fs.Glob(ShippedFS(), "rules/*.yaml"); len(files) > 0 {
		if s, err := Shipped(); err == nil {
			if m, err := NewMatcher(s); err == nil {
				matchers = append(matchers, m)
				for _, r := range s.Rules {
					seeds = append(seeds, r.Samples...)
				}
			}
		}
	}
	for _, r := range matchers[0].Set().Rules {
		seeds = append(seeds, r.Samples...)
	}
	for _, s := range seeds {
		f.Add(s, "", -1, "")
	}
	f.Add("空调漏水", "air_conditioner", 3, "E1")
	f.Add("冰箱不冷", "refrigerator", 40, "88")

	f.Fuzz(func(t *testing.T, text, category string, age int, code string) {
		if n := Normalize(text); Normalize(n) != n {
			t.Errorf("Normalize is not idempotent on %q: %q then %q", text, n, Normalize(n))
		}
		ParseAnswer(text)
		for _, m := range matchers {
			ms := m.Match(Query{Text: text, Category: category, Case: CaseFacts{Category: category, AgeMonths: age, ErrorCode: code}})
			for i, x := range ms {
				if math.IsNaN(x.Score) || math.IsInf(x.Score, 0) || x.Score <= 0 {
					t.Fatalf("%q: %s has score %v", text, x.RuleID, x.Score)
				}
				if len(x.Reasons) == 0 || x.Rule == nil || x.RuleID != x.Rule.ID {
					t.Fatalf("%q: result %+v lacks reasons or rule", text, x)
				}
				if i > 0 {
					prev := ms[i-1]
					if prev.Safety == x.Safety && (prev.Score < x.Score || prev.Score == x.Score && prev.RuleID > x.RuleID) {
						t.Fatalf("%q: %s (%v) ranked before %s (%v)", text, prev.RuleID, prev.Score, x.RuleID, x.Score)
					}
					if !prev.Safety && x.Safety {
						t.Fatalf("%q: safety rule %s ranked after %s", text, x.RuleID, prev.RuleID)
					}
				}
			}
			m.Safety(text)
		}
	})
}
