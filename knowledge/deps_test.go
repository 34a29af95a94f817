package knowledge

import (
	"os/exec"
	"strings"
	"testing"
)

// TestDependencies keeps the domain package free of storage, web and WeChat libraries.
func TestDependencies(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Skipf("go list unavailable: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, banned := range []string{"gorm.io/", "github.com/redis/", "github.com/go-redis/", "github.com/labstack/echo", "github.com/silenceper/wechat"} {
			if strings.HasPrefix(dep, banned) {
				t.Errorf("knowledge depends on %s", dep)
			}
		}
	}
}
