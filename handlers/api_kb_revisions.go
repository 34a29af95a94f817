package handlers

import (
	"cmp"
	"net/http"
	"slices"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/knowledge"
)

type publishRequest struct {
	Message string `json:"message"`
}

// publish makes the draft the rules every instance serves: POST /api/v1/kb/publish
// {"message"}. 422 with the problems or the self-test report when the draft fails them;
// 409 when there is nothing to publish.
func (k *kbAPI) publish(c echo.Context) error {
	var req publishRequest
	if err := decode(c, &req); err != nil {
		return k.fail(c, err)
	}
	rev, err := k.publishing.Publish(c.Request().Context(), author(c), req.Message)
	if err != nil {
		return k.kbFail(c, err)
	}
	return c.JSON(http.StatusOK, map[string]any{"revision": rev})
}

type rollbackRequest struct {
	Version int    `json:"version"`
	Message string `json:"message"`
}

// rollback publishes a copy of an old revision as a new one and resets the draft to it:
// POST /api/v1/kb/rollback {"version", "message"}.
func (k *kbAPI) rollback(c echo.Context) error {
	var req rollbackRequest
	if err := decode(c, &req); err != nil {
		return k.fail(c, err)
	}
	rev, err := k.publishing.Rollback(c.Request().Context(), author(c), req.Version, req.Message)
	if err != nil {
		return k.kbFail(c, err)
	}
	return c.JSON(http.StatusOK, map[string]any{"revision": rev})
}

// history lists the revisions, newest first, with the current version and the draft:
// GET /api/v1/kb/history.
func (k *kbAPI) history(c echo.Context) error {
	ctx := c.Request().Context()
	revs, err := k.KB.History(ctx)
	if err != nil {
		return k.kbFail(c, err)
	}
	info, err := k.KB.DraftInfo(ctx)
	if err != nil {
		return k.kbFail(c, err)
	}
	current := 0
	for _, r := range revs {
		if r.Status == knowledge.RevisionPublished {
			current = r.Version
		}
	}
	return c.JSON(http.StatusOK, map[string]any{"current": current, "items": revs, "draft": info})
}

// diff compares two versions file by file: GET /api/v1/kb/diff?from=&to= (numbers or
// "draft"; from defaults to the current revision, to to the draft).
func (k *kbAPI) diff(c echo.Context) error {
	ctx := c.Request().Context()
	current, err := k.KB.CurrentVersion(ctx)
	if err != nil {
		return k.kbFail(c, err)
	}
	from, err := parseVersion(c, "from", current)
	if err != nil {
		return k.fail(c, err)
	}
	to, err := parseVersion(c, "to", 0)
	if err != nil {
		return k.fail(c, err)
	}
	files, err := k.KB.Diff(ctx, from, to)
	if err != nil {
		return k.kbFail(c, err)
	}
	if files == nil {
		files = []knowledge.FileDiff{}
	}
	return c.JSON(http.StatusOK, map[string]any{"from": versionName(from), "to": versionName(to), "files": files})
}

// filesJSON is a whole knowledge set as text: path in the knowledge directory → YAML.
type filesJSON map[string]string

// export returns the YAML files of a version: GET /api/v1/kb/export?version= (a number,
// "draft", or the current revision when absent), as {"version", "files": {path: yaml}}.
func (k *kbAPI) export(c echo.Context) error {
	ctx := c.Request().Context()
	current, err := k.KB.CurrentVersion(ctx)
	if err != nil {
		return k.kbFail(c, err)
	}
	v, err := parseVersion(c, "version", current)
	if err != nil {
		return k.fail(c, err)
	}
	files, err := k.KB.Export(ctx, v)
	if err != nil {
		return k.kbFail(c, err)
	}
	out := make(filesJSON, len(files))
	for name, b := range files {
		out[name] = string(b)
	}
	return c.JSON(http.StatusOK, map[string]any{"version": versionName(v), "files": out})
}

type importRequest struct {
	Files filesJSON `json:"files"`
}

// importFiles replaces the draft with a whole set of files: POST /api/v1/kb/import
// {"files": {path: yaml}} (what export returns). 422 with the problems of every file.
func (k *kbAPI) importFiles(c echo.Context) error {
	var req importRequest
	if err := decode(c, &req); err != nil {
		return k.fail(c, err)
	}
	files := make(map[string][]byte, len(req.Files))
	for name, text := range req.Files {
		files[name] = []byte(text)
	}
	info, err := k.publishing.Import(c.Request().Context(), author(c), files)
	if err != nil {
		return k.kbFail(c, err)
	}
	return c.JSON(http.StatusOK, map[string]any{"draft": info})
}

// ruleStatsJSON is how one rule did with customers.
type ruleStatsJSON struct {
	ID        string  `json:"id"`
	Title     string  `json:"title"`
	Published bool    `json:"published"` // false: counted, but no longer in the published rules
	Shown     int     `json:"shown"`
	Solved    int     `json:"solved"`
	Escalated int     `json:"escalated"`
	Abandoned int     `json:"abandoned"`
	SolveRate float64 `json:"solve_rate"` // solved / finished walkthroughs
}

// stats returns the results per rule: GET /api/v1/kb/stats, every published rule (never
// shown ones too) and every rule counted, most shown first.
func (k *kbAPI) stats(c echo.Context) error {
	all := map[string]*knowledge.RuleStats{}
	if k.RuleStats != nil {
		var err error
		if all, err = k.RuleStats.All(c.Request().Context()); err != nil {
			return k.fail(c, err)
		}
	}
	set := k.published().Set()
	items := make([]ruleStatsJSON, 0, max(len(set.Rules), len(all)))
	add := func(id, title string, published bool) {
		st := all[id]
		if st == nil {
			st = &knowledge.RuleStats{RuleID: id}
		}
		items = append(items, ruleStatsJSON{ID: id, Title: title, Published: published, Shown: st.Shown, Solved: st.Solved,
			Escalated: st.Escalated, Abandoned: st.Abandoned, SolveRate: st.SolveRate()})
	}
	for _, r := range set.Rules {
		add(r.ID, r.Title, true)
	}
	for id := range all {
		if set.Rule(id) == nil {
			add(id, "", false)
		}
	}
	slices.SortFunc(items, func(a, b ruleStatsJSON) int { return cmp.Or(cmp.Compare(b.Shown, a.Shown), cmp.Compare(a.ID, b.ID)) })
	return c.JSON(http.StatusOK, map[string]any{"items": items})
}

// reportJSON is a self-test report.
type reportJSON struct {
	Passed   bool          `json:"passed"`
	Plain    accuracyJSON  `json:"plain"`  // samples matched without a category hint
	Hinted   accuracyJSON  `json:"hinted"` // with the rule's first category as the hint
	Failures []failureJSON `json:"failures"`
	Overlaps []overlapJSON `json:"overlaps"`
	Error    string        `json:"error,omitempty"`
}

type accuracyJSON struct {
	Total    int     `json:"total"`
	Top1     int     `json:"top1"`
	Top3     int     `json:"top3"`
	Top1Rate float64 `json:"top1_rate"`
	Top3Rate float64 `json:"top3_rate"`
}

type failureJSON struct {
	RuleID string       `json:"rule_id"`
	Sample string       `json:"sample"`
	Hint   string       `json:"hint"`
	Rank   int          `json:"rank"` // 0: the rule did not match at all
	Got    []rankedJSON `json:"got"`
}

type rankedJSON struct {
	RuleID  string   `json:"rule_id"`
	Score   float64  `json:"score"`
	Reasons []string `json:"reasons"`
}

type overlapJSON struct {
	Phrase  string   `json:"phrase"`
	RuleIDs []string `json:"rule_ids"`
}

func toAccuracyJSON(a knowledge.Accuracy) accuracyJSON {
	return accuracyJSON{Total: a.Total, Top1: a.Top1, Top3: a.Top3, Top1Rate: a.Top1Rate(), Top3Rate: a.Top3Rate()}
}

func toReportJSON(r knowledge.Report) reportJSON {
	out := reportJSON{Passed: r.Passed(), Plain: toAccuracyJSON(r.Accuracy), Hinted: toAccuracyJSON(r.Hinted),
		Failures: []failureJSON{}, Overlaps: []overlapJSON{}}
	if r.Err != nil {
		out.Error = r.Err.Error()
	}
	for _, f := range r.Failures {
		fj := failureJSON{RuleID: f.RuleID, Sample: f.Sample, Hint: f.Hint, Rank: f.Rank, Got: []rankedJSON{}}
		for _, g := range f.Got {
			fj.Got = append(fj.Got, rankedJSON{RuleID: g.RuleID, Score: g.Score, Reasons: g.Reasons})
		}
		out.Failures = append(out.Failures, fj)
	}
	for _, o := range r.Overlaps {
		out.Overlaps = append(out.Overlaps, overlapJSON{Phrase: o.Phrase, RuleIDs: o.RuleIDs})
	}
	return out
}

// selfTest runs the self-test on the draft (what publishing would check) or, with
// ?version=published, on the published rules: GET /api/v1/kb/selftest.
func (k *kbAPI) selfTest(c echo.Context) error {
	set := k.published().Set()
	if c.QueryParam("version") != "published" {
		var err error
		if set, err = k.KB.Draft(c.Request().Context()); err != nil {
			return k.kbFail(c, err)
		}
	}
	return c.JSON(http.StatusOK, map[string]any{"version": set.Version, "report": toReportJSON(knowledge.SelfTest(set))})
}
