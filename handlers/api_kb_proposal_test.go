package handlers_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/staff"
)

// The rules the release changes against the previous release's shipped knowledge.
const (
	upAdded    = "fridge-not-cold"             // new in the release
	upChanged  = "fridge-freezer-not-freezing" // changed by the release only
	upConflict = "fridge-overcooling"          // changed by the release and an editor
	oldMark    = "（旧）"
	editorMark = "（门店版）"
)

// retitle rewrites a draft rule's title with suffix added.
func retitle(t *testing.T, s *apptest.Service, id, suffix string) {
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

// becomePreviousRelease turns s's database into one the previous release left: revision 1
// is that release's shipped knowledge (this release's without upAdded, with upChanged and
// upConflict titled oldMark), revision 2 an editor's retitling of upConflict, and the
// schema is as before migration 0011.
func becomePreviousRelease(t *testing.T, s *apptest.Service) {
	t.Helper()
	ctx := context.Background()
	if err := s.KB.DeleteRule(ctx, "setup", upAdded); err != nil {
		t.Fatal(err)
	}
	retitle(t, s, upChanged, oldMark)
	retitle(t, s, upConflict, oldMark)
	files, err := s.KB.Export(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	old, err := knowledge.Parse(files)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for name, b := range files {
		texts[name] = string(b)
	}
	enc, err := json.Marshal(texts)
	if err != nil {
		t.Fatal(err)
	}
	db := s.DB.WithContext(ctx)
	exec := func(sql string, args ...any) {
		t.Helper()
		if err := db.Exec(sql, args...).Error; err != nil {
			t.Fatalf("%s: %v", sql, err)
		}
	}
	exec("UPDATE kb_revisions SET files = ?, hash = ?, rules = ? WHERE id = 1", string(enc), old.Hash, len(old.Rules))
	retitle(t, s, upConflict, editorMark)
	if _, err := s.KB.Publish(ctx, "editor", "our wording"); err != nil {
		t.Fatal(err)
	}
	exec("DROP TABLE kb_shipped")
	exec("ALTER TABLE kb_revisions DROP COLUMN shipped_hash")
	exec("ALTER TABLE kb_draft DROP COLUMN shipped_hash")
	exec("DELETE FROM schema_migrations WHERE id = ?", "0011_knowledge_shipped")
}

// The upgrade: a database seeded by the previous release, started by this one. The
// editors' revision is still served; the release's changes wait as a proposal, exactly
// them, the conflict with both sides; applying keeps the editor's edit as chosen and
// publishes nothing; the editor then publishes.
func TestKBUpgradeFromThePreviousRelease(t *testing.T) {
	for _, backend := range []apptest.Backend{apptest.Real, apptest.Embedded} {
		t.Run(string(backend), func(t *testing.T) { upgradeFromThePreviousRelease(t, backend) })
	}
}

func upgradeFromThePreviousRelease(t *testing.T, backend apptest.Backend) {
	prev := apptest.Start(t, backend, apptest.Options{})
	becomePreviousRelease(t, prev)
	s := apptest.Start(t, backend, apptest.Options{Share: prev})
	ctx := context.Background()
	if v, err := s.KB.CurrentVersion(ctx); err != nil || v != 2 {
		t.Fatalf("after the upgrade the current version is %d, %v; want the editors' 2", v, err)
	}
	editor := kbUser(t, s, "editor1", staff.RoleEditor)
	agent := kbUser(t, s, "agent1", staff.RoleAgent)
	kbCall(t, s.URL(), agent, "GET", "/api/v1/kb/proposal", "").want(t, http.StatusForbidden)

	var got struct {
		Proposal  knowledge.Proposal `json:"proposal"`
		Pending   bool               `json:"pending"`
		Conflicts int                `json:"conflicts"`
	}
	kbCall(t, s.URL(), editor, "GET", "/api/v1/kb/proposal", "").want(t, http.StatusOK).into(t, &got)
	keys := map[string]knowledge.ProposalItem{}
	for _, it := range got.Proposal.Items {
		keys[it.Key()] = it
	}
	if !got.Pending || len(keys) != 3 || got.Conflicts != 1 || keys["rule:"+upAdded].Change != knowledge.ItemAdded ||
		keys["rule:"+upChanged].Conflict || !keys["rule:"+upConflict].Conflict {
		t.Fatalf("proposal = %+v", got)
	}
	c := keys["rule:"+upConflict]
	if !strings.Contains(c.Ours, editorMark) || strings.Contains(c.Release, oldMark) || strings.Contains(c.Release, editorMark) {
		t.Fatalf("conflict sides: ours %q release %q", c.Ours, c.Release)
	}

	kbCall(t, s.URL(), editor, "POST", "/api/v1/kb/proposal/apply", `{"choices":{}}`).want(t, http.StatusUnprocessableEntity)
	kbCall(t, s.URL(), editor, "POST", "/api/v1/kb/proposal/apply", `{"choices":{"rule:`+upConflict+`":"ours"}}`).want(t, http.StatusOK)
	if v, _ := s.KB.CurrentVersion(ctx); v != 2 {
		t.Fatalf("applying published: current version %d", v)
	}
	kbCall(t, s.URL(), editor, "GET", "/api/v1/kb/proposal", "").want(t, http.StatusOK).into(t, &got)
	if got.Pending {
		t.Fatalf("still pending after apply: %+v", got.Proposal.Items)
	}
	kbCall(t, s.URL(), editor, "POST", "/api/v1/kb/publish", `{"message":"新版本知识"}`).want(t, http.StatusOK)
	cur, v, err := s.KB.Current(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if v != 3 || cur.Rule(upAdded) == nil || strings.HasSuffix(cur.Rule(upChanged).Title, oldMark) ||
		!strings.HasSuffix(cur.Rule(upConflict).Title, editorMark) {
		t.Fatalf("published v%d: added %v, %q, %q", v, cur.Rule(upAdded) != nil, cur.Rule(upChanged).Title, cur.Rule(upConflict).Title)
	}
}
