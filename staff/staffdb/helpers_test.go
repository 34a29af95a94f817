package staffdb

import (
	"context"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"
	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database/migrations/migrationstest"
	"github.com/wxintake/intake/staff"
)

var ctx = context.Background()

// t0 is the tests' "now".
var t0 = time.Date(2026, 11, 22, 9, 30, 0, 123456000, time.UTC)

// newStore migrates db and returns a Store whose audit clock reads t0.
func newStore(tb testing.TB, db *gorm.DB) *Store {
	tb.Helper()
	migrationstest.Migrate(tb, db)
	return New(db).WithClock(func() time.Time { return t0 })
}

// cheapHash is a bcrypt hash at the lowest cost, for tests that do not log in.
func cheapHash(tb testing.TB, pw string) []byte {
	tb.Helper()
	h, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.MinCost)
	if err != nil {
		tb.Fatal(err)
	}
	return h
}

// addUser creates an account with role r.
func addUser(tb testing.TB, s *Store, username string, r staff.Role) staff.User {
	tb.Helper()
	u, err := s.CreateUser(ctx, staff.User{Username: username, DisplayName: "测试" + username, Role: r, CreatedAt: t0}, cheapHash(tb, "password-"+username))
	if err != nil {
		tb.Fatal(err)
	}
	return u
}

// addSession opens a session of kind k for u, expiring after ttl.
func addSession(tb testing.TB, s *Store, u staff.User, k staff.Kind, ttl time.Duration) (string, staff.Session) {
	tb.Helper()
	token, hash := staff.NewToken(k)
	sess, err := s.CreateSession(ctx, staff.Session{UserID: u.ID, Kind: k, TokenHash: hash, CreatedAt: t0, ExpiresAt: t0.Add(ttl)})
	if err != nil {
		tb.Fatal(err)
	}
	return token, sess
}
