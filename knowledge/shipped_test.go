package knowledge

import (
	"io/fs"
	"strings"
	"testing"
)

// requiredCategories are the category ids the schema fixes.
var requiredCategories = []string{
	"air_conditioner", "refrigerator", "washing_machine", "water_heater",
	"television", "range_hood_stove", "mobile_phone", "laptop",
}

// TestShippedKnowledge validates the embedded knowledge and requires every sample to rank
// its own rule first. It skips only while data/ holds no rule file at all.
func TestShippedKnowledge(t *testing.T) {
	ruleFiles, err := fs.Glob(ShippedFS(), "rules/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(ruleFiles) == 0 {
		t.Skip("knowledge/data/rules has no rule files yet")
	}
	s, err := Shipped()
	if err != nil {
		t.Fatalf("shipped knowledge is invalid:\n%v", err)
	}
	for _, id := range requiredCategories {
		if s.Category(id) == nil {
			t.Errorf("shipped knowledge lacks category %s", id)
		}
	}
	rep := SelfTest(s)
	var b strings.Builder
	rep.WriteText(&b)
	if !rep.Passed() {
		t.Fatalf("shipped knowledge self-test failed:\n%s", b.String())
	}
	t.Logf("%d rules in %d files:\n%s", len(s.Rules), len(ruleFiles), b.String())
}
