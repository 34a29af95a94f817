package staffdb

import (
	"errors"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/staff"
)

func TestSessions(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		wang := addUser(t, s, "wang", staff.RoleAgent)
		li := addUser(t, s, "li", staff.RoleEditor)
		tok, sess := addSession(t, s, wang, staff.KindSession, time.Hour)

		got, u, err := s.Session(ctx, staff.HashToken(tok), t0.Add(59*time.Minute))
		if err != nil || got.ID != sess.ID || u.ID != wang.ID || got.Kind != staff.KindSession ||
			!got.LastSeenAt.Equal(got.CreatedAt) || !got.ExpiresAt.Equal(t0.Add(time.Hour).Truncate(time.Microsecond)) {
			t.Fatalf("Session = %+v, %+v, %v", got, u, err)
		}
		for name, at := range map[string]time.Time{"at expiry": t0.Add(time.Hour), "after": t0.Add(2 * time.Hour)} {
			if _, _, err := s.Session(ctx, staff.HashToken(tok), at); !errors.Is(err, staff.ErrSessionNotFound) {
				t.Errorf("%s: %v", name, err)
			}
		}
		if _, _, err := s.Session(ctx, staff.HashToken("unknown"), t0); !errors.Is(err, staff.ErrSessionNotFound) {
			t.Errorf("unknown token: %v", err)
		}
		if _, _, err := s.Session(ctx, tok, t0); !errors.Is(err, staff.ErrSessionNotFound) {
			t.Error("the raw token was accepted in place of its hash")
		}

		if err := s.TouchSession(ctx, sess.ID, t0.Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		if got, _, _ := s.Session(ctx, staff.HashToken(tok), t0); !got.LastSeenAt.Equal(t0.Add(time.Minute).Truncate(time.Microsecond)) {
			t.Errorf("LastSeenAt = %v", got.LastSeenAt)
		}

		_, api1 := addSession(t, s, wang, staff.KindAPI, 24*time.Hour)
		_, api2 := addSession(t, s, wang, staff.KindAPI, 48*time.Hour)
		addSession(t, s, wang, staff.KindAPI, -time.Hour) // expired
		addSession(t, s, li, staff.KindAPI, time.Hour)
		list, err := s.Sessions(ctx, wang.ID, staff.KindAPI, t0)
		if err != nil || len(list) != 2 || list[0].ID != api2.ID || list[1].ID != api1.ID {
			t.Fatalf("Sessions = %+v, %v", list, err)
		}

		if ok, err := s.DeleteSession(ctx, li.ID, api1.ID); ok || err != nil {
			t.Fatalf("deleted another user's token: %v %v", ok, err)
		}
		if ok, err := s.DeleteSession(ctx, wang.ID, api1.ID); !ok || err != nil {
			t.Fatalf("DeleteSession = %v, %v", ok, err)
		}
		if ok, _ := s.DeleteSession(ctx, wang.ID, api1.ID); ok {
			t.Fatal("deleted twice")
		}

		if err := s.DeleteExpiredSessions(ctx, t0.Add(30*time.Hour)); err != nil {
			t.Fatal(err)
		}
		var left int64
		db.Model(&sessionRow{}).Count(&left)
		if left != 1 { // api2 (48 h)
			t.Fatalf("%d sessions left after deleting the expired ones, want 1", left)
		}
	})
}

func TestSessionTokenIsUnique(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		wang := addUser(t, s, "wang", staff.RoleAgent)
		_, sess := addSession(t, s, wang, staff.KindSession, time.Hour)
		sess.ID = 0
		if _, err := s.CreateSession(ctx, sess); err == nil {
			t.Fatal("two sessions share a token hash")
		}
		if _, err := s.CreateSession(ctx, staff.Session{UserID: wang.ID, TokenHash: "short"}); err == nil {
			t.Fatal("a session without a proper hash was stored")
		}
	})
}
