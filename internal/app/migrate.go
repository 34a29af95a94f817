package app

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/canned"
	"github.com/wxintake/intake/internal/database"
	"github.com/wxintake/intake/internal/media"
	"github.com/wxintake/intake/knowledge/knowledgedb"
	"github.com/wxintake/intake/staff/staffdb"
	"github.com/wxintake/intake/triage/triagedb"
)

// migration is one schema step. Steps run in order, once each, recorded in
// schema_migrations; a step never changes after it has shipped.
type migration struct {
	ID string
	Up func(tx *gorm.DB) error
}

// migrations is the ordered list of every schema step.
var migrations = []migration{
	{ID: "0001_schema_migrations", Up: func(*gorm.DB) error { return nil }},
	{ID: "0002_tickets", Up: triagedb.Migrate},
	{ID: "0003_staff", Up: staffdb.Migrate},
	{ID: "0004_knowledge", Up: knowledgedb.Migrate},
	{ID: "0005_canned_replies", Up: canned.Migrate},
	{ID: "0006_media", Up: media.Migrate},
	{ID: "0007_transcript_media", Up: triagedb.MigrateTranscriptMedia},
	{ID: "0008_outbox_channel", Up: triagedb.MigrateOutboxChannel},
	{ID: "0009_staff_must_change_password", Up: staffdb.MigrateMustChangePassword},
	{ID: "0010_ticket_complaint", Up: triagedb.MigrateTicketComplaint},
	{ID: "0011_knowledge_shipped", Up: knowledgedb.MigrateShipped},
	{ID: "0012_knowledge_unmatched", Up: knowledgedb.MigrateUnmatched},
}

type schemaMigration struct {
	ID        string `gorm:"primaryKey;size:100"`
	AppliedAt time.Time
}

func (schemaMigration) TableName() string { return "schema_migrations" }

// Migrate applies the steps not yet applied. Concurrent instances may both try: a step's
// record is inserted in the same transaction, so one of them fails on the primary key
// and retries find nothing left to do.
//
// On MySQL/MariaDB every table is created utf8mb4 (database.ForSchema), whatever the
// server's default; tables left in another character set by an earlier version stop it
// with the statements that convert them (database.CheckCharset), and a database whose
// default is not utf8mb4 is warned about on log.
func Migrate(ctx context.Context, db *gorm.DB, log *slog.Logger) error {
	if err := database.CheckCharset(ctx, db, log); err != nil {
		return err
	}
	db = database.ForSchema(db).WithContext(ctx)
	if err := db.AutoMigrate(&schemaMigration{}); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for _, m := range migrations {
		var n int64
		if err := db.Model(&schemaMigration{}).Where("id = ?", m.ID).Count(&n).Error; err != nil {
			return fmt.Errorf("migrate %s: %w", m.ID, err)
		}
		if n > 0 {
			continue
		}
		err := db.Transaction(func(tx *gorm.DB) error {
			if err := m.Up(tx); err != nil {
				return err
			}
			return tx.Create(&schemaMigration{ID: m.ID, AppliedAt: time.Now().UTC()}).Error
		})
		if err != nil {
			return fmt.Errorf("migrate %s: %w", m.ID, err)
		}
	}
	return nil
}
