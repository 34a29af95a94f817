package knowledgedb

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database/migrations/migrationstest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/knowledge"
)

func TestSeedStoresTheShippedKnowledgeOnce(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		if seeded, err := s.EnsureSeeded(ctx, shipped(t)); err != nil || seeded {
			t.Fatalf("second EnsureSeeded = %v, %v; want false, nil", seeded, err)
		}
		set, v, err := s.Current(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if v != 1 || set.Version != "1" || set.Hash != shipped(t).Hash || len(set.Rules) != len(shipped(t).Rules) {
			t.Fatalf("current = v%d %q hash %s with %d rules; want the shipped set as v1", v, set.Version, set.Hash, len(set.Rules))
		}
		hist, err := s.History(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(hist) != 1 || hist[0].Author != SeedAuthor || hist[0].Status != knowledge.RevisionPublished || hist[0].Rules != len(set.Rules) {
			t.Fatalf("history = %+v", hist)
		}
		info, err := s.DraftInfo(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if info.Changed || info.BaseVersion != 1 || info.Hash != set.Hash {
			t.Fatalf("draft info = %+v", info)
		}
	})
}

func TestConcurrentSeedingStoresOneRevision(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		migrationstest.Migrate(t, db)
		var wg sync.WaitGroup
		seeded := make([]bool, 4)
		for i := range seeded {
			wg.Go(func() {
				ok, err := New(db, Options{}).EnsureSeeded(ctx, shipped(t))
				if err != nil {
					t.Error(err)
				}
				seeded[i] = ok
			})
		}
		wg.Wait()
		hist, err := New(db, Options{}).History(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(slices.DeleteFunc(seeded, func(b bool) bool { return !b })); len(hist) != 1 || n != 1 {
			t.Fatalf("%d revisions, %d seeders reported seeding; want 1 and 1", len(hist), n)
		}
	})
}

func TestPutRuleEditsTheRuleInPlace(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		text := ruleYAML(t, s, "fridge-not-cold", func(y string) string {
			return strings.Replace(y, "title: 冰箱冷藏室不制冷", "title: 冰箱冷藏室不制冷（已核对）", 1)
		})
		r, err := s.PutRule(ctx, "alice", "fridge-not-cold", text)
		if err != nil {
			t.Fatal(err)
		}
		if r.Title != "冰箱冷藏室不制冷（已核对）" || draftRule(t, s, "fridge-not-cold").Title != r.Title {
			t.Fatalf("title = %q", r.Title)
		}
		diffs, err := s.Diff(ctx, 1, DraftVersion)
		if err != nil {
			t.Fatal(err)
		}
		if len(diffs) != 1 || diffs[0].File != "rules/refrigerator.yaml" || diffs[0].Change != knowledge.FileModified {
			t.Fatalf("diff touches %v:\n%s", diffs, diffText(diffs))
		}
		var changed []string
		for _, h := range diffs[0].Hunks {
			for _, l := range h.Lines {
				if l.Op != " " {
					changed = append(changed, l.Op+l.Text)
				}
			}
		}
		want := []string{"-    title: 冰箱冷藏室不制冷", "+    title: 冰箱冷藏室不制冷（已核对）"}
		if !slices.Equal(changed, want) {
			t.Fatalf("changed lines = %q, want %q (the rest of the file, comments included, unchanged)\n%s", changed, want, diffText(diffs))
		}
		info, err := s.DraftInfo(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !info.Changed || info.UpdatedBy != "alice" || info.BaseVersion != 1 {
			t.Fatalf("draft info = %+v", info)
		}
	})
}

func TestPutRuleAddsANewRuleToItsFile(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		for _, tc := range []struct {
			text, id, file string
		}{
			{keyboardRule, "laptop-keyboard-light", "rules/laptop.yaml"},
			{purpleSmokeRule, "safety-purple-smoke", "rules/safety.yaml"},
			{stickerRule, "general-sticker", "rules/general.yaml"},
		} {
			before, err := s.Export(ctx, DraftVersion)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := s.PutRule(ctx, "bob", "", []byte(tc.text)); err != nil {
				t.Fatalf("%s: %v", tc.id, err)
			}
			after, err := s.Export(ctx, DraftVersion)
			if err != nil {
				t.Fatal(err)
			}
			draftRule(t, s, tc.id)
			diffs := knowledge.DiffFiles(before, after)
			if len(diffs) != 1 || diffs[0].File != tc.file {
				t.Fatalf("%s: diff\n%s", tc.id, diffText(diffs))
			}
			if !strings.HasPrefix(string(after[tc.file]), string(before[tc.file])) {
				t.Errorf("%s: the rule was not appended to the end of %s", tc.id, tc.file)
			}
		}
		// The editor's text survives as written, its comment above the rule.
		files, _ := s.Export(ctx, DraftVersion)
		if !strings.Contains(string(files["rules/general.yaml"]), "\n  # A rule for any category.\n  - id: general-sticker\n    title: 机身贴纸脱落\n    triggers:\n      keywords: [贴纸脱落, 贴纸掉了]\n") {
			t.Errorf("general.yaml ends:\n%s", tail(string(files["rules/general.yaml"]), 300))
		}
	})
}

func tail(s string, n int) string { return s[max(0, len(s)-n):] }

func TestPutRuleReportsProblemsAtTheirLine(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		for _, tc := range []struct {
			name        string
			replace     string // rule being edited
			edit        func(string) string
			line        int
			field, code string
		}{
			{"bad priority", "", func(y string) string { return strings.Replace(y, "priority: routine", "priority: soon", 1) },
				11, "unresolved.priority", "bad_enum"},
			{"unknown category", "", func(y string) string { return strings.Replace(y, "[laptop]", "[laptop, toaster]", 1) },
				3, "categories[1]", "unknown_category"},
			{"duplicate id", "", func(y string) string { return strings.Replace(y, "laptop-keyboard-light", "laptop-bsod", 1) },
				1, "id", "duplicate_id"},
			{"unknown field", "", func(y string) string { return strings.Replace(y, "steps:", "stepz:", 1) },
				7, "", "decode"},
			{"syntax", "", func(y string) string { return strings.Replace(y, "  keywords: [", "  keywords: [[", 1) },
				0, "", "syntax"},
			{"too few samples", "", func(y string) string { return strings.Replace(y, "  - 电脑键盘没有背光了\n", "", 1) },
				15, "samples", "few_samples"},
			{"rename onto another rule", "laptop-bsod", func(y string) string { return strings.Replace(y, "laptop-keyboard-light", "laptop-wont-boot", 1) },
				1, "id", "duplicate_id"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				_, err := s.PutRule(ctx, "carol", tc.replace, []byte(tc.edit(keyboardRule)))
				ps := problems(t, err)
				p := ps[0]
				if p.Code != tc.code || p.Field != tc.field || (tc.line > 0 && p.Line != tc.line) || p.File != "" {
					t.Fatalf("problem = %+v (%s), want %s at line %d field %q", p, p.Error(), tc.code, tc.line, tc.field)
				}
			})
		}
		if info, _ := s.DraftInfo(ctx); info.Changed {
			t.Fatal("a refused edit changed the draft")
		}
	})
}

func TestPutRuleRefusesAnUnknownRule(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		if _, err := s.PutRule(ctx, "dan", "no-such-rule", []byte(keyboardRule)); !errors.Is(err, knowledge.ErrNoRule) {
			t.Fatalf("err = %v, want ErrNoRule", err)
		}
		if err := s.DeleteRule(ctx, "dan", "no-such-rule"); !errors.Is(err, knowledge.ErrNoRule) {
			t.Fatalf("err = %v, want ErrNoRule", err)
		}
	})
}

func TestDeleteRuleRemovesItsLines(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		if err := s.DeleteRule(ctx, "erin", "laptop-bsod"); err != nil {
			t.Fatal(err)
		}
		d, err := s.Draft(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if d.Rule("laptop-bsod") != nil || len(d.Rules) != len(shipped(t).Rules)-1 {
			t.Fatalf("draft still has laptop-bsod or lost others (%d rules)", len(d.Rules))
		}
		diffs, _ := s.Diff(ctx, 1, DraftVersion)
		for _, h := range diffs[0].Hunks {
			for _, l := range h.Lines {
				if l.Op == "+" {
					t.Errorf("deleting added a line: %q", l.Text)
				}
			}
		}
		files, _ := s.Export(ctx, DraftVersion)
		if strings.Contains(string(files["rules/laptop.yaml"]), "\n\n\n") {
			t.Errorf("deleting left a double blank line")
		}
	})
}

func TestConcurrentEditsAreAllKept(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		var wg sync.WaitGroup
		for _, text := range []string{keyboardRule, purpleSmokeRule, stickerRule} {
			wg.Go(func() {
				// A second store on the same database: another instance.
				if _, err := New(db, Options{}).PutRule(ctx, "frank", "", []byte(text)); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		for _, id := range []string{"laptop-keyboard-light", "safety-purple-smoke", "general-sticker"} {
			draftRule(t, s, id)
		}
	})
}
