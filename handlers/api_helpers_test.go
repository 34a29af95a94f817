package handlers_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/labstack/echo/v4"
	"golang.org/x/crypto/bcrypt"

	"github.com/wxintake/intake/handlers"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/metrics"
	"github.com/wxintake/intake/staff"
	"github.com/wxintake/intake/staff/staffredis"
	"github.com/wxintake/intake/triage"
)

// The test accounts: one per role, and their passwords.
var accounts = []struct {
	username string
	role     staff.Role
}{
	{"agent1", staff.RoleAgent},
	{"agent2", staff.RoleAgent},
	{"editor1", staff.RoleEditor},
	{"admin1", staff.RoleAdmin},
}

func password(username string) string { return "pw-" + username + "-secret" }

// console is a staff API under test: a whole service's stores behind an Echo of its own,
// with a fake ChatControl, served on loopback.
type console struct {
	*apptest.Service
	URL  string
	Echo *echo.Echo
	Chat *fakeChat
}

// startConsole starts a service on backend, adds the test accounts, and serves the API
// with a fake ChatControl.
func startConsole(t *testing.T, s *apptest.Service) *console {
	t.Helper()
	addAccounts(t, s)
	chat := &fakeChat{}
	c := serveConsole(t, s, chat)
	c.Chat = chat
	return c
}

// serveConsole serves the API on s's stores with chat as the ChatControl (nil for none).
func serveConsole(t *testing.T, s *apptest.Service, chat handlers.ChatControl) *console {
	t.Helper()
	return serveConsoleWith(t, s, chat, nil)
}

// serveConsoleWith is serveConsole with the dependencies changed by change (nil: none).
func serveConsoleWith(t *testing.T, s *apptest.Service, chat handlers.ChatControl, change func(*handlers.Deps)) *console {
	t.Helper()
	prefix := s.Cfg.Redis.KeyPrefix + "login:"
	d := handlers.Deps{
		Log: slog.New(slog.DiscardHandler), Metrics: metrics.New(), OA: s.WeChat.OA,
		WeChat:  handlers.WeChat{Path: "/wechat", Token: apptest.Token, MaxClockSkew: time.Minute, MaxBodyBytes: 64 << 10},
		Tickets: s.Tickets, Statuses: s.Notifier, Outbox: s.Notifier.Outbox, Staff: s.Staff, Notes: s.Staff, Audit: s.Staff,
		Logins:    staffredis.NewThrottle(s.Redis, prefix, staff.DefaultLoginPolicy()),
		Addresses: staffredis.NewThrottle(s.Redis, prefix, staff.AddressLoginPolicy()),
		Usernames: staffredis.NewThrottle(s.Redis, prefix, staff.UsernameLoginPolicy()),
		Chat:      chat,
		KB:        s.KB,
		Published: s.Knowledge,
		RuleStats: s.Stats,
		Live:      s.Sessions.Subscribe,
		Canned:    s.Canned,
		Console:   handlers.Console{SessionTTL: time.Hour},

		Visits: s.Notifier, VisitWindows: visitWindows(s), Groups: testGroups, Location: s.Calendar.Location(), // api_visit_test.go
	}
	if change != nil {
		change(&d)
	}
	e := handlers.New(d)
	srv := httptest.NewServer(e)
	t.Cleanup(srv.Close)
	return &console{Service: s, URL: srv.URL, Echo: e}
}

// addAccounts creates the test accounts, with cheap hashes.
func addAccounts(t *testing.T, s *apptest.Service) {
	t.Helper()
	for _, a := range accounts {
		h, err := bcrypt.GenerateFromPassword([]byte(password(a.username)), bcrypt.MinCost)
		if err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		_, err = s.Staff.CreateUser(context.Background(), staff.User{Username: a.username, Role: a.role, CreatedAt: now}, h)
		if err != nil {
			t.Fatal(err)
		}
	}
}

// token opens a login session for username straight in the store (no bcrypt, no
// throttle) and returns its token, for Bearer requests.
func token(t *testing.T, s *apptest.Service, username string) string {
	t.Helper()
	ctx := context.Background()
	u, err := s.Staff.User(ctx, username)
	if err != nil {
		t.Fatal(err)
	}
	tok, hash := staff.NewToken(staff.KindSession)
	now := time.Now()
	if _, err := s.Staff.CreateSession(ctx, staff.Session{UserID: u.ID, Kind: staff.KindSession, TokenHash: hash,
		CreatedAt: now, ExpiresAt: now.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	return tok
}

// reply is an API answer.
type reply struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into a map.
func (r reply) JSON(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.Body, &m); err != nil {
		t.Fatalf("answer %d is not a JSON object: %v: %s", r.Status, err, r.Body)
	}
	return m
}

// Code is the "error" of an error answer.
func (r reply) Code(t *testing.T) string {
	t.Helper()
	s, _ := r.JSON(t)["error"].(string)
	return s
}

// request is one API call; zero fields are left out.
type request struct {
	Method string
	Path   string // under the base URL, e.g. "/api/v1/tickets"
	Body   string // sent as application/json when not empty
	Bearer string
	CSRF   string
	Header map[string]string
}

// do sends r with client (cookies live in its jar).
func do(t *testing.T, client *http.Client, base string, r request) reply {
	t.Helper()
	var body io.Reader
	if r.Body != "" {
		body = strings.NewReader(r.Body)
	}
	req, err := http.NewRequest(r.Method, base+r.Path, body)
	if err != nil {
		t.Fatal(err)
	}
	if r.Body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	if r.Bearer != "" {
		req.Header.Set("Authorization", "Bearer "+r.Bearer)
	}
	if r.CSRF != "" {
		req.Header.Set(handlers.CSRFHeader, r.CSRF)
	}
	for k, v := range r.Header {
		req.Header.Set(k, v)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return reply{Status: resp.StatusCode, Header: resp.Header, Body: b}
}

// browser returns a client with a cookie jar, as a browser keeps the session cookie.
func browser(t *testing.T) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, Timeout: 10 * time.Second}
}

// plain is a client without cookies.
var plain = &http.Client{Timeout: 10 * time.Second}

// login logs username in with client and returns the answer's token and CSRF token.
func login(t *testing.T, client *http.Client, base, username string) (tok, csrf string) {
	t.Helper()
	r := do(t, client, base, request{Method: "POST", Path: "/api/v1/login",
		Body: `{"username":"` + username + `","password":"` + password(username) + `"}`})
	if r.Status != http.StatusOK {
		t.Fatalf("login %s: %d %s", username, r.Status, r.Body)
	}
	m := r.JSON(t)
	return m["token"].(string), m["csrf_token"].(string)
}

var ticketSeq atomic.Int64

// newTicket stores a fresh open ticket (a leaking fridge, normal priority) for openID,
// with a transcript, and returns its number.
func newTicket(t *testing.T, s *apptest.Service, openID string, changes ...func(*triage.Ticket)) string {
	t.Helper()
	now := time.Now()
	c := triage.Case{
		Category: "refrigerator", CategoryName: "冰箱", Brand: "海尔", Model: "BCD-470",
		PurchaseDate: triage.Date{Year: 2025, Month: time.March, Day: 8},
		Symptom:      "冰箱漏水", Trigger: triage.TriggerNone, ReportedAt: now, Region: "上海市",
	}
	r := triage.Triage(c, triage.DefaultPolicies().For(c.Category), s.Calendar)
	tk := triage.Ticket{
		CaseKey: "case-" + openID + "-" + time.Now().Format("150405.000000") + "-" + string(rune('a'+ticketSeq.Add(1)%26)),
		OpenID:  openID, Priority: r.Priority, Category: c.Category, Result: r, CreatedAt: now,
		Record:      triage.Record{Name: "张伟", Phone: "13800138000", Address: "上海市浦东新区世纪大道100号", Case: c},
		Attachments: []string{"media-photo-1"},
	}
	for _, f := range changes {
		f(&tk)
	}
	ctx := context.Background()
	created, ok, err := s.Tickets.Create(ctx, tk)
	if err != nil || !ok {
		t.Fatalf("create ticket: %v %v", ok, err)
	}
	if err := s.Tickets.AppendTranscript(ctx, created.Number,
		triage.TranscriptEntry{At: now, Role: triage.RoleCustomer, Text: "冰箱漏水，电话13800138000"},
		triage.TranscriptEntry{At: now, Role: triage.RoleBot, Text: "请问冰箱是什么时候买的？"},
	); err != nil {
		t.Fatal(err)
	}
	return created.Number
}

// fakeChat is a ChatControl that records its calls and succeeds.
type fakeChat struct {
	mu    sync.Mutex
	calls []string
}

func (f *fakeChat) record(s string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, s)
}

func (f *fakeChat) Takeover(_ context.Context, number string, by staff.User) (staff.Handover, error) {
	f.record("takeover " + number + " " + by.Username)
	return staff.Handover{}, nil
}

func (f *fakeChat) Reply(_ context.Context, number string, by staff.User, text string) (staff.ReplyResult, error) {
	f.record("reply " + number + " " + by.Username + " " + text)
	return staff.ReplyResult{Delivered: true}, nil
}

func (f *fakeChat) Handback(_ context.Context, number string, by staff.User) (staff.Handover, error) {
	f.record("handback " + number + " " + by.Username)
	return staff.Handover{}, nil
}

// auditActions returns the actions recorded for target (all when ""), newest first.
func auditActions(t *testing.T, s *apptest.Service, f staff.AuditFilter) []staff.AuditEntry {
	t.Helper()
	entries, _, err := s.Staff.Audit(context.Background(), f, staff.Page{Limit: 500})
	if err != nil {
		t.Fatal(err)
	}
	return entries
}

// compact re-encodes JSON without spaces, for comparing bodies.
func compact(b []byte) string {
	var out bytes.Buffer
	if err := json.Compact(&out, b); err != nil {
		return string(b)
	}
	return out.String()
}
