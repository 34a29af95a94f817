package staff

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestNewToken(t *testing.T) {
	seen := map[string]bool{}
	hex64 := regexp.MustCompile(`^[0-9a-f]{64}$`)
	for _, k := range []Kind{KindSession, KindAPI, KindSession, KindAPI} {
		token, hash := NewToken(k)
		if seen[token] {
			t.Fatal("a token repeated")
		}
		seen[token] = true
		if hash != HashToken(token) || !hex64.MatchString(hash) || strings.Contains(hash, token) {
			t.Errorf("hash %q of %q", hash, token)
		}
		if strings.HasPrefix(token, APITokenPrefix) != (k == KindAPI) {
			t.Errorf("%s token %q", k, token)
		}
		if !PlausibleToken(token) {
			t.Errorf("%s token %q is not plausible", k, token)
		}
	}
	for _, junk := range []string{"", "abc", strings.Repeat("a", 65), strings.Repeat("\xff", 50)} {
		if PlausibleToken(junk) {
			t.Errorf("PlausibleToken(%q)", junk)
		}
	}
}

func TestCSRFToken(t *testing.T) {
	a, _ := NewToken(KindSession)
	b, _ := NewToken(KindSession)
	ca, cb := CSRFToken(a), CSRFToken(b)
	if ca == cb || ca == a || CSRFToken(a) != ca {
		t.Fatalf("CSRF tokens %q %q for sessions %q %q", ca, cb, a, b)
	}
	if ca == CSRFToken(HashToken(a)) {
		t.Fatal("the CSRF token can be computed from the stored hash")
	}
	cases := []struct {
		got  string
		want bool
	}{
		{ca, true},
		{cb, false},
		{"", false},
		{ca[:len(ca)-1], false},
		{a, false},
	}
	for _, tc := range cases {
		if CheckCSRF(a, tc.got) != tc.want {
			t.Errorf("CheckCSRF(%q) = %v", tc.got, !tc.want)
		}
	}
}

func TestSessionExpired(t *testing.T) {
	at := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	s := Session{ExpiresAt: at}
	if s.Expired(at.Add(-time.Nanosecond)) || !s.Expired(at) || !s.Expired(at.Add(time.Hour)) {
		t.Error("expiry is not [CreatedAt, ExpiresAt)")
	}
}

func TestCheckTokenName(t *testing.T) {
	for name, ok := range map[string]bool{"对账脚本": true, "": false, strings.Repeat("名", 100): true, strings.Repeat("名", 101): false} {
		if (CheckTokenName(name) == nil) != ok {
			t.Errorf("CheckTokenName(%d chars) ok=%v", len([]rune(name)), !ok)
		}
	}
}

func BenchmarkHashToken(b *testing.B) {
	token, _ := NewToken(KindSession)
	for b.Loop() {
		_ = HashToken(token)
	}
}

func BenchmarkCheckCSRF(b *testing.B) {
	token, _ := NewToken(KindSession)
	csrf := CSRFToken(token)
	for b.Loop() {
		_ = CheckCSRF(token, csrf)
	}
}
