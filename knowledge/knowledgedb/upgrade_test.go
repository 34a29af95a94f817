package knowledgedb

import (
	"errors"
	"strings"
	"testing"
	"time"

	"gorm.io/gorm"

	"github.com/wxintake/intake/internal/database/migrations"
	"github.com/wxintake/intake/internal/database/migrations/migrationstest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/knowledge"
)

// The previous release's rows: kb_revisions and kb_draft before migration 0011.
type legacyRevisionRow struct {
	ID        uint64    `gorm:"primaryKey;autoIncrement"`
	CreatedAt time.Time `gorm:"precision:6;not null;autoCreateTime:false"`
	Author    string    `gorm:"size:64;not null"`
	Message   string    `gorm:"size:500;not null"`
	Files     string    `gorm:"type:longtext;not null"`
	Hash      string    `gorm:"size:64;not null"`
	Status    string    `gorm:"size:16;not null;index:idx_kb_revisions_status"`
	Source    uint64    `gorm:"not null"`
	Rules     int       `gorm:"not null"`
}

func (legacyRevisionRow) TableName() string { return "kb_revisions" }

type legacyDraftRow struct {
	ID          uint8     `gorm:"primaryKey;autoIncrement:false"`
	BaseVersion uint64    `gorm:"not null"`
	Files       string    `gorm:"type:longtext;not null"`
	Hash        string    `gorm:"size:64;not null"`
	UpdatedAt   time.Time `gorm:"precision:6;not null;autoUpdateTime:false"`
	UpdatedBy   string    `gorm:"size:64;not null"`
}

func (legacyDraftRow) TableName() string { return "kb_draft" }

// The rules the release changes against the previous release's shipped knowledge.
const (
	upAdded    = "fridge-not-cold"             // new in the release
	upChanged  = "fridge-freezer-not-freezing" // changed by the release, untouched by editors
	upConflict = "fridge-overcooling"          // changed by the release and by an editor
	upRemoved  = "general-sticker"             // shipped before, removed by the release
	upFAQ      = "faq-ac-outdoor-drip"         // an FAQ entry the release retitles
	upCategory = "air_conditioner"             // a category the release renames
	editorMark = "（门店版）"
)

// retitle returns files with the rule's title given suffix, written as text.
func retitle(tb testing.TB, files map[string][]byte, id, suffix string) map[string][]byte {
	tb.Helper()
	_, l, i, err := findRule(files, id)
	if err != nil {
		tb.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(ruleText(l, l.items[i])), "\n") {
		if strings.HasPrefix(line, "title: ") {
			line += suffix
		}
		out = append(out, line)
	}
	text := []byte(strings.Join(out, "\n"))
	r, err := knowledge.ParseRule(text)
	if err != nil {
		tb.Fatal(err)
	}
	files, err = putRule(files, id, r, text)
	if err != nil {
		tb.Fatal(err)
	}
	return files
}

// seedPreviousRelease fills db as the previous release left it: its shipped knowledge
// (the release's without upAdded, with upChanged and upConflict titled differently and
// with upRemoved) as revision 1, and revision 2 published by an editor who retitled
// upConflict. It returns the previous shipped files.
func seedPreviousRelease(tb testing.TB, db *gorm.DB, release *knowledge.Set) map[string][]byte {
	tb.Helper()
	old, err := deleteRule(release.Files(), upAdded)
	if err != nil {
		tb.Fatal(err)
	}
	old = retitle(tb, old, upChanged, "（旧）")
	old = retitle(tb, old, upConflict, "（旧）")
	r, err := knowledge.ParseRule([]byte(stickerRule))
	if err != nil {
		tb.Fatal(err)
	}
	if old, err = putRule(old, "", r, []byte(stickerRule)); err != nil {
		tb.Fatal(err)
	}
	old["faq.yaml"] = []byte(strings.Replace(string(old["faq.yaml"]), "    title: 空调外机滴水是否正常\n", "    title: 空调外机滴水（旧）\n", 1))
	old["categories.yaml"] = []byte(strings.Replace(string(old["categories.yaml"]), "    name: 空调\n", "    name: 空调机\n", 1))
	edited := retitle(tb, old, upConflict, editorMark)

	if err := migrations.UpTo(ctx, db, "0010_ticket_complaint"); err != nil { // the previous release's tables
		tb.Fatal(err)
	}
	t0 := time.Date(2026, 1, 5, 9, 0, 0, 0, time.UTC)
	for i, files := range []map[string][]byte{old, edited} {
		set, err := knowledge.Parse(files)
		if err != nil {
			tb.Fatal(err)
		}
		enc, err := encodeFiles(files)
		if err != nil {
			tb.Fatal(err)
		}
		status, author := "superseded", "system"
		if i == 1 {
			status, author = "published", "editor"
		}
		err = db.Create(&legacyRevisionRow{CreatedAt: t0.Add(time.Duration(i) * time.Hour), Author: author, Message: "v",
			Files: enc, Hash: set.Hash, Status: status, Rules: len(set.Rules)}).Error
		if err == nil && i == 1 {
			err = db.Create(&legacyDraftRow{ID: draftID, BaseVersion: 2, Files: enc, Hash: set.Hash, UpdatedAt: t0, UpdatedBy: author}).Error
		}
		if err != nil {
			tb.Fatal(err)
		}
	}
	return old
}

func TestUpgradeOffersTheReleaseAsAProposal(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		release := shipped(t)
		seedPreviousRelease(t, db, release)

		// The new release starts: migrates, and finds revisions already stored.
		migrationstest.Migrate(t, db)
		s := New(db, Options{Now: (&clock{t: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}).now})
		if seeded, err := s.EnsureSeeded(ctx, release); err != nil || seeded {
			t.Fatalf("EnsureSeeded = %v, %v; want false, nil", seeded, err)
		}
		if v, _ := s.CurrentVersion(ctx); v != 2 {
			t.Fatalf("current version = %d, want the editors' 2", v)
		}

		p, err := s.Proposal(ctx)
		if err != nil {
			t.Fatal(err)
		}
		got := map[string]knowledge.ProposalItem{}
		for _, it := range p.Items {
			got[it.Key()] = it
		}
		want := map[string]struct {
			change   knowledge.ItemChange
			conflict bool
		}{
			"rule:" + upAdded:        {knowledge.ItemAdded, false},
			"rule:" + upChanged:      {knowledge.ItemChanged, false},
			"rule:" + upConflict:     {knowledge.ItemChanged, true},
			"rule:" + upRemoved:      {knowledge.ItemRemoved, false},
			"faq:" + upFAQ:           {knowledge.ItemChanged, false},
			"category:" + upCategory: {knowledge.ItemChanged, false},
		}
		if len(got) != len(want) || !p.Pending() || p.ReleaseHash != release.Hash {
			t.Fatalf("proposal = %d items %v (pending %v); want exactly %v", len(got), keys(got), p.Pending(), want)
		}
		for k, w := range want {
			if it := got[k]; it.Change != w.change || it.Conflict != w.conflict {
				t.Errorf("%s = %s conflict %v; want %s conflict %v", k, it.Change, it.Conflict, w.change, w.conflict)
			}
		}
		c := got["rule:"+upConflict]
		if !strings.Contains(c.Ours, editorMark) || strings.Contains(c.Release, editorMark) || !strings.Contains(c.Base, "（旧）") || len(c.OursDiff) == 0 {
			t.Errorf("conflict sides:\nbase %s\nrelease %s\nours %s", c.Base, c.Release, c.Ours)
		}

		if _, err := s.ApplyProposal(ctx, "editor", nil); !errors.Is(err, knowledge.ErrChoiceNeeded) {
			t.Fatalf("apply without a choice: err = %v, want ErrChoiceNeeded", err)
		}
		if _, err := s.ApplyProposal(ctx, "editor", map[string]knowledge.Choice{"rule:" + upConflict: knowledge.ChoiceOurs}); err != nil {
			t.Fatal(err)
		}
		// Applied to the draft only: nothing is served until an editor publishes.
		if v, _ := s.CurrentVersion(ctx); v != 2 {
			t.Fatalf("current version after apply = %d, want 2", v)
		}
		if p, err := s.Proposal(ctx); err != nil || p.Pending() {
			t.Fatalf("proposal after apply = %+v, %v; want none pending", p.Items, err)
		}
		d, err := s.Draft(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if d.Rule(upAdded) == nil || d.Rule(upRemoved) != nil {
			t.Errorf("draft: %s present %v, %s present %v", upAdded, d.Rule(upAdded) != nil, upRemoved, d.Rule(upRemoved) != nil)
		}
		if r := d.Rule(upChanged); r == nil || r.Title != release.Rule(upChanged).Title {
			t.Errorf("draft %s = %+v, want the release's title %q", upChanged, r, release.Rule(upChanged).Title)
		}
		if r := d.Rule(upConflict); r == nil || !strings.HasSuffix(r.Title, editorMark) {
			t.Errorf("draft %s lost the editor's edit: %+v", upConflict, r)
		}
		if f := d.FAQEntry(upFAQ); f == nil || f.Title != release.FAQEntry(upFAQ).Title {
			t.Errorf("draft FAQ %s = %+v, want the release's title", upFAQ, f)
		}
		if c := d.Category(upCategory); c == nil || c.Name != "空调" {
			t.Errorf("draft category %s = %+v, want the release's name", upCategory, c)
		}

		rev, err := s.Publish(ctx, "editor", "take the release")
		if err != nil {
			t.Fatal(err)
		}
		if rev.Version != 3 || rev.ShippedHash != release.Hash {
			t.Fatalf("published %+v; want version 3 from the release's knowledge", rev)
		}
		cur, _, err := s.Current(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if r := cur.Rule(upConflict); r == nil || !strings.HasSuffix(r.Title, editorMark) {
			t.Errorf("published %s lost the editor's edit: %+v", upConflict, r)
		}
	})
}

func TestUpgradeTakingTheReleaseAndDismissing(t *testing.T) {
	testenv.EachDB(t, func(t *testing.T, db *gorm.DB) {
		release := shipped(t)
		seedPreviousRelease(t, db, release)
		migrationstest.Migrate(t, db)
		s := New(db, Options{})
		if _, err := s.EnsureSeeded(ctx, release); err != nil {
			t.Fatal(err)
		}
		// An unpublished draft edit to a rule the release changes becomes a conflict.
		if _, err := s.PutRule(ctx, "editor", upChanged, ruleYAML(t, s, upChanged, func(s string) string {
			return strings.Replace(s, "（旧）", "（草稿）", 1)
		})); err != nil {
			t.Fatal(err)
		}
		p, err := s.Proposal(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, conflicts := p.Counts(); conflicts != 2 || !p.DraftChanged {
			t.Fatalf("proposal = %+v; want 2 conflicts on a changed draft", p)
		}
		if _, err := s.DismissProposal(ctx, "editor"); err != nil {
			t.Fatal(err)
		}
		if p, err := New(db, Options{}).Proposal(ctx); !errors.Is(err, ErrNoShipped) {
			t.Fatalf("a store not given the shipped knowledge: %+v, %v", p, err)
		}
		s2 := New(db, Options{})
		if _, err := s2.EnsureSeeded(ctx, release); err != nil {
			t.Fatal(err)
		}
		if p, err := s2.Proposal(ctx); err != nil || p.Pending() || !p.Dismissed {
			t.Fatalf("after dismissing, on restart: pending %v dismissed %v, %v", p.Pending(), p.Dismissed, err)
		}
		// Still available to apply on purpose: take the release everywhere.
		choices := map[string]knowledge.Choice{"rule:" + upChanged: knowledge.ChoiceRelease, "rule:" + upConflict: knowledge.ChoiceRelease}
		if _, err := s2.ApplyProposal(ctx, "editor", choices); err != nil {
			t.Fatal(err)
		}
		d, err := s2.Draft(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range []string{upChanged, upConflict} {
			if r := d.Rule(id); r == nil || r.Title != release.Rule(id).Title {
				t.Errorf("draft %s = %+v, want the release's", id, r)
			}
		}
	})
}

func keys(m map[string]knowledge.ProposalItem) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
