package bot_test

import (
	"strings"
	"testing"

	"github.com/wxintake/intake/internal/testenv"
)

// TestDomainPackagesImportNoInfrastructure keeps the domain pure: bot, triage and
// knowledge (not their store subpackages) may not pull in a database, Redis, HTTP
// framework or the WeChat SDK, even indirectly.
func TestDomainPackagesImportNoInfrastructure(t *testing.T) {
	forbidden := []string{"gorm.io/", "github.com/redis/go-redis", "github.com/go-redis/", "github.com/labstack/echo", "github.com/silenceper/wechat", "github.com/alicebob/miniredis"}
	for _, pkg := range []string{"github.com/wxintake/intake/bot", "github.com/wxintake/intake/triage", "github.com/wxintake/intake/knowledge"} {
		for _, dep := range testenv.Deps(t, pkg) {
			for _, f := range forbidden {
				if strings.HasPrefix(dep, f) {
					t.Errorf("%s imports %s", pkg, dep)
				}
			}
		}
	}
}
