package knowledge

import (
	"math"
	"slices"
	"strings"
	"testing"
)

// ids lists the rule ids of the matches, in rank order.
func ids(ms []Match) string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.RuleID
	}
	return strings.Join(out, " ")
}

func TestMatchErrorCodes(t *testing.T) {
	m := triggerMatcher(t)
	tests := []struct {
		name string
		q    Query
		want string // rule ids in rank order
	}{
		{"code after 显示", Query{Text: "空调显示E1"}, "ac-e1 fridge-not-cooling"},
		{"code after 报, lower case", Query{Text: "报e1", Category: "air_conditioner"}, "ac-e1 fridge-not-cooling"},
		{"code before 故障", Query{Text: "e1故障", Category: "air_conditioner"}, "ac-e1 fridge-not-cooling"},
		{"full-width code", Query{Text: "屏幕显示Ｅ１", Category: "air_conditioner"}, "ac-e1 fridge-not-cooling"},
		{"E1 is not E10", Query{Text: "空调显示E10"}, ""},
		{"E1 is not inside a word", Query{Text: "空调显示FE1"}, ""},
		{"two codes", Query{Text: "空调一会儿E1一会儿F3", Category: "air_conditioner"}, "ac-e1 ac-not-cooling fridge-not-cooling"},
		{"numeric code after a cue", Query{Text: "冰箱显示88"}, "fridge-not-cooling"},
		{"a number is no code", Query{Text: "冰箱用了88天"}, ""},
		{"denied code", Query{Text: "空调不是E1是F3"}, "ac-not-cooling"},
		{"recorded code of the case", Query{Text: "又坏了", Case: CaseFacts{Category: "air_conditioner", ErrorCode: "e1", AgeMonths: UnknownAge}}, "ac-e1 fridge-not-cooling"},
		{"model number is no code", Query{Text: "型号KFR-35GW/E1", Case: CaseFacts{Model: "KFR-35GW/E1", AgeMonths: UnknownAge}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := m.Match(tt.q)
			if ids(got) != tt.want {
				t.Errorf("Match(%q) = %q, want %q", tt.q.Text, ids(got), tt.want)
			}
			if len(got) > 0 && !slices.ContainsFunc(got[0].Reasons, func(r string) bool { return strings.HasPrefix(r, "error code ") }) {
				t.Errorf("top reasons %q name no error code", got[0].Reasons)
			}
		})
	}
}

func TestMatchNegation(t *testing.T) {
	m := triggerMatcher(t)
	facts := CaseFacts{AgeMonths: 3}
	tests := []struct {
		text string
		want string
	}{
		{"空调不是漏水，是不制冷", "ac-not-cooling fridge-not-cooling"},
		{"空调没有异响，就是不制冷", "ac-not-cooling fridge-not-cooling"},
		{"空调没有漏水", ""},
		{"空调有没有可能漏水", "ac-leaking"},
		{"空调不停地滴水", "ac-leaking"},
		{"没有闻到煤气味", ""},
		{"空调是不是有异响", "ac-warranty-noise"},
	}
	for _, tt := range tests {
		if got := ids(m.Match(Query{Text: tt.text, Case: facts})); got != tt.want {
			t.Errorf("Match(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestMatchCategory(t *testing.T) {
	m := triggerMatcher(t)
	tests := []struct {
		name    string
		q       Query
		want    string
		reasons []string // of the first match
	}{
		{"no hint: tie broken by id", Query{Text: "不制冷"}, "ac-not-cooling fridge-not-cooling",
			[]string{`keyword "不制冷"`}},
		{"hint boosts its category", Query{Text: "不制冷", Category: "refrigerator"}, "fridge-not-cooling ac-not-cooling",
			[]string{`keyword "不制冷"`, "category refrigerator"}},
		{"case category is the hint", Query{Text: "不制冷", Case: CaseFacts{Category: "refrigerator", AgeMonths: UnknownAge}}, "fridge-not-cooling ac-not-cooling",
			[]string{`keyword "不制冷"`, "category refrigerator"}},
		{"mention boosts without hint", Query{Text: "冰柜不冷了"}, "fridge-not-cooling ac-not-cooling",
			[]string{`synonym "不冷了"`, "mentions refrigerator"}},
		{"general rule under a hint", Query{Text: "开不了机", Category: "air_conditioner"}, "general-no-power",
			[]string{`keyword "开不了机"`, "category any"}},
		{"unknown hint is ignored", Query{Text: "不制冷", Category: "spaceship"}, "ac-not-cooling fridge-not-cooling",
			[]string{`keyword "不制冷"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := m.Match(tt.q)
			if ids(got) != tt.want {
				t.Fatalf("Match(%q) = %q, want %q", tt.q.Text, ids(got), tt.want)
			}
			if !slices.Equal(got[0].Reasons, tt.reasons) {
				t.Errorf("reasons = %q, want %q", got[0].Reasons, tt.reasons)
			}
		})
	}
	demoted := m.Match(Query{Text: "不制冷", Category: "refrigerator"})[1]
	if demoted.Score >= m.Match(Query{Text: "不制冷"})[0].Score || !slices.Contains(demoted.Reasons, "other category") {
		t.Errorf("other category not demoted: %+v", demoted)
	}
}

func TestMatchConditions(t *testing.T) {
	m := fixtureMatcher(t)
	tests := []struct {
		age  int
		want string
	}{
		{0, "ac-warranty-noise"},
		{11, "ac-warranty-noise"},
		{12, ""},
		{40, ""},
		{UnknownAge, ""},
	}
	for _, tt := range tests {
		got := m.Match(Query{Text: "空调外机异响", Case: CaseFacts{AgeMonths: tt.age}})
		if ids(got) != tt.want {
			t.Errorf("age %d: Match = %q, want %q", tt.age, ids(got), tt.want)
		}
	}
}

func TestMatchRankingAndReasons(t *testing.T) {
	m := triggerMatcher(t)
	got := m.Match(Query{Text: "美的空调吹出来是热风，制冷效果差，还漏水", Category: "air_conditioner"})
	if ids(got) != "ac-not-cooling ac-leaking" {
		t.Fatalf("ranking = %q", ids(got))
	}
	top := got[0]
	want := []string{`keyword "制冷效果差"`, `synonym "吹出来是热风"`, "category air_conditioner", "mentions air_conditioner"}
	if !slices.Equal(top.Reasons, want) {
		t.Errorf("reasons = %q, want %q (the regex overlaps the keyword and is not counted twice)", top.Reasons, want)
	}
	// keyword 2+0.5*5, plus half the synonym 0.75*(2+0.5*6); hint ×1.5, mention ×1.3.
	if wantScore := (4.5 + 0.5*3.75) * 1.5 * 1.3; math.Abs(top.Score-wantScore) > 1e-9 {
		t.Errorf("score = %v, want %v", top.Score, wantScore)
	}
	if top.Title != "空调不制冷" || top.Rule == nil || top.Rule.ID != top.RuleID || top.Safety {
		t.Errorf("match fields = %+v", top)
	}

	// A regex alone hits like a keyword of the matched length.
	rx := m.Match(Query{Text: "空调制冷很慢", Category: "air_conditioner"})
	if ids(rx) != "ac-not-cooling" || rx[0].Reasons[0] != `regex "制冷.{0,4}(差|弱|慢)"` {
		t.Errorf("regex match = %q %q", ids(rx), rx[0].Reasons)
	}

	// Longer phrases weigh more; keywords more than synonyms of the same length.
	kw := m.Match(Query{Text: "冰箱冷藏室不冷"})[0].Score
	syn := m.Match(Query{Text: "冰箱东西放不住"})[0].Score
	short := m.Match(Query{Text: "冰箱不制冷"})[0].Score
	if !(kw > syn && kw > short) {
		t.Errorf("scores: keyword(5) %v, synonym(5) %v, keyword(3) %v", kw, syn, short)
	}

	if got := m.Match(Query{Text: "空调不制冷还漏水", Limit: 1}); len(got) != 1 {
		t.Errorf("limit 1 gave %d matches", len(got))
	}
	if got := m.Match(Query{Text: "今天天气不错"}); got != nil {
		t.Errorf("unrelated text matched %q", ids(got))
	}
}

func TestSafetyWins(t *testing.T) {
	m := fixtureMatcher(t)
	got := m.Match(Query{Text: "空调不制冷而且制冷效果差，厨房还有点燃气味", Category: "air_conditioner"})
	if len(got) < 2 || got[0].RuleID != "safety-gas-smell" || !got[0].Safety {
		t.Fatalf("ranking = %q; want the safety rule first", ids(got))
	}
	tests := []struct {
		text string
		want string
	}{
		{"闻到一股煤气味", "safety-gas-smell"},
		{"家里好像漏气了，空调也不制冷", "safety-gas-smell"},
		{"没有煤气味", ""},
		{"空调不制冷", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := m.Safety(tt.text)
		if ok != (tt.want != "") || ok && got.RuleID != tt.want {
			t.Errorf("Safety(%q) = %+v, %v; want %q", tt.text, got, ok, tt.want)
		}
	}
}

func TestMentions(t *testing.T) {
	m := fixtureMatcher(t)
	tests := []struct{ text, want string }{
		{"家里的挂机和冰箱都坏了", "air_conditioner refrigerator"},
		{"不是空调，是热水器", "water_heater"},
		{"手机坏了", ""},
	}
	for _, tt := range tests {
		if got := strings.Join(m.Mentions(tt.text), " "); got != tt.want {
			t.Errorf("Mentions(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestMatchFillers(t *testing.T) {
	m := triggerMatcher(t)
	tests := []struct {
		text string
		want string
	}{
		{"空调外机的噪音特别大", "ac-warranty-noise"},
		{"空调有点滴水", "ac-leaking"},
		{"冰箱冷藏室的不冷", "fridge-not-cooling"},
		{"空调不怎么制冷", "ac-not-cooling"},
		{"空调不是很冷", "ac-not-cooling"},
		{"空调是不是很不制冷", "ac-not-cooling"},
	}
	for _, tt := range tests {
		if got := ids(m.Match(Query{Text: tt.text, Case: CaseFacts{AgeMonths: 3}, Limit: 1})); got != tt.want {
			t.Errorf("Match(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}

	// Regexes see the text as written, fillers included; their spans still line up with
	// phrase hits of the same rule.
	s, err := Parse(map[string][]byte{"rules.yaml": []byte(`
rules:
  - id: data-loss
    title: 数据丢失
    triggers:
      keywords: [照片丢]
      regex: ['(照片|文件).{0,4}(没了|不见了)']
    unresolved: {fault_class: software, priority: urgent}
    samples: [照片全没了, 文件不见了, 照片丢了]
  - id: lag
    title: 卡顿
    triggers:
      keywords: [很卡]
    unresolved: {fault_class: software, priority: normal}
    samples: [手机很卡, 用着很卡, 很卡很卡]
`)})
	if err != nil {
		t.Fatal(err)
	}
	dm, err := NewMatcher(s)
	if err != nil {
		t.Fatal(err)
	}
	dm = dm.withSimilarity(nil)
	for _, text := range []string{"手机照片全没了", "电脑里的文件都不见了"} {
		got := dm.Match(Query{Text: text})
		if ids(got) != "data-loss" || got[0].Reasons[0] != `regex "(照片|文件).{0,4}(没了|不见了)"` {
			t.Errorf("Match(%q) = %q %v", text, ids(got), got)
		}
	}
	got := dm.Match(Query{Text: "照片丢了，照片全没了"})
	if len(got) != 1 || len(got[0].Reasons) != 2 {
		t.Errorf("keyword and regex on separate spans: %+v", got)
	}
	// A phrase that fillers would shrink to one character is matched as written.
	for text, want := range map[string]string{"手机用着很卡": "lag", "手机卡": "", "银行卡的照片不见了": "data-loss"} {
		if got := ids(dm.Match(Query{Text: text})); got != want {
			t.Errorf("Match(%q) = %q, want %q", text, got, want)
		}
	}
	if got := dm.Match(Query{Text: "照片没有不见了"}); got != nil {
		t.Errorf("denied regex group matched: %+v", got)
	}
}

// TestMatchConcurrent lets the race detector see concurrent matching on one Matcher.
func TestMatchConcurrent(t *testing.T) {
	m := fixtureMatcher(t)
	want := ids(m.Match(Query{Text: "空调不制冷还漏水", Category: "air_conditioner"}))
	done := make(chan string)
	for range 4 {
		go func() {
			got := ""
			for range 50 {
				got = ids(m.Match(Query{Text: "空调不制冷还漏水", Category: "air_conditioner"}))
				m.Safety("有煤气味")
			}
			done <- got
		}()
	}
	for range 4 {
		if got := <-done; got != want {
			t.Errorf("concurrent Match = %q, want %q", got, want)
		}
	}
}
