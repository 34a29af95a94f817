package staff

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// User is a staff account. The password hash is not part of it: only the store and the
// login see it (Store.PasswordHash).
type User struct {
	ID          uint64
	Username    string // unique, lower case: see CheckUsername
	DisplayName string // as colleagues and the audit read it, e.g. "王芳"
	Role        Role
	Disabled    bool // a disabled account cannot log in and has no sessions
	// MustChangePassword marks a generated password (the first admin's): until the account
	// sets its own, it may do nothing else (POST /api/v1/password, the console's password
	// page).
	MustChangePassword bool
	CreatedAt          time.Time
	UpdatedAt          time.Time
}

// Can reports whether the user may do p: an enabled account whose role grants it.
func (u User) Can(p Permission) bool { return !u.Disabled && u.Role.Can(p) }

// Name returns the display name, or the username when there is none.
func (u User) Name() string {
	if u.DisplayName != "" {
		return u.DisplayName
	}
	return u.Username
}

var usernamePattern = regexp.MustCompile(`^[a-z][a-z0-9._-]{1,31}$`)

// NormalizeUsername returns the username as stored: trimmed and in lower case. Logins
// normalise what was typed the same way.
func NormalizeUsername(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// CheckUsername reports whether a normalised username is acceptable: 2–32 characters,
// lower-case ASCII letters, digits, ".", "_" or "-", starting with a letter. It is also
// the assignee recorded on tickets, so it stays short and plain.
func CheckUsername(s string) error {
	if !usernamePattern.MatchString(s) {
		return &FieldError{Field: "username", Key: "staff.invalid.username"}
	}
	return nil
}

// MaxDisplayName is the longest display name, in characters.
const MaxDisplayName = 50

// CheckDisplayName reports whether a display name is acceptable: at most MaxDisplayName
// characters, no control characters. Empty means "use the username".
func CheckDisplayName(s string) error {
	if utf8.RuneCountInString(s) > MaxDisplayName || strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return &FieldError{Field: "display_name", Key: "staff.invalid.display_name", KV: []any{"max", MaxDisplayName}}
	}
	return nil
}

// CheckRole reports whether r is a role.
func CheckRole(r Role) error {
	if !r.Valid() {
		return &FieldError{Field: "role", Key: "staff.invalid.role"}
	}
	return nil
}

// Check validates a new or changed account.
func (u User) Check() error {
	if err := CheckUsername(u.Username); err != nil {
		return err
	}
	if err := CheckDisplayName(u.DisplayName); err != nil {
		return err
	}
	return CheckRole(u.Role)
}
