package migrations_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/canned"
	"github.com/wxintake/intake/internal/database"
	"github.com/wxintake/intake/internal/database/migrations"
	"github.com/wxintake/intake/internal/database/migrations/migrationstest"
	"github.com/wxintake/intake/internal/media"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/knowledge/knowledgedb"
	"github.com/wxintake/intake/staff/staffdb"
	"github.com/wxintake/intake/triage"
	"github.com/wxintake/intake/triage/triagedb"
)

var ctx = context.Background()

// stepIDs are the steps of dialect, in order.
func stepIDs(t *testing.T, dialect string) []string {
	t.Helper()
	steps, err := migrations.Steps(dialect)
	if err != nil {
		t.Fatal(err)
	}
	ids := make([]string, len(steps))
	for i, s := range steps {
		ids[i] = s.ID
	}
	return ids
}

// TestStepsMatchAcrossDialects: both dialects have the same steps, in the order every
// release recorded them.
func TestStepsMatchAcrossDialects(t *testing.T) {
	want := []string{"0001_schema_migrations", "0002_tickets", "0003_staff", "0004_knowledge",
		"0005_canned_replies", "0006_media", "0007_transcript_media", "0008_outbox_channel",
		"0009_staff_must_change_password", "0010_ticket_complaint", "0011_knowledge_shipped",
		"0012_knowledge_unmatched"}
	for _, d := range []string{database.MySQL, database.SQLite} {
		if got := stepIDs(t, d); !slices.Equal(got[:len(want)], want) {
			t.Errorf("%s steps %v, want to start with %v", d, got, want)
		}
	}
	if my, lite := stepIDs(t, database.MySQL), stepIDs(t, database.SQLite); !slices.Equal(my, lite) {
		t.Errorf("mysql steps %v, sqlite steps %v", my, lite)
	}
}

// TestBinaryNeverAutoMigrates: migrationstest, the one place that runs gorm's AutoMigrate
// (to compare row structs with the schema), is not part of the binary.
func TestBinaryNeverAutoMigrates(t *testing.T) {
	const helper = "github.com/wxintake/intake/internal/database/migrations/migrationstest"
	if deps := testenv.Deps(t, "github.com/wxintake/intake/cmd/intake"); slices.Contains(deps, helper) {
		t.Errorf("cmd/intake links %s", helper)
	}
}

// TestMySQLTablesAreUTF8MB4: every table a MySQL step creates names utf8mb4, so it is
// utf8mb4 whatever the server's default (issue 14).
func TestMySQLTablesAreUTF8MB4(t *testing.T) {
	steps, err := migrations.Steps(database.MySQL)
	if err != nil {
		t.Fatal(err)
	}
	want := "DEFAULT CHARSET=" + database.Charset + " COLLATE=" + database.Collation
	for _, s := range steps {
		for _, stmt := range s.Statements {
			if strings.HasPrefix(stmt, "CREATE TABLE") && !strings.HasSuffix(stmt, want) {
				t.Errorf("%s: %.60s… does not end with %s", s.ID, stmt, want)
			}
		}
	}
}

// TestUpIsIdempotent: a second Up runs nothing but reads, and records nothing new.
func TestUpIsIdempotent(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		migrationstest.Migrate(t, db)
		before := appliedAt(t, db)
		if got, want := len(before), len(stepIDs(t, database.Dialect(db))); got != want {
			t.Fatalf("%d steps recorded, want %d", got, want)
		}
		migrationstest.Migrate(t, db)
		if after := appliedAt(t, db); !slices.Equal(before, after) {
			t.Errorf("second Up changed schema_migrations:\n%v\n%v", before, after)
		}
	})
}

// TestUpConcurrently: instances starting at once on one database (each with its own
// connection pool) all succeed, and each step runs once.
func TestUpConcurrently(t *testing.T) {
	for _, dialect := range []string{"mariadb", "sqlite"} {
		t.Run(dialect, func(t *testing.T) {
			var cfg database.Config
			if dialect == "mariadb" {
				cfg.DSN = testenv.MySQLDSN(t)
			} else {
				cfg.SQLitePath = t.TempDir() + "/intake.db"
			}
			const instances = 4
			dbs := make([]*gorm.DB, instances)
			for i := range dbs {
				db, err := database.Open(cfg, testenv.Logger(t))
				if err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { _ = database.Close(db) })
				dbs[i] = db
			}
			var wg sync.WaitGroup
			errs := make([]error, instances)
			for i, db := range dbs {
				wg.Go(func() { errs[i] = migrations.Up(ctx, db) })
			}
			wg.Wait()
			for i, err := range errs {
				if err != nil {
					t.Errorf("instance %d: %v", i, err)
				}
			}
			if got, want := len(appliedAt(t, dbs[0])), len(stepIDs(t, database.Dialect(dbs[0]))); got != want {
				t.Errorf("%d steps recorded, want %d", got, want)
			}
		})
	}
}

// TestUpTo builds a database as an older release left it, then migrates it forward.
func TestUpTo(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		if err := migrations.UpTo(ctx, db, "0006_media"); err != nil {
			t.Fatal(err)
		}
		if got, _ := migrations.Applied(db); len(got) != 6 || got[5] != "0006_media" {
			t.Fatalf("applied %v, want 0001…0006", got)
		}
		if db.Migrator().HasTable("kb_unmatched") || db.Migrator().HasColumn("tickets", "complaint") {
			t.Error("UpTo 0006 ran later steps")
		}
		if err := migrations.UpTo(ctx, db, "0099_none"); err == nil {
			t.Error("UpTo an unknown step: no error")
		}
		migrationstest.Migrate(t, db)
		fresh := testenv.SQLite(t)
		if database.Dialect(db) == database.MySQL {
			fresh = testenv.MySQL(t)
		}
		migrationstest.Migrate(t, fresh)
		sameSchema(t, migrationstest.Schema(t, db), migrationstest.Schema(t, fresh))
	})
}

// TestMigrateForward loads a database as an earlier release created it (testdata: its
// schema and a few rows, dumped from that release on MariaDB and SQLite), migrates it
// forward, and checks that its schema is a fresh database's, that no step it recorded
// ran again, and that its rows read back through today's stores.
func TestMigrateForward(t *testing.T) {
	releases := []struct {
		name    string
		applied int // steps the release recorded
	}{
		{"eb6514b", 12}, // the release before versioned SQL migrations: all steps, by AutoMigrate
		{"1b6f4ed", 6},  // an older one: 0001–0006
	}
	for _, r := range releases {
		t.Run(r.name, func(t *testing.T) {
			testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
				dialect := database.Dialect(db)
				load(t, db, "testdata/"+r.name+"."+dialect+".sql")
				before := appliedAt(t, db)
				if len(before) != r.applied {
					t.Fatalf("the snapshot recorded %d steps, want %d", len(before), r.applied)
				}

				migrationstest.Migrate(t, db)

				after := appliedAt(t, db)
				if got, want := len(after), len(stepIDs(t, dialect)); got != want {
					t.Errorf("%d steps recorded after Up, want %d", got, want)
				}
				for _, row := range before {
					if !slices.Contains(after, row) {
						t.Errorf("step record %q changed: a recorded step ran again", row)
					}
				}

				fresh := testenv.SQLite(t)
				if dialect == database.MySQL {
					fresh = testenv.MySQL(t)
				}
				migrationstest.Migrate(t, fresh)
				sameSchema(t, migrationstest.Schema(t, db), migrationstest.Schema(t, fresh))

				checkRows(t, db)
			})
		})
	}
}

// checkRows reads what the snapshots hold through the stores.
func checkRows(t *testing.T, db *gorm.DB) {
	t.Helper()
	tickets := triagedb.New(db, triagedb.Config{})
	tk, err := tickets.Get(ctx, "RS20261120-0001")
	if err != nil {
		t.Fatalf("ticket: %v", err)
	}
	if tk.Record.Name != "张伟" || tk.OpenID != "o-snapshot-1" || tk.Complaint {
		t.Errorf("ticket read back: %+v", tk)
	}
	lines, err := tickets.Transcript(ctx, tk.Number)
	if err != nil || len(lines) != 1 || lines[0].Text != "洗衣机不脱水 😢" || lines[0].Media != "" {
		t.Errorf("transcript %+v, %v", lines, err)
	}
	if open, total, err := tickets.ListOpen(ctx, triage.Filter{}, triage.Page{}); err != nil || total != 1 || len(open) != 1 {
		t.Errorf("open tickets %d of %d, %v; want the one", len(open), total, err)
	}

	user, err := staffdb.New(db).User(ctx, "wang")
	if err != nil || user.DisplayName != "王芳" || user.MustChangePassword {
		t.Errorf("user %+v, %v", user, err)
	}

	kb := knowledgedb.New(db, knowledgedb.Options{})
	rev, err := kb.Revision(ctx, 1)
	if err != nil || rev.Rules != 1 || rev.ShippedHash != rev.Hash {
		t.Errorf("revision 1 %+v, %v; want one rule, shipped from its own hash", rev, err)
	}
	set, err := kb.Load(ctx, 1)
	if err != nil || len(set.Rules) != 1 || set.Rules[0].ID != "laptop-keyboard-light" {
		t.Errorf("revision 1 loads %v, %v", set, err)
	}
	var shipped []string
	if err := db.Table("kb_shipped").Pluck("hash", &shipped).Error; err != nil || !slices.Equal(shipped, []string{rev.Hash}) {
		t.Errorf("kb_shipped %v, %v; want revision 1's hash", shipped, err)
	}

	reply, err := canned.New(db).Get(ctx, 1)
	if err != nil || reply.Title != "问候" {
		t.Errorf("canned reply %+v, %v", reply, err)
	}
	f, err := media.NewStore(db).Get(ctx, "media-1")
	if err != nil || string(f.Bytes) != "\xff\xd8\xff\x00\x3b" || !f.FetchedAt.Equal(time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)) {
		t.Errorf("media %+v, %v", f, err)
	}
}

// load runs the statements of a snapshot on one connection of db, with foreign key
// checks off while tables are created in name order.
func load(t *testing.T, db *gorm.DB, file string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	mysql := database.Dialect(db) == database.MySQL
	err = db.Connection(func(conn *gorm.DB) error {
		if mysql {
			if err := conn.Exec("SET FOREIGN_KEY_CHECKS = 0").Error; err != nil {
				return err
			}
		}
		var stmt strings.Builder
		for line := range strings.Lines(string(b)) {
			if stmt.Len() == 0 && strings.HasPrefix(line, "--") {
				continue
			}
			stmt.WriteString(line)
			if strings.HasSuffix(strings.TrimSpace(line), ";") {
				if err := conn.Exec(stmt.String()).Error; err != nil {
					return err
				}
				stmt.Reset()
			}
		}
		if mysql {
			return conn.Exec("SET FOREIGN_KEY_CHECKS = 1").Error
		}
		return conn.Exec("PRAGMA foreign_keys = ON").Error
	})
	if err != nil {
		t.Fatalf("load %s: %v", file, err)
	}
}

// appliedAt returns the rows of schema_migrations as "id applied_at".
func appliedAt(t *testing.T, db *gorm.DB) []string {
	t.Helper()
	var rows []struct {
		ID        string
		AppliedAt time.Time
	}
	if err := db.Table("schema_migrations").Order("id").Find(&rows).Error; err != nil {
		t.Fatal(err)
	}
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.ID + " " + r.AppliedAt.UTC().Format(time.RFC3339Nano)
	}
	return out
}

// sameSchema reports the lines only one of two schemas has.
func sameSchema(t *testing.T, got, want []string) {
	t.Helper()
	for _, l := range got {
		if !slices.Contains(want, l) {
			t.Errorf("migrated database has, fresh one lacks: %s", l)
		}
	}
	for _, l := range want {
		if !slices.Contains(got, l) {
			t.Errorf("fresh database has, migrated one lacks: %s", l)
		}
	}
}
