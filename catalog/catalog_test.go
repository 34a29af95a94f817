package catalog

import (
	"testing"
	"testing/fstest"
)

func TestLoadRejectsDuplicateKeys(t *testing.T) {
	_, err := load(fstest.MapFS{
		"a.yaml": {Data: []byte("hello: 你好\n")},
		"b.yaml": {Data: []byte("hello: 您好\n")},
	})
	if err == nil {
		t.Fatal("duplicate key across files was accepted")
	}
}

func TestLoadRejectsEmptyText(t *testing.T) {
	if _, err := load(fstest.MapFS{"a.yaml": {Data: []byte("hello: ''\n")}}); err == nil {
		t.Fatal("empty sentence was accepted")
	}
}

func TestShippedCatalogLoads(t *testing.T) {
	if _, err := load(files); err != nil {
		t.Fatal(err)
	}
	if len(Keys()) == 0 {
		t.Fatal("catalog is empty")
	}
}

func TestT(t *testing.T) {
	texts["test.greet"] = "您好，{name}！工单 {number}。{missing}"
	defer delete(texts, "test.greet")
	got := T("test.greet", "name", "张先生", "number", 42)
	want := "您好，张先生！工单 42。{missing}"
	if got != want {
		t.Fatalf("T = %q, want %q", got, want)
	}
	if got := T("no.such.key"); got != "[no.such.key]" {
		t.Fatalf("missing key = %q", got)
	}
}

func BenchmarkT(b *testing.B) {
	texts["bench.x"] = "工单 {number} 已创建，我们将在 {due} 前联系您。"
	for b.Loop() {
		_ = T("bench.x", "number", "RS20261122-0001", "due", "11月23日 12:00")
	}
}
