package knowledge

import (
	"reflect"
	"strings"
	"testing"
)

// A set parsed reusing a previous one is the set parsed from scratch; a changed file is
// decoded again, never taken from the previous set.
func TestParseReusing(t *testing.T) {
	shipped, err := Shipped()
	if err != nil {
		t.Fatal(err)
	}
	files := shipped.Files()
	var changed string
	for name, b := range files {
		if strings.Contains(string(b), "\nrules:") {
			changed = name
			files[name] = append([]byte("# edited\n"), b...) // every line moves down one
			break
		}
	}
	fresh, err := Parse(files)
	if err != nil {
		t.Fatal(err)
	}
	reused, err := ParseReusing(files, nil, shipped)
	if err != nil {
		t.Fatal(err)
	}
	if reused.Hash != fresh.Hash || !reflect.DeepEqual(reused.Rules, fresh.Rules) ||
		!reflect.DeepEqual(reused.Categories, fresh.Categories) {
		t.Fatal("the reused parse differs from a fresh one")
	}
	if !reflect.DeepEqual(reused.rules, fresh.rules) {
		t.Fatal("rule positions differ: the changed file's lines moved")
	}
	if reused.decoded[changed].root.tree == shipped.decoded[changed].root.tree {
		t.Fatalf("%s changed but was taken from the previous set", changed)
	}
	for name, d := range reused.decoded {
		if name != changed && d.root.tree != shipped.decoded[name].root.tree {
			t.Errorf("%s is unchanged but was decoded again", name)
		}
	}
}
