package triagedb

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database/migrations/migrationstest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/triage"
)

func TestTranscript(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		tk := create(t, s, ticket("case-1", at(t, "2026-11-22 10:00")))
		other := create(t, s, ticket("case-2", at(t, "2026-11-22 10:00")))
		base := at(t, "2026-11-22 09:50")
		conversation := []triage.TranscriptEntry{
			{At: base, Role: triage.RoleCustomer, Text: "洗衣机不脱水了"},
			{At: base.Add(time.Second), Role: triage.RoleBot, Text: "请问是什么型号？"},
			{At: base.Add(time.Minute), Role: triage.RoleCustomer, Text: "[图片] MEDIA_1", Media: "MEDIA_1"},
			{At: base.Add(time.Minute), Role: triage.RoleCustomer, Text: "[图片] MEDIA_1"}, // typed: no photo
			// Same instant as the next: order is the order of appending, not of time.
			{At: base.Add(2 * time.Minute), Role: triage.RoleBot, Text: "已为您登记工单"},
			{At: base.Add(2 * time.Minute), Role: triage.RoleSystem, Text: "工单已创建"},
		}
		if err := s.AppendTranscript(ctx, tk.Number, conversation...); err != nil {
			t.Fatal(err)
		}
		if err := s.AppendTranscript(ctx, other.Number, triage.TranscriptEntry{At: base, Role: triage.RoleCustomer, Text: "别的工单"}); err != nil {
			t.Fatal(err)
		}
		// Staff write later, with an earlier clock than the last bot line: still appended last.
		later := []triage.TranscriptEntry{
			{At: base.Add(90 * time.Second), Role: triage.RoleStaff, Text: "您好，我是工程师小王"},
		}
		for i := range 30 { // a long batch
			later = append(later, triage.TranscriptEntry{At: base.Add(time.Hour + time.Duration(i)*time.Second), Role: triage.RoleCustomer, Text: fmt.Sprint("消息", i)})
		}
		if err := s.AppendTranscript(ctx, tk.Number, later...); err != nil {
			t.Fatal(err)
		}
		if err := s.AppendTranscript(ctx, tk.Number); err != nil {
			t.Errorf("appending nothing: %v", err)
		}

		got, err := s.Transcript(ctx, tk.Number)
		if err != nil {
			t.Fatal(err)
		}
		want := append(conversation, later...)
		for i := range want {
			want[i].At = want[i].At.UTC()
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Transcript =\n%+v\nwant\n%+v", got, want)
		}
		if got, err := s.Transcript(ctx, other.Number); err != nil || len(got) != 1 {
			t.Errorf("other ticket's transcript: %+v, %v", got, err)
		}
	})
}

func TestTranscriptUnknownTicket(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		err := s.AppendTranscript(ctx, "RS20990101-0001", triage.TranscriptEntry{At: at(t, "2026-11-22 10:00"), Role: triage.RoleBot, Text: "x"})
		if !errors.Is(err, triage.ErrNotFound) {
			t.Errorf("AppendTranscript = %v, want ErrNotFound", err)
		}
		if _, err := s.Transcript(ctx, "RS20990101-0001"); !errors.Is(err, triage.ErrNotFound) {
			t.Errorf("Transcript = %v, want ErrNotFound", err)
		}
		if n := count(t, db, "ticket_transcript"); n != 0 {
			t.Errorf("%d transcript rows stored for no ticket", n)
		}
	})
}

// Migration 0007 adds the media column to a transcript table created before it; lines
// stored before have none.
func TestMigrateTranscriptMedia(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		if err := db.Migrator().DropColumn(&transcriptRow{}, "Media"); err != nil {
			t.Fatal(err)
		}
		tk := create(t, s, ticket("case-old", at(t, "2026-11-22 10:00")))
		id, err := s.cachedTicketID(ctx, tk.Number)
		if err != nil {
			t.Fatal(err)
		}
		if err := db.Exec("INSERT INTO ticket_transcript (ticket_id, at, role, text) VALUES (?, ?, ?, ?)",
			id, at(t, "2026-11-22 10:00").UTC(), "customer", "[图片] MEDIA_OLD").Error; err != nil {
			t.Fatal(err)
		}
		migrationstest.RunStep(t, db, "0007_transcript_media")
		if err := s.AppendTranscript(ctx, tk.Number, triage.TranscriptEntry{At: at(t, "2026-11-22 10:01"), Role: triage.RoleCustomer, Text: "[图片] M2", Media: "M2"}); err != nil {
			t.Fatal(err)
		}
		got, err := s.Transcript(ctx, tk.Number)
		if err != nil || len(got) != 2 || got[0].Media != "" || got[1].Media != "M2" {
			t.Fatalf("transcript after the migration: %+v %v", got, err)
		}
	})
}

// A ticket created inside a caller's transaction that is then rolled back leaves no row id
// behind for AppendTranscript: its number is looked up again and found missing, so no line
// is written against a ticket that does not exist. One created outside a transaction is
// remembered and its transcript written.
func TestTranscriptAfterRolledBackCreate(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s, ctx := newStore(t, db), context.Background()
		var number string
		rollback := errors.New("roll back")
		err := db.Transaction(func(tx *gorm.DB) error {
			tk := create(t, s.WithTx(tx), ticket("case-rb", at(t, "2026-11-22 10:00")))
			number = tk.Number
			return rollback
		})
		if !errors.Is(err, rollback) {
			t.Fatalf("transaction: %v", err)
		}
		line := triage.TranscriptEntry{At: at(t, "2026-11-22 10:01"), Role: triage.RoleCustomer, Text: "还在吗"}
		if err := s.AppendTranscript(ctx, number, line); err == nil {
			t.Errorf("AppendTranscript(%s) after the rollback succeeded; want an error", number)
		}
		kept := create(t, s, ticket("case-kept", at(t, "2026-11-22 10:00")))
		if err := s.AppendTranscript(ctx, kept.Number, line); err != nil {
			t.Fatal(err)
		}
		got, err := s.Transcript(ctx, kept.Number)
		if err != nil || len(got) != 1 || got[0].Text != line.Text {
			t.Errorf("transcript of %s = %v, %v; want the one line", kept.Number, got, err)
		}
	})
}
