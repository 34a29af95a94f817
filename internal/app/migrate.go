package app

import (
	"context"
	"log/slog"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database"
	"github.com/wxintake/intake/internal/database/migrations"
)

// Migrate brings the database's schema up to date: it applies the versioned SQL steps of
// package migrations that the database has not recorded in schema_migrations. Instances
// starting at once are safe (see package migrations).
//
// On MySQL/MariaDB every table is created utf8mb4 (the steps say so), whatever the
// server's default; tables left in another character set by an earlier version stop it
// with the statements that convert them (database.CheckCharset), and a database whose
// default is not utf8mb4 is warned about on log.
func Migrate(ctx context.Context, db *gorm.DB, log *slog.Logger) error {
	if err := database.CheckCharset(ctx, db, log); err != nil {
		return err
	}
	return migrations.Up(ctx, db)
}
