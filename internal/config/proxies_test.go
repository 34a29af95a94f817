package config

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestTrustedProxies (issue 14): http.trusted_proxies lists the reverse proxies' networks
// in the file, or comma-separated in INTAKE_HTTP_TRUSTED_PROXIES; a bare address is one
// host; anything else stops the service naming the field. The default trusts nobody.
func TestTrustedProxies(t *testing.T) {
	c, err := Load("../../config.yaml", env(nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.HTTP.TrustedProxies) != 0 || len(c.TrustedProxyNets()) != 0 {
		t.Fatalf("the shipped config trusts %v", c.HTTP.TrustedProxies)
	}

	c, err = Load("", env(map[string]string{"INTAKE_HTTP_TRUSTED_PROXIES": " 10.0.0.0/8, 127.0.0.1 ,fd00::/8,"}))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range c.TrustedProxyNets() {
		got = append(got, n.String())
	}
	if want := []string{"10.0.0.0/8", "127.0.0.1/32", "fd00::/8"}; len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Fatalf("trusted proxies from the environment: %v, want %v", got, want)
	}

	path := filepath.Join(t.TempDir(), "config.yaml")
	if err := os.WriteFile(path, []byte("http:\n  trusted_proxies: [172.16.0.0/12, \"::1\"]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if c, err = Load(path, env(nil)); err != nil || len(c.TrustedProxyNets()) != 2 {
		t.Fatalf("trusted proxies from the file: %v %v", c, err)
	}

	for _, bad := range []string{"10.0.0.0/33", "proxy.local", "10.0.0.1:80"} {
		_, err := Load("", env(map[string]string{"INTAKE_HTTP_TRUSTED_PROXIES": bad}))
		var fe *FieldError
		if !errors.As(err, &fe) || fe.Field != "http.trusted_proxies" || fe.Env != "INTAKE_HTTP_TRUSTED_PROXIES" {
			t.Errorf("trusted proxy %q: %v, want an error naming http.trusted_proxies", bad, err)
		}
	}
}
