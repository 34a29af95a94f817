package knowledge_test

import (
	"strings"
	"testing"

	"github.com/wxintake/intake/knowledge"
)

// titled returns the shipped files with the rule id's title given suffix.
func titled(t *testing.T, files map[string][]byte, id, suffix string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	found := false
	for name, b := range files {
		s := string(b)
		if i := strings.Index(s, "  - id: "+id+"\n"); i >= 0 {
			j := i + strings.Index(s[i:], "    title: ")
			k := j + strings.Index(s[j:], "\n")
			s, found = s[:k]+suffix+s[k:], true
		}
		out[name] = []byte(s)
	}
	if !found {
		t.Fatalf("no rule %s", id)
	}
	return out
}

func parse(t *testing.T, files map[string][]byte) *knowledge.Set {
	t.Helper()
	s, err := knowledge.Parse(files)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestProposeSeparatesCleanChangesFromConflicts(t *testing.T) {
	shipped, err := knowledge.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	release := shipped.Files()
	// The older shipped knowledge: three rules titled differently.
	base := titled(t, titled(t, titled(t, release, "fridge-not-cold", "旧"), "fridge-overcooling", "旧"), "fridge-frost-buildup", "旧")
	// The editors: fridge-not-cold untouched (as base), fridge-overcooling changed their
	// own way, fridge-frost-buildup already as the release has it.
	ours := titled(t, titled(t, release, "fridge-not-cold", "旧"), "fridge-overcooling", "旧改")

	p, err := knowledge.Propose(parse(t, base), parse(t, release), parse(t, ours))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{} // key → conflict
	for _, it := range p.Items {
		if it.Change != knowledge.ItemChanged {
			t.Errorf("%s: %s", it.Key(), it.Change)
		}
		got[it.Key()] = it.Conflict
	}
	want := map[string]bool{"rule:fridge-not-cold": false, "rule:fridge-overcooling": true}
	if len(got) != len(want) || got["rule:fridge-not-cold"] || !got["rule:fridge-overcooling"] {
		t.Fatalf("proposal = %v, want %v (fridge-frost-buildup is already as the release has it)", got, want)
	}
	if clean, conflicts := p.Counts(); clean != 1 || conflicts != 1 || !p.Pending() {
		t.Fatalf("counts %d, %d", clean, conflicts)
	}
	for _, it := range p.Items {
		if _, err := it.Take(nil); it.Conflict != (err != nil) {
			t.Errorf("%s: Take without a choice = %v", it.Key(), err)
		}
	}
	if p, _ := knowledge.Propose(shipped, shipped, parse(t, ours)); len(p.Items) != 0 {
		t.Fatalf("the same shipped knowledge proposes %d items", len(p.Items))
	}
}
