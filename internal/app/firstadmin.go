package app

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"

	"github.com/wxintake/intake/staff"
)

// FirstAdmin is the account created on an empty staff database, with its generated
// password: for the start banner only, never logged or stored in clear.
type FirstAdmin struct {
	Username, Password string
}

// firstAdminName is the username of the generated first admin.
const firstAdminName = "admin"

// EnsureFirstAdmin creates the first admin when there is no staff account at all and the
// service may (embedded mode, or console.bootstrap_admin), with a random password it
// returns once and stores hashed, marked to be changed at first login. With any account
// present it does nothing and returns nil, so a later start never shows a password.
//
// `intake serve` calls it before printing its banner; tests that build an App add their
// own accounts and do not.
func (a *App) EnsureFirstAdmin(ctx context.Context) (*FirstAdmin, error) {
	if a.Cfg.MySQL.DSN != "" && !a.Cfg.Console.BootstrapAdmin {
		return nil, nil
	}
	users, err := a.Staff.Users(ctx)
	if err != nil {
		return nil, fmt.Errorf("first admin: %w", err)
	}
	if len(users) > 0 {
		return nil, nil
	}
	password := rand.Text() // 26 characters of base32: 130 bits
	hash, err := staff.HashPassword(password)
	if err != nil {
		return nil, fmt.Errorf("first admin: %w", err)
	}
	now := a.now()
	u, err := a.Staff.CreateUser(ctx, staff.User{Username: firstAdminName, Role: staff.RoleAdmin,
		MustChangePassword: true, CreatedAt: now, UpdatedAt: now}, hash)
	if errors.Is(err, staff.ErrUserExists) {
		return nil, nil // another instance made it first: that one shows the password
	} else if err != nil {
		return nil, fmt.Errorf("first admin: %w", err)
	}
	a.Log.Warn("console: no staff account existed; created the admin account whose password the start banner shows once; it must be changed at first login",
		"username", u.Username)
	return &FirstAdmin{Username: u.Username, Password: password}, nil
}
