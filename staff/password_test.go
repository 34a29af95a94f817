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
		{"correct horse", ""},
		{"12345678", "staff.invalid.password_short"},
		{"elevenchars", "staff.invalid.password_short"}, // 11 (issue 14: at least 12)
		{"twelve chars", ""},
		{"", "staff.invalid.password_short"},
		{"密码密码密码密码密码密码", ""}, // 12 characters, 36 bytes
		{"密码密码密码密码密码密", "staff.invalid.password_short"},
		{strings.Repeat("x", 72), ""},
		{strings.Repeat("x", 73), "staff.invalid.password_long"},
		{strings.Repeat("密", 25), "staff.invalid.password_long"}, // 75 bytes
		{"\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5\xf4", "staff.invalid.password_short"},
		// Common passwords, whatever their case and surrounding spaces (issue 14).
		{"123456789012", "staff.invalid.password_common"},
		{"password1234", "staff.invalid.password_common"},
		{"Password1234", "staff.invalid.password_common"},
		{"qwertyuiop12", "staff.invalid.password_common"},
		{"1qaz2wsx3edc", "staff.invalid.password_common"},
		{"woaini1314520", "staff.invalid.password_common"},
		{"WOAINI520131", "staff.invalid.password_common"},
		{" abc123456789 ", "staff.invalid.password_common"},
		{"iloveyou1314", "staff.invalid.password_common"},
		{"password1235x", ""},
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

// TestPasswordMessages: staff read why a password is refused, in Chinese.
func TestPasswordMessages(t *testing.T) {
	var fe *FieldError
	if err := CheckPassword("short"); !errors.As(err, &fe) || !strings.Contains(fe.Message(), "12") {
		t.Errorf("short password: %v", err)
	}
	if err := CheckPassword("1qaz2wsx3edc"); !errors.As(err, &fe) || !strings.Contains(fe.Message(), "常见") {
		t.Errorf("common password: %v", err)
	}
}

// TestCommonPasswordList: the embedded list is loaded, in lower case, and every entry the
// length rule would not already refuse is refused as common.
func TestCommonPasswordList(t *testing.T) {
	list := commonPasswords()
	if len(list) < 300 {
		t.Fatalf("%d common passwords, want the top few hundred", len(list))
	}
	long := 0
	for pw := range list {
		if pw != strings.ToLower(strings.TrimSpace(pw)) || pw == "" {
			t.Errorf("entry %q is not trimmed lower case", pw)
		}
		if len([]rune(pw)) >= MinPassword {
			long++
			var fe *FieldError
			if err := CheckPassword(pw); !errors.As(err, &fe) || fe.Key != "staff.invalid.password_common" {
				t.Errorf("CheckPassword(%q) = %v, want common", pw, err)
			}
		}
	}
	if long < 200 {
		t.Errorf("only %d entries of %d characters or more: shorter ones are refused anyway", long, MinPassword)
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
