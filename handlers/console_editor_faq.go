package handlers

import (
	"net/http"
	"reflect"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
)

// The FAQ pages beside the rules (/console/rules/faq): the draft's entries, one entry's
// form and the "试一试" preview. They only read the draft; saving, deleting and the preview
// go through the FAQ API (/api/v1/kb/faq…, handlers/api_kb_faq.go) from faq.js with the
// session's CSRF token, so an entry is validated exactly as the API validates it.

// faqRow is one draft entry in the list.
type faqRow struct {
	ID, Title  string
	Categories []string // their names
	Normal     bool
	Samples    int
	Status     string // "new" or "modified" when unpublished, "" when published as is
}

type faqListData struct {
	Entries    []faqRow
	Deleted    []string // published entries deleted in the draft
	Categories []knowledge.Category
}

// faqForm is an entry as its form shows it: lists one item per line.
type faqForm struct {
	ID, Title  string
	Categories map[string]bool
	Normal     bool
	Keywords   string
	Answer     string
	Image      string
	Samples    string
}

type faqEntryData struct {
	ID         string // "" for a new entry
	Status     string
	Form       faqForm
	Categories []knowledge.Category
	MinSamples int
}

// faqStatus compares a draft entry with the published set: "new", "modified" or "".
func faqStatus(f *knowledge.FAQ, published *knowledge.Set) string {
	p := published.FAQEntry(f.ID)
	switch {
	case p == nil:
		return "new"
	case !reflect.DeepEqual(*p, *f):
		return "modified"
	}
	return ""
}

// editorFAQList lists the draft's FAQ entries: GET /console/rules/faq.
func (c *Pages) editorFAQList(ec echo.Context) error {
	draft, err := c.KB.Draft(ec.Request().Context())
	if err != nil {
		return err
	}
	published := c.Published().Set()
	d := faqListData{Categories: draft.Categories}
	for i := range draft.FAQ {
		f := &draft.FAQ[i]
		row := faqRow{ID: f.ID, Title: f.Title, Normal: f.Normal, Samples: len(f.Samples), Status: faqStatus(f, published)}
		for _, id := range f.Categories {
			if cat := draft.Category(id); cat != nil {
				id = cat.Name
			}
			row.Categories = append(row.Categories, id)
		}
		d.Entries = append(d.Entries, row)
	}
	for _, f := range published.FAQ {
		if draft.FAQEntry(f.ID) == nil {
			d.Deleted = append(d.Deleted, f.ID)
		}
	}
	return c.render(ec, http.StatusOK, "editor_faq.html", catalog.T("faqedit.list.title"), d)
}

// editorFAQNew shows an empty entry's form: GET /console/rules/faq/new.
func (c *Pages) editorFAQNew(ec echo.Context) error {
	draft, err := c.KB.Draft(ec.Request().Context())
	if err != nil {
		return err
	}
	d := faqEntryData{Status: "new", Form: faqForm{Categories: map[string]bool{}}, Categories: draft.Categories,
		MinSamples: knowledge.MinFAQSamples}
	return c.render(ec, http.StatusOK, "editor_faq_entry.html", catalog.T("faqedit.entry.new_title"), d)
}

// editorFAQEntry shows one draft entry's form: GET /console/rules/faq/:id.
func (c *Pages) editorFAQEntry(ec echo.Context) error {
	draft, err := c.KB.Draft(ec.Request().Context())
	if err != nil {
		return err
	}
	id := ec.Param("id")
	f := draft.FAQEntry(id)
	if f == nil {
		return ec.String(http.StatusNotFound, catalog.T("faqedit.entry.not_found", "id", id))
	}
	form := faqForm{ID: f.ID, Title: f.Title, Categories: map[string]bool{}, Normal: f.Normal,
		Keywords: strings.Join(f.Keywords, "\n"), Answer: f.Answer, Image: f.Image, Samples: strings.Join(f.Samples, "\n")}
	for _, cat := range f.Categories {
		form.Categories[cat] = true
	}
	d := faqEntryData{ID: id, Status: faqStatus(f, c.Published().Set()), Form: form, Categories: draft.Categories,
		MinSamples: knowledge.MinFAQSamples}
	return c.render(ec, http.StatusOK, "editor_faq_entry.html", catalog.T("faqedit.entry.title", "id", id), d)
}
