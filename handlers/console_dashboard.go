package handlers

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage/triagedb"
)

// periods are the dashboard's selectable periods, in days ending today.
var periods = []int{1, 7, 30, 90}

// Bar chart geometry, in SVG user units.
const (
	chartWidth = 420 // the longest bar
	barHeight  = 22
	barGap     = 8
	labelWidth = 260
)

// bar is one bar of the top-faults chart.
type bar struct {
	Label string
	Count int
	Y     int // top of the bar
	TextY int
	Width int
}

type dashboardData struct {
	Days, Periods []int
	D             triagedb.Dashboard
	Bars          []bar
	ChartHeight   int
	ChartWidth    int
	Containment   string // "42.0%", or "" without data
	Shown, Solved int
	SLA           string
	Median        string
	Rating        string
	// How the period's notifications went, and the share of surveys answered
	// (Deliveries; empty when nil).
	Deliveries   string
	SurveyRate   string
	DeliveryNote string
	// CalendarWarning tells admins a year's holiday adjustments are missing; "" otherwise.
	CalendarWarning string
	// Weeks counts the messages no rule matched and those customers corrected, per ISO
	// week, the last unmatchedWeeks weeks (none without the store).
	Weeks []knowledge.WeekCount
}

// unmatchedWeeks is how many weeks of unmatched messages the dashboard shows.
const unmatchedWeeks = 8

// dashboard shows today's counts and the period's figures: GET /console/dashboard?days=7.
func (c *Pages) dashboard(ec echo.Context) error {
	ctx := ec.Request().Context()
	days, _ := strconv.Atoi(ec.QueryParam("days"))
	if !slices.Contains(periods, days) {
		days = 7
	}
	now := c.Now()
	local := now.In(c.Location)
	dayStart := time.Date(local.Year(), local.Month(), local.Day(), 0, 0, 0, 0, c.Location)
	from, to := dayStart.AddDate(0, 0, 1-days), dayStart.AddDate(0, 0, 1)
	d := dashboardData{Days: []int{days}, Periods: periods}
	var err error
	if d.D, err = c.Dashboard.Dashboard(ctx, dayStart, from, to, now); err != nil {
		return err
	}
	if c.Stats != nil {
		all, err := c.Stats.All(ctx)
		if err != nil {
			return err
		}
		for _, st := range all {
			d.Shown += st.Shown
			d.Solved += st.Solved
		}
	}
	d.Containment = percent(d.Solved, d.Shown)
	d.SLA = percent(d.D.MetDue, d.D.WithDue)
	if d.D.Responded > 0 {
		d.Median = d.D.MedianFirstResponse.Round(time.Minute).String()
	}
	if d.D.Rated > 0 {
		d.Rating = catalog.T("console.dashboard.rating", "avg", fmt.Sprintf("%.1f", d.D.AverageRating), "n", d.D.Rated)
	}
	if c.Deliveries != nil {
		del, err := c.Deliveries.Deliveries(ctx, from, to)
		if err != nil {
			return err
		}
		d.Deliveries = catalog.T("console.dashboard.deliveries_value", "chat", del.Chat, "template", del.Template, "failed", del.Failed)
		if rate := percent(del.Answered, del.Surveys); rate != "" {
			d.SurveyRate = catalog.T("console.dashboard.survey_rate_value", "rate", rate, "answered", del.Answered, "surveys", del.Surveys)
		}
		d.DeliveryNote = catalog.T("console.dashboard.deliveries_def", "pending", del.Pending)
	}
	if c.MissingAdjustments != nil && viewerOf(ec).User.Can(staff.PermManageUsers) {
		if year := c.MissingAdjustments(now); year != 0 {
			d.CalendarWarning = catalog.T("console.dashboard.calendar_missing", "year", year)
		}
	}
	if c.Unmatched != nil {
		if d.Weeks, err = c.Unmatched.UnmatchedWeeks(ctx, now, unmatchedWeeks); err != nil {
			return err
		}
	}
	d.Bars, d.ChartHeight = bars(d.D.Faults)
	d.ChartWidth = labelWidth + chartWidth + 60
	return c.render(ec, http.StatusOK, "dashboard.html", catalog.T("console.dashboard.title"), d)
}

// bars lays out the top-faults chart: one bar per group, scaled to the largest.
func bars(faults []triagedb.FaultCount) ([]bar, int) {
	most := 1
	for _, f := range faults {
		most = max(most, f.Count)
	}
	out := make([]bar, len(faults))
	for i, f := range faults {
		y := i * (barHeight + barGap)
		label := f.CategoryName
		if label == "" {
			label = f.Category
		}
		if f.Model != "" {
			label += " / " + f.Model
		}
		if f.RuleID != "" {
			label += " / " + f.RuleID
		}
		out[i] = bar{Label: label, Count: f.Count, Y: y, TextY: y + barHeight - 6,
			Width: max(2, f.Count*chartWidth/most)}
	}
	return out, max(len(faults)*(barHeight+barGap), barHeight)
}

// percent formats part ÷ whole, or "" when whole is zero.
func percent(part, whole int) string {
	if whole == 0 {
		return ""
	}
	return fmt.Sprintf("%.1f%%", 100*float64(part)/float64(whole))
}
