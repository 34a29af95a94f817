package canned

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database/migrations/migrationstest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/staff"
)

var t0 = time.Date(2026, 11, 22, 9, 30, 0, 123456789, time.UTC)

func TestStore(t *testing.T) {
	ctx := context.Background()
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		migrationstest.Migrate(t, db)
		s := New(db)
		if list, err := s.List(ctx); err != nil || len(list) != 0 {
			t.Fatalf("a new table holds %+v, %v; want nothing seeded", list, err)
		}
		a, err := s.Create(ctx, Reply{Title: " 预约上门 ", Text: "您好，师傅将在两小时内与您联系。\n", CreatedBy: "admin1", CreatedAt: t0})
		if err != nil {
			t.Fatal(err)
		}
		if a.ID == 0 || a.Title != "预约上门" || a.Text != "您好，师傅将在两小时内与您联系。" || a.UpdatedBy != "admin1" ||
			!a.UpdatedAt.Equal(t0.Truncate(time.Microsecond)) {
			t.Fatalf("Create = %+v", a)
		}
		b, err := s.Create(ctx, Reply{Text: "请稍等，我查一下。", CreatedBy: "admin1", CreatedAt: t0.Add(time.Minute)})
		if err != nil {
			t.Fatal(err)
		}
		var fe *staff.FieldError
		if _, err := s.Create(ctx, Reply{Title: "空", Text: "  ", CreatedBy: "admin1", CreatedAt: t0}); !errors.As(err, &fe) || fe.Field != "text" {
			t.Fatalf("a blank reply was stored: %v", err)
		}

		list, err := s.List(ctx)
		if err != nil || len(list) != 2 || list[0].ID != a.ID || list[1].ID != b.ID {
			t.Fatalf("List = %+v, %v", list, err)
		}

		later := t0.Add(time.Hour)
		u, err := s.Update(ctx, Reply{ID: a.ID, Title: "上门", Text: "师傅今天下午到。", UpdatedBy: "admin2", UpdatedAt: later})
		if err != nil {
			t.Fatal(err)
		}
		if u.Title != "上门" || u.Text != "师傅今天下午到。" || u.CreatedBy != "admin1" || u.UpdatedBy != "admin2" ||
			!u.CreatedAt.Equal(a.CreatedAt) || !u.UpdatedAt.Equal(later.Truncate(time.Microsecond)) {
			t.Fatalf("Update = %+v", u)
		}
		// The same values again: MySQL reports no changed row, which is not "not found".
		if _, err := s.Update(ctx, u); err != nil {
			t.Fatalf("an unchanged update: %v", err)
		}
		if _, err := s.Update(ctx, Reply{ID: a.ID, Title: strings.Repeat("长", MaxTitle+1), Text: "x"}); !errors.As(err, &fe) || fe.Field != "title" {
			t.Fatalf("a long title was stored: %v", err)
		}
		if got, _ := s.Get(ctx, a.ID); got.Title != "上门" {
			t.Fatalf("a rejected update changed the reply: %+v", got)
		}
		if _, err := s.Update(ctx, Reply{ID: 999999, Text: "x"}); !errors.Is(err, ErrNotFound) {
			t.Fatalf("update of an unknown reply: %v", err)
		}

		if err := s.Delete(ctx, a.ID); err != nil {
			t.Fatal(err)
		}
		if err := s.Delete(ctx, a.ID); !errors.Is(err, ErrNotFound) {
			t.Fatalf("deleted twice: %v", err)
		}
		if _, err := s.Get(ctx, a.ID); !errors.Is(err, ErrNotFound) {
			t.Fatalf("Get of a deleted reply: %v", err)
		}
		if list, _ := s.List(ctx); len(list) != 1 || list[0].ID != b.ID {
			t.Fatalf("after delete: %+v", list)
		}
	})
}
