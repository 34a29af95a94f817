package handlers

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/staff"
)

// maxMatches caps the ranked rules a match returns.
const maxMatches = 10

type matchRequest struct {
	Text     string `json:"text"`
	Category string `json:"category"`
}

// matchJSON is one ranked rule.
type matchJSON struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Score      float64  `json:"score"`
	Reasons    []string `json:"reasons"`
	Safety     bool     `json:"safety"`
	Categories []string `json:"categories"`
	Steps      []string `json:"steps"`
}

// walkthroughJSON is what the bot would do with the sentence: the rule it would pick and
// the messages it would send, step by step.
type walkthroughJSON struct {
	RuleID   string   `json:"rule_id,omitempty"`
	Title    string   `json:"title,omitempty"`
	Safety   bool     `json:"safety"`
	Messages []string `json:"messages"`
}

type matchResponse struct {
	Version     string          `json:"version"` // the revision matched against, or "draft"
	Matches     []matchJSON     `json:"matches"`
	Walkthrough walkthroughJSON `json:"walkthrough"`
}

// match ranks the rules for a customer's sentence: POST /api/v1/kb/match
// {"text", "category"}, against the published rules, or with ?draft=1 against the draft
// (editors' preview). The answer also says which rule the bot would pick and the messages
// of its walkthrough.
func (k *kbAPI) match(c echo.Context) error {
	var req matchRequest
	if err := decode(c, &req); err != nil {
		return k.fail(c, err)
	}
	if strings.TrimSpace(req.Text) == "" {
		return k.fail(c, errs.InvalidField("text", "kbedit.error.text_required"))
	}
	var m *knowledge.Matcher
	if c.QueryParam("draft") == "1" || c.QueryParam("draft") == "true" {
		if !canEdit(c) {
			return k.fail(c, errs.E(errs.Forbidden, "forbidden", "staff.error.forbidden"))
		}
		var err error
		if m, err = k.draftMatcher(c.Request().Context()); err != nil {
			return k.kbFail(c, err)
		}
	} else {
		m = k.published().Matcher()
	}
	set := m.Set()
	if req.Category != "" && set.Category(req.Category) == nil {
		return k.fail(c, errs.InvalidField("category", "kbedit.error.bad_category", "value", req.Category))
	}
	ms := m.Match(knowledge.Query{
		Text: req.Text, Category: req.Category,
		Case: knowledge.CaseFacts{Category: req.Category, AgeMonths: knowledge.UnknownAge}, Limit: maxMatches,
	})
	resp := matchResponse{Version: set.Version, Matches: make([]matchJSON, len(ms))}
	for i, x := range ms {
		steps := make([]string, len(x.Rule.Steps))
		for j, st := range x.Rule.Steps {
			steps[j] = st.Text
		}
		resp.Matches[i] = matchJSON{ID: x.RuleID, Title: x.Title, Score: x.Score, Reasons: x.Reasons,
			Safety: x.Safety, Categories: nonNilStrings(x.Rule.Categories), Steps: steps}
	}
	resp.Walkthrough = walkthrough(m, req.Text, req.Category, ms)
	return c.JSON(http.StatusOK, resp)
}

// walkthrough is what the bot does with the sentence, as bot.Dialog does it: a hazard
// first (advice, no self-service), else the best non-safety rule of the category with its
// steps, one message each.
func walkthrough(m *knowledge.Matcher, text, category string, ms []knowledge.Match) walkthroughJSON {
	if h, ok := m.Safety(text); ok {
		return walkthroughJSON{RuleID: h.RuleID, Title: h.Title, Safety: true,
			Messages: []string{catalog.T("bot.safety", "advice", h.Rule.Advice)}}
	}
	for _, x := range ms {
		if x.Safety || (category != "" && !x.Rule.AppliesTo(category)) {
			continue
		}
		w := walkthroughJSON{RuleID: x.RuleID, Title: x.Title, Messages: []string{}}
		for i, st := range x.Rule.Steps {
			msg := catalog.T("bot.self.step", "i", i+1, "n", len(x.Rule.Steps), "text", st.Text)
			if i == 0 {
				msg = catalog.T("bot.self.intro", "title", x.Title) + "\n" + msg
			}
			w.Messages = append(w.Messages, msg)
		}
		return w
	}
	return walkthroughJSON{Messages: []string{catalog.T("kbedit.walkthrough.none")}}
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// matchPerm is what a match needs: any signed-in staff member may try the published
// rules; the draft preview checks PermEditRules itself.
const matchPerm = staff.PermSelf
