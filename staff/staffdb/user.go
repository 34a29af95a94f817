package staffdb

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/staff"
)

// userRow is a row of staff_users.
type userRow struct {
	ID           uint64 `gorm:"primaryKey;autoIncrement"`
	Username     string `gorm:"size:32;not null;uniqueIndex:uq_staff_users_username"`
	DisplayName  string `gorm:"size:200;not null"`
	Role         string `gorm:"size:16;not null"`
	PasswordHash string `gorm:"size:100;not null"`
	Disabled     bool   `gorm:"not null"`
	// MustChangePassword: the password was generated; see staff.User.
	MustChangePassword bool `gorm:"not null;default:false"`
	// PasswordAt is when the password was last set.
	PasswordAt time.Time `gorm:"precision:6;not null"`
	CreatedAt  time.Time `gorm:"precision:6;not null;autoCreateTime:false"`
	UpdatedAt  time.Time `gorm:"precision:6;not null;autoUpdateTime:false"`
}

// TableName is the table of accounts.
func (userRow) TableName() string { return "staff_users" }

func toDBUser(u staff.User, hash []byte) userRow {
	return userRow{
		ID: u.ID, Username: u.Username, DisplayName: u.DisplayName, Role: string(u.Role),
		PasswordHash: string(hash), Disabled: u.Disabled, MustChangePassword: u.MustChangePassword, PasswordAt: dbTime(u.CreatedAt),
		CreatedAt: dbTime(u.CreatedAt), UpdatedAt: dbTime(u.UpdatedAt),
	}
}

func toDomainUser(r userRow) staff.User {
	return staff.User{
		ID: r.ID, Username: r.Username, DisplayName: r.DisplayName, Role: staff.Role(r.Role),
		Disabled: r.Disabled, MustChangePassword: r.MustChangePassword, CreatedAt: r.CreatedAt.UTC(), UpdatedAt: r.UpdatedAt.UTC(),
	}
}

// CreateUser stores a new account; see staff.Store. The account is validated first.
func (s *Store) CreateUser(ctx context.Context, u staff.User, hash []byte) (staff.User, error) {
	if err := u.Check(); err != nil {
		return staff.User{}, wrap("create user", err)
	}
	if len(hash) == 0 {
		return staff.User{}, errors.New("staffdb: create user: no password hash")
	}
	if u.UpdatedAt.IsZero() {
		u.UpdatedAt = u.CreatedAt
	}
	row := toDBUser(u, hash)
	row.ID = 0
	err := s.conn(ctx).Create(&row).Error
	if errors.Is(err, gorm.ErrDuplicatedKey) {
		return staff.User{}, wrap("create user", fmt.Errorf("%w: %s", staff.ErrUserExists, u.Username))
	}
	if err != nil {
		return staff.User{}, wrap("create user", err)
	}
	return toDomainUser(row), nil
}

// User returns an account by username, or staff.ErrUserNotFound.
func (s *Store) User(ctx context.Context, username string) (staff.User, error) {
	row, err := s.userRow(s.conn(ctx), username)
	if err != nil {
		return staff.User{}, wrap("user", err)
	}
	return toDomainUser(row), nil
}

// userRow loads an account's row, or staff.ErrUserNotFound.
func (s *Store) userRow(db *gorm.DB, username string) (userRow, error) {
	var row userRow
	err := db.Where("username = ?", username).Take(&row).Error
	if errNotFound(err) {
		return userRow{}, fmt.Errorf("%w: %s", staff.ErrUserNotFound, username)
	}
	return row, err
}

// Users returns every account, by username.
func (s *Store) Users(ctx context.Context) ([]staff.User, error) {
	var rows []userRow
	if err := s.conn(ctx).Order("username").Find(&rows).Error; err != nil {
		return nil, wrap("users", err)
	}
	out := make([]staff.User, len(rows))
	for i, r := range rows {
		out[i] = toDomainUser(r)
	}
	return out, nil
}

// UpdateUser changes an account in one transaction; see staff.Store.
func (s *Store) UpdateUser(ctx context.Context, username string, fn func(*staff.User) error) (staff.User, error) {
	var out staff.User
	err := s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		row, err := s.userRow(s.forUpdate(tx), username)
		if err != nil {
			return err
		}
		u := toDomainUser(row)
		if err := fn(&u); err != nil {
			return err
		}
		u.ID, u.Username, u.CreatedAt = row.ID, row.Username, row.CreatedAt
		if err := u.Check(); err != nil {
			return err
		}
		err = tx.Model(&userRow{}).Where("id = ?", row.ID).Updates(map[string]any{
			"display_name": u.DisplayName, "role": string(u.Role), "disabled": u.Disabled,
			"updated_at": dbTime(u.UpdatedAt),
		}).Error
		if err != nil {
			return err
		}
		if u.Disabled && !row.Disabled {
			if err := tx.Where("user_id = ?", row.ID).Delete(&sessionRow{}).Error; err != nil {
				return err
			}
		}
		out = u
		out.UpdatedAt = dbTime(u.UpdatedAt)
		return nil
	})
	return out, wrap("update user", err)
}

// PasswordHash returns an account and its password hash, or staff.ErrUserNotFound.
func (s *Store) PasswordHash(ctx context.Context, username string) (staff.User, []byte, error) {
	row, err := s.userRow(s.conn(ctx), username)
	if err != nil {
		return staff.User{}, nil, wrap("password hash", err)
	}
	return toDomainUser(row), []byte(row.PasswordHash), nil
}

// SetPassword replaces the hash and deletes every session of the account; see
// staff.Store.
func (s *Store) SetPassword(ctx context.Context, username string, hash []byte, at time.Time) error {
	if len(hash) == 0 {
		return errors.New("staffdb: set password: no password hash")
	}
	err := s.conn(ctx).Transaction(func(tx *gorm.DB) error {
		row, err := s.userRow(s.forUpdate(tx), username)
		if err != nil {
			return err
		}
		err = tx.Model(&userRow{}).Where("id = ?", row.ID).Updates(map[string]any{
			"password_hash": string(hash), "password_at": dbTime(at), "updated_at": dbTime(at),
			"must_change_password": false,
		}).Error
		if err != nil {
			return err
		}
		return tx.Where("user_id = ?", row.ID).Delete(&sessionRow{}).Error
	})
	return wrap("set password", err)
}
