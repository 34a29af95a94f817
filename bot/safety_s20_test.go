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
		{"家里人说有", true}, {"闻着有一点点", true}, {"摸起来好像有", true}, {"闻着没有", false}, {"我老婆讲有", true}, {"you", true},
		{"没有", false}, {"没闻到", false}, {"冇", false},
	} {
		core := compact(tc.answer)
		got := (confirmsHazard.MatchString(core) || unsureOfHazard.MatchString(core)) && !deniesHazard.MatchString(core)
		if got != tc.yes {
			t.Errorf("%q read as yes = %v, want %v", tc.answer, got, tc.yes)
		}
	}
}

// TestShockSuspectedNow: a suspicion that current leaks now is no worry about the future.
func TestShockSuspectedNow(t *testing.T) {
	for _, tc := range []struct {
		text string
		now  bool
	}{
		{"是不是漏电了", true}, {"怀疑热水器漏电", true}, {"这个插座是不是带电了", true},
		{"热水器漏电了吗 我有点怕", true}, {"系唔系漏电呀", true}, {"好像漏电了", true},
		{"会不会漏电", false}, {"热水器是不是会漏电", false}, {"怕以后漏电", false},
		{"万一热水器漏电了怎么办", false}, {"洗衣机是不是容易漏电", false},
	} {
		if got := cueShockSuspectedNow.MatchString(compact(tc.text)); got != tc.now {
			t.Errorf("%q suspected now = %v, want %v", tc.text, got, tc.now)
		}
	}
}
