package handlers

import (
	"context"
	_ "embed"
	"errors"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/pagetoken"
	"github.com/wxintake/intake/triage"
)

// The customer's ticket page: what a template message or a chat notice links to, opened
// in WeChat's browser with a signed, expiring, per-ticket token instead of a login. It
// shows the status timeline, the next step and its promised time, the booked visit (which
// the customer may move to another offered window), the engineer's note, and after
// completion the 1–5 rating, once per ticket. Personal data is masked.

// PagePath is where the page is served: PagePath + token.
const PagePath = "/h5/t/"

// Rater records the customer's rating of a ticket as the chat survey does
// (effects.Backend.RateTicket): the score once per ticket, and the comment.
type Rater interface {
	RateTicket(ctx context.Context, openID string, e bot.RateTicket) error
}

// Page is the customer page's configuration; the page is not served when Tokens is nil.
type Page struct {
	Tokens *pagetoken.Signer
	Rater  Rater
	// Promise says by when the customer hears from us next (effects.Promise).
	Promise func(t triage.Ticket) string
}

//go:embed page.html
var pageHTML string

var pageTemplate = template.Must(template.New("page").Funcs(template.FuncMap{
	"t":      func(key string, kv ...any) string { return catalog.T(key, kv...) },
	"scores": func() []int { return []int{1, 2, 3, 4, 5} },
}).Parse(pageHTML))

// pageContentPolicy allows the page's inline styles and its own forms, nothing else: no
// script runs on it.
const pageContentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

type customerPage struct{ Deps }

type pageView struct {
	Token    string
	Number   string
	Product  string
	Status   string
	Open     bool
	Next     string
	Promise  string
	Name     string
	Phone    string
	Address  string
	Note     string
	Visit    string
	Windows  []pageWindow
	Timeline []pageEvent
	CanRate  bool
	Rating   int
	Comment  string
	Notice   string // what the last action did
	Error    string
}

type pageWindow struct {
	Start int64
	Label string
}

type pageEvent struct {
	At     string
	Status string
	Note   string
}

func registerPage(e *echo.Echo, d Deps) {
	if d.Page.Tokens == nil {
		return
	}
	p := &customerPage{Deps: d}
	e.GET(PagePath+":token", p.show)
	e.POST(PagePath+":token/visit", p.rebook)
	e.POST(PagePath+":token/rate", p.rate)
}

// ticket resolves the request's token to its ticket; an invalid or expired link, or a
// ticket that is gone, answers with the page saying so.
func (p *customerPage) ticket(c echo.Context) (triage.Ticket, error) {
	number, err := p.Page.Tokens.Verify(c.Param("token"), p.Now())
	if err == nil {
		var t triage.Ticket
		t, err = p.Tickets.Get(c.Request().Context(), number)
		if err == nil {
			return t, nil
		}
		if !errors.Is(err, triage.ErrNotFound) {
			return triage.Ticket{}, err
		}
	}
	key := "h5.link_invalid"
	if errors.Is(err, pagetoken.ErrExpired) {
		key = "h5.link_expired"
	}
	return triage.Ticket{}, p.render(c, http.StatusNotFound, pageView{Error: catalog.T(key)})
}

func (p *customerPage) show(c echo.Context) error {
	t, err := p.ticket(c)
	if err != nil || t.Number == "" {
		return err
	}
	v, err := p.view(c.Request().Context(), t, c.Param("token"))
	if err != nil {
		return err
	}
	switch c.QueryParam("done") {
	case "visit":
		v.Notice = catalog.T("h5.visit.done", "window", v.Visit)
	case "rated":
		v.Notice = catalog.T("h5.rate.done")
	}
	switch c.QueryParam("error") {
	case "window":
		v.Notice = catalog.T("h5.visit.unknown")
	case "closed":
		v.Notice = catalog.T("h5.visit.closed")
	case "score":
		v.Notice = catalog.T("h5.rate.invalid")
	case "rated":
		v.Notice = catalog.T("h5.rate.once")
	}
	return p.render(c, http.StatusOK, v)
}

// rebook books another of the offered windows: POST /h5/t/{token}/visit, form field start
// (Unix seconds). Like staff booking (bookVisit), only an offered window on an open ticket.
func (p *customerPage) rebook(c echo.Context) error {
	t, err := p.ticket(c)
	if err != nil || t.Number == "" {
		return err
	}
	start, _ := strconv.ParseInt(c.FormValue("start"), 10, 64)
	a := &api{Deps: p.Deps}
	chosen, ok := pickWindow(a.offered(), start)
	back := PagePath + c.Param("token")
	switch {
	case !t.Status.Open():
		return c.Redirect(http.StatusSeeOther, back+"?error=closed")
	case !ok:
		return c.Redirect(http.StatusSeeOther, back+"?error=window")
	}
	ctx := c.Request().Context()
	if _, err := p.Visits.BookVisit(ctx, t.Number, chosen, "customer"); err != nil {
		return err
	}
	p.note(ctx, t.Number, catalog.T("h5.log.visit", "window", a.local(chosen).Label()))
	return c.Redirect(http.StatusSeeOther, back+"?done=visit")
}

// rate records the rating: POST /h5/t/{token}/rate, form fields score (1–5) and comment.
// Once per ticket, after completion.
func (p *customerPage) rate(c echo.Context) error {
	t, err := p.ticket(c)
	if err != nil || t.Number == "" {
		return err
	}
	back := PagePath + c.Param("token")
	score, err := strconv.Atoi(c.FormValue("score"))
	switch {
	case t.Rating != 0:
		return c.Redirect(http.StatusSeeOther, back+"?error=rated")
	case !rateable(t.Status) || p.Page.Rater == nil:
		return c.Redirect(http.StatusSeeOther, back+"?error=closed")
	case err != nil || score < 1 || score > 5:
		return c.Redirect(http.StatusSeeOther, back+"?error=score")
	}
	comment := strings.TrimSpace(c.FormValue("comment"))
	if utf8.RuneCountInString(comment) > 500 {
		comment = string([]rune(comment)[:500])
	}
	ctx := c.Request().Context()
	if err := p.Page.Rater.RateTicket(ctx, t.OpenID, bot.RateTicket{Number: t.Number, Score: score, Comment: comment}); err != nil {
		return err
	}
	p.note(ctx, t.Number, catalog.T("h5.log.rated", "score", score, "comment", comment))
	return c.Redirect(http.StatusSeeOther, back+"?done=rated")
}

// note writes what the customer did on the page into the ticket's transcript, for staff;
// the action stands if it cannot be written.
func (p *customerPage) note(ctx context.Context, number, text string) {
	err := p.Tickets.AppendTranscript(ctx, number, triage.TranscriptEntry{At: p.Now(), Role: triage.RoleSystem, Text: text})
	if err != nil && p.Log != nil {
		p.Log.Warn("customer page: transcript", "ticket", number, "err", err)
	}
}

func rateable(s triage.Status) bool { return s == triage.StatusCompleted || s == triage.StatusClosed }

func (p *customerPage) view(ctx context.Context, t triage.Ticket, token string) (pageView, error) {
	loc := p.Location
	if loc == nil {
		loc = time.UTC
	}
	v := pageView{
		Token: token, Number: t.Number, Status: t.Status.Label(), Open: t.Status.Open(),
		Product: strings.TrimSpace(t.Record.Case.Brand + t.Record.Case.CategoryName + " " + t.Record.Case.Model),
		Name:    maskName(t.Record.Name), Phone: maskPhone(t.Record.Phone), Address: maskAddress(t.Record.Address),
		CanRate: rateable(t.Status) && t.Rating == 0 && p.Page.Rater != nil, Rating: t.Rating, Comment: t.Comment,
	}
	if t.Status.Open() || (t.Status == triage.StatusCompleted && t.Rating == 0) {
		v.Next = catalog.T("effects.next." + string(t.Status))
	}
	if t.Status.Open() && p.Page.Promise != nil {
		v.Promise = p.Page.Promise(t)
	}
	a := &api{Deps: p.Deps}
	if !t.VisitWindow.IsZero() {
		v.Visit = a.local(t.VisitWindow).Label()
	}
	if t.Status.Open() {
		for _, w := range a.offered() {
			if w.Start.Equal(t.VisitWindow.Start) {
				continue
			}
			v.Windows = append(v.Windows, pageWindow{Start: w.Start.Unix(), Label: w.Label()})
		}
	}
	history, err := p.Tickets.History(ctx, t.Number)
	if err != nil {
		return pageView{}, err
	}
	for i := len(history) - 1; i >= 0; i-- { // newest first
		h := history[i]
		v.Timeline = append(v.Timeline, pageEvent{At: h.At.In(loc).Format("01-02 15:04"), Status: h.To.Label(), Note: h.Note})
		if v.Note == "" {
			v.Note = h.Note
		}
	}
	return v, nil
}

func (p *customerPage) render(c echo.Context, status int, v pageView) error {
	h := c.Response().Header()
	h.Set(echo.HeaderContentType, echo.MIMETextHTMLCharsetUTF8)
	h.Set("Content-Security-Policy", pageContentPolicy)
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer") // the token is in the URL
	h.Set("X-Content-Type-Options", "nosniff")
	c.Response().WriteHeader(status)
	return pageTemplate.Execute(c.Response(), v)
}

// pickWindow returns the window of windows starting at start (Unix seconds).
func pickWindow(windows []triage.Window, start int64) (triage.Window, bool) {
	for _, w := range windows {
		if w.Start.Unix() == start {
			return w, true
		}
	}
	return triage.Window{}, false
}

// maskName keeps a name's first character: 张**.
func maskName(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) == 0 {
		return ""
	}
	return string(r[0]) + strings.Repeat("*", max(len(r)-1, 1))
}

// maskPhone keeps a phone number's first 3 and last 4 digits: 138****5678.
func maskPhone(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) <= 4 {
		return strings.Repeat("*", len(r))
	}
	if len(r) < 8 {
		return strings.Repeat("*", len(r)-4) + string(r[len(r)-4:])
	}
	return string(r[:3]) + strings.Repeat("*", len(r)-7) + string(r[len(r)-4:])
}

// maskAddress keeps the first 6 characters of an address (province and city, as a rule):
// 北京市朝阳区****.
func maskAddress(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) == 0 {
		return ""
	}
	keep := min(6, len(r)/2)
	return string(r[:keep]) + "****"
}
