package triage

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencies keeps the domain pure: besides the standard library, triage may only
// use the catalog (and what the catalog uses).
func TestDependencies(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go tool not found")
	}
	out, err := exec.Command(goTool, "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", ".").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	allowed := map[string]bool{
		"github.com/wxintake/intake/triage":  true,
		"github.com/wxintake/intake/catalog": true,
		"gopkg.in/yaml.v3":                   true,
	}
	for _, pkg := range strings.Fields(string(out)) {
		if !allowed[pkg] {
			t.Errorf("triage depends on %s", pkg)
		}
	}
}
