package staff

import (
	"context"
	"errors"
	"time"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/errs"
)

// Store keeps accounts and sessions. The implementation lives in staff/staffdb; every
// method is safe for concurrent use.
type Store interface {
	// CreateUser stores a new account with its password hash. It returns ErrUserExists
	// when the username is taken. CreatedAt and UpdatedAt are kept as given.
	CreateUser(ctx context.Context, u User, passwordHash []byte) (User, error)

	// User returns the account with the given username, or ErrUserNotFound.
	User(ctx context.Context, username string) (User, error)

	// Users returns every account, by username.
	Users(ctx context.Context) ([]User, error)

	// UpdateUser changes an account in one transaction: it loads it, calls fn and saves
	// what fn left (ID, Username and CreatedAt cannot change), unless fn returns an error,
	// which UpdateUser returns. Disabling an account deletes its sessions in the same
	// transaction. ErrUserNotFound for an unknown username.
	UpdateUser(ctx context.Context, username string, fn func(*User) error) (User, error)

	// PasswordHash returns an account and its password hash, for the login, or
	// ErrUserNotFound.
	PasswordHash(ctx context.Context, username string) (User, []byte, error)

	// SetPassword replaces an account's password hash and deletes all its sessions and
	// tokens, so a reset password ends every session it opened. ErrUserNotFound for an
	// unknown username.
	SetPassword(ctx context.Context, username string, hash []byte, at time.Time) error

	// CreateSession stores s (TokenHash set, ID ignored) and returns it with its ID.
	CreateSession(ctx context.Context, s Session) (Session, error)

	// Session returns the session whose token hashes to tokenHash, with its user, if it
	// has not expired at now and the user is enabled; otherwise ErrSessionNotFound.
	Session(ctx context.Context, tokenHash string, now time.Time) (Session, User, error)

	// TouchSession sets a session's LastSeenAt.
	TouchSession(ctx context.Context, id uint64, at time.Time) error

	// Sessions returns a user's unexpired sessions of kind k, newest first.
	Sessions(ctx context.Context, userID uint64, k Kind, now time.Time) ([]Session, error)

	// DeleteSession deletes the session with the given id if it belongs to userID, and
	// reports whether there was one.
	DeleteSession(ctx context.Context, userID, id uint64) (bool, error)

	// DeleteExpiredSessions deletes every session expired at now.
	DeleteExpiredSessions(ctx context.Context, now time.Time) error
}

// The errors of a Store, matched with errors.Is.
var (
	ErrUserNotFound    = errs.Sentinel(errs.NotFound, "user_not_found", "staff.error.user_not_found", "staff: user not found")
	ErrUserExists      = errs.Sentinel(errs.Conflict, "user_exists", "staff.error.user_exists", "staff: username taken")
	ErrSessionNotFound = errors.New("staff: no such session")
)

// FieldError rejects a value staff entered; Message says why in Chinese.
type FieldError struct {
	Field string // the JSON field, e.g. "password"
	Key   string // the catalog key of the message
	KV    []any  // its placeholders
}

// Error names the field for logs.
func (e *FieldError) Error() string { return "staff: invalid " + e.Field }

// Message is the sentence staff read, e.g. "密码至少需要 12 个字符。".
func (e *FieldError) Message() string { return catalog.T(e.Key, e.KV...) }
