package canned

import (
	"testing"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database/migrations/migrationstest"
	"github.com/wxintake/intake/internal/testenv"
)

// TestRowsMatchSchema: the row struct matches the table the migrations create.
func TestRowsMatchSchema(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		migrationstest.Migrate(t, db)
		migrationstest.CheckRows(t, db, &row{})
	})
}
