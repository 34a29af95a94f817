package handlers

import (
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/knowledge/knowledgedb"
	"github.com/wxintake/intake/staff"
)

// UnmatchedStore keeps the messages the bot found no confident rule for (issue 12 §5,
// knowledgedb.Store): the editors' page lists them, and adding one as a sample of a rule
// writes the draft like the rule editor does.
type UnmatchedStore interface {
	OpenUnmatched(ctx context.Context, limit int) ([]knowledge.Unmatched, error)
	LabeledUnmatched(ctx context.Context, limit int) ([]knowledge.Unmatched, error)
	Unmatched(ctx context.Context, id int64) (knowledge.Unmatched, error)
	SetUnmatchedStatus(ctx context.Context, id int64, status, label string) error
	UnmatchedWeeks(ctx context.Context, now time.Time, weeks int) ([]knowledge.WeekCount, error)
	PutRule(ctx context.Context, author, replaceID string, data []byte) (knowledge.Rule, error)
}

// Limits and thresholds of the unmatched messages page and the rules' "needs attention".
const (
	unmatchedShown    = 300 // open messages read for the page
	unmatchedGroupMin = 0.45
	attentionShows    = 10  // walkthroughs shown before a solve rate counts
	attentionRate     = 0.5 // a solve rate below this needs attention
	attentionNearby   = 3   // open unmatched messages nearest a rule that need attention
)

// unmatchedMessage is one message on the page, with the rule it is nearest to.
type unmatchedMessage struct {
	knowledge.Unmatched
	Nearest string // rule id, "" when none
}

// unmatchedGroup is messages alike (knowledge.GroupSimilar), with the rules nearest them.
type unmatchedGroup struct {
	Count    int // messages received, repeats included
	Messages []unmatchedMessage
	Nearest  []nearRule
}

// nearRule is a rule near a group, with the matcher's confidence.
type nearRule struct{ ID, Title, Confidence string }

type unmatchedData struct {
	Groups  []unmatchedGroup
	Rules   []knowledge.Rule // the draft's, for the sample's rule
	Total   int
	Result  *sampleResult
	Dropped string // the id just dismissed
	FAQNote bool
}

// sampleResult is what adding a sample did: the self-test's held-out figures on the
// published revision and on the draft, and the gate's verdict on the draft.
type sampleResult struct {
	RuleID, Text  string
	Pending       bool // the self-tests are still running
	Failed        bool // they could not run
	Before, After knowledge.Accuracy
	Passed        bool
	Labeled       int // messages editors labelled so far
	LabeledBefore int // of them, ranked first by their label on the published revision
	LabeledAfter  int // and on the draft
}

func (c *Pages) unmatchedAvailable(next echo.HandlerFunc) echo.HandlerFunc {
	return func(ec echo.Context) error {
		if c.Unmatched == nil {
			return ec.String(http.StatusServiceUnavailable, catalog.T("editor.unavailable"))
		}
		return next(ec)
	}
}

// checkCSRF refuses a page form posted without the session's CSRF token.
func checkCSRF(next echo.HandlerFunc) echo.HandlerFunc {
	return func(ec echo.Context) error {
		ck, err := ec.Cookie(SessionCookie)
		if err != nil || !staff.CheckCSRF(ck.Value, ec.FormValue(CSRFField)) {
			return ec.String(http.StatusForbidden, catalog.T("unmatched.csrf"))
		}
		return next(ec)
	}
}

// nearestRule is the published rule most like a message: the one the bot found when it
// was stored, else the matcher's first now.
func (c *Pages) nearestRule(u knowledge.Unmatched) string {
	if u.RuleID != "" {
		return u.RuleID
	}
	ms := c.Published().Matcher().Match(knowledge.Query{Text: u.Text, Category: u.Category, Limit: 1})
	if len(ms) > 0 && !ms[0].Safety {
		return ms[0].RuleID
	}
	return ""
}

// nearbyUnmatched counts the open messages nearest each rule.
func (c *Pages) nearbyUnmatched(ctx context.Context) (map[string][]knowledge.Unmatched, error) {
	out := map[string][]knowledge.Unmatched{}
	if c.Unmatched == nil || c.Published == nil {
		return out, nil
	}
	open, err := c.Unmatched.OpenUnmatched(ctx, unmatchedShown)
	if err != nil {
		return nil, err
	}
	for _, u := range open {
		if id := c.nearestRule(u); id != "" {
			out[id] = append(out[id], u)
		}
	}
	return out, nil
}

// unmatchedPage lists the open messages grouped by similarity: GET /console/rules/unmatched.
func (c *Pages) unmatchedPage(ec echo.Context) error {
	ctx := ec.Request().Context()
	open, err := c.Unmatched.OpenUnmatched(ctx, unmatchedShown)
	if err != nil {
		return err
	}
	draft, err := c.KB.Draft(ctx)
	if err != nil {
		return err
	}
	d := unmatchedData{Rules: draft.Rules, Total: len(open), Dropped: ec.QueryParam("dismissed"), FAQNote: true}
	texts := make([]string, len(open))
	for i, u := range open {
		texts[i] = u.Text
	}
	m := c.Published().Matcher()
	for _, idx := range knowledge.GroupSimilar(texts, unmatchedGroupMin) {
		var g unmatchedGroup
		for _, i := range idx {
			g.Count += open[i].Count
			g.Messages = append(g.Messages, unmatchedMessage{Unmatched: open[i], Nearest: c.nearestRule(open[i])})
		}
		first := open[idx[0]]
		for _, mt := range m.Match(knowledge.Query{Text: first.Text, Category: first.Category, Limit: 3}) {
			if !mt.Safety {
				g.Nearest = append(g.Nearest, nearRule{ID: mt.RuleID, Title: mt.Title, Confidence: fmt.Sprintf("%.0f%%", 100*mt.Confidence)})
			}
		}
		d.Groups = append(d.Groups, g)
	}
	sort.SliceStable(d.Groups, func(i, j int) bool { return d.Groups[i].Count > d.Groups[j].Count })
	if ec.QueryParam("added") != "" {
		d.Result = c.lastResult(ec.QueryParam("added"))
	}
	return c.render(ec, http.StatusOK, "editor_unmatched.html", catalog.T("unmatched.title"), d)
}

// unmatchedSample adds the message as a sample of the rule chosen, in the draft; the
// self-test then runs on the draft and the published revision for the page to compare:
// POST /console/rules/unmatched/:id/sample (form: rule).
func (c *Pages) unmatchedSample(ec echo.Context) error {
	ctx := ec.Request().Context()
	u, err := c.unmatchedOf(ec)
	if err != nil {
		return err
	}
	ruleID := ec.FormValue("rule")
	draft, err := c.KB.Draft(ctx)
	if err != nil {
		return err
	}
	r := draft.Rule(ruleID)
	if r == nil {
		return ec.String(http.StatusUnprocessableEntity, catalog.T("editor.rule.not_found", "id", ruleID))
	}
	data, err := knowledge.MarshalRule(knowledge.AddSample(*r, u.Text))
	if err != nil {
		return err
	}
	author := viewerOf(ec).User.Username
	if _, err := c.Unmatched.PutRule(ctx, author, ruleID, data); err != nil {
		var ve *knowledge.ValidationError
		if errors.As(err, &ve) {
			return ec.String(http.StatusUnprocessableEntity, ve.Error())
		}
		return err
	}
	if err := c.Unmatched.SetUnmatchedStatus(ctx, u.ID, knowledge.UnmatchedAdded, ruleID); err != nil {
		return err
	}
	// The self-tests take seconds: they run after the answer, and the page shows them
	// when done (it reloads itself meanwhile).
	key := strconv.FormatInt(u.ID, 10)
	c.results.Store(key, &sampleResult{RuleID: ruleID, Text: u.Text, Pending: true})
	go func() {
		res, err := c.measure(context.WithoutCancel(ctx), ruleID, u.Text)
		if err != nil {
			c.Log.Warn("unmatched: measuring the draft failed", "err", err)
			res = &sampleResult{RuleID: ruleID, Text: u.Text, Failed: true}
		}
		c.results.Store(key, res)
	}()
	return ec.Redirect(http.StatusSeeOther, "/console/rules/unmatched?added="+url.QueryEscape(key))
}

// unmatchedDismiss sets a message aside: POST /console/rules/unmatched/:id/dismiss.
func (c *Pages) unmatchedDismiss(ec echo.Context) error {
	u, err := c.unmatchedOf(ec)
	if err != nil {
		return err
	}
	if err := c.Unmatched.SetUnmatchedStatus(ec.Request().Context(), u.ID, knowledge.UnmatchedDismissed, ""); err != nil {
		return err
	}
	return ec.Redirect(http.StatusSeeOther, fmt.Sprintf("/console/rules/unmatched?dismissed=%d", u.ID))
}

func (c *Pages) unmatchedOf(ec echo.Context) (knowledge.Unmatched, error) {
	id, err := strconv.ParseInt(ec.Param("id"), 10, 64)
	if err != nil {
		return knowledge.Unmatched{}, echo.NewHTTPError(http.StatusNotFound)
	}
	u, err := c.Unmatched.Unmatched(ec.Request().Context(), id)
	if err != nil {
		if errors.Is(err, knowledgedb.ErrNoUnmatched) {
			return u, echo.NewHTTPError(http.StatusNotFound)
		}
		return u, err
	}
	return u, nil
}

// measure runs the self-test on the published revision (once per revision) and on the
// draft. "Held-out" is the self-test's: each rule's samples are split into
// knowledge.SelfTestFolds folds, and every sample is matched by an index that leaves its
// fold out. The messages editors labelled are also ranked by both; on the draft they are
// samples themselves, so that figure is not held out.
func (c *Pages) measure(ctx context.Context, ruleID, text string) (*sampleResult, error) {
	draft, err := c.KB.Draft(ctx)
	if err != nil {
		return nil, err
	}
	pub := c.Published().Set()
	before := c.heldOut(pub)
	rep := knowledge.SelfTest(draft)
	res := &sampleResult{RuleID: ruleID, Text: text, Before: before, After: rep.HeldOut, Passed: rep.Passed()}
	labeled, err := c.Unmatched.LabeledUnmatched(ctx, unmatchedShown)
	if err != nil {
		return nil, err
	}
	dm, err := knowledge.NewMatcher(draft)
	if err != nil {
		return nil, err
	}
	pm := c.Published().Matcher()
	first := func(m *knowledge.Matcher, u knowledge.Unmatched) bool {
		ms := m.Match(knowledge.Query{Text: u.Text, Limit: 1})
		return len(ms) > 0 && ms[0].RuleID == u.Label
	}
	for _, u := range labeled {
		res.Labeled++
		if first(pm, u) {
			res.LabeledBefore++
		}
		if first(dm, u) {
			res.LabeledAfter++
		}
	}
	return res, nil
}

// heldOut is the published set's held-out accuracy, computed once per set.
func (c *Pages) heldOut(set *knowledge.Set) knowledge.Accuracy {
	if a, ok := c.heldOutCache.Load(set.Hash); ok {
		return a.(knowledge.Accuracy)
	}
	a := knowledge.SelfTest(set).HeldOut
	c.heldOutCache.Store(set.Hash, a)
	return a
}

func (c *Pages) lastResult(key string) *sampleResult {
	if r, ok := c.results.Load(key); ok {
		return r.(*sampleResult)
	}
	return nil
}

// unmatchedState is the console's memory of the unmatched page: results of the last
// samples added (by message id) and the published revisions' held-out figures.
type unmatchedState struct {
	results      sync.Map
	heldOutCache sync.Map
}

// BeforeRate and AfterRate are the held-out first-rank rates, as the page shows them.
func (r *sampleResult) BeforeRate() string { return percentOf(r.Before) }
func (r *sampleResult) AfterRate() string  { return percentOf(r.After) }

func percentOf(a knowledge.Accuracy) string { return fmt.Sprintf("%.1f%%", 100*a.Top1Rate()) }

// mustWithParts adds editor_parts.html to a page's template.
func mustWithParts(t *template.Template) *template.Template {
	return template.Must(template.Must(t.Clone()).ParseFS(templateFiles, "templates/editor_parts.html"))
}

// needsAttention reports a rule that solves too little once shown enough, or that many
// open unmatched messages are nearest to.
func needsAttention(st *knowledge.RuleStats, nearby int) bool {
	if nearby >= attentionNearby {
		return true
	}
	return st != nil && st.Shown >= attentionShows && st.Solved+st.Escalated+st.Abandoned > 0 && st.SolveRate() < attentionRate
}
