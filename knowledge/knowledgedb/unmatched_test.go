package knowledgedb

import (
	"errors"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database/migrations/migrationstest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/knowledge"
)

func TestUnmatchedStore(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		migrationstest.Migrate(t, db)
		c := &clock{t: time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC)}
		s := New(db, Options{Now: c.now})
		note := func(text, kind string) {
			t.Helper()
			err := s.NoteUnmatched(ctx, knowledge.Unmatched{Text: text, Kind: kind, Category: "aircon", RuleID: "ac-no-cool", Score: 0.3})
			if err != nil {
				t.Fatal(err)
			}
		}
		note("空调嗡嗡响 电话13912345678", knowledge.UnmatchedNoRule)
		note("空调嗡嗡响 电话13987654321", knowledge.UnmatchedNoRule) // the same once redacted
		note("冰箱 结霜", knowledge.UnmatchedCorrected)
		open, err := s.OpenUnmatched(ctx, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(open) != 2 {
			t.Fatalf("open = %+v", open)
		}
		var buzz knowledge.Unmatched
		for _, u := range open {
			if strings.Contains(u.Text, "1398") || strings.Contains(u.Text, "1391") {
				t.Errorf("phone stored: %q", u.Text)
			}
			if strings.HasPrefix(u.Text, "空调") {
				buzz = u
			}
		}
		if buzz.Count != 2 || buzz.Week != "2026-W49" || buzz.RuleID != "ac-no-cool" || buzz.Category != "aircon" {
			t.Errorf("buzz = %+v", buzz)
		}
		weeks, err := s.UnmatchedWeeks(ctx, c.t, 8)
		if err != nil {
			t.Fatal(err)
		}
		if len(weeks) != 8 || weeks[7].Week != "2026-W49" || weeks[7].Unmatched != 2 || weeks[7].Corrected != 1 || weeks[0].Unmatched != 0 {
			t.Errorf("weeks = %+v", weeks)
		}
		if err := s.SetUnmatchedStatus(ctx, buzz.ID, knowledge.UnmatchedAdded, "ac-noise"); err != nil {
			t.Fatal(err)
		}
		labeled, err := s.LabeledUnmatched(ctx, 10)
		if err != nil || len(labeled) != 1 || labeled[0].Label != "ac-noise" {
			t.Fatalf("labeled = %+v, %v", labeled, err)
		}
		if err := s.SetUnmatchedStatus(ctx, 999999, knowledge.UnmatchedDismissed, ""); !errors.Is(err, ErrNoUnmatched) {
			t.Errorf("missing id: %v", err)
		}
		if _, err := s.Unmatched(ctx, 999999); !errors.Is(err, ErrNoUnmatched) {
			t.Errorf("missing id: %v", err)
		}
	})
}

func TestUnmatchedCapPerWeek(t *testing.T) {
	db := testenv.SQLite(t)
	migrationstest.Migrate(t, db)
	s := New(db, Options{Now: func() time.Time { return time.Date(2026, 12, 5, 9, 0, 0, 0, time.UTC) }})
	for i := range knowledge.UnmatchedPerWeek + 5 {
		if err := s.NoteUnmatched(ctx, knowledge.Unmatched{Text: "故障描述" + strings.Repeat("啊", i%7) + string(rune('甲'+i))}); err != nil {
			t.Fatal(err)
		}
	}
	open, err := s.OpenUnmatched(ctx, 10000)
	if err != nil {
		t.Fatal(err)
	}
	if len(open) != knowledge.UnmatchedPerWeek {
		t.Errorf("kept %d, want %d", len(open), knowledge.UnmatchedPerWeek)
	}
}
