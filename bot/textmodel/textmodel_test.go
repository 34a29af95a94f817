package textmodel

import (
	"bytes"
	"compress/gzip"
	"testing"
)

func TestTrainPredict(t *testing.T) {
	ex := []Example{
		{State: "self", Text: "好了谢谢", RuleAct: "solved", Act: "solved"},
		{State: "self", Text: "搞定了", RuleAct: "answer", Act: "solved"},
		{State: "self", Text: "还是不行", RuleAct: "not_solved", Act: "not_solved"},
		{State: "self", Text: "没用啊还是不转", RuleAct: "answer", Act: "not_solved"},
		{State: "start", Text: "找个真人", RuleAct: "handoff", Act: "handoff"},
	}
	m := Train(ex)
	if got, p := m.Predict(Features("self", "", "还是不转", "answer")); got != "not_solved" || p <= 0.5 || p > 1 {
		t.Errorf("Predict(还是不转) = %s %.2f, want not_solved with p in (0.5, 1]", got, p)
	}
	if got, _ := m.Predict(Features("self", "", "搞定", "answer")); got != "solved" {
		t.Errorf("Predict(搞定) = %s, want solved", got)
	}
	var nilModel *Model
	if got, p := nilModel.Predict(Features("self", "", "x", "answer")); got != "" || p != 0 {
		t.Errorf("nil model predicted %q %.2f", got, p)
	}
}

func TestEncodeDecode(t *testing.T) {
	m := Train([]Example{{State: "start", Text: "你好", RuleAct: "greeting", Act: "greeting"},
		{State: "start", Text: "投诉", RuleAct: "complaint", Act: "complaint"}})
	var a, b bytes.Buffer
	if err := m.Encode(&a); err != nil {
		t.Fatal(err)
	}
	got, err := Decode(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := got.Encode(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("a decoded model encodes to other bytes")
	}

	if _, err := Decode(bytes.NewReader([]byte("not gzip"))); err == nil {
		t.Error("Decode accepted a file that is not gzip")
	}
	var bad bytes.Buffer
	zw := gzip.NewWriter(&bad)
	zw.Write([]byte(`{"classes":["a","b"],"prior":[1,1],"total":[1,1],"counts":{"x":[1]}}`))
	zw.Close()
	if _, err := Decode(&bad); err == nil {
		t.Error("Decode accepted a feature with too few counts")
	}
}

func TestShippedActs(t *testing.T) {
	m := Acts()
	if len(m.Classes) < 10 || len(m.Counts) == 0 {
		t.Fatalf("shipped model has %d acts and %d features", len(m.Classes), len(m.Counts))
	}
}

func BenchmarkPredict(b *testing.B) {
	m := Acts()
	for b.Loop() {
		m.Predict(Features("self", "", "师傅说的那个我试了一下好像还是老样子没什么变化", "answer"))
	}
}
