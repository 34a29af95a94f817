package handlers

import (
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"reflect"

	"github.com/labstack/echo/v4"
	"gopkg.in/yaml.v3"

	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/knowledge"
)

// maxRuleBytes caps a rule sent for editing.
const maxRuleBytes = 64 << 10

// ruleItem is a draft rule in the editors' list.
type ruleItem struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Categories []string `json:"categories"`
	Safety     bool     `json:"safety"`
	Steps      int      `json:"steps"`
	Samples    int      `json:"samples"`
	// Status is "new" or "modified" for an unpublished change, "" when published as is.
	Status string `json:"status"`
}

// ruleStatus compares a draft rule with the published set.
func ruleStatus(r *knowledge.Rule, published *knowledge.Set) string {
	p := published.Rule(r.ID)
	switch {
	case p == nil:
		return "new"
	case !reflect.DeepEqual(*p, *r):
		return "modified"
	}
	return ""
}

// listRules lists and searches the draft's rules: GET /api/v1/kb/rules?q=&category=. q
// matches the id, title, triggers and samples (after normalisation); category keeps the
// rules listing that category ("general": the rules for any category). Rules deleted in
// the draft but still published are listed in "deleted".
func (k *kbAPI) listRules(c echo.Context) error {
	ctx := c.Request().Context()
	draft, err := k.KB.Draft(ctx)
	if err != nil {
		return k.kbFail(c, err)
	}
	info, err := k.KB.DraftInfo(ctx)
	if err != nil {
		return k.kbFail(c, err)
	}
	published := k.published().Set()
	q, cat := knowledge.Normalize(c.QueryParam("q")), c.QueryParam("category")
	items := []ruleItem{}
	for i := range draft.Rules {
		r := &draft.Rules[i]
		if !r.Matches(q, cat) {
			continue
		}
		items = append(items, ruleItem{ID: r.ID, Title: r.Title, Categories: nonNilStrings(r.Categories), Safety: r.Safety,
			Steps: len(r.Steps), Samples: len(r.Samples), Status: ruleStatus(r, published)})
	}
	deleted := []string{}
	for _, r := range published.Rules {
		if draft.Rule(r.ID) == nil {
			deleted = append(deleted, r.ID)
		}
	}
	return c.JSON(http.StatusOK, map[string]any{"items": items, "deleted": deleted, "draft": info})
}

// ruleResponse is one draft rule: its fields for the form, its YAML for the text editor.
type ruleResponse struct {
	Rule   map[string]any `json:"rule"`
	YAML   string         `json:"yaml"`
	Status string         `json:"status"`
}

// ruleFields is the rule as a JSON object with the YAML field names, so that the form and
// the YAML editor speak the same schema.
func ruleFields(r knowledge.Rule) (map[string]any, error) {
	b, err := knowledge.MarshalRule(r)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	return m, yaml.Unmarshal(b, &m)
}

func (k *kbAPI) ruleResponse(c echo.Context, id string) (ruleResponse, error) {
	ctx := c.Request().Context()
	text, err := k.KB.RuleText(ctx, id)
	if err != nil {
		return ruleResponse{}, err
	}
	draft, err := k.KB.Draft(ctx)
	if err != nil {
		return ruleResponse{}, err
	}
	r := draft.Rule(id)
	if r == nil {
		return ruleResponse{}, knowledge.ErrNoRule
	}
	fields, err := ruleFields(*r)
	if err != nil {
		return ruleResponse{}, err
	}
	return ruleResponse{Rule: fields, YAML: string(text), Status: ruleStatus(r, k.published().Set())}, nil
}

// getRule returns one draft rule: GET /api/v1/kb/rules/:id.
func (k *kbAPI) getRule(c echo.Context) error {
	resp, err := k.ruleResponse(c, c.Param("id"))
	if err != nil {
		return k.kbFail(c, err)
	}
	return c.JSON(http.StatusOK, resp)
}

// putRule edits a draft rule: PUT /api/v1/kb/rules/:id, the body the rule as YAML text
// (text/yaml, application/yaml, text/plain) or as a JSON object of the same fields. The
// id may change (a rename). Problems answer 422, each with its line in the YAML sent and
// its field.
func (k *kbAPI) putRule(c echo.Context) error { return k.saveRule(c, c.Param("id")) }

// createRule adds a rule to the draft: POST /api/v1/kb/rules, the body as for putRule.
func (k *kbAPI) createRule(c echo.Context) error { return k.saveRule(c, "") }

func (k *kbAPI) saveRule(c echo.Context, replaceID string) error {
	data, err := ruleBody(c)
	if err != nil {
		return k.fail(c, err)
	}
	ctx := c.Request().Context()
	r, err := k.KB.PutRule(ctx, author(c), replaceID, data)
	if err != nil {
		return k.kbFail(c, err)
	}
	k.audit(ctx, author(c), actionRuleEdit, r.ID, map[string]string{"replaced": replaceID})
	resp, err := k.ruleResponse(c, r.ID)
	if err != nil {
		return k.kbFail(c, err)
	}
	status := http.StatusOK
	if replaceID == "" {
		status = http.StatusCreated
	}
	return c.JSON(status, resp)
}

// ruleBody reads a rule sent as YAML text or as a JSON object, as YAML.
func ruleBody(c echo.Context) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(c.Request().Body, maxRuleBytes+1))
	if err != nil || len(data) > maxRuleBytes {
		return nil, errs.E(errs.TooLarge, "too_large", "kbedit.error.too_large")
	}
	mt, _, _ := mime.ParseMediaType(c.Request().Header.Get(echo.HeaderContentType))
	switch mt {
	case "text/yaml", "application/yaml", "application/x-yaml", "text/x-yaml", "text/plain":
		return data, nil
	case echo.MIMEApplicationJSON:
		var fields map[string]any
		if err := json.Unmarshal(data, &fields); err != nil {
			return nil, errs.E(errs.Invalid, "bad_request", "kbedit.error.bad_request")
		}
		return yaml.Marshal(fields)
	}
	return nil, errs.E(errs.Unsupported, "yaml_or_json_required", "kbedit.error.media_type")
}

// deleteRule removes a rule from the draft: DELETE /api/v1/kb/rules/:id.
func (k *kbAPI) deleteRule(c echo.Context) error {
	ctx := c.Request().Context()
	id := c.Param("id")
	if err := k.KB.DeleteRule(ctx, author(c), id); err != nil {
		return k.kbFail(c, err)
	}
	k.audit(ctx, author(c), actionRuleDelete, id, nil)
	return c.NoContent(http.StatusNoContent)
}
