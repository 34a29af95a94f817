package knowledge

import (
	"errors"
	"strings"
	"testing"
)

func TestShippedFAQ(t *testing.T) {
	s, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	if len(s.FAQ) < 10 {
		t.Fatalf("shipped FAQ entries: %d", len(s.FAQ))
	}
	m, err := NewMatcher(s)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range faqSelfTest(s, m) {
		t.Error(f.Text())
	}
}

func TestMatchFAQ(t *testing.T) {
	s, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ text, category, want string }{
		{"外机滴水正常吗", "", "faq-ac-outdoor-drip"},
		{"你们几点下班", "", "faq-service-hours"},
		{"型号在哪看", "refrigerator", "faq-where-model-fridge"},
		{"型号在哪看", "washing_machine", "faq-where-model-washer"},
		{"洗衣机的铭牌在哪里", "", "faq-where-model-washer"},
		{"师傅几天能来", "", "faq-visit-arrange"},
		{"空调不制冷是怎么回事", "", ""},
		{"冒白烟 正常吗 有焦味", "", ""},
	} {
		got, ok := s.MatchFAQ(tc.text, tc.category)
		id := ""
		if ok {
			id = got.Entry.ID
		}
		if id != tc.want {
			t.Errorf("MatchFAQ(%q, %q) = %q (%.2f), want %q", tc.text, tc.category, id, got.Score, tc.want)
		}
	}
}

func TestValidateFAQ(t *testing.T) {
	files := map[string][]byte{
		"categories.yaml": []byte("categories:\n  - id: air_conditioner\n    name: 空调\n"),
		"faq.yaml": []byte(`faq:
  - id: Bad_ID
    title: ""
    categories: [nowhere]
    answer: ""
    image: javascript:alert(1)
    samples: [一, 二]
`),
	}
	s, err := Parse(files)
	if err != nil {
		t.Fatal(err)
	}
	err = s.Validate()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Validate = %v, want a ValidationError", err)
	}
	var codes []string
	for _, p := range ve.Problems {
		codes = append(codes, p.Field+":"+p.Code)
	}
	got := strings.Join(codes, " ")
	for _, want := range []string{"faq[0].id:bad_id", "faq[0].title:required", "faq[0].answer:required",
		"faq[0].image:bad_image", "faq[0].categories[0]:unknown_category", "faq[0].samples:few_samples"} {
		if !strings.Contains(got, want) {
			t.Errorf("problems %s: missing %s", got, want)
		}
	}
}
