package textmodel

import (
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
