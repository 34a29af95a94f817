package knowledge

import (
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
)

const validCategories = `categories:
  - id: air_conditioner
    name: 空调
    aliases: [空调]
    warranty: {whole_months: 12}
    brands: []
`

// goodRule is a valid rule; tests replace single lines of it.
const goodRule = `rules:
  - id: ac-not-cooling
    title: 空调不制冷
    categories: [air_conditioner]
    safety: false
    triggers:
      keywords: [不制冷]
      synonyms: [不冷了]
      error_codes: [E1]
      regex: ['制冷.{0,4}差']
    condition: 'age_months < 12'
    steps:
      - text: 请确认遥控器设置为制冷模式。
    unresolved:
      fault_class: hardware
      priority: normal
      onsite: true
      skill: refrigeration
      price: {parts: [0, 800], labour: [80, 200]}
    samples: [空调不制冷, 空调不冷了, 空调制冷效果差]
`

// problemsOf parses and validates the files and returns every problem as its English text.
func problemsOf(t *testing.T, files map[string]string) []string {
	t.Helper()
	in := map[string][]byte{}
	for k, v := range files {
		in[k] = []byte(v)
	}
	s, err := Parse(in)
	if err == nil {
		err = s.Validate()
	}
	if err == nil {
		return nil
	}
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %T %v is not a *ValidationError", err, err)
	}
	var out []string
	for _, p := range ve.Problems {
		out = append(out, p.Error())
		if txt := p.Text(); strings.Contains(txt, "[knowledge.") {
			t.Errorf("problem %s has no catalog text: %s", p.Code, txt)
		}
	}
	return out
}

func TestValidateAcceptsGoodRule(t *testing.T) {
	if got := problemsOf(t, map[string]string{"categories.yaml": validCategories, "rules/ac.yaml": goodRule}); got != nil {
		t.Fatalf("valid set rejected: %q", got)
	}
}

func TestValidateProblems(t *testing.T) {
	const file = "rules/ac.yaml"
	tests := []struct {
		name     string
		old, new string // replace in goodRule
		want     []string
	}{
		{"bad priority", "priority: normal", "priority: hi",
			[]string{`rules/ac.yaml:16: rules[0].unresolved.priority: "hi" is not one of urgent, normal, routine`}},
		{"missing fault class", "      fault_class: hardware\n", "",
			[]string{`rules/ac.yaml:14: rules[0].unresolved.fault_class: is required`}},
		{"bad fault class", "fault_class: hardware", "fault_class: broken",
			[]string{`rules/ac.yaml:15: rules[0].unresolved.fault_class: "broken" is not one of hardware, software, user_damage`}},
		{"bad rule id", "id: ac-not-cooling", "id: AC_Cooling",
			[]string{`rules/ac.yaml:2: rules[0].id: "AC_Cooling" is not a valid id ([a-z0-9-]+)`}},
		{"unknown category", "categories: [air_conditioner]", "categories: [air_conditioner, fridge]",
			[]string{`rules/ac.yaml:4: rules[0].categories[1]: unknown category "fridge"`}},
		{"bad regex", `regex: ['制冷.{0,4}差']`, `regex: ['制冷(差']`,
			[]string{`rules/ac.yaml:10: rules[0].triggers.regex[0]: invalid regular expression "制冷(差": missing closing ): ` + "`制冷(差`"}},
		{"regex matching everything", `regex: ['制冷.{0,4}差']`, `regex: ['.*']`,
			[]string{`rules/ac.yaml:10: rules[0].triggers.regex[0]: regular expression ".*" matches empty text`}},
		{"bad condition", "condition: 'age_months < 12'", "condition: 'age < 12'",
			[]string{`rules/ac.yaml:11: rules[0].condition: invalid condition: unknown name age (1:1)`}},
		{"condition not bool", "condition: 'age_months < 12'", "condition: 'age_months + 1'",
			[]string{`rules/ac.yaml:11: rules[0].condition: invalid condition: expected bool, but got int`}},
		{"safety without advice", "safety: false", "safety: true",
			[]string{`rules/ac.yaml:2: rules[0].advice: a safety rule needs advice`}},
		{"too few samples", "samples: [空调不制冷, 空调不冷了, 空调制冷效果差]", "samples: [空调不制冷, 空调不冷了]",
			[]string{`rules/ac.yaml:20: rules[0].samples: has 2 distinct samples, needs at least 3`}},
		{"duplicate samples do not count", "samples: [空调不制冷, 空调不冷了, 空调制冷效果差]", "samples: [空调不制冷, 空调不冷了, 空调 不制冷！]",
			[]string{`rules/ac.yaml:20: rules[0].samples: has 2 distinct samples, needs at least 3`}},
		{"price min above max", "labour: [80, 200]", "labour: [300, 200]",
			[]string{`rules/ac.yaml:19: rules[0].unresolved.price.labour: min 300 is greater than max 200`}},
		{"negative price", "parts: [0, 800]", "parts: [-5, 800]",
			[]string{`rules/ac.yaml:19: rules[0].unresolved.price.parts: [-5 800] must not be negative`}},
		{"bad error code", "error_codes: [E1]", "error_codes: [E1, 'E 1!']",
			[]string{`rules/ac.yaml:9: rules[0].triggers.error_codes[1]: "E 1!" is not an error code (letters, digits and -)`}},
		{"empty phrase", "keywords: [不制冷]", "keywords: [不制冷, '，']",
			[]string{`rules/ac.yaml:7: rules[0].triggers.keywords[1]: "，" is empty after normalisation`}},
		{"no triggers", "      keywords: [不制冷]\n      synonyms: [不冷了]\n      error_codes: [E1]\n      regex: ['制冷.{0,4}差']\n", "      keywords: []\n",
			[]string{`rules/ac.yaml:6: rules[0].triggers: the rule has no keywords, synonyms, error codes or regex`}},
		{"missing title", "    title: 空调不制冷\n", "",
			[]string{`rules/ac.yaml:2: rules[0].title: is required`}},
		{"bad skill", "skill: refrigeration", "skill: 制冷",
			[]string{`rules/ac.yaml:18: rules[0].unresolved.skill: "制冷" is not an ASCII skill tag ([a-z0-9_-]+)`}},
		{"empty step", "- text: 请确认遥控器设置为制冷模式。", "- text: ''",
			[]string{`rules/ac.yaml:13: rules[0].steps[0].text: is required`}},
		{"unknown field", "synonyms: [不冷了]", "synonym: [不冷了]",
			[]string{`rules/ac.yaml:8: field synonym not found in type knowledge.Triggers`}},
		{"wrong type", "onsite: true", "onsite: maybe",
			[]string{"rules/ac.yaml:17: cannot unmarshal !!str `maybe` into bool"}},
		// yaml.v3 reports a syntax error near its line: here the line before the unclosed "[".
		{"syntax error", "    title: 空调不制冷\n", "    title: [空调\n",
			[]string{`rules/ac.yaml:2: did not find expected ',' or ']'`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(goodRule, tt.old) {
				t.Fatalf("goodRule has no %q", tt.old)
			}
			doc := strings.Replace(goodRule, tt.old, tt.new, 1)
			got := problemsOf(t, map[string]string{"categories.yaml": validCategories, file: doc})
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestValidateAcrossFiles(t *testing.T) {
	cats := validCategories + `  - id: Air
    name: ''
    aliases: []
    warranty: {whole_months: -1, components: [{name: 压缩机, months: 36}]}
    brands:
      - name: 美的
        aliases: [美的]
        model_patterns: ['KFR-(\d+']
        serial_pattern: '.*'
  - id: air_conditioner
    name: 空调
    warranty: {whole_months: 12}
`
	got := problemsOf(t, map[string]string{
		"categories.yaml":    cats,
		"rules/ac.yaml":      goodRule,
		"rules/ac-copy.yaml": goodRule,
	})
	want := []string{
		`categories.yaml:7: categories[1].id: "Air" is not a valid id ([a-z_]+)`,
		`categories.yaml:8: categories[1].name: is required`,
		`categories.yaml:10: categories[1].warranty.whole_months: -1 must not be negative`,
		"categories.yaml:14: categories[1].brands[0].model_patterns[0]: invalid regular expression \"KFR-(\\\\d+\": missing closing ): `KFR-(\\d+`",
		`categories.yaml:15: categories[1].brands[0].serial_pattern: regular expression ".*" matches empty text`,
		`categories.yaml:16: categories[2].id: duplicate id "air_conditioner" (also at categories.yaml:2)`,
		`rules/ac.yaml:2: rules[0].id: duplicate id "ac-not-cooling" (also at rules/ac-copy.yaml:2)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
}

func TestValidateSetBuiltInCode(t *testing.T) {
	s := &Set{Rules: []Rule{{ID: "x", Title: "x", Categories: []string{"tv"}}}}
	err := s.Validate()
	var ve *ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Validate() = %v", err)
	}
	want := []string{
		`rules[0].categories[0]: unknown category "tv"`,
		`rules[0].triggers: the rule has no keywords, synonyms, error codes or regex`,
		`rules[0].unresolved.fault_class: is required`,
		`rules[0].unresolved.priority: is required`,
		`rules[0].samples: has 0 distinct samples, needs at least 3`,
	}
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.Error())
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
}

func TestProblemText(t *testing.T) {
	p := Problem{File: "rules/ac.yaml", Line: 42, Field: "rules[3].unresolved.priority", Code: "bad_enum",
		Args: []any{"value", `"hi"`, "allowed", "urgent, normal, routine"}}
	if got, want := p.Error(), `rules/ac.yaml:42: rules[3].unresolved.priority: "hi" is not one of urgent, normal, routine`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if got, want := p.Text(), `rules/ac.yaml 第 42 行：rules[3].unresolved.priority："hi" 不是允许的取值（urgent, normal, routine）`; got != want {
		t.Errorf("Text() = %q, want %q", got, want)
	}
	for code := range problemText {
		if strings.HasPrefix(Problem{Code: code}.Text(), "[") {
			t.Errorf("catalog lacks knowledge.problem.%s", code)
		}
	}
}

func TestParseIgnoresOtherFiles(t *testing.T) {
	s, err := ParseFS(os.DirFS("testdata/kb"))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Categories) != 3 || len(s.Rules) != 7 || len(s.Hash) != 64 {
		t.Errorf("parsed %d categories, %d rules, hash %q", len(s.Categories), len(s.Rules), s.Hash)
	}
	again, _ := ParseFS(os.DirFS("testdata/kb"))
	if again.Hash != s.Hash {
		t.Error("hash differs between two parses of the same files")
	}
	files := s.Files()
	files["README.md"] = []byte("# not knowledge")
	files["rules/general.yaml"] = append(files["rules/general.yaml"], '\n')
	other, err := Parse(files)
	if err != nil {
		t.Fatal(err)
	}
	if other.Hash == s.Hash {
		t.Error("hash did not change with the content")
	}
	if got := s.Category("refrigerator").Warranty.Months("压缩机"); got != 36 {
		t.Errorf("refrigerator compressor warranty = %d, want 36", got)
	}
	if got := s.Category("refrigerator").Warranty.Months("门封条"); got != 12 {
		t.Errorf("refrigerator door seal warranty = %d, want the whole unit's 12", got)
	}
}

func TestValidateSanBao(t *testing.T) {
	for _, tc := range []struct {
		warranty string
		want     []string
	}{
		{"{whole_months: 12, return_days: 7, exchange_days: 15, repair_warranty_days: 90, max_repairs: 2}", nil},
		{"{whole_months: 12}", nil}, // the defaults
		{"{whole_months: 12, return_days: -1}", []string{`categories.yaml:4: categories[0].warranty.return_days: -1 must not be negative`}},
		{"{whole_months: 12, return_days: 10, exchange_days: 8}", []string{`categories.yaml:4: categories[0].warranty.exchange_days: exchange_days 8 is shorter than return_days 10: the exchange period includes the return period`}},
		{"{whole_months: 12, return_days: 20}", []string{`categories.yaml:4: categories[0].warranty.exchange_days: exchange_days 15 is shorter than return_days 20: the exchange period includes the return period`}},
		{"{whole_months: 12, repair_warranty_days: 29}", []string{`categories.yaml:4: categories[0].warranty.repair_warranty_days: repair_warranty_days 29 is below the statutory minimum of 30`}},
		{"{whole_months: 12, repair_warranty_days: 30, max_repairs: -2}", []string{`categories.yaml:4: categories[0].warranty.max_repairs: -2 must not be negative`}},
	} {
		cats := "categories:\n  - id: air_conditioner\n    name: 空调\n    warranty: " + tc.warranty + "\n"
		got := problemsOf(t, map[string]string{"categories.yaml": cats, "rules/ac.yaml": goodRule})
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s:\n got %q\nwant %q", tc.warranty, got, tc.want)
		}
	}
}

// Brands outside the categories (brands.yaml) are checked like a category's brands, at
// their own file and line.
func TestValidateBrandsOutsideCategories(t *testing.T) {
	got := problemsOf(t, map[string]string{
		"categories.yaml": validCategories,
		"brands.yaml": `brands:
  - {name: 大疆, aliases: [大疆, DJI]}
  - name: ''
    aliases: [x]
    model_patterns: ['(?i)switch(']
`,
	})
	want := []string{
		`brands.yaml:3: brands[1].name: is required`,
		"brands.yaml:5: brands[1].model_patterns[0]: invalid regular expression \"(?i)switch(\": missing closing ): `(?i)switch(`",
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n got %q\nwant %q", got, want)
	}
	s, err := Parse(map[string][]byte{"categories.yaml": []byte(validCategories), "brands.yaml": []byte("brands:\n  - {name: 大疆, aliases: [DJI]}\n")})
	if err != nil || len(s.Brands) != 1 || s.Brands[0].Name != "大疆" {
		t.Fatalf("Parse brands.yaml = %+v, %v", s, err)
	}
}
