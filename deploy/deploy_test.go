// Package deploy holds the files an operator copies (systemd unit, nginx site, Prometheus
// rules, Grafana dashboard); its tests check them. The nginx site is run for real by
// internal/loadgen's TestDrillNginx.
package deploy

import (
	"bufio"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"gopkg.in/yaml.v3"

	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/metrics"
)

// unit parses a systemd unit file into section → key → values.
func unit(t *testing.T, path string) map[string]map[string][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string]map[string][]string{}
	section := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, ";"):
		case strings.HasPrefix(line, "["):
			section = strings.Trim(line, "[]")
			out[section] = map[string][]string{}
		default:
			k, v, ok := strings.Cut(line, "=")
			if !ok || section == "" {
				t.Fatalf("%s: bad line %q", path, line)
			}
			out[section][k] = append(out[section][k], v)
		}
	}
	return out
}

func TestSystemdUnitIsHardened(t *testing.T) {
	u := unit(t, "systemd/intake@.service")
	svc := u["Service"]
	want := map[string]string{
		"User": "intake", "Group": "intake", "ProtectSystem": "strict", "ProtectHome": "true",
		"PrivateTmp": "true", "PrivateDevices": "true", "NoNewPrivileges": "true",
		"Restart": "on-failure", "EnvironmentFile": "/etc/intake/intake.env", "StateDirectory": "intake",
		"CapabilityBoundingSet": "", "KillSignal": "SIGTERM",
	}
	for k, v := range want {
		got := svc[k]
		if len(got) == 0 || got[len(got)-1] != v {
			t.Errorf("[Service] %s = %q, want %q", k, got, v)
		}
	}
	if !strings.Contains(strings.Join(svc["Environment"], " "), "INTAKE_HTTP_ADDR=127.0.0.1:%i") {
		t.Errorf("Environment %q: each instance must listen on loopback, port %%i", svc["Environment"])
	}
	for _, e := range svc["Environment"] {
		if strings.Contains(e, "TOKEN") || strings.Contains(e, "AES_KEY") || strings.Contains(e, "SECRET") || strings.Contains(e, "DSN") {
			t.Errorf("secret in the unit (%s): it belongs in the EnvironmentFile", e)
		}
	}
	cfg, err := config.Load("../config.yaml", func(string) string { return "" })
	if err != nil {
		t.Fatal(err)
	}
	stop, err := time.ParseDuration(strings.TrimSuffix(svc["TimeoutStopSec"][0], "ec")) // 30s
	if err != nil {
		t.Fatalf("TimeoutStopSec %q: %v", svc["TimeoutStopSec"], err)
	}
	if stop <= cfg.HTTP.ShutdownTimeout+5*time.Second {
		t.Errorf("TimeoutStopSec %v must be well above http.shutdown_timeout %v: systemd would kill turns still finishing", stop, cfg.HTTP.ShutdownTimeout)
	}
}

// TestSystemdAnalyzeVerify runs `systemd-analyze verify` on the unit (its binary replaced,
// since none is installed here), which must print nothing.
func TestSystemdAnalyzeVerify(t *testing.T) {
	sa, err := exec.LookPath("systemd-analyze")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("systemd-analyze is not installed: scripts/test.sh installs it (package systemd)")
		}
		t.Skip("systemd-analyze is not installed (package systemd)")
	}
	b, err := os.ReadFile("systemd/intake@.service")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "ExecStart=/usr/local/bin/intake serve") {
		t.Fatal("ExecStart changed: update this test")
	}
	dir := t.TempDir()
	text := strings.ReplaceAll(string(b), "/usr/local/bin/intake", "/bin/true")
	if err := os.WriteFile(filepath.Join(dir, "intake@.service"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(sa, "verify", "./intake@8081.service")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil || len(strings.TrimSpace(string(out))) > 0 {
		t.Fatalf("systemd-analyze verify: %v\n%s", err, out)
	}
}

// exported returns the names of the metrics the service registers.
func exported(t *testing.T) map[string]bool {
	t.Helper()
	m := metrics.New()
	names := map[string]bool{}
	ch := make(chan *prometheus.Desc, 64)
	v := reflect.ValueOf(m).Elem()
	collector := reflect.TypeOf((*prometheus.Collector)(nil)).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		if !f.Type().Implements(collector) || f.IsNil() {
			continue
		}
		go func() { f.Interface().(prometheus.Collector).Describe(ch); ch <- nil }()
		for d := <-ch; d != nil; d = <-ch {
			if n := regexp.MustCompile(`fqName: "([^"]+)"`).FindStringSubmatch(d.String()); n != nil {
				names[n[1]] = true
			}
		}
	}
	if len(names) < 5 {
		t.Fatalf("found only %v", names)
	}
	return names
}

var metricName = regexp.MustCompile(`\bintake_[a-z_]+`)

// checkNames fails for an intake_ metric in text the service does not export.
func checkNames(t *testing.T, where, text string, names map[string]bool) {
	t.Helper()
	for _, n := range metricName.FindAllString(text, -1) {
		base := n
		for _, s := range []string{"_bucket", "_sum", "_count"} {
			base = strings.TrimSuffix(base, s)
		}
		if !names[base] && !strings.HasPrefix(n, "intake_readyz") {
			t.Errorf("%s: %s is not a metric the service exports", where, n)
		}
	}
}

func TestAlertRules(t *testing.T) {
	b, err := os.ReadFile("prometheus/intake-rules.yml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Groups []struct {
			Name  string `yaml:"name"`
			Rules []struct {
				Alert       string            `yaml:"alert"`
				Expr        string            `yaml:"expr"`
				For         string            `yaml:"for"`
				Labels      map[string]string `yaml:"labels"`
				Annotations map[string]string `yaml:"annotations"`
			} `yaml:"rules"`
		} `yaml:"groups"`
	}
	if err := yaml.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	names := exported(t)
	alerts := map[string]bool{}
	for _, g := range doc.Groups {
		for _, r := range g.Rules {
			if r.Alert == "" || r.Expr == "" || r.Labels["severity"] == "" || r.Annotations["summary"] == "" {
				t.Errorf("rule %+v: alert, expr, severity and summary are required", r)
			}
			if _, err := time.ParseDuration(r.For); err != nil {
				t.Errorf("%s: for %q: %v", r.Alert, r.For, err)
			}
			checkNames(t, r.Alert, r.Expr, names)
			alerts[r.Alert] = true
		}
	}
	for _, a := range []string{"IntakeWebhookErrors", "IntakeTurnsOverBudget", "IntakeNotificationsFailing", "IntakeNotReady", "IntakeInstanceDown", "IntakeSLABreached"} {
		if !alerts[a] {
			t.Errorf("no alert %s", a)
		}
	}
}

func TestGrafanaDashboard(t *testing.T) {
	b, err := os.ReadFile("grafana/intake-dashboard.json")
	if err != nil {
		t.Fatal(err)
	}
	var d struct {
		Title  string `json:"title"`
		Panels []struct {
			Title   string `json:"title"`
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	names := exported(t)
	used := map[string]bool{}
	for _, p := range d.Panels {
		for _, tg := range p.Targets {
			checkNames(t, p.Title, tg.Expr, names)
			for _, n := range metricName.FindAllString(tg.Expr, -1) {
				used[strings.TrimSuffix(n, "_bucket")] = true
			}
		}
	}
	for n := range names {
		if strings.HasPrefix(n, "intake_") && !used[n] {
			t.Errorf("the dashboard shows no panel for %s", n)
		}
	}
}
