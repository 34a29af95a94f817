// Package pagetoken signs the links to a ticket's customer page: the ticket number and an
// expiry, authenticated with HMAC-SHA256, so the customer opens the page from a template
// message or a chat link without logging in, and nobody can forge a link to another ticket.
package pagetoken

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"strconv"
	"strings"
	"time"
)

// DefaultTTL is how long a link works when Signer.TTL is zero: long enough for the
// survey, sent up to 7 days after completion, to be answered.
const DefaultTTL = 30 * 24 * time.Hour

// Signer signs and checks page tokens with Key.
type Signer struct {
	Key []byte
	TTL time.Duration
}

// Errors of Verify.
var (
	ErrInvalid = errors.New("pagetoken: invalid token")
	ErrExpired = errors.New("pagetoken: token expired")
)

// Sign returns the token for ticket number, valid from now for the TTL:
// NUMBER.EXPIRY.MAC, URL-safe.
func (s Signer) Sign(number string, now time.Time) string {
	ttl := s.TTL
	if ttl <= 0 {
		ttl = DefaultTTL
	}
	exp := strconv.FormatInt(now.Add(ttl).Unix(), 36)
	return number + "." + exp + "." + s.mac(number, exp)
}

// Verify returns the ticket number token was signed for: ErrInvalid for a token not
// signed with the key, ErrExpired for one past its expiry.
func (s Signer) Verify(token string, now time.Time) (string, error) {
	number, rest, ok := strings.Cut(token, ".")
	exp, mac, ok2 := strings.Cut(rest, ".")
	if !ok || !ok2 || number == "" || len(s.Key) == 0 {
		return "", ErrInvalid
	}
	if !hmac.Equal([]byte(mac), []byte(s.mac(number, exp))) {
		return "", ErrInvalid
	}
	at, err := strconv.ParseInt(exp, 36, 64)
	if err != nil {
		return "", ErrInvalid
	}
	if now.Unix() > at {
		return "", ErrExpired
	}
	return number, nil
}

func (s Signer) mac(number, exp string) string {
	h := hmac.New(sha256.New, s.Key)
	h.Write([]byte("intake/page/v1\x00" + number + "\x00" + exp))
	return base64.RawURLEncoding.EncodeToString(h.Sum(nil))
}

// DeriveKey returns a page key derived from another secret of the deployment (the app
// secret): stable across restarts and identical on every instance, yet not the secret
// itself.
func DeriveKey(secret string) []byte {
	h := hmac.New(sha256.New, []byte(secret))
	h.Write([]byte("intake customer page key v1"))
	return h.Sum(nil)
}
