package bot

import "testing"

// TestHedgedSafetyAnswers: an answer to the safety check that cannot rule the hazard out
// counts as a yes (unsureOfHazard or confirmsHazard); a plain no does not.
func TestHedgedSafetyAnswers(t *testing.T) {
	for _, tc := range []struct {
		answer string
		yes    bool
	}{
		{"说不好", true}, {"闻不太出来", true}, {"我鼻子不灵", true},
		{"感觉有", true}, {"貌似有", true}, {"好似有", true}, {"觉得有一点", true},
		{"家里人说有", true}, {"我老婆讲有", true}, {"you", true},
		{"没有", false}, {"没闻到", false}, {"冇", false},
	} {
		core := compact(tc.answer)
		got := (confirmsHazard.MatchString(core) || unsureOfHazard.MatchString(core)) && !deniesHazard.MatchString(core)
		if got != tc.yes {
			t.Errorf("%q read as yes = %v, want %v", tc.answer, got, tc.yes)
		}
	}
}
