package handlers

import (
	"context"
	"fmt"
	"net/http"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/staff"
)

// EditorStore is what the rule editor's pages read of the knowledge revisions
// (knowledgedb.Publisher): the shared draft, its rules as written, and the published
// revisions. Every change goes through the JSON API under /api/v1/kb.
type EditorStore interface {
	// Draft returns the working draft, parsed; DraftInfo describes it.
	Draft(ctx context.Context) (*knowledge.Set, error)
	DraftInfo(ctx context.Context) (knowledge.DraftInfo, error)
	// RuleText returns a draft rule's YAML as written (knowledge.ErrNoRule when missing).
	RuleText(ctx context.Context, id string) ([]byte, error)
	// History lists the revisions; Diff compares two versions (0: the draft).
	History(ctx context.Context) ([]knowledge.Revision, error)
	Diff(ctx context.Context, from, to int) ([]knowledge.FileDiff, error)
}

// editorPages are the rule editor's page templates; each also gets editor_parts.html.
var editorPages = []string{"editor_rules.html", "editor_rule.html", "editor_history.html", "editor_proposal.html",
	"editor_faq.html", "editor_faq_entry.html"}

// editorAvailable answers 503 when the console was built without the knowledge store.
func (c *Pages) editorAvailable(next echo.HandlerFunc) echo.HandlerFunc {
	return func(ec echo.Context) error {
		if c.KB == nil || c.Published == nil {
			return ec.String(http.StatusServiceUnavailable, catalog.T("editor.unavailable"))
		}
		return next(ec)
	}
}

// ruleRow is one draft rule in the list, with how it did with customers.
type ruleRow struct {
	ID, Title  string
	Categories []string // their names
	Safety     bool
	Status     string // "new" or "modified" when unpublished, "" when published as is
	Shown      int
	Solved     int
	Escalated  int
	Abandoned  int
	SolveRate  string // "75%", or "" before any finished walkthrough
	Nearby     int    // open unmatched messages nearest the rule
	Attention  bool   // needsAttention
}

type rulesData struct {
	Q, Category string
	Categories  []knowledge.Category
	Rules       []ruleRow
	Total       int      // rules in the draft
	Deleted     []string // published rules deleted in the draft
	Draft       knowledge.DraftInfo
	CanPublish  bool
	Attention   bool          // only the rules that need attention (?attention=1)
	Proposal    *proposalData // a release's changes waiting for the editors, or nil
}

// editorRules lists and searches the draft's rules: GET /console/rules?q=&category=.
func (c *Pages) editorRules(ec echo.Context) error {
	ctx := ec.Request().Context()
	draft, err := c.KB.Draft(ctx)
	if err != nil {
		return err
	}
	info, err := c.KB.DraftInfo(ctx)
	if err != nil {
		return err
	}
	stats := map[string]*knowledge.RuleStats{}
	if c.Stats != nil {
		if stats, err = c.Stats.All(ctx); err != nil {
			return err
		}
	}
	proposal, err := c.pendingProposal(ctx)
	if err != nil {
		return err
	}
	published := c.Published().Set()
	d := rulesData{Proposal: proposal, Q: ec.QueryParam("q"), Category: ec.QueryParam("category"), Categories: draft.Categories,
		Total: len(draft.Rules), Draft: info, CanPublish: viewerOf(ec).User.Can(staff.PermPublishRules)}
	d.Attention = ec.QueryParam("attention") != ""
	nearby, err := c.nearbyUnmatched(ctx)
	if err != nil {
		return err
	}
	q := knowledge.Normalize(d.Q)
	for i := range draft.Rules {
		r := &draft.Rules[i]
		if !r.Matches(q, d.Category) {
			continue
		}
		row := ruleRow{ID: r.ID, Title: r.Title, Safety: r.Safety, Status: ruleStatus(r, published)}
		for _, id := range r.Categories {
			if cat := draft.Category(id); cat != nil {
				id = cat.Name
			}
			row.Categories = append(row.Categories, id)
		}
		if st := stats[r.ID]; st != nil {
			row.Shown, row.Solved, row.Escalated, row.Abandoned = st.Shown, st.Solved, st.Escalated, st.Abandoned
			if st.Solved+st.Escalated+st.Abandoned > 0 {
				row.SolveRate = fmt.Sprintf("%.0f%%", 100*st.SolveRate())
			}
		}
		row.Nearby = len(nearby[r.ID])
		if row.Attention = needsAttention(stats[r.ID], row.Nearby); d.Attention && !row.Attention {
			continue
		}
		d.Rules = append(d.Rules, row)
	}
	for _, r := range published.Rules {
		if draft.Rule(r.ID) == nil {
			d.Deleted = append(d.Deleted, r.ID)
		}
	}
	return c.render(ec, http.StatusOK, "editor_rules.html", catalog.T("editor.rules.title"), d)
}
