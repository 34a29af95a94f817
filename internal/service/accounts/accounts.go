// Package accounts holds the staff-account use cases — open an account, change one
// (name, role, disabled, a new password) — each checking its rule, hashing passwords
// under the policy and writing its audit entry, so the JSON API and the command line
// (intake user) do the same thing under the same audit action names. Refusals are
// *errs.Error kinds or *staff.FieldError; the store's errors pass through.
package accounts

import (
	"context"
	"log/slog"
	"time"

	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/staff"
)

// Store is what the use cases need of the staff store (staff.Store).
type Store interface {
	CreateUser(ctx context.Context, u staff.User, hash []byte) (staff.User, error)
	UpdateUser(ctx context.Context, username string, change func(*staff.User) error) (staff.User, error)
	SetPassword(ctx context.Context, username string, hash []byte, now time.Time) error
}

// Service carries out the account use cases.
type Service struct {
	Store Store
	Audit staff.Auditor
	Now   func() time.Time // time.Now when nil
	Log   *slog.Logger     // discarded when nil
}

// New returns s with its defaults filled in.
func New(s Service) *Service {
	if s.Now == nil {
		s.Now = time.Now
	}
	if s.Log == nil {
		s.Log = slog.New(slog.DiscardHandler)
	}
	return &s
}

// NewUser is an account to open.
type NewUser struct {
	Username    string
	DisplayName string
	Role        staff.Role
	Password    string
}

// CreateUser opens an account on behalf of actor (a username, or "cli"): the username
// normalised, the account and the password checked, in that order. Audited as
// staff.ActionUserCreate with the role.
func (s *Service) CreateUser(ctx context.Context, actor string, n NewUser) (staff.User, error) {
	now := s.Now()
	u := staff.User{Username: staff.NormalizeUsername(n.Username), DisplayName: n.DisplayName,
		Role: n.Role, CreatedAt: now, UpdatedAt: now}
	if err := u.Check(); err != nil {
		return staff.User{}, err
	}
	hash, err := staff.HashPassword(n.Password)
	if err != nil {
		return staff.User{}, err
	}
	if u, err = s.Store.CreateUser(ctx, u, hash); err != nil {
		return staff.User{}, err
	}
	s.audit(ctx, actor, staff.ActionUserCreate, u.Username, map[string]string{"role": string(u.Role)})
	return u, nil
}

// UserChange is what to change of an account; nil fields stay.
type UserChange struct {
	DisplayName *string
	Role        *staff.Role
	Disabled    *bool
	Password    *string
}

// UpdateUser changes account username on behalf of me. A new password ends every
// session and token of the account, and so does disabling it. Nobody demotes or
// disables themselves (errs.Conflict "self_lockout"), so the console never loses its
// last admin by a slip. Audited as staff.ActionUserUpdate with the changed fields
// (a password as "reset"), when anything changed.
func (s *Service) UpdateUser(ctx context.Context, me staff.User, username string, ch UserChange) (staff.User, error) {
	username = staff.NormalizeUsername(username)
	if username == me.Username && ((ch.Role != nil && *ch.Role != me.Role) || (ch.Disabled != nil && *ch.Disabled)) {
		return staff.User{}, errs.E(errs.Conflict, "self_lockout", "staff.error.self_lockout")
	}
	var hash []byte
	if ch.Password != nil {
		var err error
		if hash, err = staff.HashPassword(*ch.Password); err != nil {
			return staff.User{}, err
		}
	}
	now := s.Now()
	changed := map[string]any{}
	u, err := s.Store.UpdateUser(ctx, username, func(u *staff.User) error {
		if ch.DisplayName != nil && *ch.DisplayName != u.DisplayName {
			changed["display_name"] = *ch.DisplayName
			u.DisplayName = *ch.DisplayName
		}
		if ch.Role != nil && *ch.Role != u.Role {
			changed["role"] = map[string]staff.Role{"from": u.Role, "to": *ch.Role}
			u.Role = *ch.Role
		}
		if ch.Disabled != nil && *ch.Disabled != u.Disabled {
			changed["disabled"] = *ch.Disabled
			u.Disabled = *ch.Disabled
		}
		u.UpdatedAt = now
		return nil
	})
	if err != nil {
		return staff.User{}, err
	}
	if hash != nil {
		if err := s.Store.SetPassword(ctx, username, hash, now); err != nil {
			return staff.User{}, err
		}
		changed["password"] = "reset"
	}
	if len(changed) > 0 {
		s.audit(ctx, me.Username, staff.ActionUserUpdate, username, changed)
	}
	return u, nil
}

// audit records an entry; a failure is logged, never the use case's failure.
func (s *Service) audit(ctx context.Context, actor, action, target string, detail any) {
	if err := s.Audit.Record(ctx, actor, action, target, detail); err != nil {
		s.Log.Error("audit record failed", "action", action, "target", target, "err", err)
	}
}
