package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/app"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/database"
	"github.com/wxintake/intake/internal/database/migrations"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/triage"
)

// latin1DSN is a fresh MariaDB database whose default character set is latin1, as on
// older MySQL/MariaDB servers and many cloud instances: every table created without a
// character set of its own would be latin1 and refuse Chinese text and emoji (issue 14).
func latin1DSN(t *testing.T) string {
	return testenv.MySQLDSNCharset(t, "latin1", "latin1_swedish_ci")
}

// TestStartsOnLatin1Database: the service migrates, seeds the knowledge base and stores
// and reads back Chinese text and emoji on a database whose default is latin1, every
// table it creates is utf8mb4, and it warns that the database default should be changed.
func TestStartsOnLatin1Database(t *testing.T) {
	dsn := latin1DSN(t)
	s := apptest.Start(t, apptest.Embedded, apptest.Options{NoLoops: true, Config: func(c *config.Config) {
		c.MySQL.DSN = dsn
	}})
	if got := database.Dialect(s.DB); got != database.MySQL {
		t.Fatalf("dialect %q, want mysql", got)
	}
	ctx := context.Background()

	const text = "冰箱漏水😀"
	tk, created, err := s.Tickets.Create(ctx, triage.Ticket{CaseKey: "o-latin1/1", OpenID: "o-latin1",
		Priority: triage.PriorityNormal, Record: triage.Record{Name: "王小明😀", Address: "上海市浦东新区", Occurred: "昨天晚上"},
		CreatedAt: time.Now()})
	if err != nil || !created {
		t.Fatalf("create ticket: created=%v err=%v", created, err)
	}
	if err := s.Tickets.AppendTranscript(ctx, tk.Number, triage.TranscriptEntry{At: time.Now(), Role: triage.RoleCustomer, Text: text}); err != nil {
		t.Fatalf("append transcript: %v", err)
	}
	lines, err := s.Tickets.Transcript(ctx, tk.Number)
	if err != nil || len(lines) != 1 || lines[0].Text != text {
		t.Fatalf("transcript = %+v, %v; want one line %q", lines, err, text)
	}
	got, err := s.Tickets.Get(ctx, tk.Number)
	if err != nil || got.Record.Name != "王小明😀" || got.Record.Address != "上海市浦东新区" {
		t.Fatalf("ticket read back = %+v, %v", got.Record, err)
	}

	var bad []struct{ TableName, TableCollation string }
	if err := s.DB.Raw(`SELECT table_name AS table_name, table_collation AS table_collation FROM information_schema.tables
		WHERE table_schema = DATABASE() AND table_collation NOT LIKE 'utf8mb4%'`).Scan(&bad).Error; err != nil {
		t.Fatal(err)
	}
	if len(bad) > 0 {
		t.Errorf("tables not utf8mb4: %+v", bad)
	}
	if log := s.Log.String(); !strings.Contains(log, "ALTER DATABASE") || !strings.Contains(log, "utf8mb4") {
		t.Errorf("no warning naming ALTER DATABASE … utf8mb4 in the log:\n%s", log)
	}
}

// TestRefusesLatin1Tables: tables left latin1 by an earlier version (which created them
// with the database default, then failed at start) make the start fail with a message
// that names the fix, instead of failing later on the first Chinese text; once converted,
// the start goes on.
func TestRefusesLatin1Tables(t *testing.T) {
	dsn := latin1DSN(t)
	db, err := database.Open(database.Config{DSN: dsn}, testenv.Logger(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = database.Close(db) })
	// The ticket tables as a version without explicit table options created them: in
	// the database's default, latin1.
	if err := migrations.UpTo(context.Background(), db, "0002_tickets"); err != nil {
		t.Fatal(err)
	}
	var tables []string
	if err := db.Raw("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY table_name").
		Scan(&tables).Error; err != nil || len(tables) == 0 {
		t.Fatalf("tables %v, %v", tables, err)
	}
	for _, name := range tables {
		if err := db.Exec("ALTER TABLE `" + name + "` CONVERT TO CHARACTER SET latin1 COLLATE latin1_swedish_ci").Error; err != nil {
			t.Fatal(err)
		}
	}

	err = app.Migrate(context.Background(), db, testenv.Logger(t))
	if err == nil {
		t.Fatal("Migrate accepted latin1 tables")
	}
	for _, name := range tables {
		if want := "ALTER TABLE `" + name + "` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"; !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %q", err, want)
		}
	}

	for _, name := range tables {
		if err := db.Exec("ALTER TABLE `" + name + "` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci").Error; err != nil {
			t.Fatal(err)
		}
	}
	if err := app.Migrate(context.Background(), db, testenv.Logger(t)); err != nil {
		t.Errorf("after the fix: %v", err)
	}
}
