package triage

import (
	"strings"
	"testing"

	"github.com/wxintake/intake/internal/testenv"
)

// TestDependencies keeps the domain pure: besides the standard library, triage may only
// use the catalog (and what the catalog uses) and lunar-go, a pure library (no I/O) for the
// lunar dates and solar terms of the statutory holidays.
func TestDependencies(t *testing.T) {
	allowed := map[string]bool{
		"github.com/wxintake/intake/triage":        true,
		"github.com/wxintake/intake/catalog":       true,
		"github.com/wxintake/intake/internal/errs": true,
		"gopkg.in/yaml.v3":                         true,
	}
	for _, pkg := range testenv.Deps(t, ".") {
		if !allowed[pkg] && !strings.HasPrefix(pkg, "github.com/6tail/lunar-go/") {
			t.Errorf("triage depends on %s", pkg)
		}
	}
}
