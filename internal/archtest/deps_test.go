package archtest

import (
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/wxintake/intake/"

// pkg is what go list -json says of a package.
type pkg struct {
	ImportPath string
	Imports    []string // direct, without tests
	Deps       []string // direct and indirect, without tests
}

// packages lists the module's packages (go list -e -json).
func packages(t *testing.T) []pkg {
	t.Helper()
	cmd := exec.Command("go", "list", "-e", "-json=ImportPath,Imports,Deps", module+"...")
	out, err := cmd.Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			t.Fatalf("go list: %v\n%s", err, ee.Stderr)
		}
		t.Fatalf("go list: %v", err)
	}
	var pkgs []pkg
	dec := json.NewDecoder(strings.NewReader(string(out)))
	for {
		var p pkg
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) < 10 {
		t.Fatalf("go list found %d packages of the module", len(pkgs))
	}
	return pkgs
}

// rel is a module package's path inside the module ("handlers", "internal/app"), or ""
// for a package outside it.
func rel(path string) string {
	if s, ok := strings.CutPrefix(path, module); ok {
		return s
	}
	return ""
}

// under reports whether p is dir or inside it.
func under(p, dir string) bool { return p == dir || strings.HasPrefix(p, dir+"/") }

// The domain: what the service is about, free of infrastructure.
var domain = []string{"bot", "bot/textmodel", "triage", "knowledge", "staff", "catalog"}

// TestWebLayerIsImportedOnlyByTheWiring: only the commands and internal/app import
// handlers, and only they (and internal/apptest, which starts the app for tests) import
// internal/app.
func TestWebLayerIsImportedOnlyByTheWiring(t *testing.T) {
	for _, p := range packages(t) {
		from := rel(p.ImportPath)
		if under(from, "cmd") || from == "internal/app" || from == "handlers" {
			continue
		}
		if from == "internal/apptest" {
			for _, imp := range p.Imports {
				if under(rel(imp), "handlers") {
					t.Errorf("%s imports %s", from, rel(imp))
				}
			}
			continue
		}
		for _, imp := range p.Imports {
			if to := rel(imp); under(to, "handlers") || to == "internal/app" || under(to, "cmd") {
				t.Errorf("%s imports %s: only cmd/... and internal/app may import the web layer and the wiring", from, to)
			}
		}
	}
}

// TestDomainAndServicesPointDown: the domain depends only on itself and the error kinds;
// the use cases (internal/service/...) only on the domain and the error kinds — never on
// the web layer, the wiring, the stores or the adapters (livechat, media, config…).
func TestDomainAndServicesPointDown(t *testing.T) {
	allowed := func(to string) bool { return slices.Contains(domain, to) || to == "internal/errs" }
	checked := 0
	for _, p := range packages(t) {
		from := rel(p.ImportPath)
		if !slices.Contains(domain, from) && !under(from, "internal/service") && from != "internal/errs" {
			continue
		}
		checked++
		for _, d := range p.Deps {
			if to := rel(d); to != "" && !allowed(to) {
				t.Errorf("%s depends on %s: the domain and the use cases depend only on the domain and internal/errs", from, to)
			}
		}
	}
	if checked < len(domain) {
		t.Fatalf("checked %d packages, want at least the %d of the domain", checked, len(domain))
	}
}

// TestConfigIsShapeOnly: internal/config reads config.yaml into plain values and imports
// no domain package; internal/app turns them into the domain's (triage.Group, triage.Slot).
func TestConfigIsShapeOnly(t *testing.T) {
	for _, p := range packages(t) {
		if rel(p.ImportPath) != "internal/config" {
			continue
		}
		for _, d := range p.Deps {
			if to := rel(d); slices.Contains(domain, to) || under(to, "handlers") || under(to, "internal/service") {
				t.Errorf("internal/config depends on %s", to)
			}
		}
		return
	}
	t.Fatal("internal/config not found")
}
