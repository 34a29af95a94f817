package staffdb

import (
	"context"
	"fmt"
	"time"

	"github.com/wxintake/intake/staff"
)

// sessionRow is a row of staff_sessions: a login session or a personal API token, known
// by the SHA-256 of its token.
type sessionRow struct {
	ID         uint64    `gorm:"primaryKey;autoIncrement"`
	TokenHash  string    `gorm:"size:64;not null;uniqueIndex:uq_staff_sessions_token"`
	UserID     uint64    `gorm:"not null;index:idx_staff_sessions_user,priority:1"`
	Kind       string    `gorm:"size:8;not null;index:idx_staff_sessions_user,priority:2"`
	Name       string    `gorm:"size:400;not null"`
	CreatedAt  time.Time `gorm:"precision:6;not null;autoCreateTime:false"`
	ExpiresAt  time.Time `gorm:"precision:6;not null;index:idx_staff_sessions_expires"`
	LastSeenAt time.Time `gorm:"precision:6;not null"`
}

// TableName is the table of sessions and API tokens.
func (sessionRow) TableName() string { return "staff_sessions" }

func toDBSession(s staff.Session) sessionRow {
	return sessionRow{
		ID: s.ID, TokenHash: s.TokenHash, UserID: s.UserID, Kind: string(s.Kind), Name: s.Name,
		CreatedAt: dbTime(s.CreatedAt), ExpiresAt: dbTime(s.ExpiresAt), LastSeenAt: dbTime(s.LastSeenAt),
	}
}

func toDomainSession(r sessionRow) staff.Session {
	return staff.Session{
		ID: r.ID, UserID: r.UserID, Kind: staff.Kind(r.Kind), Name: r.Name, TokenHash: r.TokenHash,
		CreatedAt: r.CreatedAt.UTC(), ExpiresAt: r.ExpiresAt.UTC(), LastSeenAt: r.LastSeenAt.UTC(),
	}
}

// CreateSession stores a session or API token; see staff.Store.
func (s *Store) CreateSession(ctx context.Context, sess staff.Session) (staff.Session, error) {
	if len(sess.TokenHash) != 64 || sess.UserID == 0 {
		return staff.Session{}, fmt.Errorf("staffdb: create session: token hash and user are required")
	}
	if sess.LastSeenAt.IsZero() {
		sess.LastSeenAt = sess.CreatedAt
	}
	row := toDBSession(sess)
	row.ID = 0
	if err := s.conn(ctx).Create(&row).Error; err != nil {
		return staff.Session{}, wrap("create session", err)
	}
	return toDomainSession(row), nil
}

// Session returns a live session and its enabled user, or staff.ErrSessionNotFound.
func (s *Store) Session(ctx context.Context, tokenHash string, now time.Time) (staff.Session, staff.User, error) {
	db := s.conn(ctx)
	var row sessionRow
	err := db.Where("token_hash = ? AND expires_at > ?", tokenHash, dbTime(now)).Take(&row).Error
	if errNotFound(err) {
		return staff.Session{}, staff.User{}, staff.ErrSessionNotFound
	}
	if err != nil {
		return staff.Session{}, staff.User{}, wrap("session", err)
	}
	var u userRow
	err = db.Where("id = ? AND disabled = ?", row.UserID, false).Take(&u).Error
	if errNotFound(err) {
		return staff.Session{}, staff.User{}, staff.ErrSessionNotFound
	}
	if err != nil {
		return staff.Session{}, staff.User{}, wrap("session", err)
	}
	return toDomainSession(row), toDomainUser(u), nil
}

// TouchSession sets a session's LastSeenAt.
func (s *Store) TouchSession(ctx context.Context, id uint64, at time.Time) error {
	err := s.conn(ctx).Model(&sessionRow{}).Where("id = ?", id).Update("last_seen_at", dbTime(at)).Error
	return wrap("touch session", err)
}

// Sessions returns a user's unexpired sessions of one kind, newest first.
func (s *Store) Sessions(ctx context.Context, userID uint64, k staff.Kind, now time.Time) ([]staff.Session, error) {
	var rows []sessionRow
	err := s.conn(ctx).Where("user_id = ? AND kind = ? AND expires_at > ?", userID, string(k), dbTime(now)).
		Order("id DESC").Find(&rows).Error
	if err != nil {
		return nil, wrap("sessions", err)
	}
	out := make([]staff.Session, len(rows))
	for i, r := range rows {
		out[i] = toDomainSession(r)
	}
	return out, nil
}

// DeleteSession deletes one of a user's sessions and reports whether it existed.
func (s *Store) DeleteSession(ctx context.Context, userID, id uint64) (bool, error) {
	res := s.conn(ctx).Where("id = ? AND user_id = ?", id, userID).Delete(&sessionRow{})
	return res.RowsAffected > 0, wrap("delete session", res.Error)
}

// DeleteExpiredSessions deletes every session expired at now.
func (s *Store) DeleteExpiredSessions(ctx context.Context, now time.Time) error {
	err := s.conn(ctx).Where("expires_at <= ?", dbTime(now)).Delete(&sessionRow{}).Error
	return wrap("delete expired sessions", err)
}
