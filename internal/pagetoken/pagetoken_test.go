package pagetoken

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestSignAndVerify(t *testing.T) {
	s := Signer{Key: []byte("0123456789abcdef0123456789abcdef")}
	now := time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC)
	tok := s.Sign("RS20261205-0001", now)
	if n, err := s.Verify(tok, now.Add(29*24*time.Hour)); err != nil || n != "RS20261205-0001" {
		t.Fatalf("Verify = %q %v", n, err)
	}
	if _, err := s.Verify(tok, now.Add(31*24*time.Hour)); !errors.Is(err, ErrExpired) {
		t.Errorf("after 31 days: %v, want expired", err)
	}
	// Another ticket's number, another expiry or another key: refused.
	parts := strings.Split(tok, ".")
	for _, bad := range []string{
		"RS20261205-0002." + parts[1] + "." + parts[2],
		parts[0] + ".zzzzzz." + parts[2],
		parts[0] + "." + parts[1] + ".x" + parts[2][1:],
		parts[0] + "." + parts[1],
		"",
	} {
		if _, err := s.Verify(bad, now); !errors.Is(err, ErrInvalid) {
			t.Errorf("%q: %v, want invalid", bad, err)
		}
	}
	other := Signer{Key: []byte("another key, just as long as the first")}
	if _, err := other.Verify(tok, now); !errors.Is(err, ErrInvalid) {
		t.Errorf("another key: %v", err)
	}
	if _, err := (Signer{}).Verify(tok, now); !errors.Is(err, ErrInvalid) {
		t.Errorf("no key: %v", err)
	}
}

func TestDeriveKeyIsStable(t *testing.T) {
	a, b := DeriveKey("appsecret"), DeriveKey("appsecret")
	if string(a) != string(b) || string(a) == string(DeriveKey("other")) || strings.Contains(string(a), "appsecret") {
		t.Fatal("derived keys are not stable per secret")
	}
}
