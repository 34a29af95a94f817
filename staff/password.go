package staff

import (
	_ "embed"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// Password length limits. bcrypt reads at most 72 bytes; a longer password is refused
// rather than silently cut.
const (
	MinPassword      = 12 // characters
	MaxPasswordBytes = 72 // bytes, as UTF-8
)

// PasswordCost is the bcrypt cost of new hashes (about 50–100 ms on a server core).
const PasswordCost = bcrypt.DefaultCost

// CheckPassword applies the password policy to a new password: at least MinPassword
// characters, at most MaxPasswordBytes bytes, valid UTF-8, and not one of the most
// common passwords (common_passwords.txt), whatever its case. Logins do not apply it, so
// accounts whose older passwords it would refuse still sign in.
func CheckPassword(pw string) error {
	switch {
	case !utf8.ValidString(pw) || utf8.RuneCountInString(pw) < MinPassword:
		return &FieldError{Field: "password", Key: "staff.invalid.password_short", KV: []any{"min", MinPassword}}
	case len(pw) > MaxPasswordBytes:
		return &FieldError{Field: "password", Key: "staff.invalid.password_long", KV: []any{"max", MaxPasswordBytes}}
	case commonPasswords()[strings.ToLower(strings.TrimSpace(pw))]:
		return &FieldError{Field: "password", Key: "staff.invalid.password_common"}
	}
	return nil
}

//go:embed common_passwords.txt
var commonPasswordList string

// commonPasswords is the set of common_passwords.txt, read once.
var commonPasswords = sync.OnceValue(func() map[string]bool {
	set := make(map[string]bool)
	for _, line := range strings.Split(commonPasswordList, "\n") {
		if line = strings.ToLower(strings.TrimSpace(line)); line != "" && !strings.HasPrefix(line, "#") {
			set[line] = true
		}
	}
	return set
})

// HashPassword checks pw against the policy and returns its bcrypt hash.
func HashPassword(pw string) ([]byte, error) {
	if err := CheckPassword(pw); err != nil {
		return nil, err
	}
	return bcrypt.GenerateFromPassword([]byte(pw), PasswordCost)
}

// ComparePassword reports whether pw matches hash. With a nil hash (no such user, or a
// disabled one) it compares against a fixed dummy hash and returns false, so that an
// unknown username costs the same time as a wrong password.
func ComparePassword(hash []byte, pw string) bool {
	if len(hash) == 0 {
		_ = bcrypt.CompareHashAndPassword(dummyHash(), []byte(pw))
		return false
	}
	return bcrypt.CompareHashAndPassword(hash, []byte(pw)) == nil
}

// dummyHash is a hash of a random-looking password at PasswordCost, made once.
var dummyHash = sync.OnceValue(func() []byte {
	h, err := bcrypt.GenerateFromPassword([]byte("intake-dummy-password-never-matches"), PasswordCost)
	if err != nil {
		panic(err)
	}
	return h
})
