package staff

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/testenv"
)

// TestDependencies keeps the model pure: the standard library, the catalog and bcrypt.
func TestDependencies(t *testing.T) {
	allowed := map[string]bool{
		"github.com/wxintake/intake/staff":         true,
		"github.com/wxintake/intake/catalog":       true,
		"github.com/wxintake/intake/internal/errs": true,
		"gopkg.in/yaml.v3":                         true,
		"golang.org/x/crypto/bcrypt":               true,
		"golang.org/x/crypto/blowfish":             true,
	}
	for _, pkg := range testenv.Deps(t, ".") {
		if !allowed[pkg] {
			t.Errorf("staff depends on %s", pkg)
		}
	}
}

// TestCatalogKeys checks that every catalog key the package names, literally or through
// Role.Label, is defined, so no staff member ever reads "[staff.…]".
func TestCatalogKeys(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	literal := regexp.MustCompile(`"(staff\.[a-z0-9_.]*[a-z0-9_])"`)
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(b), -1) {
			n++
			if !catalog.Has(m[1]) {
				t.Errorf("%s: catalog key %s is not defined", f, m[1])
			}
		}
	}
	if n < 5 {
		t.Fatalf("found only %d keys: is the pattern right?", n)
	}
	for _, r := range Roles() {
		if strings.HasPrefix(r.Label(), "[") {
			t.Errorf("role %s has no label", r)
		}
	}
}
