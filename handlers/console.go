package handlers

import (
	"context"
	"embed"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"path"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/service/accounts"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
	"github.com/wxintake/intake/triage/triagedb"
)

//go:embed templates/*.html
var templateFiles embed.FS

//go:embed static
var staticFiles embed.FS

// PagesDeps is what the pages read.
type PagesDeps struct {
	Log     *slog.Logger
	Tickets triage.Store
	Staff   staff.Store
	Notes   staff.Notes
	Audit   staff.AuditLog
	// Window returns a customer's customer-service message window (bot.Service.Window);
	// the reply box shows no quota when nil.
	Window func(ctx context.Context, openID string) (bot.Window, error)
	// Stats reads the rule outcome counters, for the containment rate.
	Stats interface {
		All(ctx context.Context) (map[string]*knowledge.RuleStats, error)
	}
	// Dashboard computes the dashboard's figures from the database (triagedb.Store).
	Dashboard interface {
		Dashboard(ctx context.Context, dayStart, from, to, now time.Time) (triagedb.Dashboard, error)
	}
	// Deliveries lists how a ticket's notifications went, on its page, and counts them on
	// the dashboard (triagedb.Outbox, console_delivery.go); neither is shown when nil.
	Deliveries Deliveries
	// Unmatched keeps the messages no rule matched (console_editor_unmatched.go); its page
	// answers 503 when nil.
	Unmatched UnmatchedStore
	// KB and Published serve the rule editor's pages (editor*.go): the draft and the
	// revisions (knowledgedb.Publisher), and the rules every instance serves. The editor
	// pages answer 503 when either is nil.
	KB            EditorStore
	Published     func() *bot.KnowledgeBase
	SecureCookies bool             // the session cookie is Secure (handlers.Console.SecureCookies)
	Location      *time.Location   // the business time zone pages show times in; UTC when nil
	Now           func() time.Time // time.Now when nil

	// Canned lists the canned replies for their admin page (console_canned.go), which answers
	// 503 when nil; LastLogins fills the users page's last-login column (console_users.go).
	Canned     CannedLister
	LastLogins LastLogins

	// The ticket view's tools (console_ticket_tools.go): replies WeChat did not take
	// (livechat.Chat.Undelivered), the customers' photos, the visit windows offered at a
	// time and the staff groups a ticket may move to. Each is left out when nil.
	Undelivered  func(ctx context.Context, number string) ([]staff.Undelivered, error)
	Media        MediaStore
	VisitWindows func(now time.Time) []triage.Window
	Groups       []triage.Group

	// MissingAdjustments returns the year whose holiday adjustments (调休) the business
	// calendar lacks at now, or 0 (triage.Calendar.MissingAdjustments); the dashboard warns
	// admins of it. No warning when nil.
	MissingAdjustments func(now time.Time) int

	// Waiting lists the chats waiting for a person with no ticket above the queue, and
	// takes them over (console_waiting.go); the section is left out when nil.
	Waiting Waiting
}

// Pages serves the pages.
type Pages struct {
	PagesDeps
	pages map[string]*template.Template
	unmatchedState
}

// NewPages parses the templates and returns the console's pages; Routes serves them
// when Deps.Pages is set.
func NewPages(d PagesDeps) (*Pages, error) {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Location == nil {
		d.Location = time.UTC
	}
	c := &Pages{PagesDeps: d, pages: map[string]*template.Template{}}
	funcs := template.FuncMap{
		"t":     func(key string, kv ...any) string { return catalog.T(key, kv...) },
		"clock": func(t time.Time) string { return t.In(d.Location).Format("2006-01-02 15:04") },
		"iso":   func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		// visible marks invisible characters in customers' text (console_visible.go).
		"visible": visible,
	}
	names, err := fs.Glob(templateFiles, "templates/*.html")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		if name == "templates/layout.html" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFiles, "templates/layout.html", name)
		if err != nil {
			return nil, err
		}
		c.pages[name[len("templates/"):]] = t
	}
	// The rule editor's pages share editor_parts.html.
	for _, name := range editorPages {
		c.pages[name] = template.Must(template.Must(c.pages[name].Clone()).ParseFS(templateFiles, "templates/editor_parts.html"))
	}
	c.pages["editor_unmatched.html"] = mustWithParts(c.pages["editor_unmatched.html"])
	return c, nil
}

// casePerms are what the case-work pages (queue, ticket, dashboard) need: agents and
// admins have them, editors do not.
var casePerms = []staff.Permission{staff.PermReadTickets, staff.PermReadCustomerPII}

// viewer is the signed-in staff member a page is rendered for.
type viewer struct {
	User     staff.User
	Session  staff.Session
	CSRF     string
	CaseWork bool // the user may see the case-work pages
}

const viewerKey = "console.viewer"

func viewerOf(c echo.Context) *viewer {
	v, _ := c.Get(viewerKey).(*viewer)
	return v
}

// authenticate resolves the session cookie; without a valid session it sends the
// browser to the login page.
func (c *Pages) authenticate(next echo.HandlerFunc) echo.HandlerFunc {
	return func(ec echo.Context) error {
		secureHeaders(ec)
		ck, err := ec.Cookie(SessionCookie)
		if err != nil {
			return ec.Redirect(http.StatusSeeOther, "/console/login")
		}
		sess, user, err := resolveSession(ec.Request().Context(), c.Staff, ck.Value, c.Now())
		if errors.Is(err, staff.ErrSessionNotFound) || (err == nil && sess.Kind != staff.KindSession) {
			return ec.Redirect(http.StatusSeeOther, "/console/login")
		} else if err != nil {
			return err
		}
		v := &viewer{User: user, Session: sess, CSRF: staff.CSRFToken(ck.Value), CaseWork: true}
		// A generated password (the first admin's) is changed before anything else.
		if user.MustChangePassword && ec.Path() != "/console/password" && ec.Path() != "/console/logout" {
			return ec.Redirect(http.StatusSeeOther, "/console/password")
		}
		for _, p := range casePerms {
			v.CaseWork = v.CaseWork && user.Can(p)
		}
		touchSession(ec.Request().Context(), c.Staff, c.Log, sess, c.Now())
		ec.Set(viewerKey, v)
		return next(ec)
	}
}

// contentPolicy allows the pages only their own scripts, styles and connections: a
// defence in depth behind html/template's escaping.
const contentPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

// serveStatic serves the files of fsys (the embedded scripts and styles): files only, no
// directory listing, and never sniffed.
func serveStatic(fsys fs.FS) http.Handler {
	files := http.FileServer(http.FS(fsys))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(path.Clean("/"+r.URL.Path), "/")
		if fi, err := fs.Stat(fsys, name); err != nil || fi.IsDir() || strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("X-Content-Type-Options", "nosniff")
		files.ServeHTTP(w, r)
	})
}

// secureHeaders marks a page private, not to be sniffed, framed or given foreign content.
func secureHeaders(ec echo.Context) {
	h := ec.Response().Header()
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Content-Security-Policy", contentPolicy)
	h.Set("Referrer-Policy", "same-origin")
}

// require lets through staff whose role grants every one of perms and shows the others
// a 403 page.
func require(perms ...staff.Permission) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(ec echo.Context) error {
			v := viewerOf(ec)
			for _, p := range perms {
				if !v.User.Can(p) {
					return ec.String(http.StatusForbidden, catalog.T("console.forbidden"))
				}
			}
			return next(ec)
		}
	}
}

// home sends staff to their landing page: the queue for those who work tickets, the
// rules for editors.
func (c *Pages) home(ec echo.Context) error {
	v := viewerOf(ec)
	if !v.CaseWork {
		if v.User.Can(staff.PermEditRules) {
			return ec.Redirect(http.StatusSeeOther, "/console/rules")
		}
		return ec.String(http.StatusForbidden, catalog.T("console.forbidden"))
	}
	return c.queue(ec)
}

// page is what every template gets: the viewer and the page's own data.
type page struct {
	Viewer *viewer
	Title  string
	Data   any
}

// render executes a page template.
func (c *Pages) render(ec echo.Context, status int, name, title string, data any) error {
	t, ok := c.pages[name]
	if !ok {
		return errors.New("console: no template " + name)
	}
	ec.Response().Header().Set(echo.HeaderContentType, echo.MIMETextHTMLCharsetUTF8)
	ec.Response().WriteHeader(status)
	return t.Execute(ec.Response(), page{Viewer: viewerOf(ec), Title: title, Data: data})
}

// login shows the login form; the script posts it to POST /api/v1/login.
func (c *Pages) login(ec echo.Context) error {
	secureHeaders(ec)
	return c.render(ec, http.StatusOK, "login.html", catalog.T("console.login.title"), nil)
}

// password shows the form to change one's own password; the script posts it to POST
// /api/v1/password. An account with a generated password is sent here until it has.
func (c *Pages) password(ec echo.Context) error {
	return c.render(ec, http.StatusOK, "password.html", catalog.T("console.password.title"), nil)
}

// logout ends the session (accounts.Gate.Logout, as the API's logout): POST
// /console/logout with the CSRF token in the form.
func (c *Pages) logout(ec echo.Context) error {
	v := viewerOf(ec)
	ck, _ := ec.Cookie(SessionCookie)
	if !staff.CheckCSRF(ck.Value, ec.FormValue(CSRFField)) {
		return ec.String(http.StatusForbidden, catalog.T("staff.error.csrf"))
	}
	gate := &accounts.Gate{Store: c.Staff, Log: c.Log}
	if c.Audit != nil {
		gate.Audit = c.Audit
	}
	if err := gate.Logout(ec.Request().Context(), v.User, v.Session); err != nil {
		return err
	}
	ec.SetCookie(&http.Cookie{Name: SessionCookie, Value: "", Path: "/", MaxAge: -1, HttpOnly: true,
		Secure: c.SecureCookies, SameSite: http.SameSiteLaxMode})
	return ec.Redirect(http.StatusSeeOther, "/console/login")
}
