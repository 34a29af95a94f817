package knowledge

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestSelfTestFixture(t *testing.T) {
	rep := SelfTest(fixture(t))
	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	if !rep.Passed() {
		t.Fatalf("fixture self-test failed:\n%s", b.String())
	}
	if rep.Total != 21 || rep.Hinted.Total != 21 || rep.Top3 != 21 {
		t.Errorf("accuracy = %+v, hinted %+v; want 21 samples, all top 1", rep.Accuracy, rep.Hinted)
	}
	if !strings.Contains(b.String(), "首位命中 21（100.0%）") {
		t.Errorf("summary lacks the top-1 figure:\n%s", b.String())
	}
}

func TestSelfTestReportsFailuresAndOverlaps(t *testing.T) {
	s := fixture(t)
	// A sample that belongs to another rule, and a phrase shared by two air-conditioner rules.
	leak := s.Rule("ac-leaking")
	leak.Samples = append(leak.Samples, "空调不制冷")
	noise := s.Rule("ac-warranty-noise")
	noise.Triggers.Synonyms = append(noise.Triggers.Synonyms, "滴水")

	rep := SelfTest(s)
	if rep.Passed() {
		t.Fatal("a misplaced sample passed")
	}
	if rep.Total != 22 || rep.Top1 != 21 {
		t.Errorf("accuracy = %+v; want 22 total, 21 top 1", rep.Accuracy)
	}
	var got *Failure
	for i := range rep.Failures {
		if rep.Failures[i].Sample == "空调不制冷" && rep.Failures[i].Hint == "" {
			got = &rep.Failures[i]
		}
	}
	// The sample resembles itself, so its rule ranks, but below the rule whose keyword it is.
	if got == nil || got.RuleID != "ac-leaking" || got.Rank < 2 || len(got.Got) == 0 || got.Got[0].RuleID != "ac-not-cooling" {
		t.Errorf("failure = %+v; want ac-leaking ranked after ac-not-cooling", got)
	}
	if len(rep.Overlaps) != 1 || rep.Overlaps[0].Phrase != "滴水" ||
		strings.Join(rep.Overlaps[0].RuleIDs, ",") != "ac-leaking,ac-warranty-noise" {
		t.Errorf("overlaps = %+v; want 滴水 shared by ac-leaking and ac-warranty-noise", rep.Overlaps)
	}
	var b strings.Builder
	rep.WriteText(&b)
	for _, want := range []string{"✗ 规则 ac-leaking", "1. ac-not-cooling", "“滴水”", "自测未通过"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}

// TestSelfTestHeldOut: every sample is matched again without its fold in the similarity
// index; a sample only its own text finds is a warning (Unseen), not a failure.
func TestSelfTestHeldOut(t *testing.T) {
	s := fixture(t)
	leak := s.Rule("ac-leaking")
	leak.Samples = append(leak.Samples, "墙上湿了一大片") // no trigger, like no other sample

	rep := SelfTest(s)
	if !rep.Passed() {
		t.Fatalf("a sample found by itself failed the self-test: %+v", rep.Failures)
	}
	if rep.HeldOut.Total != 22 || rep.HeldOutHinted.Total != 22 || rep.HeldOut.Top1 > 21 {
		t.Errorf("held out = %+v, hinted %+v; want 22 samples, at most 21 top 1", rep.HeldOut, rep.HeldOutHinted)
	}
	if !slices.ContainsFunc(rep.Unseen, func(f Failure) bool {
		return f.RuleID == "ac-leaking" && f.Sample == "墙上湿了一大片" && f.Rank == 0
	}) {
		t.Errorf("unseen = %+v; want the new sample, unranked", rep.Unseen)
	}
	var cats []string
	total := 0
	for _, c := range rep.ByCategory {
		cats = append(cats, fmt.Sprintf("%s:%d", c.Category, c.HeldOut.Total))
		total += c.HeldOut.Total
		if c.Hinted.Total != c.HeldOut.Total {
			t.Errorf("category %s: %d held out, %d hinted", c.Category, c.HeldOut.Total, c.Hinted.Total)
		}
	}
	if got := strings.Join(cats, " "); got != "air_conditioner:13 refrigerator:3 general:6" || total != rep.HeldOut.Total {
		t.Errorf("by category = %s", got)
	}

	var b strings.Builder
	if err := rep.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"留出测试（5 折", "空调（air_conditioner）：13 条样例", "通用规则（general）", "⚠ 留出未命中（仅作提示）：规则 ac-leaking", "自测通过"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}
