package knowledge

import (
	"errors"
	"io/fs"
	"testing"
)

func TestPutDeleteFAQ(t *testing.T) {
	files := map[string][]byte{}
	err := fs.WalkDir(ShippedFS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files[p], err = fs.ReadFile(ShippedFS(), p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	e := FAQ{ID: "faq-test", Title: "测试", Answer: "答案", Samples: []string{"一", "二", "三", "四", "五", "六", "七", "八"}}
	files, err = PutFAQ(files, "", e)
	if err != nil {
		t.Fatal(err)
	}
	e.Answer = "新答案"
	files, err = PutFAQ(files, "faq-test", e)
	if err != nil {
		t.Fatal(err)
	}
	s, err := Parse(files)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.FAQEntry("faq-test"); got == nil || got.Answer != "新答案" {
		t.Fatalf("after put: %+v", got)
	}
	if s.FAQEntry("faq-service-hours") == nil || len(s.FAQ) < 10 {
		t.Fatalf("other entries lost: %d", len(s.FAQ))
	}
	if files, err = DeleteFAQ(files, "faq-test"); err != nil {
		t.Fatal(err)
	}
	if s, _ = Parse(files); s.FAQEntry("faq-test") != nil {
		t.Fatal("not deleted")
	}
	if _, err := DeleteFAQ(files, "faq-test"); !errors.Is(err, ErrNoFAQ) {
		t.Fatalf("delete missing: %v", err)
	}
	if _, err := PutFAQ(files, "nope", e); !errors.Is(err, ErrNoFAQ) {
		t.Fatalf("put missing: %v", err)
	}
}
