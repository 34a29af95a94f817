package handlers

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"sync"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/internal/service/publishing"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/staff"
)

// KnowledgeEditor is the revision store behind /api/v1/kb: the shared draft editors change
// rule by rule, the published revisions, and publishing to every instance
// (knowledgedb.Publisher).
type KnowledgeEditor interface {
	// Draft returns the working draft, parsed; DraftInfo describes it.
	Draft(ctx context.Context) (*knowledge.Set, error)
	DraftInfo(ctx context.Context) (knowledge.DraftInfo, error)
	// RuleText returns a draft rule's YAML as written (knowledge.ErrNoRule when missing).
	RuleText(ctx context.Context, id string) ([]byte, error)
	// PutRule checks a rule written as YAML and stores it in the draft, in place of the
	// rule replaceID or as a new rule when replaceID is "".
	PutRule(ctx context.Context, author, replaceID string, data []byte) (knowledge.Rule, error)
	// DeleteRule removes a rule from the draft.
	DeleteRule(ctx context.Context, author, id string) error
	// Import replaces the draft with files; Export returns the files of a version (0: the
	// draft).
	Import(ctx context.Context, author string, files map[string][]byte) error
	Export(ctx context.Context, version int) (map[string][]byte, error)
	// Publish makes the draft current; Rollback publishes a copy of an old revision. Both
	// refuse a set that fails validation or its self-test.
	Publish(ctx context.Context, author, message string) (knowledge.Revision, error)
	Rollback(ctx context.Context, author string, to int, message string) (knowledge.Revision, error)
	// CurrentVersion, History and Diff describe the revisions (Diff: 0 is the draft).
	CurrentVersion(ctx context.Context) (int, error)
	History(ctx context.Context) ([]knowledge.Revision, error)
	Diff(ctx context.Context, from, to int) ([]knowledge.FileDiff, error)
}

// RuleStatsReader reads the outcomes counted per rule (effects.BufferedStats).
type RuleStatsReader interface {
	All(ctx context.Context) (map[string]*knowledge.RuleStats, error)
}

// Audited actions of the knowledge editor besides publishing's (staff.ActionRules…).
const (
	actionRuleEdit   = "rule.edit"   // target: rule id; detail: replaced
	actionRuleDelete = "rule.delete" // target: rule id
)

// draftVersion names the draft where the API takes a version.
const draftVersion = "draft"

// kbAPI serves /api/v1/kb: search, preview, edit, publish and roll back the rules.
type kbAPI struct {
	*api
	publishing *publishing.Service // import, publish, roll back

	mu    sync.Mutex
	draft struct { // the matcher of the draft last previewed, by hash
		hash    string
		matcher *knowledge.Matcher
	}
}

func newKBAPI(a *api) *kbAPI {
	return &kbAPI{api: a, publishing: publishing.New(publishing.Service{Store: a.KB, Audit: a.Audit, Log: a.Log})}
}

// available answers 503 when the service was built without the knowledge editor.
func (k *kbAPI) available(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if k.KB == nil || k.Published == nil {
			return k.fail(c, errs.E(errs.Unavailable, "kb_unavailable", "kbedit.error.unavailable"))
		}
		return next(c)
	}
}

// published is the knowledge base every instance serves.
func (k *kbAPI) published() *bot.KnowledgeBase { return k.Published() }

// draftMatcher compiles the draft, once per draft hash.
func (k *kbAPI) draftMatcher(ctx context.Context) (*knowledge.Matcher, error) {
	set, err := k.KB.Draft(ctx)
	if err != nil {
		return nil, err
	}
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.draft.matcher != nil && k.draft.hash == set.Hash {
		return k.draft.matcher, nil
	}
	m, err := knowledge.NewMatcher(set)
	if err != nil {
		return nil, err
	}
	k.draft.hash, k.draft.matcher = set.Hash, m
	return m, nil
}

// author is who the request acts for, as revisions and the draft record it.
func author(c echo.Context) string { return who(c).User.Username }

// problemJSON is a defect of a rule or file, where the editor must look.
type problemJSON struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Field   string `json:"field,omitempty"`
	Code    string `json:"code"`
	Message string `json:"message"` // Simplified Chinese, with its position
}

func toProblems(ps []knowledge.Problem) []problemJSON {
	out := make([]problemJSON, len(ps))
	for i, p := range ps {
		out[i] = problemJSON{File: p.File, Line: p.Line, Field: p.Field, Code: p.Code, Message: p.Text()}
	}
	return out
}

// kbFail answers an error of the knowledge editor: validation problems and self-test
// failures as 422 with their details, the store's errors with their status, anything
// else as the API does (fail).
func (k *kbAPI) kbFail(c echo.Context, err error) error {
	var ve *knowledge.ValidationError
	var ste *knowledge.SelfTestError
	switch {
	case errors.As(err, &ve):
		return c.JSON(http.StatusUnprocessableEntity, map[string]any{
			"error": "invalid", "message": catalog.T("kbedit.error.invalid", "count", len(ve.Problems)),
			"problems": toProblems(ve.Problems),
		})
	case errors.As(err, &ste):
		return c.JSON(http.StatusUnprocessableEntity, map[string]any{
			"error": "self_test_failed", "message": catalog.T("kbedit.error.self_test", "count", len(ste.Report.Failures)),
			"report": toReportJSON(ste.Report),
		})
	}
	return k.fail(c, kbErrorOf(err))
}

// kbErrorOf maps the knowledge store's errors to the API's refusals; other errors pass.
func kbErrorOf(err error) error {
	switch {
	case errors.Is(err, knowledge.ErrNoRule):
		return errs.E(errs.NotFound, "rule_not_found", "kbedit.error.no_rule")
	case errors.Is(err, knowledge.ErrNoFAQ):
		return errs.E(errs.NotFound, "faq_not_found", "kbedit.error.no_faq")
	case errors.Is(err, knowledge.ErrNoRevision):
		return errs.E(errs.NotFound, "revision_not_found", "kbedit.error.no_revision")
	case errors.Is(err, knowledge.ErrUnchanged):
		return errs.E(errs.Conflict, "unchanged", "kbedit.error.unchanged")
	case errors.Is(err, knowledge.ErrDraftChanged):
		return errs.E(errs.Conflict, "draft_changed", "kbedit.error.draft_changed")
	case errors.Is(err, knowledge.ErrBadImport):
		return errs.E(errs.Invalid, "bad_import", "kbedit.error.bad_import")
	}
	return err
}

// parseVersion reads a version parameter: a number, "draft" (0), or def when empty.
func parseVersion(c echo.Context, name string, def int) (int, error) {
	s := c.QueryParam(name)
	switch s {
	case "":
		return def, nil
	case draftVersion:
		return 0, nil
	}
	v, err := strconv.Atoi(s)
	if err != nil || v < 1 {
		return 0, errs.InvalidField(name, "kbedit.error.bad_version", "value", s)
	}
	return v, nil
}

// versionName is a version as the API writes it.
func versionName(v int) string {
	if v == 0 {
		return draftVersion
	}
	return strconv.Itoa(v)
}

// canEdit reports whether the request may see the draft.
func canEdit(c echo.Context) bool { return who(c).User.Can(staff.PermEditRules) }
