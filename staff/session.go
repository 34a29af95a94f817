package staff

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"time"
	"unicode/utf8"
)

// Kind tells a browser session from a personal API token.
type Kind string

// The kinds of session.
const (
	KindSession Kind = "session" // from a login: the cookie, or the token of POST /api/v1/login
	KindAPI     Kind = "api"     // a personal API token, created by its owner, named
)

// Session is a signed-in client: a browser (cookie), a script holding a login token, or a
// personal API token. The store keeps only TokenHash; the token itself is shown once.
type Session struct {
	ID         uint64
	UserID     uint64
	Kind       Kind
	Name       string // what an API token is for, as its owner named it; "" for logins
	TokenHash  string // HashToken of the token
	CreatedAt  time.Time
	ExpiresAt  time.Time
	LastSeenAt time.Time
}

// Expired reports whether the session no longer authenticates at now.
func (s Session) Expired(now time.Time) bool { return !now.Before(s.ExpiresAt) }

// TokenBytes is the entropy of a session token.
const TokenBytes = 32

// APITokenPrefix starts every personal API token, so secret scanners and people can tell
// one in a log or a paste.
const APITokenPrefix = "itk_"

// NewToken returns a fresh random token of kind k and the hash the store keeps.
func NewToken(k Kind) (token, hash string) {
	b := make([]byte, TokenBytes)
	_, _ = rand.Read(b) // never fails: crypto/rand.Read aborts the program instead
	token = base64.RawURLEncoding.EncodeToString(b)
	if k == KindAPI {
		token = APITokenPrefix + token
	}
	return token, HashToken(token)
}

// HashToken returns the SHA-256 of token in hex, the form the store keeps and looks up.
// A plain hash suffices: tokens are 256 random bits, not guessable passwords.
func HashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// PlausibleToken reports whether s could be a token NewToken made, to refuse junk (and
// huge headers) before touching the store.
func PlausibleToken(s string) bool {
	n := len(s)
	return n >= 43 && n <= 64 && utf8.ValidString(s)
}

// CSRFToken returns the CSRF token of the session whose token is given: an HMAC of a
// fixed label keyed with the session token. Only someone holding the session token can
// compute it, and it cannot be derived from the stored hash. It lives as long as the
// session and changes with every login.
func CSRFToken(sessionToken string) string {
	m := hmac.New(sha256.New, []byte(sessionToken))
	m.Write([]byte("intake csrf v1"))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// CheckCSRF reports, in constant time, whether got is the CSRF token of the session.
func CheckCSRF(sessionToken, got string) bool {
	want := CSRFToken(sessionToken)
	return got != "" && subtle.ConstantTimeCompare([]byte(want), []byte(got)) == 1
}

// API token lifetimes, in days.
const (
	DefaultAPITokenDays = 90
	MaxAPITokenDays     = 365
)

// MaxTokenName is the longest API token name, in characters.
const MaxTokenName = 100

// CheckTokenName reports whether an API token's name is acceptable: 1–MaxTokenName
// characters.
func CheckTokenName(s string) error {
	if n := utf8.RuneCountInString(s); n == 0 || n > MaxTokenName {
		return &FieldError{Field: "name", Key: "staff.invalid.token_name", KV: []any{"max", MaxTokenName}}
	}
	return nil
}
