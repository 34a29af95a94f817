package knowledge

import "testing"

func TestGated(t *testing.T) {
	for _, tc := range []struct {
		pattern, text string
		want          bool
	}{
		{`冒烟|起火`, "空调冒烟了", true},
		{`冒烟|起火`, "空调不制冷", false},
		{`(^|[^充])电人`, "门把手电人", true},
		{`[0-9]+`, "123", true},     // no literal: never gated
		{`a?b*`, "xyz", true},       // matches the empty string: never gated
		{`(?i)kfr`, "KFR-35", true}, // case folded
		{`(不|没)$`, "修不修不", true},
		{`(不|没)$`, "好的", false},
	} {
		g := MustGate(tc.pattern)
		if got := g.MatchString(tc.text); got != tc.want {
			t.Errorf("MustGate(%q).MatchString(%q) = %v, want %v", tc.pattern, tc.text, got, tc.want)
		}
		if got := g.Regexp().MatchString(tc.text); got != tc.want {
			t.Errorf("the plain regexp disagrees on %q/%q", tc.pattern, tc.text)
		}
	}
}

// TestGatedAgreesWithRegexp: words looked up without the engine find what the regexp finds.
func TestGatedAgreesWithRegexp(t *testing.T) {
	patterns := []string{`转人工|人工客服|(要|找)个?(真人|活人)|客服(来|呢)|kf.{0,3}真人`, `再见|拜拜|^(88|886)$|bye`, `(不|没|否)$|码$|吗|\?`}
	texts := []string{"转人工", "我要找个真人", "客服呢", "kf kf 真人", "好的再见", "88", "886", "0755 8888", "能修不", "你是真人码", "在吗?", "什么"}
	for _, p := range patterns {
		g := MustGate(p)
		for _, s := range texts {
			if got, want := g.MatchString(s), g.Regexp().MatchString(s); got != want {
				t.Errorf("%q on %q: gated %v, regexp %v", p, s, got, want)
			}
			if (g.FindString(s) != "") != (g.Regexp().FindString(s) != "") {
				t.Errorf("%q on %q: FindString %q vs %q", p, s, g.FindString(s), g.Regexp().FindString(s))
			}
		}
	}
}
