package knowledge

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// similarSet is a small knowledge base whose rules are recognised mostly by their samples:
// their triggers are error codes the tests never type, so a match is by similarity.
const similarSet = `
rules:
  - id: washer-no-water
    title: 洗衣机不进水
    categories: [washing_machine]
    triggers: {error_codes: [E10]}
    unresolved: {fault_class: hardware, priority: normal}
    samples: [洗衣机不进水, 洗衣机放不进水，一直在等, 开了水龙头还是不进水, 洗衣机半天不上水]
  - id: phone-water
    title: 手机进水
    categories: [mobile_phone]
    triggers: {error_codes: [W1]}
    unresolved: {fault_class: user_damage, priority: normal}
    samples: [手机进水了, 手机掉水里了, 手机泡水以后开不了机, 手机淋雨进水了]
  - id: fridge-not-cold
    title: 冰箱不冷
    categories: [refrigerator]
    triggers: {error_codes: [F1]}
    unresolved: {fault_class: hardware, priority: normal}
    samples: [冰箱冷藏室不冷了, 冰箱里的菜放不住, 冰箱一点凉气都没有, 冰箱不制冷了]
  - id: ac-not-cold
    title: 空调不冷
    categories: [air_conditioner]
    triggers: {error_codes: [A1]}
    unresolved: {fault_class: hardware, priority: normal}
    samples: [空调吹的风不凉, 空调开了半天屋里还是热, 空调一点凉气都没有, 空调不制冷了]
  - id: gas-smell
    title: 燃气味
    safety: true
    advice: 请关闭燃气阀门，开窗通风。
    triggers: {keywords: [煤气味]}
    unresolved: {fault_class: hardware, priority: urgent}
    samples: [厨房里一股怪味道冲鼻子, 闻到煤气味, 家里煤气味很重]
`

func similarMatcher(tb testing.TB) *Matcher {
	tb.Helper()
	s, err := Parse(map[string][]byte{"rules.yaml": []byte(similarSet)})
	if err != nil {
		tb.Fatal(err)
	}
	m, err := NewMatcher(s)
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// TestSimilarFindsWithoutTriggers: phrasing no trigger lists finds the rule whose samples
// it resembles, with the most similar sample as the reason.
func TestSimilarFindsWithoutTriggers(t *testing.T) {
	m := similarMatcher(t)
	tests := []struct {
		text, want, reason string
	}{
		{"我家洗衣机怎么不进水啊", "washer-no-water", `similar "洗衣机不进水"`},
		{"洗衣机一直不上水", "washer-no-water", `similar "洗衣机半天不上水"`},
		{"手机昨天掉到水里了", "phone-water", `similar "手机掉水里了"`},
		{"冰箱的菜都放不住了", "fridge-not-cold", `similar "冰箱里的菜放不住"`},
		{"空调开了一下午屋里还是热", "ac-not-cold", `similar "空调开了半天屋里还是热"`},
	}
	for _, tt := range tests {
		got := m.Match(Query{Text: tt.text})
		if len(got) == 0 || got[0].RuleID != tt.want {
			t.Errorf("Match(%q) = %q, want %s first", tt.text, ids(got), tt.want)
			continue
		}
		if !slices.Equal(got[0].Reasons, []string{tt.reason}) || got[0].Similarity <= 0 {
			t.Errorf("Match(%q) reasons %q similarity %v, want [%s]", tt.text, got[0].Reasons, got[0].Similarity, tt.reason)
		}
	}
	for _, text := range []string{"今天天气不错", "你好", "谢谢", ""} {
		if got := m.Match(Query{Text: text}); len(got) != 0 {
			t.Errorf("Match(%q) = %q, want nothing", text, ids(got))
		}
	}
}

// TestSimilarNegation: a denied word is another feature than the word asserted, so "不进水"
// (a washer that takes no water) and "进水" (a phone that took water) don't resemble.
func TestSimilarNegation(t *testing.T) {
	m := similarMatcher(t)
	tests := []struct{ text, want string }{
		{"洗衣机不进水了", "washer-no-water"},
		{"洗衣机没进水", "washer-no-water"},
		{"手机进水了", "phone-water"},
		{"手机不小心进水了", "phone-water"}, // 不小心 denies nothing
		{"手机不是进水，是掉水里了", "phone-water"},
	}
	for _, tt := range tests {
		if got := m.Match(Query{Text: tt.text}); len(got) == 0 || got[0].RuleID != tt.want {
			t.Errorf("Match(%q) = %q, want %s first", tt.text, ids(got), tt.want)
		}
	}
	if got := m.Match(Query{Text: "进水"}); slices.ContainsFunc(got, func(x Match) bool { return x.RuleID == "washer-no-water" }) {
		t.Errorf(`Match("进水") = %q: resembles "不进水"`, ids(got))
	}

	// The features themselves: nothing in common.
	feats := func(s string) []uint64 { k, _ := counted(simFeatures(matchForm(s), nil), nil); return k }
	denied, asserted := feats("不进水"), feats("进水")
	for _, k := range asserted {
		if slices.Contains(denied, k) {
			t.Errorf("不进水 and 进水 share feature %x", k)
		}
	}
	// A denied denial asserts: "不是不制冷" shares 制冷 with "制冷差", not with "不制冷".
	if a, b := feats("不是不制冷"), feats("不制冷"); slices.Contains(a, pairKey(true, '制', '冷')) || !slices.Contains(b, pairKey(true, '制', '冷')) {
		t.Errorf("不是不制冷 %x, 不制冷 %x: 制冷 should be denied only in the second", a, b)
	}
}

// TestSimilarWithTriggers: triggers and similarity add up; a trigger of another rule does
// not hide a rule the message resembles closely.
func TestSimilarWithTriggers(t *testing.T) {
	m := fixtureMatcher(t)
	got := m.Match(Query{Text: "美的空调吹出来是热风"})
	if len(got) == 0 || got[0].RuleID != "ac-not-cooling" {
		t.Fatalf("ranking = %q", ids(got))
	}
	top := got[0]
	if !slices.Contains(top.Reasons, `synonym "吹出来是热风"`) || !slices.Contains(top.Reasons, `similar "美的空调吹出来是热风"`) {
		t.Errorf("reasons = %q, want the synonym and the sample", top.Reasons)
	}
	trig := triggerMatcher(t).Match(Query{Text: "美的空调吹出来是热风"})
	if top.Score <= trig[0].Score {
		t.Errorf("score with similarity %v, triggers alone %v: similarity adds nothing", top.Score, trig[0].Score)
	}

	// The trigger tests' winners still win with similarity.
	for text, want := range map[string]string{
		"空调不是漏水，是不制冷":  "ac-not-cooling",
		"空调没有异响，就是不制冷": "ac-not-cooling",
		"空调不停地滴水":      "ac-leaking",
		"空调显示E1":       "ac-e1",
		"冰箱东西放不住":      "fridge-not-cooling",
		"开不了机":         "general-no-power",
	} {
		if got := m.Match(Query{Text: text, Case: CaseFacts{AgeMonths: 3}}); len(got) == 0 || got[0].RuleID != want {
			t.Errorf("Match(%q) = %q, want %s first", text, ids(got), want)
		}
	}
	// E10 resembles the E1 rule's samples in words, but is no E1.
	for _, x := range m.Match(Query{Text: "空调显示E10"}) {
		if slices.ContainsFunc(x.Reasons, func(r string) bool { return strings.HasPrefix(r, "error code") }) {
			t.Errorf("E10 read as a code: %+v", x)
		}
	}
}

// TestSimilarNeverSafety: safety rules are found by their triggers only (and by the hazard
// detector), never by resemblance, so similarity cannot raise or hide a hazard.
func TestSimilarNeverSafety(t *testing.T) {
	m := similarMatcher(t)
	if got := m.Match(Query{Text: "厨房里一股怪味道冲鼻子"}); slices.ContainsFunc(got, func(x Match) bool { return x.Safety }) {
		t.Errorf("safety rule found by its sample alone: %q", ids(got))
	}
	got := m.Match(Query{Text: "闻到煤气味，冰箱也不冷了"})
	if len(got) < 2 || got[0].RuleID != "gas-smell" || got[0].Similarity != 0 || got[1].RuleID != "fridge-not-cold" {
		t.Errorf("Match = %q %+v; want the safety rule first by its keyword, then the fridge", ids(got), got)
	}
}

// TestConfidence: a clear match is surer than an ambiguous one, and every confidence is in
// [0, 1].
func TestConfidence(t *testing.T) {
	m := similarMatcher(t)
	conf := func(text string) (string, float64) {
		got := m.Match(Query{Text: text})
		if len(got) == 0 {
			t.Fatalf("Match(%q) found nothing", text)
		}
		return got[0].RuleID, got[0].Confidence
	}
	tests := []struct {
		clear, ambiguous string
	}{
		{"冰箱冷藏室不冷了", "一点凉气都没有"},  // fridge, or the air conditioner?
		{"洗衣机放不进水，一直在等", "不制冷了"}, // a washer; a fridge or an air conditioner
	}
	for _, tt := range tests {
		_, c := conf(tt.clear)
		_, a := conf(tt.ambiguous)
		if !(c > a) {
			t.Errorf("confidence %q %.2f, ambiguous %q %.2f", tt.clear, c, tt.ambiguous, a)
		}
		if c < MinConfidence || a >= MinConfidence {
			t.Errorf("confidence %q %.2f, %q %.2f: want the first at least MinConfidence %.2f and the second below", tt.clear, c, tt.ambiguous, a, MinConfidence)
		}
	}

	for _, tt := range []struct{ score, rival float64 }{
		{0, 0}, {1e-300, 0}, {1, 1}, {1, 100}, {100, 0}, {1e300, 1}, {5, 5},
	} {
		if c := confidence(tt.score, tt.rival); !(c >= 0 && c <= 1) {
			t.Errorf("confidence(%v, %v) = %v", tt.score, tt.rival, c)
		}
	}
	if !(confidence(10, 2) > confidence(5, 2) && confidence(5, 2) > confidence(5, 4) && confidence(5, 4) > confidence(4, 5)) {
		t.Error("confidence does not grow with score and margin")
	}
}

// TestSimilarDeterministic: the same set and message give the same matches, scores and
// confidences, however often and on however many matchers they are asked.
func TestSimilarDeterministic(t *testing.T) {
	texts := append(slices.Clone(typical), "空调不是不制冷，是有异响", "冰箱一点凉气都没有", "手机进水了")
	run := func() string {
		m := fixtureMatcher(t)
		var b strings.Builder
		for _, text := range texts {
			for _, hint := range []string{"", "air_conditioner"} {
				for _, x := range m.Match(Query{Text: text, Category: hint, Case: CaseFacts{AgeMonths: 3}}) {
					fmt.Fprintf(&b, "%s %v %v %v %q\n", x.RuleID, x.Score, x.Confidence, x.Similarity, x.Reasons)
				}
			}
		}
		return b.String()
	}
	first := run()
	for range 3 {
		if got := run(); got != first {
			t.Fatalf("results differ between runs:\n%s\n---\n%s", first, got)
		}
	}
}

func TestSimilarFeatures(t *testing.T) {
	tests := []struct {
		text string
		want int // features, repeats included
	}{
		{"", 0},
		{"漏", 0},
		{"漏水", 1},
		{"漏水了", 1},      // 了 is a filler
		{"内机漏水", 3},     // 内机 机漏 漏水
		{"显示e1", 2},     // 显示, the token e1
		{"e1,e10", 2},   // two tokens
		{"漏水,滴水", 2},    // no pair across a clause
		{"漏水e1滴水", 3},   // nor across a token
		{"😀漏水", 1},      // emoji are punctuation
		{"KFR-35GW", 2}, // kfr, 35gw: "-" splits tokens
		{"ｅ１显示", 2},     // full width folds
		{"不是不制冷", 3},    // 不是 不制 制冷: no pair ends in a negation
		{"空调 不 制 冷", 3}, // spaces between Han characters are removed
	}
	for _, tt := range tests {
		if got := simFeatures(matchForm(tt.text), nil); len(got) != tt.want {
			t.Errorf("simFeatures(%q) = %d features, want %d", tt.text, len(got), tt.want)
		}
	}
	// Tokens compare whole: e1 and e10 share nothing.
	if tokenKey(false, "e1") == tokenKey(false, "e10") || tokenKey(false, "e1") == tokenKey(true, "e1") {
		t.Error("token keys collide")
	}
}

// TestDocTable: sums survive the table's growth, and reset empties it.
func TestDocTable(t *testing.T) {
	var tab docTable
	const docs = 3 * minDocSlots // grows twice
	for round := range 3 {
		for d := range int32(docs) {
			tab.add(d*7919, float32(d%5)) // spread ids
		}
		if len(tab.used) != docs || len(tab.slots) < 2*docs {
			t.Fatalf("round %d: %d used of %d slots", round, len(tab.used), len(tab.slots))
		}
		for _, i := range tab.used {
			s := tab.slots[i]
			d := (s.doc - 1) / 7919
			if s.shared != int32(1) || s.dot != float32(d%5) {
				t.Fatalf("doc %d: shared %d dot %v", d, s.shared, s.dot)
			}
		}
		tab.reset()
		if len(tab.used) != 0 || slices.ContainsFunc(tab.slots, func(s docSlot) bool { return s.doc != 0 }) {
			t.Fatal("reset left documents")
		}
	}
	tab.add(5, 1)
	tab.add(5, 2)
	if s := tab.slots[tab.used[0]]; len(tab.used) != 1 || s.shared != 2 || s.dot != 3 {
		t.Errorf("one document twice: %+v", s)
	}
}

// TestMostSimilarKeepsSortsChoice: the heap keeps the rules a full sort by score would.
func TestMostSimilarKeepsSortsChoice(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 500 {
		m, n := rng.IntN(80), rng.IntN(30)
		sims := make([]ruleSim, m)
		for i := range sims {
			sims[i] = ruleSim{rule: int32(i * 3), score: float64(rng.IntN(12)) / 4} // ties on purpose
		}
		want := slices.Clone(sims)
		if len(want) > n {
			slices.SortFunc(want, func(a, b ruleSim) int { return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(a.rule, b.rule)) })
			want = want[:n]
			slices.SortFunc(want, func(a, b ruleSim) int { return cmp.Compare(a.rule, b.rule) })
		}
		if got := mostSimilar(slices.Clone(sims), n); !slices.Equal(got, want) {
			t.Fatalf("trial %d (%d of %d): got %v, want %v", trial, n, m, got, want)
		}
	}
}
