package knowledge

import "testing"

// TestHazardCueIndexNeverRejects: the hazard cue index names every cue that matches a
// corpus text in hazard form, so skipping the others changes no reading.
func TestHazardCueIndexNeverRejects(t *testing.T) {
	for _, s := range corpusTexts(t) {
		f := hazardFormOf(Canon(s))
		may := hazardCueIndex().Candidates(f)
		for i, h := range hazardCues {
			if !may.Has(i) && h.re.re.MatchString(f) {
				t.Fatalf("%q: the index leaves out cue %q", f, h.re.re.String())
			}
		}
	}
}

func TestCueIndex(t *testing.T) {
	x := NewCueIndex([]*Gated{MustGate(`冒烟|起火`), MustGate(`(碰|摸)[^,?]{0,4}(有点|会)电`), MustGate(`a*`)})
	for _, c := range []struct {
		text string
		want [3]bool
	}{
		{"空调冒烟了", [3]bool{true, false, true}},
		{"摸一下会电人", [3]bool{false, true, true}},
		{"不制冷", [3]bool{false, false, true}},
	} {
		may := x.Candidates(c.text)
		for i, w := range c.want {
			if may.Has(i) != w {
				t.Errorf("%q: pattern %d named %v, want %v", c.text, i, may.Has(i), w)
			}
		}
	}
}
