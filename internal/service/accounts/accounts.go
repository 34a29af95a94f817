// Package accounts holds the staff-account use cases — open an account, change one
// (name, role, disabled, a new password) — each checking its rule, hashing passwords
// under the policy and writing its audit entry, so the JSON API and the command line
// (intake user) do the same thing under the same audit action names. Refusals are
// *errs.Error kinds or *staff.FieldError; the store's errors pass through.
package accounts

import (
	"context"
	"errors"
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
	PasswordHash(ctx context.Context, username string) (staff.User, []byte, error)
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

// ChangeOwnPassword sets me's own password, given the current one; the new one must
// meet the password policy and differ (errs.Invalid on current_password or
// new_password). Like every password change it ends all the account's sessions and
// tokens. It is how an account marked MustChangePassword (the generated first admin)
// becomes usable. Audited as staff.ActionUserUpdate with password "changed".
func (s *Service) ChangeOwnPassword(ctx context.Context, me staff.User, current, next string) error {
	_, hash, err := s.Store.PasswordHash(ctx, me.Username)
	if err != nil {
		return err
	}
	if !staff.ComparePassword(hash, current) {
		return errs.InvalidField("current_password", "staff.invalid.password_wrong")
	}
	if err := staff.CheckPassword(next); err != nil {
		var fe *staff.FieldError
		if errors.As(err, &fe) {
			return errs.InvalidField("new_password", fe.Key, fe.KV...)
		}
		return err
	}
	if next == current {
		return errs.InvalidField("new_password", "staff.invalid.password_same")
	}
	newHash, err := staff.HashPassword(next)
	if err != nil {
		return err
	}
	if err := s.Store.SetPassword(ctx, me.Username, newHash, s.Now()); err != nil {
		return err
	}
	s.audit(ctx, me.Username, staff.ActionUserUpdate, me.Username, map[string]string{"password": "changed"})
	return nil
}

// audit records an entry; a failure is logged, never the use case's failure.
func (s *Service) audit(ctx context.Context, actor, action, target string, detail any) {
	if err := s.Audit.Record(ctx, actor, action, target, detail); err != nil {
		s.Log.Error("audit record failed", "action", action, "target", target, "err", err)
	}
}
