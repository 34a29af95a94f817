package testenv

import (
	"os/exec"
	"strings"
	"testing"
)

// Deps returns every package outside the standard library that pkg depends on, directly
// or not (go list -deps), so a domain package's test can keep infrastructure out of it.
func Deps(t testing.TB, pkg string) []string {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", "-f", "{{if not .Standard}}{{.ImportPath}}{{end}}", pkg).CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps %s: %v\n%s", pkg, err, out)
	}
	return strings.Fields(string(out))
}
