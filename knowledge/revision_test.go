package knowledge

import (
	"errors"
	"strings"
	"testing"
)

func TestDiffFiles(t *testing.T) {
	lines := func(n int, change map[int]string) []byte {
		var b strings.Builder
		for i := 1; i <= n; i++ {
			if s, ok := change[i]; ok {
				if s != "" {
					b.WriteString(s + "\n")
				}
				continue
			}
			b.WriteString("line " + string(rune('a'+i-1)) + "\n")
		}
		return []byte(b.String())
	}
	for _, tc := range []struct {
		name     string
		from, to map[string][]byte
		want     string // the unified diffs, concatenated
	}{
		{"unchanged files are left out", map[string][]byte{"a.yaml": lines(3, nil)}, map[string][]byte{"a.yaml": lines(3, nil)}, ""},
		{"one line changed, with three lines of context",
			map[string][]byte{"a.yaml": lines(10, nil)}, map[string][]byte{"a.yaml": lines(10, map[int]string{5: "line E"})},
			"--- a/a.yaml\n+++ b/a.yaml\n@@ -2,7 +2,7 @@\n line b\n line c\n line d\n-line e\n+line E\n line f\n line g\n line h\n"},
		{"distant changes make two hunks",
			map[string][]byte{"a.yaml": lines(20, nil)}, map[string][]byte{"a.yaml": lines(20, map[int]string{2: "", 19: "line S"})},
			"--- a/a.yaml\n+++ b/a.yaml\n@@ -1,5 +1,4 @@\n line a\n-line b\n line c\n line d\n line e\n" +
				"@@ -16,5 +15,5 @@\n line p\n line q\n line r\n-line s\n+line S\n line t\n"},
		{"changes six lines apart share a hunk",
			map[string][]byte{"a.yaml": lines(12, nil)}, map[string][]byte{"a.yaml": lines(12, map[int]string{2: "line B", 9: "line I"})},
			"--- a/a.yaml\n+++ b/a.yaml\n@@ -1,12 +1,12 @@\n line a\n-line b\n+line B\n line c\n line d\n line e\n line f\n line g\n line h\n-line i\n+line I\n line j\n line k\n line l\n"},
		{"added and removed files, in path order",
			map[string][]byte{"rules/b.yaml": []byte("x\n")}, map[string][]byte{"rules/a.yaml": []byte("y\nz\n")},
			"--- /dev/null\n+++ b/rules/a.yaml\n@@ -0,0 +1,2 @@\n+y\n+z\n--- a/rules/b.yaml\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got strings.Builder
			for _, d := range DiffFiles(tc.from, tc.to) {
				got.WriteString(d.Unified())
			}
			if got.String() != tc.want {
				t.Fatalf("diff:\n%s\nwant:\n%s", got.String(), tc.want)
			}
		})
	}
}

func TestCheckPublishable(t *testing.T) {
	good := fixture(t)
	if err := CheckPublishable(good); err != nil {
		t.Fatalf("the fixture is not publishable: %v", err)
	}

	files := good.Files()
	var name string
	for n, b := range files {
		if strings.Contains(string(b), "priority: normal") {
			name = n
			break
		}
	}
	files[name] = []byte(strings.Replace(string(files[name]), "priority: normal", "priority: whenever", 1))
	invalid, err := Parse(files)
	if err != nil {
		t.Fatal(err)
	}
	var ve *ValidationError
	if err := CheckPublishable(invalid); !errors.As(err, &ve) {
		t.Fatalf("invalid set: err = %v, want a *ValidationError", err)
	}

	// A copy of an existing rule under another id: its samples rank the original first
	// (equal scores rank by id), so the self-test fails.
	weak := *good
	weak.Rules = append([]Rule(nil), good.Rules...)
	dup := good.Rules[0]
	dup.ID = "zz-" + dup.ID
	weak.Rules = append(weak.Rules, dup)
	var ste *SelfTestError
	if err := CheckPublishable(&weak); !errors.As(err, &ste) || ste.Report.Passed() || !strings.Contains(ste.Error(), "self-test failed") {
		t.Fatalf("weak set: err = %v, want a *SelfTestError", err)
	}
}

func BenchmarkDiffFiles(b *testing.B) {
	s, err := Shipped()
	if err != nil {
		b.Fatal(err)
	}
	from := s.Files()
	to := s.Files()
	to["rules/refrigerator.yaml"] = []byte(strings.Replace(string(to["rules/refrigerator.yaml"]), "priority: urgent", "priority: normal", 1))
	for b.Loop() {
		if len(DiffFiles(from, to)) != 1 {
			b.Fatal("want one changed file")
		}
	}
}
