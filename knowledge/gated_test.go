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
