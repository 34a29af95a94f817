package knowledge

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestRegexGates(t *testing.T) {
	tests := []struct {
		src  string
		want string // gates joined by "|"; "-" for none
	}{
		{`制冷.{0,4}(差|弱|慢)`, "制冷"},
		{`(结|挂)了?一?层?(霜|冰)`, "挂|结"},
		{`冷冻.{0,6}(霜|冰很厚)`, "冷冻"},
		{`(很|非常)吵`, "吵"},
		{`(很|非常)(吵闹)`, "吵闹"},
		{`E\d+`, "e"},
		{`[Ee]\d`, "e"},
		{`(开|关)不了`, "不了"},
		{`\d+度`, "度"},
		{`.*漏.*`, "漏"},
		{`(漏水)?滴`, "滴"},
		{`(漏水)?`, "-"},
		{`[^a]+`, "-"},
		{`冷藏的灯`, "冷藏的灯"}, // regexes also see the text with its fillers
		{`空调 不冷`, "-"},   // but never spaces
		{`(很烫|Ｅ1)`, "-"}, // nor full-width forms
		{`(`, "-"},
	}
	for _, tt := range tests {
		got := "-"
		if g := regexGates(tt.src); g != nil {
			got = strings.Join(g, "|")
		}
		if got != tt.want {
			t.Errorf("regexGates(%q) = %q, want %q", tt.src, got, tt.want)
		}
	}
}

// TestGatedRegexStillMatches checks a gated regex against ungated evaluation on the
// fixture's regex.
func TestGatedRegexStillMatches(t *testing.T) {
	m := fixtureMatcher(t)
	if len(m.ungated) != 0 {
		t.Errorf("fixture regexes left ungated: %v", m.ungated)
	}
	for _, text := range []string{"空调制冷很慢", "制冷效果弱", "空调制冷有点差"} {
		got := m.Match(Query{Text: text})
		if len(got) == 0 || !slices.Contains(got[0].Reasons, `regex "制冷.{0,4}(差|弱|慢)"`) {
			t.Errorf("Match(%q) = %+v", text, got)
		}
	}
}

func TestRegexDenied(t *testing.T) {
	tests := []struct {
		re, text string
		want     bool
	}{
		{`(空调).{0,6}(漏)水`, "空调不是漏水", true},
		{`(空调).{0,6}(漏)水`, "空调一直漏水", false},
		{`(空调).{0,6}(漏)水`, "不是空调漏水", true},
		{`(黑屏|没有?画面).{0,6}(有声|声音)`, "没有画面有声音", false},
		{`(黑屏|没有?画面).{0,6}(有声|声音)`, "黑屏没有声音", true},
		{`(文件|桌面)[^,]{0,4}(全没|没(了|,|$))`, "桌面文件没了", false},
		{`遥控.{0,6}(没反应|不管用)`, "遥控器没反应", false},
		{`制冷.{0,4}(差|弱)`, "制冷不差", true},
	}
	for _, tt := range tests {
		re := regexp.MustCompile(tt.re)
		text := Normalize(tt.text)
		loc := re.FindStringSubmatchIndex(text)
		if loc == nil {
			t.Fatalf("%s does not match %q", tt.re, text)
		}
		if got := regexDenied(text, loc); got != tt.want {
			t.Errorf("regexDenied(%s, %q) = %v, want %v", tt.re, tt.text, got, tt.want)
		}
	}
}
