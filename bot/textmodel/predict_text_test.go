package textmodel

import (
	"fmt"
	"strings"
	"testing"

	"github.com/wxintake/intake/internal/corpustext"
)

// TestPredictText: PredictText gives Predict(Features(…)) to the bit, for both shipped
// models, over the corpus's messages in several states.
func TestPredictText(t *testing.T) {
	texts := []string{"", " ", "a", "ABC def", "\xff冒烟\xfe", "谢谢", "空调 不制冷 E1", "😂😂😂"}
	corpus, err := corpustext.Corpus("../..")
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, corpus...)
	if len(texts) < 1000 {
		t.Fatalf("only %d texts", len(texts))
	}
	ctxs := [][3]string{{"", "", ""}, {"new", "", "report"}, {"self", "", "solved"}, {"collect", "phone", "answer"}}
	for _, m := range []*Model{Acts(), Hazards()} {
		for i, text := range texts {
			c := ctxs[i%len(ctxs)]
			wantAct, wantP := m.Predict(Features(c[0], c[1], text, c[2]))
			gotAct, gotP := m.PredictText(c[0], c[1], text, c[2])
			if gotAct != wantAct || gotP != wantP {
				t.Fatalf("PredictText(%q, %q) = %s %v, Predict gives %s %v", c, text, gotAct, gotP, wantAct, wantP)
			}
		}
	}
}

// TestPredictTextOddKeys: PredictText finds the same features as Predict where a state
// or a text holds the "|" that joins them, a NUL, invalid bytes, capitals or more runes
// than PredictText's buffer.
func TestPredictTextOddKeys(t *testing.T) {
	long := strings.Repeat("空调不制冷|", 60)
	states := []string{"", "a", "a|b", "|", "||", "x\x00", "\xff", "R:answer", "collect"}
	texts := []string{"", "|", "b|c", "|b|c|", "a|b|c", "\x00", "\x00\x00|", "\xff|\xfe", "AbC|", "😂|😂", long, "a b|c"}
	var ex []Example
	for i, st := range states {
		for j, tx := range texts {
			ex = append(ex, Example{State: st, Asking: st, Text: tx, RuleAct: states[(i+j)%len(states)], Act: fmt.Sprint("act", (i+j)%3)})
		}
	}
	m := Train(ex)
	for _, st := range append(states, "b", "a|", "R", "nowhere") {
		for _, tx := range append(texts, "c", "|c", "bc", "A|B|C", "a|", "|a|b") {
			for _, ra := range []string{"", "answer", "a|b"} {
				wantAct, wantP := m.Predict(Features(st, st, tx, ra))
				gotAct, gotP := m.PredictText(st, st, tx, ra)
				if gotAct != wantAct || gotP != wantP {
					t.Fatalf("PredictText(%q, %q, %q) = %s %v, Predict gives %s %v", st, tx, ra, gotAct, gotP, wantAct, wantP)
				}
			}
		}
	}
}

func BenchmarkPredictText(b *testing.B) {
	m := Acts()
	for b.Loop() {
		m.PredictText("new", "", "美的空调kfr-35gw去年6月京东买的,今天突然不制冷,显示e1", "report")
	}
}

func BenchmarkPredictFeatures(b *testing.B) {
	m := Acts()
	for b.Loop() {
		m.Predict(Features("new", "", "美的空调kfr-35gw去年6月京东买的,今天突然不制冷,显示e1", "report"))
	}
}
