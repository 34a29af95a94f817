// Package handlers is the service's one web layer, on Echo: the WeChat webhook, the
// operations endpoints, the staff JSON API under /api/v1 (api_*.go), the staff console's
// server-rendered pages under /console (console*.go, templates/, static/) and the
// customer's ticket page (page.go). Every route is in this file's route table (Routes,
// and pageRoutes for the console). One authentication stack (auth.go) turns a bearer
// token or the session cookie into a staff member for both the API and the pages.
//
// Handlers are thin adapters: they decode, call a use case of internal/service/...
// (tickets, accounts, publishing), which holds the rule and writes the audit entry, and
// answer. Errors are *errs.Error kinds; api_errors.go is the one place a kind becomes an
// HTTP status. Lower packages never import this one (internal/archtest): the interfaces
// handlers consumes (ChatControl, TurnHandler, …) are declared here and met by the
// concrete types of internal/livechat, internal/media and internal/photoread.
package handlers

import (
	"context"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/silenceper/wechat/v2/officialaccount"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/internal/metrics"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/triage"
	"io/fs"
)

// TurnHandler runs one customer message through the bot.
type TurnHandler interface {
	Handle(ctx context.Context, in bot.Inbound) bot.Result
}

// Check is a readiness probe of one dependency.
type Check struct {
	Name string
	Ping func(ctx context.Context) error
}

// WeChat is the webhook's configuration.
type WeChat struct {
	Path         string
	Token        string
	MaxClockSkew time.Duration
	MaxBodyBytes int64
	// Plaintext admits messages that are not encrypted (compatible and plain mode); they
	// are then checked against Deps.Nonces. False (safe mode) refuses them with 403.
	Plaintext bool
}

// Nonces remembers which body each signed webhook URL carried (internal/nonces).
type Nonces interface {
	// Claim records that the URL signed with timestamp and nonce carried body, for ttl,
	// and reports false when that URL already carried another body.
	Claim(ctx context.Context, timestamp, nonce string, body []byte, ttl time.Duration) (bool, error)
}

// Deps is everything the handlers need.
type Deps struct {
	Log     *slog.Logger
	Metrics *metrics.Metrics
	OA      *officialaccount.OfficialAccount
	WeChat  WeChat
	Turns   TurnHandler
	Ready   []Check
	// ReadyNotes, when set, adds notices to /readyz's answer that do not make it fail
	// (calendar: a year's holiday adjustments missing).
	ReadyNotes func() map[string]string
	Now        func() time.Time // the clock for replay checks; time.Now when nil
	Nonces     Nonces           // required when WeChat.Plaintext
	// OpsToken, when set, is the bearer token /metrics and /readyz require.
	OpsToken string

	// TrustedProxies are the networks of the reverse proxies in front of the service
	// (config http.trusted_proxies). A request from one of them is from the client its
	// X-Forwarded-For names; with none, from its socket address, and X-Forwarded-For is
	// ignored. c.RealIP() is that address everywhere (the login throttle, the audit).
	TrustedProxies []*net.IPNet

	// The staff API under /api/v1 (auth.go, api_*.go).
	Tickets   triage.Store
	Statuses  StatusChanger // status changes with the customer's notification; store-only when nil
	Outbox    Outbox        // notifications that could not be delivered
	Staff     staff.Store
	Notes     staff.Notes
	Audit     staff.AuditLog
	Logins    staff.Throttle // login attempts per username and address: locks out
	Addresses staff.Throttle // login attempts per address: locks out
	Usernames staff.Throttle // login attempts per username from anywhere: only delays; none when nil
	Chat      ChatControl    // UnavailableChat when nil
	Console   Console
	Live      LiveFeed      // new transcript lines, for the event stream; 503 when nil
	Canned    CannedReplies // the canned replies (api_canned.go); their routes answer 503 when nil
	Pages     *Pages        // the staff console's pages (console*.go, NewPages); none when nil

	// Visits books engineer visits with the customer's notification (store-only when
	// nil) among VisitWindows, the windows offered at a time (none when nil); Groups are
	// the staff groups a ticket may be moved to (api_visit.go, api_ticket_actions.go).
	Visits       VisitBooker
	VisitWindows func(now time.Time) []triage.Window
	Groups       []triage.Group
	Location     *time.Location // the business time zone visit labels are written in; UTC when nil

	// Page is the customer's ticket page under /h5/t/ (page.go); not served when
	// Page.Tokens is nil.
	Page Page

	// The knowledge editor under /api/v1/kb (api_kb*.go); its routes answer 503 when KB
	// or Published is nil.
	KB        KnowledgeEditor
	Published func() *bot.KnowledgeBase // the knowledge base being served
	RuleStats RuleStatsReader
}

// New returns an Echo instance with the middleware and every route.
func New(d Deps) *echo.Echo {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.WeChat.Plaintext && d.Nonces == nil {
		panic("handlers: WeChat.Plaintext needs Deps.Nonces")
	}
	e := echo.New()
	e.HideBanner, e.HidePort = true, true
	e.IPExtractor = IPExtractor(d.TrustedProxies)
	e.HTTPErrorHandler = errorHandler(d.Log)
	e.Use(middleware.RecoverWithConfig(middleware.RecoverConfig{
		LogErrorFunc: func(c echo.Context, err error, stack []byte) error {
			d.Log.Error("panic in handler", "path", c.Path(), "err", err, "stack", string(stack))
			return err
		},
	}))
	Routes(e, d)
	return e
}

// IPExtractor returns how a request's client address is found: the socket address, or
// behind one of the trusted proxies the nearest X-Forwarded-For entry that is not one of
// them. Loopback, link-local and private networks are trusted only when listed.
func IPExtractor(trusted []*net.IPNet) echo.IPExtractor {
	if len(trusted) == 0 {
		return echo.ExtractIPDirect()
	}
	opts := []echo.TrustOption{echo.TrustLoopback(false), echo.TrustLinkLocal(false), echo.TrustPrivateNet(false)}
	for _, n := range trusted {
		opts = append(opts, echo.TrustIPRange(n))
	}
	return echo.ExtractIPFromXFFHeader(opts...)
}

// Routes is the route table.
func Routes(e *echo.Echo, d Deps) {
	wh := &webhook{Deps: d}
	e.GET(d.WeChat.Path, wh.serve)
	e.POST(d.WeChat.Path, wh.serve)

	// /healthz is open; /readyz and /metrics need Deps.OpsToken when it is set.
	ops := requireOpsToken(d.OpsToken)
	e.GET("/healthz", healthz)
	e.GET("/readyz", readyz(d.Ready, d.ReadyNotes), ops)
	e.GET("/metrics", echo.WrapHandler(promhttp.HandlerFor(d.Metrics.Registry, promhttp.HandlerOpts{})), ops)

	// The staff JSON API. authenticate resolves the session or token; requirePerm guards
	// every endpoint but login and the OpenAPI document. See openapi.json.
	api := newAPI(d)
	v1 := e.Group("/api/v1", middleware.BodyLimit("64K"), api.authenticate)
	v1.GET("/openapi.json", openAPIDocument)
	v1.POST("/login", api.login)
	v1.POST("/logout", api.logout, requirePerm(staff.PermSelf))
	v1.GET("/session", api.session, requirePerm(staff.PermSelf))
	v1.POST("/password", api.changePassword, requirePerm(staff.PermSelf))
	v1.GET("/tokens", api.listTokens, requirePerm(staff.PermSelf))
	v1.POST("/tokens", api.createToken, requirePerm(staff.PermSelf))
	v1.DELETE("/tokens/:id", api.revokeToken, requirePerm(staff.PermSelf))
	v1.GET("/users", api.listUsers, requirePerm(staff.PermManageUsers))
	v1.POST("/users", api.createUser, requirePerm(staff.PermManageUsers))
	v1.PATCH("/users/:username", api.updateUser, requirePerm(staff.PermManageUsers))
	v1.GET("/audit", api.auditLog, requirePerm(staff.PermViewAudit))
	v1.GET("/canned", api.listCanned, requirePerm(staff.PermChat), api.cannedAvailable)
	v1.POST("/canned", api.createCanned, requirePerm(staff.PermManageCanned), api.cannedAvailable)
	v1.PUT("/canned/:id", api.updateCanned, requirePerm(staff.PermManageCanned), api.cannedAvailable)
	v1.DELETE("/canned/:id", api.deleteCanned, requirePerm(staff.PermManageCanned), api.cannedAvailable)
	v1.GET("/notifications/failed", api.failedNotifications, requirePerm(staff.PermWriteTickets))
	v1.POST("/notifications/:id/retry", api.retryNotification, requirePerm(staff.PermWriteTickets))
	v1.GET("/tickets", api.listTickets, requirePerm(staff.PermReadTickets))
	v1.GET("/tickets/:number", api.ticket, requirePerm(staff.PermReadTickets))
	v1.POST("/tickets/:number/status", api.setStatus, requirePerm(staff.PermWriteTickets))
	v1.POST("/tickets/:number/notes", api.addNote, requirePerm(staff.PermWriteTickets))
	v1.POST("/tickets/:number/assign", api.assign, requirePerm(staff.PermWriteTickets))
	v1.POST("/tickets/:number/takeover", api.takeover, requirePerm(staff.PermChat))
	v1.POST("/tickets/:number/reply", api.reply, requirePerm(staff.PermChat))
	v1.POST("/tickets/:number/handback", api.handback, requirePerm(staff.PermChat))
	v1.GET("/tickets/:number/visit", api.visit, requirePerm(staff.PermReadTickets))
	v1.POST("/tickets/:number/visit", api.bookVisit, requirePerm(staff.PermWriteTickets))
	v1.GET("/tickets/:number/events", api.ticketEvents, requirePerm(staff.PermReadTickets), requirePerm(staff.PermReadCustomerPII))
	if d.Pages != nil {
		pageRoutes(e, d.Pages)
	}
	registerPage(e, d) // the customer's ticket page (page.go), outside /api/v1

	// The knowledge editor: preview and search for editors, publishing for publishers.
	// Import takes a whole set of files, more than the group's body limit.
	kb := newKBAPI(api)
	v1.POST("/kb/match", kb.match, requirePerm(matchPerm), kb.available)
	v1.GET("/kb/rules", kb.listRules, requirePerm(staff.PermEditRules), kb.available)
	v1.POST("/kb/rules", kb.createRule, requirePerm(staff.PermEditRules), kb.available)
	v1.GET("/kb/rules/:id", kb.getRule, requirePerm(staff.PermEditRules), kb.available)
	v1.PUT("/kb/rules/:id", kb.putRule, requirePerm(staff.PermEditRules), kb.available)
	v1.DELETE("/kb/rules/:id", kb.deleteRule, requirePerm(staff.PermEditRules), kb.available)
	v1.GET("/kb/faq", kb.listFAQ, requirePerm(staff.PermEditRules), kb.available)
	v1.POST("/kb/faq", kb.createFAQ, requirePerm(staff.PermEditRules), kb.available)
	v1.POST("/kb/faq/preview", kb.previewFAQ, requirePerm(staff.PermEditRules), kb.available)
	v1.GET("/kb/faq/:id", kb.getFAQ, requirePerm(staff.PermEditRules), kb.available)
	v1.PUT("/kb/faq/:id", kb.putFAQ, requirePerm(staff.PermEditRules), kb.available)
	v1.DELETE("/kb/faq/:id", kb.deleteFAQ, requirePerm(staff.PermEditRules), kb.available)
	v1.GET("/kb/selftest", kb.selfTest, requirePerm(staff.PermEditRules), kb.available)
	v1.GET("/kb/history", kb.history, requirePerm(staff.PermEditRules), kb.available)
	v1.GET("/kb/diff", kb.diff, requirePerm(staff.PermEditRules), kb.available)
	v1.GET("/kb/export", kb.export, requirePerm(staff.PermEditRules), kb.available)
	v1.GET("/kb/stats", kb.stats, requirePerm(staff.PermEditRules), kb.available)
	v1.GET("/kb/proposal", kb.proposal, requirePerm(staff.PermEditRules), kb.available)
	v1.POST("/kb/proposal/apply", kb.applyProposal, requirePerm(staff.PermEditRules), kb.available)
	v1.POST("/kb/proposal/dismiss", kb.dismissProposal, requirePerm(staff.PermEditRules), kb.available)
	v1.POST("/kb/publish", kb.publish, requirePerm(staff.PermPublishRules), kb.available)
	v1.POST("/kb/rollback", kb.rollback, requirePerm(staff.PermPublishRules), kb.available)
	e.POST("/api/v1/kb/import", kb.importFiles, middleware.BodyLimit("8M"), api.authenticate,
		requirePerm(staff.PermEditRules), kb.available)
}

// pageRoutes is the route table of the staff console's pages (console*.go). A page reads
// the same session cookie as the API, through the same resolveSession (auth.go); every
// change they offer goes to the API above.
func pageRoutes(e *echo.Echo, p *Pages) {
	static, _ := fs.Sub(staticFiles, "static")
	e.GET("/console/static/*", echo.WrapHandler(http.StripPrefix("/console/static/", serveStatic(static))))
	e.GET("/console/login", p.login)
	g := e.Group("/console", p.authenticate)
	g.GET("", p.home)
	g.GET("/", p.home)
	g.POST("/logout", p.logout)
	g.GET("/password", p.password)
	g.GET("/tickets/:number", p.ticket, require(casePerms...))
	g.POST("/waiting/takeover", p.takeWaiting, require(append(casePerms, staff.PermChat)...))
	g.GET("/dashboard", p.dashboard, require(append(casePerms, staff.PermViewDashboard)...))
	g.GET("/media/:id", p.media, require(staff.PermReadCustomerPII)) // the customers' photos
	// The rule editor's pages.
	edit := require(staff.PermEditRules)
	g.GET("/rules", p.editorRules, edit, p.editorAvailable)
	g.GET("/rules/new", p.editorNewRule, edit, p.editorAvailable)
	g.GET("/rules/history", p.editorHistory, edit, p.editorAvailable)
	g.GET("/rules/proposal", p.editorProposal, edit, p.editorAvailable)
	g.GET("/rules/unmatched", p.unmatchedPage, edit, p.editorAvailable, p.unmatchedAvailable)
	g.POST("/rules/unmatched/:id/sample", p.unmatchedSample, edit, p.editorAvailable, p.unmatchedAvailable, checkCSRF)
	g.POST("/rules/unmatched/:id/dismiss", p.unmatchedDismiss, edit, p.editorAvailable, p.unmatchedAvailable, checkCSRF)
	g.GET("/rules/faq", p.editorFAQList, edit, p.editorAvailable)
	g.GET("/rules/faq/new", p.editorFAQNew, edit, p.editorAvailable)
	g.GET("/rules/faq/:id", p.editorFAQEntry, edit, p.editorAvailable)
	g.GET("/rules/:id", p.editorRule, edit, p.editorAvailable)
	// Administration.
	g.GET("/users", p.users, require(staff.PermManageUsers))
	g.GET("/canned", p.cannedReplies, require(staff.PermManageCanned))
}

// errorHandler answers errors as JSON with their status, logging 5xx once, here.
func errorHandler(log *slog.Logger) echo.HTTPErrorHandler {
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			return
		}
		code, msg := http.StatusInternalServerError, "internal error"
		if he, ok := err.(*echo.HTTPError); ok {
			code = he.Code
			if s, ok := he.Message.(string); ok {
				msg = s
			} else {
				msg = http.StatusText(code)
			}
		}
		if code >= 500 {
			log.Error("request failed", "method", c.Request().Method, "path", c.Path(), "err", err)
		}
		_ = c.JSON(code, map[string]string{"error": msg})
	}
}
