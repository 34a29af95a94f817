package handlers_test

import (
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"gorm.io/gorm"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/handlers"
	"github.com/wxintake/intake/internal/database/migrations/migrationstest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/staff/staffdb"
	"github.com/wxintake/intake/triage"
	"github.com/wxintake/intake/triage/triagedb"
)

const hostile = `<script>alert(1)</script><img src=x onerror=alert(1)>`

// fixture is a console on SQLite with one ticket whose customer text is hostile markup,
// and a signed-in session per role.
type fixture struct {
	e       *echo.Echo
	staff   *staffdb.Store
	tickets *triagedb.Store
	outbox  *triagedb.Outbox
	db      *gorm.DB
	number  string
	tokens  map[staff.Role]string // session tokens
	api     string                // an API token of the agent
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	db := testenv.SQLite(t)
	migrationstest.Migrate(t, db)
	tickets := triagedb.New(db, triagedb.Config{Location: time.UTC})
	st := staffdb.New(db)
	now := time.Now()
	tk, _, err := tickets.Create(ctx, triage.Ticket{CaseKey: "k1", OpenID: "o1", Priority: triage.PriorityUrgent,
		Category: "fridge", RuleID: "fridge.leak", CreatedAt: now,
		Record: triage.Record{Name: hostile, Case: triage.Case{Category: "fridge", CategoryName: "冰箱", Symptom: hostile}},
		Result: triage.Result{Priority: triage.PriorityUrgent, SLA: triage.SLA{FirstResponseBy: now.Add(-time.Minute)}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := tickets.AppendTranscript(ctx, tk.Number, triage.TranscriptEntry{At: now, Role: triage.RoleCustomer, Text: hostile}); err != nil {
		t.Fatal(err)
	}
	outbox := triagedb.NewOutbox(db)
	c, err := handlers.NewPages(handlers.PagesDeps{Log: slog.New(slog.DiscardHandler), Tickets: tickets, Staff: st, Notes: st,
		Audit: st, Dashboard: tickets, Stats: fakeStats{"a": {Shown: 3, Solved: 1}, "b": {Shown: 1}}, Deliveries: outbox})
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{e: echo.New(), staff: st, tickets: tickets, outbox: outbox, db: db, number: tk.Number, tokens: map[staff.Role]string{}}
	handlers.RegisterPages(f.e, c)
	for _, role := range staff.Roles() {
		u, err := st.CreateUser(ctx, staff.User{Username: string(role) + "1", DisplayName: "王芳", Role: role,
			CreatedAt: now, UpdatedAt: now}, []byte("x"))
		if err != nil {
			t.Fatal(err)
		}
		f.tokens[role] = f.session(t, u, staff.KindSession)
		if role == staff.RoleAgent {
			f.api = f.session(t, u, staff.KindAPI)
		}
	}
	return f
}

func (f *fixture) session(t *testing.T, u staff.User, k staff.Kind) string {
	token, hash := staff.NewToken(k)
	now := time.Now()
	if _, err := f.staff.CreateSession(context.Background(), staff.Session{UserID: u.ID, Kind: k, TokenHash: hash,
		CreatedAt: now, ExpiresAt: now.Add(time.Hour), LastSeenAt: now}); err != nil {
		t.Fatal(err)
	}
	return token
}

// do sends a request with the session cookie token ("" for none).
func (f *fixture) do(method, path, token string, form url.Values) *httptest.ResponseRecorder {
	var req *http.Request
	if form != nil {
		req = httptest.NewRequest(method, path, strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	} else {
		req = httptest.NewRequest(method, path, nil)
	}
	if token != "" {
		req.AddCookie(&http.Cookie{Name: handlers.SessionCookie, Value: token})
	}
	rec := httptest.NewRecorder()
	f.e.ServeHTTP(rec, req)
	return rec
}

func TestPagesCheckRoles(t *testing.T) {
	f := newFixture(t)
	ticket := "/console/tickets/" + f.number
	for _, tc := range []struct {
		name, path, token string
		status            int
		location          string
	}{
		{"queue without session", "/console/", "", http.StatusSeeOther, "/console/login"},
		{"ticket without session", ticket, "", http.StatusSeeOther, "/console/login"},
		{"bogus cookie", "/console/dashboard", "not-a-token", http.StatusSeeOther, "/console/login"},
		{"API token as cookie", "/console/", f.api, http.StatusSeeOther, "/console/login"},
		{"login page", "/console/login", "", http.StatusOK, ""},
		{"agent queue", "/console/", f.tokens[staff.RoleAgent], http.StatusOK, ""},
		{"agent ticket", ticket, f.tokens[staff.RoleAgent], http.StatusOK, ""},
		{"agent dashboard", "/console/dashboard", f.tokens[staff.RoleAgent], http.StatusOK, ""},
		{"admin queue", "/console/", f.tokens[staff.RoleAdmin], http.StatusOK, ""},
		{"admin dashboard", "/console/dashboard?days=30", f.tokens[staff.RoleAdmin], http.StatusOK, ""},
		{"editor home", "/console/", f.tokens[staff.RoleEditor], http.StatusSeeOther, "/console/rules"},
		{"editor ticket", ticket, f.tokens[staff.RoleEditor], http.StatusForbidden, ""},
		{"editor dashboard", "/console/dashboard", f.tokens[staff.RoleEditor], http.StatusForbidden, ""},
		{"unknown ticket", "/console/tickets/RS20000101-0001", f.tokens[staff.RoleAgent], http.StatusNotFound, ""},
		{"bad status filter", "/console/?status=closed", f.tokens[staff.RoleAgent], http.StatusBadRequest, ""},
		{"static script", "/console/static/console.js", "", http.StatusOK, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := f.do(http.MethodGet, tc.path, tc.token, nil)
			if rec.Code != tc.status || rec.Header().Get("Location") != tc.location {
				t.Fatalf("GET %s = %d → %q; want %d → %q", tc.path, rec.Code, rec.Header().Get("Location"), tc.status, tc.location)
			}
		})
	}
}

func TestPagesEscapeCustomerText(t *testing.T) {
	f := newFixture(t)
	for _, path := range []string{"/console/", "/console/tickets/" + f.number, "/console/?breached=1"} {
		body := f.do(http.MethodGet, path, f.tokens[staff.RoleAgent], nil).Body.String()
		if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") {
			t.Errorf("%s renders customer markup unescaped", path)
		}
		if !strings.Contains(body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
			t.Errorf("%s lacks the escaped customer text", path)
		}
		if !strings.Contains(body, f.number) {
			t.Errorf("%s lacks ticket %s", path, f.number)
		}
	}
	// The breached filter shows the ticket: its deadline passed a minute ago.
	if body := f.do(http.MethodGet, "/console/?breached=1", f.tokens[staff.RoleAgent], nil).Body.String(); !strings.Contains(body, `class="p-urgent breached"`) {
		t.Error("the overdue ticket is not marked breached")
	}
}

type fakeStats map[string]*knowledge.RuleStats

func (f fakeStats) All(context.Context) (map[string]*knowledge.RuleStats, error) { return f, nil }

// The dashboard shows the figures: the containment rate from the rule counters, the
// ticket counts from the database, the top fault as a bar.
func TestDashboardPage(t *testing.T) {
	f := newFixture(t)
	body := f.do(http.MethodGet, "/console/dashboard?days=1", f.tokens[staff.RoleAdmin], nil).Body.String()
	for _, want := range []string{`id="containment">25.0%<`, `id="open-now">1<`, `id="breached-now">1<`,
		`id="new-today">1<`, "<rect ", ">冰箱 / fridge.leak</text>"} {
		if !strings.Contains(body, want) {
			t.Errorf("dashboard lacks %s", want)
		}
	}
}

func TestPagesCarryCSRFToken(t *testing.T) {
	f := newFixture(t)
	token := f.tokens[staff.RoleAgent]
	rec := f.do(http.MethodGet, "/console/", token, nil)
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	body := rec.Body.String()
	csrf := staff.CSRFToken(token)
	if !strings.Contains(body, `data-csrf="`+csrf+`"`) || !strings.Contains(body, `name="csrf" value="`+csrf+`"`) {
		t.Fatal("the page does not carry the session's CSRF token")
	}
}

func TestLogoutChecksCSRF(t *testing.T) {
	f := newFixture(t)
	token := f.tokens[staff.RoleAgent]
	for _, bad := range []url.Values{{}, {"csrf": {"forged"}}, {"csrf": {staff.CSRFToken(f.tokens[staff.RoleAdmin])}}} {
		if rec := f.do(http.MethodPost, "/console/logout", token, bad); rec.Code != http.StatusForbidden {
			t.Fatalf("logout with csrf %q = %d; want 403", bad.Get("csrf"), rec.Code)
		}
	}
	if rec := f.do(http.MethodGet, "/console/", token, nil); rec.Code != http.StatusOK {
		t.Fatalf("a refused logout ended the session: %d", rec.Code)
	}
	rec := f.do(http.MethodPost, "/console/logout", token, url.Values{"csrf": {staff.CSRFToken(token)}})
	if rec.Code != http.StatusSeeOther || !strings.Contains(rec.Header().Get("Set-Cookie"), "Max-Age=0") {
		t.Fatalf("logout = %d, Set-Cookie %q", rec.Code, rec.Header().Get("Set-Cookie"))
	}
	if rec := f.do(http.MethodGet, "/console/", token, nil); rec.Code != http.StatusSeeOther {
		t.Fatalf("the session outlived the logout: %d", rec.Code)
	}
}

// The ticket page shows the facts the warranty verdict rests on, from the catalog.
func TestTicketPageWarrantyFacts(t *testing.T) {
	f := newFixture(t)
	page := func(number string) string {
		return f.do(http.MethodGet, "/console/tickets/"+number, f.tokens[staff.RoleAgent], nil).Body.String()
	}
	if body := page(f.number); !strings.Contains(body, catalog.T("console.ticket.extended_unknown")) ||
		strings.Contains(body, `id="delivered"`) || strings.Contains(body, `id="repair-claim"`) {
		t.Errorf("a ticket without warranty facts shows some: %s", body)
	}
	tk, _, err := f.tickets.Create(context.Background(), triage.Ticket{CaseKey: "k-warranty", OpenID: "o2",
		Priority: triage.PriorityNormal, Category: "fridge", CreatedAt: time.Now(),
		Record: triage.Record{Case: triage.Case{Category: "fridge", CategoryName: "冰箱", Symptom: "不制冷",
			Delivered: triage.Date{Year: 2025, Month: time.March, Day: 12}, ExtendedWarranty: triage.AnswerYes,
			ExtendedMonths: 60, ExtendedTotal: true, RepairClaim: "上个月刚修过"}}})
	if err != nil {
		t.Fatal(err)
	}
	body := page(tk.Number)
	for _, want := range []string{"2025-03-12", catalog.T("console.ticket.extended_total", "months", 60), "上个月刚修过"} {
		if !strings.Contains(body, want) {
			t.Errorf("the ticket page lacks %q", want)
		}
	}
}
