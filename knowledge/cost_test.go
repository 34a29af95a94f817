package knowledge

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// parseGood parses the categories and goodRule with the replacements old→new applied.
func parseGood(t *testing.T, replace ...string) *Set {
	t.Helper()
	doc := goodRule
	for i := 0; i+1 < len(replace); i += 2 {
		if !strings.Contains(doc, replace[i]) {
			t.Fatalf("goodRule has no %q", replace[i])
		}
		doc = strings.Replace(doc, replace[i], replace[i+1], 1)
	}
	s, err := Parse(map[string][]byte{"categories.yaml": []byte(validCategories), "rules/ac.yaml": []byte(doc)})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// codesOf returns the codes of err's problems, and fails on an error of another kind or a
// problem without its catalog text.
func codesOf(t *testing.T, err error) []string {
	t.Helper()
	if err == nil {
		return nil
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %T %v is not a *ValidationError", err, err)
	}
	var codes []string
	for _, p := range ve.Problems {
		codes = append(codes, p.Code)
		if txt := p.Text(); strings.Contains(txt, "[knowledge.") {
			t.Errorf("problem %s has no catalog text: %s", p.Code, txt)
		}
		t.Logf("%s | %s", p.Error(), p.Text())
	}
	return codes
}

// TestValidateRefusesCostlyRules: regexes and conditions that can take long on every
// message they are tried on are refused when the rule is validated, each with its code.
func TestValidateRefusesCostlyRules(t *testing.T) {
	const (
		regex = `regex: ['制冷.{0,4}差']`
		cond  = `condition: 'age_months < 12'`
	)
	tests := []struct {
		name     string
		old, new string
		want     []string // problem codes; nil: valid
	}{
		{"counted repetition", regex, `regex: ['制冷(.{0,30}){0,30}差']`, []string{"costly_regex"}},
		{"long counted repetition", regex, `regex: ['制冷.{1,1000}差']`, []string{"costly_regex"}},
		{"nested counted repetition", regex, `regex: ['((制冷.{0,9}){1,9}){1,9}']`, []string{"costly_regex"}},
		{"ordinary regex", regex, `regex: ['(制冷|冷气).{0,12}(差|弱|不行)']`, nil},
		{"huge range", cond, `condition: 'all(1..1000000, {# > 0})'`, []string{"condition_range"}},
		{"range to a variable", cond, `condition: 'any(0..age_months, {# == 12})'`, []string{"condition_range"}},
		{"loop in a loop", cond, `condition: 'let a = 1..1000; all(a, {all(a, {# > 0})})'`, []string{"condition_nested"}},
		{"loop in a loop's filter", cond, `condition: 'len(filter(1..100, {any(1..100, {# == age_months})})) > 0'`, []string{"condition_nested"}},
		{"pattern from a variable", cond, `condition: 'model matches brand'`, []string{"condition_matches"}},
		{"costly constant pattern", cond, `condition: 'model matches "(.{0,30}){0,30}x"'`, []string{"costly_regex"}},
		{"repeat is not available", cond, `condition: 'len(repeat(model, 1000)) > 0'`, []string{"bad_condition"}},
		{"reduce is not available", cond, `condition: 'len(reduce(1..50, #acc + #acc, "a")) > 0'`, []string{"condition_builtin"}},
		{"small range", cond, `condition: 'age_months in 0..12'`, nil},
		{"negative bound", cond, `condition: 'age_months in -1..12'`, nil},
		{"one loop over a list", cond, `condition: 'any(["E1", "E2"], {# == error_code}) && age_months < 24'`, nil},
		{"constant pattern", cond, `condition: 'model matches "^KFR-\\d+"'`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseGood(t, tt.old, tt.new)
			if got := codesOf(t, s.Validate()); !slices.Equal(got, tt.want) {
				t.Errorf("problems %q, want %q", got, tt.want)
			}
		})
	}
}

// TestValidateRefusesCostlyModelPattern: brands' model and serial patterns are held to
// the same program size as trigger regexes.
func TestValidateRefusesCostlyModelPattern(t *testing.T) {
	cats := strings.Replace(validCategories, "    brands: []\n",
		"    brands:\n      - name: 格力\n        model_patterns: ['KFR-(\\w{0,30}){0,30}']\n", 1)
	s, err := Parse(map[string][]byte{"categories.yaml": []byte(cats), "rules/ac.yaml": []byte(goodRule)})
	if err != nil {
		t.Fatal(err)
	}
	if got := codesOf(t, s.Validate()); !slices.Equal(got, []string{"costly_regex"}) {
		t.Errorf("problems %q, want costly_regex", got)
	}
}

// TestCheckCostRefusesSlowRules: a rule within the static bounds but slow on the benchmark
// messages is refused at publish with "slow_rule", shown on the rule.
func TestCheckCostRefusesSlowRules(t *testing.T) {
	tests := []struct{ name, old, new string }{
		// Each regex is under MaxRegexInsts but scans every long message slowly.
		{"slow regexes", `regex: ['制冷.{0,4}差']`, `regex: [` + slowRegexes(20) + `]`},
		// One loop of 1,000 turns over text variables, on every case.
		{"slow condition", `condition: 'age_months < 12'`, `condition: 'any(1..1000, {` + slowClause(24) + `})'`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := parseGood(t, tt.old, tt.new)
			if err := s.Validate(); err != nil {
				t.Fatalf("the rule should pass the static bounds: %v", err)
			}
			err := CheckPublishable(s)
			if got := codesOf(t, err); !slices.Equal(got, []string{"slow_rule"}) {
				t.Fatalf("CheckPublishable: problems %q (%v), want slow_rule", got, err)
			}
			var ve *ValidationError
			errors.As(err, &ve)
			if p := ve.Problems[0]; p.File != "rules/ac.yaml" || p.Line != 2 || p.Field != "rules[0]" {
				t.Errorf("problem at %s:%d %s, want rules/ac.yaml:2 rules[0]", p.File, p.Line, p.Field)
			}
		})
	}
}

// slowRegexes returns n regexes within MaxRegexInsts whose scans of a long text are slow:
// hundreds of threads of the regexp engine stay alive over the whole text.
func slowRegexes(n int) string {
	var rx []string
	for i := range n {
		rx = append(rx, "'.{1,450}(制|冷)x"+string(rune('a'+i))+"'")
	}
	return strings.Join(rx, ", ")
}

// slowClause returns n string operations over the text variables, all false, joined by ||.
func slowClause(n int) string {
	ops := []string{
		`upper(model + brand + category) contains lower(brand + model + "#")`,
		`trim(model + brand) endsWith trim(brand + model + "#")`,
		`lower(category + brand + model) startsWith upper(model + brand + "#")`,
	}
	var out []string
	for i := range n {
		out = append(out, ops[i%len(ops)])
	}
	return strings.Join(out, " || ")
}

// TestShippedKnowledgeWithinCost: the shipped knowledge validates and passes the cost
// check, and every shipped rule, measured even when CheckCost would not measure it, stays
// within the budget.
func TestShippedKnowledgeWithinCost(t *testing.T) {
	s, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := s.CheckCost(); err != nil {
		t.Fatal(err)
	}
	worst, id := time.Duration(0), ""
	for i := range s.Rules {
		if cost, ok := ruleCost(&s.Rules[i]); ok && cost > worst {
			worst, id = cost, s.Rules[i].ID
		}
	}
	t.Logf("costliest shipped rule %s: %v per benchmark message, budget %v", id, worst, RuleBudget)
	if worst > RuleBudget {
		t.Errorf("shipped rule %s costs %v per message, over the budget %v", id, worst, RuleBudget)
	}
}

// TestRegexesSeeTheFirstKilobytes: a regex trigger past MaxMatchText bytes of the message
// is not found (phrases still are), and one within it is.
func TestRegexesSeeTheFirstKilobytes(t *testing.T) {
	s := parseGood(t, "keywords: [不制冷]", "keywords: [空调坏了]", "synonyms: [不冷了]", "synonyms: [空调不好用]",
		"error_codes: [E1]", "error_codes: []", "    condition: 'age_months < 12'\n", "")
	m, err := NewMatcher(s)
	if err != nil {
		t.Fatal(err)
	}
	regexHit := func(text string) bool {
		for _, mt := range m.Match(Query{Text: text, Case: CaseFacts{AgeMonths: UnknownAge}}) {
			for _, r := range mt.Reasons {
				if strings.HasPrefix(r, "regex ") {
					return true
				}
			}
		}
		return false
	}
	pad := strings.Repeat("x", MaxMatchText)
	if !regexHit("空调制冷效果差") {
		t.Fatal("regex not found in a short message")
	}
	if !regexHit(pad[:MaxMatchText-100] + "制冷效果差") {
		t.Error("regex not found within the first MaxMatchText bytes")
	}
	if regexHit(pad + "制冷效果差") {
		t.Error("regex found past the first MaxMatchText bytes")
	}
}

// TestConditionSeesClippedText: a condition's text variables are at most MaxConditionText
// bytes long, cut at a character.
func TestConditionSeesClippedText(t *testing.T) {
	p, err := compileCondition(`len(model) == 256 && brand endsWith "型" && len(brand) == 85`)
	if err != nil {
		t.Fatal(err)
	}
	// 型 is 3 bytes: 256 bytes of it are 85 characters and a third.
	if !holds(p, CaseFacts{Model: strings.Repeat("a", 1000), Brand: strings.Repeat("型", 1000)}.env()) {
		t.Error("condition saw more than MaxConditionText bytes, or a cut character")
	}
}
