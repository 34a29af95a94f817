package staffdb

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/staff"
)

func TestAuditLog(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		clock := t0
		s := newStore(t, db).WithClock(func() time.Time { return clock })
		record := func(actor, action, target string, detail any) {
			t.Helper()
			if err := s.Record(ctx, actor, action, target, detail); err != nil {
				t.Fatal(err)
			}
			clock = clock.Add(time.Minute)
		}
		record("wang", staff.ActionLogin, "", map[string]string{"ip": "10.0.0.1"})
		record("wang", staff.ActionStatus, "RS20261122-0001", map[string]string{"from": "new", "to": "accepted"})
		record("li", staff.ActionTakeover, "RS20261122-0001", nil)
		record(strings.Repeat("猜", 300), staff.ActionLoginFailed, "", map[string]string{"reason": "bad_credentials"})

		all, total, err := s.Audit(ctx, staff.AuditFilter{}, staff.Page{})
		if err != nil || total != 4 || len(all) != 4 {
			t.Fatalf("Audit = %d of %d, %v", len(all), total, err)
		}
		if all[0].Action != staff.ActionLoginFailed || all[3].Action != staff.ActionLogin {
			t.Errorf("not newest first: %s … %s", all[0].Action, all[3].Action)
		}
		if n := len([]rune(all[0].Actor)); n != 64 {
			t.Errorf("a typed username of 300 characters was stored as %d", n)
		}
		if !all[3].At.Equal(t0.Truncate(time.Microsecond)) {
			t.Errorf("At = %v, want the store's clock %v", all[3].At, t0)
		}
		var detail map[string]string
		if err := json.Unmarshal(all[2].Detail, &detail); err != nil || detail["to"] != "accepted" {
			t.Errorf("detail = %s, %v", all[2].Detail, err)
		}
		if string(all[1].Detail) != "null" {
			t.Errorf("nil detail = %s", all[1].Detail)
		}

		cases := []struct {
			name string
			f    staff.AuditFilter
			want int
		}{
			{"actor", staff.AuditFilter{Actor: "wang"}, 2},
			{"action", staff.AuditFilter{Action: staff.ActionTakeover}, 1},
			{"target", staff.AuditFilter{Target: "RS20261122-0001"}, 2},
			{"since", staff.AuditFilter{Since: t0.Add(time.Minute)}, 3},
			{"until", staff.AuditFilter{Until: t0.Add(time.Minute)}, 1},
			{"window", staff.AuditFilter{Since: t0.Add(time.Minute), Until: t0.Add(3 * time.Minute)}, 2},
			{"nothing", staff.AuditFilter{Actor: "nobody"}, 0},
		}
		for _, tc := range cases {
			got, total, err := s.Audit(ctx, tc.f, staff.Page{})
			if err != nil || total != tc.want || len(got) != tc.want {
				t.Errorf("%s: %d entries of %d, %v; want %d", tc.name, len(got), total, err, tc.want)
			}
		}
		page, total, err := s.Audit(ctx, staff.AuditFilter{}, staff.Page{Offset: 1, Limit: 2})
		if err != nil || total != 4 || len(page) != 2 || page[0].ID != all[1].ID || page[1].ID != all[2].ID {
			t.Errorf("page 2 of 2 = %+v, total %d, %v", page, total, err)
		}
		if err := s.Record(ctx, "x", "y", "", func() {}); err == nil {
			t.Error("an unencodable detail was recorded")
		}
	})
}

func TestNotes(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		for i, text := range []string{"客户下午不在家", "已改约明天上午"} {
			n, err := s.AddNote(ctx, staff.Note{Ticket: "RS20261122-0001", Author: "wang", Text: text, At: t0.Add(time.Duration(i) * time.Minute)})
			if err != nil || n.ID == 0 || n.Text != text {
				t.Fatalf("AddNote = %+v, %v", n, err)
			}
		}
		if _, err := s.AddNote(ctx, staff.Note{Ticket: "RS20261122-0002", Author: "li", Text: "别的工单", At: t0}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddNote(ctx, staff.Note{Ticket: "RS20261122-0001", Author: "li", Text: " ", At: t0}); err == nil {
			t.Fatal("a blank note was stored")
		}
		notes, err := s.Notes(ctx, "RS20261122-0001")
		if err != nil || len(notes) != 2 || notes[0].Text != "客户下午不在家" || notes[1].Author != "wang" ||
			!notes[1].At.Equal(t0.Add(time.Minute).Truncate(time.Microsecond)) {
			t.Fatalf("Notes = %+v, %v", notes, err)
		}
		if notes, err := s.Notes(ctx, "RS20990101-0001"); err != nil || len(notes) != 0 {
			t.Fatalf("notes of an unknown ticket = %+v, %v", notes, err)
		}
	})
}

func TestLastLogins(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		clock := t0
		s := newStore(t, db).WithClock(func() time.Time { return clock })
		for _, e := range []struct{ actor, action string }{
			{"wang", staff.ActionLogin}, {"li", staff.ActionLogin}, {"wang", staff.ActionLogin},
			{"wang", staff.ActionLogout}, {"zhao", staff.ActionLoginFailed},
		} {
			if err := s.Record(ctx, e.actor, e.action, "", nil); err != nil {
				t.Fatal(err)
			}
			clock = clock.Add(time.Minute)
		}
		got, err := s.LastLogins(ctx)
		if err != nil {
			t.Fatal(err)
		}
		want := map[string]time.Time{"wang": t0.Add(2 * time.Minute), "li": t0.Add(time.Minute)}
		if len(got) != len(want) {
			t.Fatalf("LastLogins = %v, want %v", got, want)
		}
		for who, at := range want {
			if !got[who].Equal(at.Truncate(time.Microsecond)) {
				t.Errorf("%s last logged in at %v, want %v", who, got[who], at)
			}
		}
	})
}
