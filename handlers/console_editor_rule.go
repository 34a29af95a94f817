package handlers

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/staff"
)

// newRuleYAML is the skeleton a new rule starts from: every field an editor usually
// fills, with the schema's names.
const newRuleYAML = `id: 
title: 
categories: []
triggers:
  keywords: []
  synonyms: []
steps:
  - text: 
unresolved:
  fault_class: hardware
  priority: normal
  onsite: true
  price: {parts: [0, 0], labour: [0, 0]}
samples:
  - 
  - 
  - 
`

type ruleData struct {
	ID         string // "" for a new rule
	YAML       string
	Status     string
	Title      string
	Categories []knowledge.Category
	CanPublish bool
	Form       ruleForm // the form view of the common fields
	// Figures are how the rule did with customers, Nearby the open unmatched messages
	// nearest it (an existing rule only).
	Figures *ruleRow
	Nearby  []knowledge.Unmatched
}

// editorRule shows one draft rule as YAML to edit: GET /console/rules/:id.
func (c *Pages) editorRule(ec echo.Context) error {
	ctx := ec.Request().Context()
	id := ec.Param("id")
	text, err := c.KB.RuleText(ctx, id)
	if errors.Is(err, knowledge.ErrNoRule) {
		return ec.String(http.StatusNotFound, catalog.T("editor.rule.not_found", "id", id))
	} else if err != nil {
		return err
	}
	draft, err := c.KB.Draft(ctx)
	if err != nil {
		return err
	}
	d := ruleData{ID: id, YAML: string(text), Categories: draft.Categories,
		CanPublish: viewerOf(ec).User.Can(staff.PermPublishRules)}
	if r := draft.Rule(id); r != nil {
		d.Title, d.Status, d.Form = r.Title, ruleStatus(r, c.Published().Set()), formOf(r)
	}
	if err := c.ruleFigures(ec, &d); err != nil {
		return err
	}
	return c.render(ec, http.StatusOK, "editor_rule.html", catalog.T("editor.rule.title", "id", id), d)
}

// editorNewRule shows the skeleton of a new rule: GET /console/rules/new.
func (c *Pages) editorNewRule(ec echo.Context) error {
	draft, err := c.KB.Draft(ec.Request().Context())
	if err != nil {
		return err
	}
	yaml := newRuleYAML
	if sample := ec.QueryParam("sample"); sample != "" { // from the unmatched messages page
		yaml = strings.Replace(yaml, "samples:\n  - \n", "samples:\n  - "+strconv.Quote(sample)+"\n", 1)
	}
	d := ruleData{YAML: yaml, Status: "new", Categories: draft.Categories, Form: formOf(nil)}
	return c.render(ec, http.StatusOK, "editor_rule.html", catalog.T("editor.rule.new_title"), d)
}

// ruleFigures fills the rule page's outcome counts and the unmatched messages nearest it.
func (c *Pages) ruleFigures(ec echo.Context, d *ruleData) error {
	ctx := ec.Request().Context()
	row := &ruleRow{ID: d.ID}
	var st *knowledge.RuleStats
	if c.Stats != nil {
		all, err := c.Stats.All(ctx)
		if err != nil {
			return err
		}
		if st = all[d.ID]; st != nil {
			row.Shown, row.Solved, row.Escalated, row.Abandoned = st.Shown, st.Solved, st.Escalated, st.Abandoned
			if st.Solved+st.Escalated+st.Abandoned > 0 {
				row.SolveRate = fmt.Sprintf("%.0f%%", 100*st.SolveRate())
			}
		}
	}
	nearby, err := c.nearbyUnmatched(ctx)
	if err != nil {
		return err
	}
	d.Nearby = nearby[d.ID]
	row.Nearby = len(d.Nearby)
	row.Attention = needsAttention(st, row.Nearby)
	d.Figures = row
	return nil
}
