package knowledgedb

import (
	"errors"
	"maps"
	"strings"
	"testing"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/knowledge"
)

func TestPublishRefusesASampleThatDoesNotRankFirst(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		// Valid on its own, but two of its samples describe fridge-not-cold better.
		weak := strings.NewReplacer(
			"laptop-keyboard-light", "fridge-odd", "[laptop]", "[refrigerator]",
			"键盘背光不亮, 键盘灯不亮", "冰箱有点怪", "键盘没有背光", "冰箱怪怪的",
			"笔记本键盘背光不亮了", "冰箱不制冷了", "键盘灯不亮怎么办", "冰箱冷藏室不冷",
			"电脑键盘没有背光了", "冰箱有点怪",
		).Replace(keyboardRule)
		if _, err := s.PutRule(ctx, "gina", "", []byte(weak)); err != nil {
			t.Fatal(err)
		}
		_, err := s.Publish(ctx, "gina", "add fridge-odd")
		var ste *knowledge.SelfTestError
		if !errors.As(err, &ste) {
			t.Fatalf("err = %v, want a *knowledge.SelfTestError", err)
		}
		for _, f := range ste.Report.Failures {
			if f.RuleID != "fridge-odd" || len(f.Got) == 0 || f.Got[0].RuleID != "fridge-not-cold" {
				t.Errorf("failure %+v", f)
			}
		}
		if len(ste.Report.Failures) == 0 {
			t.Fatal("no failures listed")
		}
		if v, _ := s.CurrentVersion(ctx); v != 1 {
			t.Fatalf("current version = %d after a refused publish", v)
		}
	})
}

func TestPublishRefusesAnInvalidDraft(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		// Edits and imports refuse invalid rules, so only a draft written behind the
		// store's back (an old schema, a hand-edited row) can be invalid.
		files, _ := s.Export(ctx, DraftVersion)
		files["rules/laptop.yaml"] = []byte(strings.Replace(string(files["rules/laptop.yaml"]), "priority: urgent", "priority: asap", 1))
		set, err := knowledge.Parse(files)
		if err != nil {
			t.Fatal(err)
		}
		enc, _ := encodeFiles(files)
		if err := db.Model(&draftRow{}).Where("id = ?", draftID).Updates(map[string]any{"files": enc, "hash": set.Hash}).Error; err != nil {
			t.Fatal(err)
		}
		_, err = s.Publish(ctx, "hal", "broken")
		ps := problems(t, err)
		if ps[0].File != "rules/laptop.yaml" || ps[0].Field != "rules[0].unresolved.priority" || ps[0].Line == 0 {
			t.Fatalf("problem = %s", ps[0].Error())
		}
		if v, _ := s.CurrentVersion(ctx); v != 1 {
			t.Fatalf("current version = %d after a refused publish", v)
		}
	})
}

func TestPublishMakesTheDraftCurrent(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		if _, err := s.Publish(ctx, "ivy", "nothing"); !errors.Is(err, knowledge.ErrUnchanged) {
			t.Fatalf("publishing the unchanged draft: err = %v, want ErrUnchanged", err)
		}
		if _, err := s.PutRule(ctx, "ivy", "", []byte(keyboardRule)); err != nil {
			t.Fatal(err)
		}
		rev, err := s.Publish(ctx, "jack", "键盘背光")
		if err != nil {
			t.Fatal(err)
		}
		if rev.Version != 2 || rev.Author != "jack" || rev.Message != "键盘背光" || rev.Status != knowledge.RevisionPublished ||
			rev.Rules != len(shipped(t).Rules)+1 || rev.CreatedAt.IsZero() {
			t.Fatalf("revision = %+v", rev)
		}
		set, v, err := s.Current(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if v != 2 || set.Rule("laptop-keyboard-light") == nil || set.Version != "2" {
			t.Fatalf("current v%d lacks the published rule", v)
		}
		hist, _ := s.History(ctx)
		if len(hist) != 2 || hist[0].Version != 2 || hist[0].Status != knowledge.RevisionPublished || hist[1].Status != knowledge.RevisionSuperseded {
			t.Fatalf("history = %+v", hist)
		}
		info, _ := s.DraftInfo(ctx)
		if info.Changed || info.BaseVersion != 2 {
			t.Fatalf("draft after publish = %+v", info)
		}
		if _, err := s.Publish(ctx, "jack", "again"); !errors.Is(err, knowledge.ErrUnchanged) {
			t.Fatalf("publishing twice: err = %v, want ErrUnchanged", err)
		}
		// A message too long for its column is cut, not refused.
		if _, err := s.PutRule(ctx, "ivy", "", []byte(stickerRule)); err != nil {
			t.Fatal(err)
		}
		rev, err = s.Publish(ctx, strings.Repeat("名", 100), strings.Repeat("长", 600))
		if err != nil {
			t.Fatal(err)
		}
		if rev, _ := s.Revision(ctx, rev.Version); len([]rune(rev.Message)) != maxMessage || len([]rune(rev.Author)) != maxAuthor {
			t.Fatalf("stored message of %d and author of %d characters", len([]rune(rev.Message)), len([]rune(rev.Author)))
		}
	})
}

func TestRollbackPublishesACopyOfAnOldRevision(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		if _, err := s.PutRule(ctx, "kim", "", []byte(keyboardRule)); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Publish(ctx, "kim", "v2"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.PutRule(ctx, "kim", "", []byte(stickerRule)); err != nil { // unpublished
			t.Fatal(err)
		}
		rev, err := s.Rollback(ctx, "lee", 1, "")
		if err != nil {
			t.Fatal(err)
		}
		if rev.Version != 3 || rev.Source != 1 || rev.Hash != shipped(t).Hash || rev.Message != "回滚到第 1 版" || rev.Author != "lee" {
			t.Fatalf("rollback revision = %+v", rev)
		}
		set, v, _ := s.Current(ctx)
		if v != 3 || set.Rule("laptop-keyboard-light") != nil {
			t.Fatalf("current v%d still has the rolled-back rule", v)
		}
		d, _ := s.Draft(ctx)
		if info, _ := s.DraftInfo(ctx); info.Changed || d.Rule("general-sticker") != nil {
			t.Fatalf("draft not reset by the rollback: %+v", info)
		}
		if _, err := s.Rollback(ctx, "lee", 3, ""); !errors.Is(err, knowledge.ErrUnchanged) {
			t.Fatalf("rollback to the current revision: err = %v, want ErrUnchanged", err)
		}
		if _, err := s.Rollback(ctx, "lee", 99, ""); !errors.Is(err, knowledge.ErrNoRevision) {
			t.Fatalf("rollback to a missing revision: err = %v, want ErrNoRevision", err)
		}
		if _, err := s.Rollback(ctx, "lee", 2, "键盘规则恢复"); err != nil {
			t.Fatal(err)
		}
		if set, v, _ := s.Current(ctx); v != 4 || set.Rule("laptop-keyboard-light") == nil {
			t.Fatalf("rolling forward to v2: current v%d", v)
		}
	})
}

func TestDiffBetweenRevisions(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		if _, err := s.PutRule(ctx, "max", "", []byte(keyboardRule)); err != nil {
			t.Fatal(err)
		}
		if err := s.DeleteRule(ctx, "max", "general-remote"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Publish(ctx, "max", "v2"); err != nil {
			t.Fatal(err)
		}
		forward, err := s.Diff(ctx, 1, 2)
		if err != nil {
			t.Fatal(err)
		}
		text := diffText(forward)
		for _, want := range []string{"--- a/rules/general.yaml", "-  - id: general-remote", "+++ b/rules/laptop.yaml", "+  - id: laptop-keyboard-light"} {
			if !strings.Contains(text, want) {
				t.Errorf("diff lacks %q:\n%s", want, text)
			}
		}
		if len(forward) != 2 {
			t.Errorf("diff touches %d files, want 2", len(forward))
		}
		back, _ := s.Diff(ctx, 2, 1)
		if !strings.Contains(diffText(back), "-  - id: laptop-keyboard-light") {
			t.Errorf("reverse diff:\n%s", diffText(back))
		}
		if same, _ := s.Diff(ctx, 2, DraftVersion); len(same) != 0 {
			t.Errorf("draft differs from what was just published:\n%s", diffText(same))
		}
		if _, err := s.Diff(ctx, 1, 7); !errors.Is(err, knowledge.ErrNoRevision) {
			t.Errorf("diff with a missing version: err = %v", err)
		}
	})
}

func TestImportExportRoundTrip(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		files, err := s.Export(ctx, 1)
		if err != nil {
			t.Fatal(err)
		}
		if !maps.EqualFunc(files, shipped(t).Files(), func(a, b []byte) bool { return string(a) == string(b) }) {
			t.Fatal("revision 1 does not export the shipped files")
		}
		edited := maps.Clone(files)
		edited["rules/laptop.yaml"] = append(edited["rules/laptop.yaml"], []byte("\n"+indent(keyboardRule))...)
		if err := s.Import(ctx, "nia", edited); err != nil {
			t.Fatal(err)
		}
		got, _ := s.Export(ctx, DraftVersion)
		if !maps.EqualFunc(got, edited, func(a, b []byte) bool { return string(a) == string(b) }) {
			t.Fatal("the draft does not export the imported files")
		}
		rev, err := s.Publish(ctx, "nia", "imported")
		if err != nil {
			t.Fatal(err)
		}
		again, _ := s.Export(ctx, rev.Version)
		if set, _ := knowledge.Parse(again); set.Hash != rev.Hash {
			t.Fatal("the published revision does not export what was imported")
		}
	})
}

func TestImportRefusesInvalidFiles(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		s := newStore(t, db)
		files, _ := s.Export(ctx, 1)
		bad := maps.Clone(files)
		bad["rules/tv.yaml"] = []byte("rules:\n  - id: tv-x\n    title: 电视\n    categories: [tv]\n")
		ps := problems(t, s.Import(ctx, "oz", bad))
		found := false
		for _, p := range ps {
			if p.File == "rules/tv.yaml" && p.Line == 4 && p.Field == "rules[0].categories[0]" && p.Code == "unknown_category" {
				found = true
			}
		}
		if !found {
			t.Errorf("no unknown_category problem at rules/tv.yaml:4 among %v", ps)
		}
		for _, name := range []string{"../escape.yaml", "/abs.yaml", "rules/notes.txt"} {
			bad := maps.Clone(files)
			bad[name] = []byte("rules: []\n")
			if err := s.Import(ctx, "oz", bad); !errors.Is(err, knowledge.ErrBadImport) {
				t.Errorf("import of %s: err = %v, want ErrBadImport", name, err)
			}
		}
		if err := s.Import(ctx, "oz", nil); !errors.Is(err, knowledge.ErrBadImport) {
			t.Errorf("empty import: err = %v, want ErrBadImport", err)
		}
		if info, _ := s.DraftInfo(ctx); info.Changed {
			t.Fatal("a refused import changed the draft")
		}
	})
}

// indent makes a rule mapping a list item of a rules file.
func indent(rule string) string {
	lines := strings.Split(strings.TrimRight(rule, "\n"), "\n")
	for i, l := range lines {
		if i == 0 {
			lines[i] = "  - " + l
		} else {
			lines[i] = "    " + l
		}
	}
	return strings.Join(lines, "\n") + "\n"
}
