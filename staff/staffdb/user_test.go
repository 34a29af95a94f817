package staffdb

import (
	"errors"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/staff"
)

func TestUsers(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		wang := addUser(t, s, "wang", staff.RoleAgent)
		if wang.ID == 0 || wang.Username != "wang" || wang.DisplayName != "测试wang" || wang.Role != staff.RoleAgent ||
			!wang.CreatedAt.Equal(t0.Truncate(time.Microsecond)) || !wang.UpdatedAt.Equal(wang.CreatedAt) {
			t.Fatalf("created %+v", wang)
		}
		addUser(t, s, "admin", staff.RoleAdmin)

		_, err := s.CreateUser(ctx, staff.User{Username: "wang", Role: staff.RoleEditor, CreatedAt: t0}, cheapHash(t, "x"))
		if !errors.Is(err, staff.ErrUserExists) {
			t.Fatalf("duplicate username: %v", err)
		}
		var fe *staff.FieldError
		if _, err := s.CreateUser(ctx, staff.User{Username: "Bad Name", Role: staff.RoleAgent, CreatedAt: t0}, cheapHash(t, "x")); !errors.As(err, &fe) {
			t.Fatalf("invalid username: %v", err)
		}

		got, err := s.User(ctx, "wang")
		if err != nil || got != wang {
			t.Fatalf("User = %+v, %v; want %+v", got, err, wang)
		}
		if _, err := s.User(ctx, "nobody"); !errors.Is(err, staff.ErrUserNotFound) {
			t.Fatalf("unknown user: %v", err)
		}
		u, hash, err := s.PasswordHash(ctx, "wang")
		if err != nil || u.ID != wang.ID || !staff.ComparePassword(hash, "password-wang") {
			t.Fatalf("PasswordHash = %+v, %q, %v", u, hash, err)
		}
		all, err := s.Users(ctx)
		if err != nil || len(all) != 2 || all[0].Username != "admin" || all[1].Username != "wang" {
			t.Fatalf("Users = %+v, %v", all, err)
		}
	})
}

func TestUpdateUser(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		wang := addUser(t, s, "wang", staff.RoleAgent)
		later := t0.Add(time.Hour)
		u, err := s.UpdateUser(ctx, "wang", func(u *staff.User) error {
			u.Role, u.DisplayName, u.UpdatedAt = staff.RoleEditor, "王芳", later
			u.Username, u.ID = "hijack", 99 // ignored
			return nil
		})
		if err != nil || u.Role != staff.RoleEditor || u.DisplayName != "王芳" || u.Username != "wang" || u.ID != wang.ID {
			t.Fatalf("UpdateUser = %+v, %v", u, err)
		}
		if got, _ := s.User(ctx, "wang"); got != u || !got.UpdatedAt.Equal(later) {
			t.Fatalf("stored %+v, returned %+v", got, u)
		}
		boom := errors.New("boom")
		if _, err := s.UpdateUser(ctx, "wang", func(u *staff.User) error { u.Role = staff.RoleAdmin; return boom }); !errors.Is(err, boom) {
			t.Fatalf("fn error: %v", err)
		}
		if _, err := s.UpdateUser(ctx, "wang", func(u *staff.User) error { u.Role = "root"; return nil }); err == nil {
			t.Fatal("an invalid role was saved")
		}
		if got, _ := s.User(ctx, "wang"); got.Role != staff.RoleEditor {
			t.Fatalf("a failed update changed the role to %s", got.Role)
		}
		if _, err := s.UpdateUser(ctx, "nobody", func(*staff.User) error { return nil }); !errors.Is(err, staff.ErrUserNotFound) {
			t.Fatalf("unknown user: %v", err)
		}
	})
}

// TestDisablingRevokesSessions: disabling an account ends its sessions at once, and a
// re-enabled account does not get them back.
func TestDisablingRevokesSessions(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		wang := addUser(t, s, "wang", staff.RoleAgent)
		li := addUser(t, s, "li", staff.RoleAgent)
		tokWang, _ := addSession(t, s, wang, staff.KindSession, time.Hour)
		tokAPI, _ := addSession(t, s, wang, staff.KindAPI, time.Hour)
		tokLi, _ := addSession(t, s, li, staff.KindSession, time.Hour)
		setDisabled := func(v bool) {
			if _, err := s.UpdateUser(ctx, "wang", func(u *staff.User) error { u.Disabled = v; return nil }); err != nil {
				t.Fatal(err)
			}
		}
		setDisabled(true)
		setDisabled(false)
		for _, tok := range []string{tokWang, tokAPI} {
			if _, _, err := s.Session(ctx, staff.HashToken(tok), t0); !errors.Is(err, staff.ErrSessionNotFound) {
				t.Errorf("session of a disabled account survived: %v", err)
			}
		}
		if _, _, err := s.Session(ctx, staff.HashToken(tokLi), t0); err != nil {
			t.Errorf("another account's session was revoked: %v", err)
		}
	})
}

func TestSetPasswordRevokesSessions(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		wang := addUser(t, s, "wang", staff.RoleAgent)
		tok, _ := addSession(t, s, wang, staff.KindAPI, time.Hour)
		if err := s.SetPassword(ctx, "wang", cheapHash(t, "new password"), t0.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		_, hash, _ := s.PasswordHash(ctx, "wang")
		if !staff.ComparePassword(hash, "new password") || staff.ComparePassword(hash, "password-wang") {
			t.Fatal("the password did not change")
		}
		if _, _, err := s.Session(ctx, staff.HashToken(tok), t0); !errors.Is(err, staff.ErrSessionNotFound) {
			t.Fatalf("a token survived the password reset: %v", err)
		}
		if err := s.SetPassword(ctx, "nobody", cheapHash(t, "x"), t0); !errors.Is(err, staff.ErrUserNotFound) {
			t.Fatalf("unknown user: %v", err)
		}
	})
}
