package handlers_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/staff"
)

// The rules a release changes against the previous release's shipped knowledge in the
// upgrade the browser test sets up.
// upAdded, upChanged, upConflict, oldMark and editorMark: api_kb_proposal_test.go.

// retitleRule rewrites a draft rule's title with suffix added.
func retitleRule(t *testing.T, s *apptest.Service, id, suffix string) {
	t.Helper()
	ctx := context.Background()
	text, err := s.KB.RuleText(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, line := range strings.Split(string(text), "\n") {
		if strings.HasPrefix(line, "title: ") {
			line += suffix
		}
		out = append(out, line)
	}
	if _, err := s.KB.PutRule(ctx, "setup", id, []byte(strings.Join(out, "\n"))); err != nil {
		t.Fatal(err)
	}
}

// seedAsPreviousRelease makes the service's database look as a deployment of the previous
// release left it: revisions published from that release's shipped knowledge (this
// release's without upAdded, upChanged and upConflict titled oldMark), then an editor's
// edit of upConflict, and the draft and revisions recording that older shipped knowledge.
func seedAsPreviousRelease(t *testing.T, s *apptest.Service) {
	t.Helper()
	ctx := context.Background()
	if err := s.KB.DeleteRule(ctx, "setup", upAdded); err != nil {
		t.Fatal(err)
	}
	retitleRule(t, s, upChanged, oldMark)
	retitleRule(t, s, upConflict, oldMark)
	files, err := s.KB.Export(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	old, err := knowledge.Parse(files)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.KB.Publish(ctx, "system", "previous release"); err != nil {
		t.Fatal(err)
	}
	retitleRule(t, s, upConflict, editorMark)
	if _, err := s.KB.Publish(ctx, "editor", "our wording"); err != nil {
		t.Fatal(err)
	}
	// Record the previous release's shipped knowledge as what everything started from,
	// as migration 0011 does on a database of the previous release.
	texts := map[string]string{}
	for name, b := range old.Files() {
		texts[name] = string(b)
	}
	enc, err := json.Marshal(texts)
	if err != nil {
		t.Fatal(err)
	}
	db := s.DB.WithContext(ctx)
	for _, q := range []struct {
		sql  string
		args []any
	}{
		{"INSERT INTO kb_shipped (hash, files, created_at, dismissed_by) VALUES (?, ?, CURRENT_TIMESTAMP, '')", []any{old.Hash, string(enc)}},
		{"UPDATE kb_revisions SET shipped_hash = ?", []any{old.Hash}},
		{"UPDATE kb_draft SET shipped_hash = ?", []any{old.Hash}},
	} {
		if err := db.Exec(q.sql, q.args...).Error; err != nil {
			t.Fatal(err)
		}
	}
}

// An editor after an upgrade: the rules page announces the release's changes; the
// proposal page lists them, the conflict side by side; the editor keeps their own wording
// of the conflicting rule, applies the rest to the draft and publishes.
func TestBrowserEditorTakesAReleaseProposal(t *testing.T) {
	chromium := testenv.RequireService(t, "INTAKE_TEST_CHROMIUM")
	s := apptest.Start(t, apptest.Real, apptest.Options{})
	ctx := context.Background()
	seedAsPreviousRelease(t, s)
	before, err := s.KB.CurrentVersion(ctx)
	if err != nil {
		t.Fatal(err)
	}

	addStaff(t, s, "lina", "李娜", staff.RoleEditor, "correct horse 42")
	br := newBrowser(t, ctx, chromium, 1000, func() bool { return true })
	br.diagnose = `location.href + ' ' + ['flash', 'proposal-banner', 'publish-problems'].map(id => (document.getElementById(id) || {}).textContent).join(' | ')`
	do, text, poll, screenshot := br.do, br.text, br.poll, br.screenshot

	do("log in",
		chromedp.Navigate(s.URL()+"/console/"),
		chromedp.WaitVisible(css(`#login`)),
		chromedp.SendKeys(css(`input[name=username]`), "lina"),
		chromedp.SendKeys(css(`input[name=password]`), "correct horse 42"),
		chromedp.Click(css(`#login button[type=submit]`)),
		chromedp.WaitVisible(css(`table.rules`)),
	)
	if banner := text(`#proposal-banner`); !strings.Contains(banner, "新版本带来了 3 条规则更新") || !strings.Contains(banner, "1 条与我们的修改冲突") {
		t.Fatalf("banner reads %q", banner)
	}
	screenshot("proposal-banner")

	do("review", chromedp.Click(css(`#proposal-review`)), chromedp.WaitVisible(css(`#proposal-form`)))
	for _, id := range []string{upAdded, upChanged, upConflict} {
		if got := text(`.proposal-item[data-key="rule:` + id + `"] h3`); !strings.Contains(got, id) {
			t.Errorf("proposal item %s reads %q", id, got)
		}
	}
	if n := text(`#proposal`); strings.Count(n, "冲突") < 1 {
		t.Errorf("no conflict shown: %q", n)
	}
	ours, release := text(`.proposal-item.conflict .proposal-ours`), text(`.proposal-item.conflict .proposal-release`)
	if !strings.Contains(ours, editorMark) || strings.Contains(release, editorMark) || strings.Contains(release, oldMark) {
		t.Fatalf("conflict sides: ours %q, release %q", ours, release)
	}
	screenshot("proposal-page")

	// Applying without deciding the conflict is not possible; keep ours, then apply.
	do("apply undecided", chromedp.Click(css(`#proposal-apply`)))
	poll("choice asked", `document.getElementById('flash').textContent.includes('冲突')`)
	do("keep ours and apply",
		chromedp.Click(css(`.proposal-item.conflict input[value=ours]`)),
		chromedp.Click(css(`#proposal-apply`)),
	)
	poll("applied", `document.getElementById('flash').textContent.includes('已采用到草稿')`)
	do("back to the rules", chromedp.Sleep(time.Second), chromedp.WaitVisible(css(`#draft-status`)))
	poll("no banner", `location.pathname === '/console/rules' && !document.getElementById('proposal-banner')`)
	if v, _ := s.KB.CurrentVersion(ctx); v != before {
		t.Fatalf("applying published version %d (was %d)", v, before)
	}
	if status := text(`#draft-status`); !strings.Contains(status, "草稿") {
		t.Errorf("draft status reads %q", status)
	}

	do("publish",
		chromedp.SendKeys(css(`#publish input[name=message]`), "采用新版本的知识"),
		chromedp.Click(css(`#publish button[type=submit]`)),
	)
	poll("published", `document.getElementById('flash').textContent.includes('已发布')`)
	cur, v, err := s.KB.Current(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v != before+1 || cur.Rule(upAdded) == nil || strings.HasSuffix(cur.Rule(upChanged).Title, oldMark) ||
		!strings.HasSuffix(cur.Rule(upConflict).Title, editorMark) {
		t.Fatalf("published v%d: %s %v, %s %q, %s %q", v, upAdded, cur.Rule(upAdded) != nil,
			upChanged, cur.Rule(upChanged).Title, upConflict, cur.Rule(upConflict).Title)
	}
}
