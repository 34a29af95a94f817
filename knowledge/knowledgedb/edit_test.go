package knowledgedb

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/wxintake/intake/knowledge"
)

// mini is a small rule in the shape MarshalRule writes, with the id and title given.
func mini(id, title string) string {
	return "id: " + id + "\ntitle: " + title + "\ncategories: [laptop]\ntriggers:\n  keywords: [" + title + "]\n"
}

func decodeRule(t *testing.T, text string) knowledge.Rule {
	t.Helper()
	var r knowledge.Rule
	if err := yaml.Unmarshal([]byte(text), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

const twoRules = `# Laptops.
rules:
  - id: a
    title: 甲
    triggers:
      keywords: [甲]

  # The second rule.
  - id: b
    title: 乙
    steps:
      - text: |
          第一行
          # not a comment: part of the text
    triggers:
      keywords: [乙]
`

func TestPutRuleEditsTheText(t *testing.T) {
	for _, tc := range []struct {
		name      string
		files     map[string]string
		replaceID string
		rule      string
		file      string // the file that changes
		want      string
	}{
		{"replace the first rule, keeping the comment above the next",
			map[string]string{"rules/laptop.yaml": twoRules}, "a", mini("a", "丙"), "rules/laptop.yaml",
			strings.Replace(twoRules, "    title: 甲\n    triggers:\n      keywords: [甲]\n",
				"    title: 丙\n    categories: [laptop]\n    triggers:\n      keywords: [丙]\n", 1)},
		{"replace the last rule, block scalar and all, renaming it",
			map[string]string{"rules/laptop.yaml": twoRules}, "b", mini("c", "丁"), "rules/laptop.yaml",
			twoRules[:strings.Index(twoRules, "  - id: b")] + "  - id: c\n    title: 丁\n    categories: [laptop]\n    triggers:\n      keywords: [丁]\n"},
		{"replace a rule followed by categories",
			map[string]string{"rules/laptop.yaml": "rules:\n  - id: a\n    title: 甲\n\n# cats\ncategories: []\n"}, "a", mini("a", "丙"), "rules/laptop.yaml",
			"rules:\n  - id: a\n    title: 丙\n    categories: [laptop]\n    triggers:\n      keywords: [丙]\n\n# cats\ncategories: []\n"},
		{"append after the last rule",
			map[string]string{"rules/laptop.yaml": twoRules}, "", mini("c", "丁"), "rules/laptop.yaml",
			twoRules + "\n  - id: c\n    title: 丁\n    categories: [laptop]\n    triggers:\n      keywords: [丁]\n"},
		{"append to an empty list",
			map[string]string{"rules/laptop.yaml": "# none yet\nrules: []\n"}, "", mini("c", "丁"), "rules/laptop.yaml",
			"# none yet\nrules:\n  - id: c\n    title: 丁\n    categories: [laptop]\n    triggers:\n      keywords: [丁]\n"},
		{"append to a file without rules",
			map[string]string{"rules/laptop.yaml": "# none yet\n"}, "", mini("c", "丁"), "rules/laptop.yaml",
			"# none yet\nrules:\n  - id: c\n    title: 丁\n    categories: [laptop]\n    triggers:\n      keywords: [丁]\n"},
		{"a new file",
			map[string]string{}, "", mini("c", "丁"), "rules/laptop.yaml",
			"rules:\n  - id: c\n    title: 丁\n    categories: [laptop]\n    triggers:\n      keywords: [丁]\n"},
		{"a general rule goes to general.yaml",
			map[string]string{}, "", "id: g\ntitle: 戊\n", "rules/general.yaml", "rules:\n  - id: g\n    title: 戊\n"},
		{"a hazard goes to safety.yaml",
			map[string]string{}, "", "id: s\ntitle: 己\ncategories: [laptop]\nsafety: true\n", "rules/safety.yaml",
			"rules:\n  - id: s\n    title: 己\n    categories: [laptop]\n    safety: true\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string][]byte{}
			for n, s := range tc.files {
				files[n] = []byte(s)
			}
			out, err := putRule(files, tc.replaceID, decodeRule(t, tc.rule), []byte(tc.rule))
			if err != nil {
				t.Fatal(err)
			}
			if got := string(out[tc.file]); got != tc.want {
				t.Fatalf("%s:\n%s\nwant:\n%s", tc.file, got, tc.want)
			}
			if _, err := knowledge.Parse(out); err != nil {
				t.Fatalf("the edited files do not parse: %v", err)
			}
		})
	}
}

func TestPutRuleFallsBackToMarshalRule(t *testing.T) {
	// A document marker cannot be indented into a list: the rule is written out instead.
	text := "---\n" + mini("c", "丁")
	r := decodeRule(t, text)
	out, err := putRule(map[string][]byte{"rules/laptop.yaml": []byte(twoRules)}, "", r, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	set, err := knowledge.Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if got := set.Rule("c"); got == nil || got.Title != "丁" {
		t.Fatalf("rule c = %+v", got)
	}
}

func TestDeleteRuleEditsTheText(t *testing.T) {
	for _, tc := range []struct {
		name  string
		file  string
		id    string
		want  string
		other bool // the file holds other keys too
	}{
		{"the first of two", twoRules, "a", "# Laptops.\nrules:\n  # The second rule.\n" + twoRules[strings.Index(twoRules, "  - id: b"):], false},
		{"the last of two", twoRules, "b", twoRules[:strings.Index(twoRules, "\n\n  # The second rule.")+1], false},
		{"the only rule beside categories", "categories: []\nrules:\n  - id: a\n    title: 甲\n", "a", "categories: []\nrules: []\n", true},
		{"the only rule of a rules file", "rules:\n  - id: a\n    title: 甲\n", "a", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := deleteRule(map[string][]byte{"rules/x.yaml": []byte(tc.file)}, tc.id)
			if err != nil {
				t.Fatal(err)
			}
			got, kept := out["rules/x.yaml"]
			if tc.want == "" {
				if kept {
					t.Fatalf("the emptied file was kept:\n%s", got)
				}
				return
			}
			if string(got) != tc.want {
				t.Fatalf("got:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

func TestRuleTextIsWhatTheEditorWrote(t *testing.T) {
	files := map[string][]byte{"rules/laptop.yaml": []byte(twoRules)}
	_, l, i, err := findRule(files, "b")
	if err != nil {
		t.Fatal(err)
	}
	want := "id: b\ntitle: 乙\nsteps:\n  - text: |\n      第一行\n      # not a comment: part of the text\ntriggers:\n  keywords: [乙]\n"
	if got := string(ruleText(l, l.items[i])); got != want {
		t.Fatalf("rule text:\n%s\nwant:\n%s", got, want)
	}
}

func BenchmarkPutRule(b *testing.B) {
	set, err := knowledge.Shipped()
	if err != nil {
		b.Fatal(err)
	}
	files := set.Files()
	text, err := knowledge.MarshalRule(*set.Rule("fridge-not-cold"))
	if err != nil {
		b.Fatal(err)
	}
	r := *set.Rule("fridge-not-cold")
	for b.Loop() {
		if _, err := putRule(files, "fridge-not-cold", r, text); err != nil {
			b.Fatal(err)
		}
	}
}
