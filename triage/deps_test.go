package triage

import (
	"testing"

	"github.com/wxintake/intake/internal/testenv"
)

// TestDependencies keeps the domain pure: besides the standard library, triage may only
// use the catalog (and what the catalog uses).
func TestDependencies(t *testing.T) {
	allowed := map[string]bool{
		"github.com/wxintake/intake/triage":  true,
		"github.com/wxintake/intake/catalog": true,
		"gopkg.in/yaml.v3":                   true,
	}
	for _, pkg := range testenv.Deps(t, ".") {
		if !allowed[pkg] {
			t.Errorf("triage depends on %s", pkg)
		}
	}
}
