package bot

import (
	"strings"
	"testing"

	"github.com/wxintake/intake/knowledge"
)

// shippedKB is the knowledge shipped in the binary, compiled once for the tests that
// replay conversations as customers have them.
func shippedKB(tb testing.TB) *KnowledgeBase {
	tb.Helper()
	set, err := knowledge.Shipped()
	if err != nil {
		tb.Fatal(err)
	}
	kb, err := NewKnowledgeBase(set)
	if err != nil {
		tb.Fatal(err)
	}
	return kb
}

// TestUnderstandingTranscripts replays the conversations of testdata/understand — every
// dialogue act, every hazard family in every state, the guided menu, corrections, products
// outside the categories — on the shipped knowledge. Editing the shipped rules can change
// them: run with -update and read the diff.
func TestUnderstandingTranscripts(t *testing.T) {
	replay(t, "testdata/understand", 8, shippedKB(t))
}

func TestLowerIsToLower(t *testing.T) {
	for _, s := range []string{"", "abc", "ABC", "空调不制冷", "空调E1", "ｅ１故障Ｅ", "Ä空调", "ΣΑΣ", "空调\xff", "a\ufffd", "，。？！ 冰箱", "İstanbul"} {
		if got, want := lower(s), strings.ToLower(s); got != want {
			t.Errorf("lower(%q) = %q, want %q", s, got, want)
		}
	}
}
