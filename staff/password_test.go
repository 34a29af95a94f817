package staff

import (
	"errors"
	"strings"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
)

func TestCheckPassword(t *testing.T) {
	cases := []struct {
		pw  string
		key string // "" when acceptable
	}{
		{"12345678", ""},
		{"1234567", "staff.invalid.password_short"},
		{"", "staff.invalid.password_short"},
		{"密码密码密码密码", ""}, // 8 characters, 24 bytes
		{"密码密码密码密", "staff.invalid.password_short"},
		{strings.Repeat("x", 72), ""},
		{strings.Repeat("x", 73), "staff.invalid.password_long"},
		{strings.Repeat("密", 25), "staff.invalid.password_long"}, // 75 bytes
		{"\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8", "staff.invalid.password_short"},
	}
	for _, tc := range cases {
		err := CheckPassword(tc.pw)
		var fe *FieldError
		switch {
		case tc.key == "" && err != nil:
			t.Errorf("CheckPassword(%q) = %v", tc.pw, err)
		case tc.key != "" && (!errors.As(err, &fe) || fe.Key != tc.key):
			t.Errorf("CheckPassword(%q) = %v, want %s", tc.pw, err, tc.key)
		}
	}
}

func TestHashAndCompare(t *testing.T) {
	hash, err := HashPassword("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	if cost, _ := bcrypt.Cost(hash); cost != PasswordCost {
		t.Errorf("cost %d, want %d", cost, PasswordCost)
	}
	if !ComparePassword(hash, "correct horse") {
		t.Error("the right password does not match")
	}
	for _, wrong := range []string{"Correct horse", "correct horse ", "", "correct hors"} {
		if ComparePassword(hash, wrong) {
			t.Errorf("%q matches", wrong)
		}
	}
	if _, err := HashPassword("short"); err == nil {
		t.Error("a short password was hashed")
	}
}

// TestUnknownUserCostsABcrypt checks the timing defence: comparing against no hash (an
// unknown user) must do bcrypt work like a real comparison, not return at once.
func TestUnknownUserCostsABcrypt(t *testing.T) {
	hash, err := HashPassword("correct horse")
	if err != nil {
		t.Fatal(err)
	}
	ComparePassword(nil, "warm up the dummy hash")
	fastest := func(f func()) time.Duration {
		best := time.Hour
		for range 3 {
			start := time.Now()
			f()
			best = min(best, time.Since(start))
		}
		return best
	}
	real := fastest(func() { ComparePassword(hash, "wrong password") })
	dummy := fastest(func() {
		if ComparePassword(nil, "correct horse") {
			t.Error("no hash matched a password")
		}
	})
	if dummy < real/3 {
		t.Errorf("an unknown user costs %v, a wrong password %v: usernames can be probed by timing", dummy, real)
	}
}
