package knowledge

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestMarshalRuleRoundTrip(t *testing.T) {
	s := fixture(t)
	for _, r := range s.Rules {
		b, err := MarshalRule(r)
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseRule(b)
		if err != nil {
			t.Fatalf("%s: ParseRule(MarshalRule) = %v\n%s", r.ID, err, b)
		}
		// nil and empty lists both print as [], so compare the texts.
		if again, _ := MarshalRule(back); string(again) != string(b) || back.ID != r.ID || back.Condition != r.Condition {
			t.Errorf("%s: round trip changed the rule:\n%s\n---\n%s", r.ID, b, again)
		}
	}
	b, _ := MarshalRule(*s.Rule("ac-not-cooling"))
	for _, want := range []string{"id: ac-not-cooling\n", "keywords: [不制冷, 制冷效果差]\n", "parts: [0, 800]", "  - 空调不制冷了怎么办\n"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("marshalled rule lacks %q:\n%s", want, b)
		}
	}
}

func TestParseRuleErrors(t *testing.T) {
	good, _ := MarshalRule(*fixture(t).Rule("ac-leaking"))
	tests := []struct {
		name     string
		old, new string
		want     []string
	}{
		{"bad priority", "priority: normal", "priority: soon",
			[]string{`line 12: unresolved.priority: "soon" is not one of urgent, normal, routine`}},
		{"unknown field", "onsite: true", "on_site: true",
			[]string{`line 13: field on_site not found in type knowledge.Unresolved`}},
		{"two problems", "fault_class: hardware", "fault_class: damage",
			[]string{`line 11: unresolved.fault_class: "damage" is not one of hardware, software, user_damage`,
				`line 12: unresolved.priority: "soon" is not one of urgent, normal, routine`}},
		{"unknown rule field", "samples:\n", "sample: []\nsamples:\n",
			[]string{`line 18: field sample not found in type knowledge.Rule`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(string(good), tt.old) {
				t.Fatalf("no %q in\n%s", tt.old, good)
			}
			doc := strings.Replace(string(good), tt.old, tt.new, 1)
			if tt.name == "two problems" {
				doc = strings.Replace(doc, "priority: normal", "priority: soon", 1)
			}
			_, err := ParseRule([]byte(doc))
			var ve *ValidationError
			if !errors.As(err, &ve) {
				t.Fatalf("ParseRule error = %v", err)
			}
			var got []string
			for _, p := range ve.Problems {
				got = append(got, p.Error())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q\n%s", got, tt.want, good)
			}
		})
	}
	if _, err := ParseRule(nil); err == nil {
		t.Error("empty rule accepted")
	}
	if _, err := ParseRule([]byte("- id: x\n")); err == nil {
		t.Error("a list accepted as a rule")
	}
}

func TestCheckRule(t *testing.T) {
	s := fixture(t)
	b, _ := MarshalRule(*s.Rule("ac-leaking"))
	if _, err := s.CheckRule(b, "ac-leaking"); err != nil {
		t.Errorf("re-saving a rule: %v", err)
	}
	_, err := s.CheckRule(b, "")
	if err == nil || !strings.Contains(err.Error(), `line 1: id: duplicate id "ac-leaking" (also at rules/air_conditioner.yaml:25)`) {
		t.Errorf("new rule with a taken id: %v", err)
	}
	moved := strings.Replace(string(b), "categories: [air_conditioner]", "categories: [television]", 1)
	if _, err := s.CheckRule([]byte(moved), "ac-leaking"); err == nil || !strings.Contains(err.Error(), `categories[0]: unknown category "television"`) {
		t.Errorf("unknown category: %v", err)
	}
}
