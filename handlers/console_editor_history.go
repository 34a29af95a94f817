package handlers

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/staff"
)

type historyData struct {
	Revisions  []knowledge.Revision // newest first
	Current    int                  // the published version
	Draft      knowledge.DraftInfo
	CanPublish bool
	// The diff shown: From → To (0: the draft), none when Shown is false.
	Shown    bool
	From, To int
	Diff     []knowledge.FileDiff
}

// editorHistory lists the published revisions and shows one's diff with its predecessor:
// GET /console/rules/history?version=N (or version=draft: the unpublished changes).
func (c *Pages) editorHistory(ec echo.Context) error {
	ctx := ec.Request().Context()
	revs, err := c.KB.History(ctx)
	if err != nil {
		return err
	}
	info, err := c.KB.DraftInfo(ctx)
	if err != nil {
		return err
	}
	d := historyData{Draft: info, CanPublish: viewerOf(ec).User.Can(staff.PermPublishRules)}
	for _, r := range revs {
		if r.Status == knowledge.RevisionPublished {
			d.Current = r.Version
		}
	}
	d.Revisions = revs
	if len(revs) > 1 && revs[0].Version < revs[len(revs)-1].Version {
		d.Revisions = make([]knowledge.Revision, len(revs))
		for i, r := range revs {
			d.Revisions[len(revs)-1-i] = r
		}
	}
	switch v := ec.QueryParam("version"); {
	case v == "draft" && d.Current > 0:
		d.Shown, d.From, d.To = true, d.Current, 0
	case v != "":
		n, err := strconv.Atoi(v)
		if err != nil || n < 2 {
			break // the first revision has no predecessor
		}
		d.Shown, d.From, d.To = true, n-1, n
	}
	if d.Shown {
		if d.Diff, err = c.KB.Diff(ctx, d.From, d.To); errors.Is(err, knowledge.ErrNoRevision) {
			return ec.String(http.StatusNotFound, catalog.T("editor.history.no_version", "version", ec.QueryParam("version")))
		} else if err != nil {
			return err
		}
	}
	return c.render(ec, http.StatusOK, "editor_history.html", catalog.T("editor.history.title"), d)
}
