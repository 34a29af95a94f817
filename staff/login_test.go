package staff

import (
	"strings"
	"testing"
	"time"
)

func TestLockFor(t *testing.T) {
	p := DefaultLoginPolicy()
	cases := []struct {
		n    int
		want time.Duration
	}{
		{0, 15 * time.Minute},
		{1, 15 * time.Minute},
		{2, 30 * time.Minute},
		{3, time.Hour},
		{4, 2 * time.Hour},
		{7, 16 * time.Hour},
		{8, 24 * time.Hour}, // 32 h capped
		{100, 24 * time.Hour},
	}
	for _, tc := range cases {
		if got := p.LockFor(tc.n); got != tc.want {
			t.Errorf("LockFor(%d) = %v, want %v", tc.n, got, tc.want)
		}
	}
}

func TestLoginKeys(t *testing.T) {
	k := LoginKey("Wang", "10.0.0.1")
	if k != LoginKey(" wang ", "10.0.0.1") {
		t.Error("the key depends on case or spaces of the username")
	}
	distinct := []string{k, LoginKey("wang", "10.0.0.2"), LoginKey("li", "10.0.0.1"),
		AddressKey("10.0.0.1"), AddressKey("10.0.0.2"), LoginKey("wang\x0010.0.0.1", "")}
	seen := map[string]bool{}
	for _, key := range distinct {
		if seen[key] {
			t.Errorf("key %s repeats", key)
		}
		seen[key] = true
		if strings.Contains(key, "wang") || strings.Contains(key, "10.0") || strings.ContainsAny(key, "{}") {
			t.Errorf("key %q shows its input or breaks a hash tag", key)
		}
	}
}
