package triage

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/wxintake/intake/catalog"
)

// TestCatalogKeys checks that every catalog key the package names, literally or through an
// enum's Label, is defined, so no staff member ever reads "[triage.…]".
func TestCatalogKeys(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	literal := regexp.MustCompile(`"(triage\.[a-z0-9_.]*[a-z0-9_])"`)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(b), -1) {
			if !catalog.Has(m[1]) {
				t.Errorf("%s: catalog key %s is not defined", f, m[1])
			}
		}
	}
	var labels []string
	for _, s := range Statuses() {
		labels = append(labels, s.Label())
	}
	for _, p := range []Priority{PriorityUrgent, PriorityNormal, PriorityRoutine} {
		labels = append(labels, p.Label())
	}
	for _, f := range []FaultClass{FaultHardware, FaultSoftware, FaultUserDamage} {
		labels = append(labels, f.Label())
	}
	for _, w := range []WarrantyStatus{InWarranty, OutOfWarranty, UserDamage, WarrantyUnknown} {
		labels = append(labels, w.Label())
	}
	for _, tr := range []Trigger{TriggerUnknown, TriggerNone, TriggerVoltage, TriggerWrongVoltage,
		TriggerForeignObject, TriggerWater, TriggerDrop, TriggerSelfDisassembly} {
		labels = append(labels, tr.Label())
	}
	for _, l := range labels {
		if strings.HasPrefix(l, "[") {
			t.Errorf("label %s is not in the catalog", l)
		}
	}
	for _, k := range catalog.Keys() {
		if strings.HasPrefix(k, "triage.") && strings.Contains(catalog.T(k), "{}") {
			t.Errorf("%s has an empty placeholder", k)
		}
	}
}
