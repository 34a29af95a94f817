package handlers

import (
	"context"
	"net/http"
	"reflect"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/errs"
	"github.com/wxintake/intake/knowledge"
)

// FAQEditor is what the FAQ endpoints need of the revision store besides
// KnowledgeEditor (knowledgedb.Store implements both).
type FAQEditor interface {
	// PutFAQ stores an entry in the draft, in place of replaceID or as a new entry.
	PutFAQ(ctx context.Context, author, replaceID string, e knowledge.FAQ) error
	// DeleteFAQ removes an entry from the draft.
	DeleteFAQ(ctx context.Context, author, id string) error
}

// Audited FAQ edits.
const (
	actionFAQEdit   = "faq.edit"   // target: entry id; detail: replaced
	actionFAQDelete = "faq.delete" // target: entry id
)

// faqJSON is an FAQ entry as the API reads and writes it.
type faqJSON struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Categories []string `json:"categories"`
	Normal     bool     `json:"normal"`
	Keywords   []string `json:"keywords"`
	Answer     string   `json:"answer"`
	Image      string   `json:"image"`
	Samples    []string `json:"samples"`
	// Status is "new" or "modified" for an unpublished change, "" when published as is
	// (answers only).
	Status string `json:"status"`
}

func toFAQJSON(f *knowledge.FAQ, published *knowledge.Set) faqJSON {
	out := faqJSON{ID: f.ID, Title: f.Title, Categories: nonNilStrings(f.Categories), Normal: f.Normal,
		Keywords: nonNilStrings(f.Keywords), Answer: f.Answer, Image: f.Image, Samples: nonNilStrings(f.Samples)}
	switch p := published.FAQEntry(f.ID); {
	case p == nil:
		out.Status = "new"
	case !reflect.DeepEqual(*p, *f):
		out.Status = "modified"
	}
	return out
}

func (j faqJSON) entry() knowledge.FAQ {
	empty := func(s []string) []string {
		if len(s) == 0 {
			return nil
		}
		return s
	}
	return knowledge.FAQ{ID: strings.TrimSpace(j.ID), Title: j.Title, Categories: empty(j.Categories), Normal: j.Normal,
		Keywords: empty(j.Keywords), Answer: j.Answer, Image: strings.TrimSpace(j.Image), Samples: j.Samples}
}

// faqEditor returns the store's FAQ editing, or answers 503.
func (k *kbAPI) faqEditor(c echo.Context) (FAQEditor, error) {
	if f, ok := k.KB.(FAQEditor); ok {
		return f, nil
	}
	return nil, k.fail(c, errs.E(errs.Unavailable, "unavailable", "kbedit.error.faq_unavailable"))
}

// listFAQ lists the draft's FAQ entries: GET /api/v1/kb/faq; entries deleted in the draft
// but still published are listed in "deleted".
func (k *kbAPI) listFAQ(c echo.Context) error {
	draft, err := k.KB.Draft(c.Request().Context())
	if err != nil {
		return k.kbFail(c, err)
	}
	published := k.published().Set()
	items := make([]faqJSON, 0, len(draft.FAQ))
	for i := range draft.FAQ {
		items = append(items, toFAQJSON(&draft.FAQ[i], published))
	}
	deleted := []string{}
	for _, f := range published.FAQ {
		if draft.FAQEntry(f.ID) == nil {
			deleted = append(deleted, f.ID)
		}
	}
	return c.JSON(http.StatusOK, map[string]any{"items": items, "deleted": deleted})
}

// getFAQ returns one draft entry: GET /api/v1/kb/faq/:id.
func (k *kbAPI) getFAQ(c echo.Context) error {
	draft, err := k.KB.Draft(c.Request().Context())
	if err != nil {
		return k.kbFail(c, err)
	}
	f := draft.FAQEntry(c.Param("id"))
	if f == nil {
		return k.kbFail(c, knowledge.ErrNoFAQ)
	}
	return c.JSON(http.StatusOK, toFAQJSON(f, k.published().Set()))
}

// createFAQ adds an entry to the draft: POST /api/v1/kb/faq, the entry as JSON; 201.
// An id taken by another entry or a rule, too few samples and the like answer 422 with
// the problems.
func (k *kbAPI) createFAQ(c echo.Context) error { return k.saveFAQ(c, "", http.StatusCreated) }

// putFAQ edits a draft entry: PUT /api/v1/kb/faq/:id, the entry as JSON (the id may
// change); 404 when the draft has no such entry.
func (k *kbAPI) putFAQ(c echo.Context) error { return k.saveFAQ(c, c.Param("id"), http.StatusOK) }

func (k *kbAPI) saveFAQ(c echo.Context, replaceID string, status int) error {
	fe, err := k.faqEditor(c)
	if fe == nil {
		return err
	}
	var req faqJSON
	if err := decode(c, &req); err != nil {
		return k.fail(c, err)
	}
	e := req.entry()
	ctx := c.Request().Context()
	if err := fe.PutFAQ(ctx, author(c), replaceID, e); err != nil {
		return k.kbFail(c, err)
	}
	k.audit(ctx, author(c), actionFAQEdit, e.ID, map[string]string{"replaced": replaceID})
	draft, err := k.KB.Draft(ctx)
	if err != nil {
		return k.kbFail(c, err)
	}
	f := draft.FAQEntry(e.ID)
	if f == nil {
		return k.kbFail(c, knowledge.ErrNoFAQ)
	}
	return c.JSON(status, toFAQJSON(f, k.published().Set()))
}

// deleteFAQ removes a draft entry: DELETE /api/v1/kb/faq/:id; 204.
func (k *kbAPI) deleteFAQ(c echo.Context) error {
	fe, err := k.faqEditor(c)
	if fe == nil {
		return err
	}
	ctx := c.Request().Context()
	if err := fe.DeleteFAQ(ctx, author(c), c.Param("id")); err != nil {
		return k.kbFail(c, err)
	}
	k.audit(ctx, author(c), actionFAQDelete, c.Param("id"), nil)
	return c.NoContent(http.StatusNoContent)
}

// faqPreview is where a customer's message goes on the draft.
type faqPreview struct {
	// GoesTo is "hazard", "faq", "rule" or "none".
	GoesTo string `json:"goes_to"`
	// FAQ is the entry that answers (GoesTo "faq"), or the best entry found otherwise.
	FAQ *faqMatchJSON `json:"faq,omitempty"`
	// Rule is the rule the bot would pick (GoesTo "rule" or "hazard").
	Rule     *walkthroughJSON `json:"rule,omitempty"`
	Messages []string         `json:"messages"`
}

type faqMatchJSON struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Score  float64 `json:"score"`
	Answer string  `json:"answer"`
	Image  string  `json:"image,omitempty"`
}

// previewFAQ tells where a customer's message goes on the draft, as the bot reads a first
// message: POST /api/v1/kb/faq/preview {"text", "category"}. A hazard wins; a question an
// entry answers goes to the entry; anything else to the rule the bot would pick.
func (k *kbAPI) previewFAQ(c echo.Context) error {
	var req matchRequest
	if err := decode(c, &req); err != nil {
		return k.fail(c, err)
	}
	if strings.TrimSpace(req.Text) == "" {
		return k.fail(c, errs.InvalidField("text", "kbedit.error.text_required"))
	}
	draft, err := k.KB.Draft(c.Request().Context())
	if err != nil {
		return k.kbFail(c, err)
	}
	if req.Category != "" && draft.Category(req.Category) == nil {
		return k.fail(c, errs.InvalidField("category", "kbedit.error.bad_category", "value", req.Category))
	}
	kb, err := bot.NewKnowledgeBase(draft)
	if err != nil {
		return k.kbFail(c, err)
	}
	return c.JSON(http.StatusOK, previewOn(kb, req.Text, req.Category))
}

// previewOn decides where text goes on kb.
func previewOn(kb *bot.KnowledgeBase, text, category string) faqPreview {
	u := bot.RuleReader{}.Understand(text, bot.Context{State: bot.StateNew, Category: category, Lexicon: kb.Lexicon()})
	cat := u.Facts.Category
	if cat == "" {
		cat = category
	}
	out := faqPreview{GoesTo: "none", Messages: []string{}}
	if m, ok := kb.Set().MatchFAQ(u.Canon, cat); ok {
		out.FAQ = &faqMatchJSON{ID: m.Entry.ID, Title: m.Entry.Title, Score: m.Score, Answer: m.Entry.Answer, Image: m.Entry.Image}
	}
	if h, ok := kb.Matcher().Safety(text); ok || len(u.Hazards) > 0 {
		w := walkthroughJSON{Safety: true, Messages: []string{}}
		if ok {
			w = walkthroughJSON{RuleID: h.RuleID, Title: h.Title, Safety: true, Messages: []string{catalog.T("bot.safety", "advice", h.Rule.Advice)}}
		}
		out.GoesTo, out.Rule, out.Messages = "hazard", &w, w.Messages
		return out
	}
	if _, asks := u.Has(bot.ActQuestion); asks && out.FAQ != nil {
		out.GoesTo, out.Messages = "faq", []string{out.FAQ.Answer}
		return out
	}
	m := kb.Matcher()
	ms := m.Match(knowledge.Query{Text: text, Category: category,
		Case: knowledge.CaseFacts{Category: category, AgeMonths: knowledge.UnknownAge}, Limit: maxMatches})
	if w := walkthrough(m, text, category, ms); w.RuleID != "" {
		out.GoesTo, out.Rule, out.Messages = "rule", &w, w.Messages
	}
	return out
}
