package handlers_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/labstack/echo/v4"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/canned"
	"github.com/wxintake/intake/staff"
)

// routeCase is one /api/v1 route of the permission matrix: the permission it needs ("" for
// public), the status an allowed caller gets, and how to build a valid request for a
// caller (username "" for nobody).
type routeCase struct {
	method, path string
	perm         staff.Permission
	ok           int
	call         func(t *testing.T, c *console, username string) request
}

// fixed returns a call that is the same for every caller.
func fixed(method, path, body string) func(*testing.T, *console, string) request {
	return func(*testing.T, *console, string) request { return request{Method: method, Path: path, Body: body} }
}

// onTicket returns a call on a fresh ticket's sub-resource.
func onTicket(method, sub, body string) func(*testing.T, *console, string) request {
	return func(t *testing.T, c *console, username string) request {
		n := newTicket(t, c.Service, "o_matrix")
		return request{Method: method, Path: "/api/v1/tickets/" + n + sub, Body: strings.ReplaceAll(body, "$ME", orAgent(username))}
	}
}

func orAgent(username string) string {
	if username == "" {
		return "agent1"
	}
	return username
}

var seq int

// matrix lists every /api/v1 route; TestEveryRouteIsInTheMatrix keeps it complete.
var matrix = []routeCase{
	{"GET", "/api/v1/openapi.json", "", 200, fixed("GET", "/api/v1/openapi.json", "")},
	{"POST", "/api/v1/login", "", 200, func(_ *testing.T, _ *console, u string) request {
		u = orAgent(u)
		return request{Method: "POST", Path: "/api/v1/login", Body: `{"username":"` + u + `","password":"` + password(u) + `"}`}
	}},
	{"POST", "/api/v1/logout", staff.PermSelf, 204, fixed("POST", "/api/v1/logout", "")},
	{"GET", "/api/v1/session", staff.PermSelf, 200, fixed("GET", "/api/v1/session", "")},
	{"GET", "/api/v1/tokens", staff.PermSelf, 200, fixed("GET", "/api/v1/tokens", "")},
	{"POST", "/api/v1/tokens", staff.PermSelf, 201, fixed("POST", "/api/v1/tokens", `{"name":"脚本"}`)},
	{"DELETE", "/api/v1/tokens/:id", staff.PermSelf, 204, func(t *testing.T, c *console, u string) request {
		id := uint64(1)
		if u != "" {
			id = apiToken(t, c.Service, u)
		}
		return request{Method: "DELETE", Path: "/api/v1/tokens/" + strconv.FormatUint(id, 10)}
	}},
	{"GET", "/api/v1/users", staff.PermManageUsers, 200, fixed("GET", "/api/v1/users", "")},
	{"POST", "/api/v1/users", staff.PermManageUsers, 201, func(*testing.T, *console, string) request {
		seq++
		return request{Method: "POST", Path: "/api/v1/users",
			Body: `{"username":"new` + strconv.Itoa(seq) + `","role":"agent","password":"long enough too"}`}
	}},
	{"PATCH", "/api/v1/users/:username", staff.PermManageUsers, 200, fixed("PATCH", "/api/v1/users/agent2", `{"display_name":"李四"}`)},
	{"GET", "/api/v1/audit", staff.PermViewAudit, 200, fixed("GET", "/api/v1/audit", "")},
	{"GET", "/api/v1/canned", staff.PermChat, 200, fixed("GET", "/api/v1/canned", "")},
	{"POST", "/api/v1/canned", staff.PermManageCanned, 201, fixed("POST", "/api/v1/canned", `{"title":"问候","text":"您好"}`)},
	{"PUT", "/api/v1/canned/:id", staff.PermManageCanned, 200, onCanned("PUT", `{"title":"改","text":"您好，请稍等"}`)},
	{"DELETE", "/api/v1/canned/:id", staff.PermManageCanned, 204, onCanned("DELETE", "")},
	{"GET", "/api/v1/notifications/failed", staff.PermWriteTickets, 200, fixed("GET", "/api/v1/notifications/failed", "")},
	{"POST", "/api/v1/notifications/:id/retry", staff.PermWriteTickets, 404, fixed("POST", "/api/v1/notifications/999999/retry", "")},
	{"GET", "/api/v1/tickets", staff.PermReadTickets, 200, fixed("GET", "/api/v1/tickets", "")},
	{"GET", "/api/v1/tickets/:number", staff.PermReadTickets, 200, onTicket("GET", "", "")},
	{"POST", "/api/v1/tickets/:number/status", staff.PermWriteTickets, 200, onTicket("POST", "/status", `{"status":"accepted"}`)},
	{"POST", "/api/v1/tickets/:number/notes", staff.PermWriteTickets, 201, onTicket("POST", "/notes", `{"text":"回访"}`)},
	{"POST", "/api/v1/tickets/:number/assign", staff.PermWriteTickets, 200, onTicket("POST", "/assign", `{"assignee":"$ME"}`)},
	{"POST", "/api/v1/tickets/:number/takeover", staff.PermChat, 204, onTicket("POST", "/takeover", "")},
	{"POST", "/api/v1/tickets/:number/reply", staff.PermChat, 200, onTicket("POST", "/reply", `{"text":"您好"}`)},
	{"POST", "/api/v1/tickets/:number/handback", staff.PermChat, 204, onTicket("POST", "/handback", "")},
	{"GET", "/api/v1/tickets/:number/events", staff.PermReadCustomerPII, 200, onTicket("GET", "/events?wait=1", "")},
	{"GET", "/api/v1/tickets/:number/visit", staff.PermReadTickets, 200, onTicket("GET", "/visit", "")},
	{"POST", "/api/v1/tickets/:number/visit", staff.PermWriteTickets, 200, func(t *testing.T, c *console, u string) request {
		r := onTicket("POST", "/visit", "")(t, c, u)
		r.Body = `{"start":` + strconv.FormatInt(visitWindows(c.Service)(time.Now())[0].Start.Unix(), 10) + `}`
		return r
	}},
	{"POST", "/api/v1/kb/match", staff.PermSelf, 200, fixed("POST", "/api/v1/kb/match", `{"text":"冰箱不制冷"}`)},
	{"GET", "/api/v1/kb/rules", staff.PermEditRules, 200, fixed("GET", "/api/v1/kb/rules", "")},
	{"POST", "/api/v1/kb/rules", staff.PermEditRules, 201, func(*testing.T, *console, string) request {
		return request{Method: "POST", Path: "/api/v1/kb/rules", Body: matrixRule(),
			Header: map[string]string{"Content-Type": "text/yaml"}}
	}},
	{"GET", "/api/v1/kb/rules/:id", staff.PermEditRules, 200, fixed("GET", "/api/v1/kb/rules/fridge-not-cold", "")},
	{"PUT", "/api/v1/kb/rules/:id", staff.PermEditRules, 200, func(t *testing.T, c *console, _ string) request {
		text, err := c.Service.KB.RuleText(context.Background(), "fridge-not-cold")
		if err != nil {
			t.Fatal(err)
		}
		return request{Method: "PUT", Path: "/api/v1/kb/rules/fridge-not-cold", Body: string(text),
			Header: map[string]string{"Content-Type": "text/yaml"}}
	}},
	{"DELETE", "/api/v1/kb/rules/:id", staff.PermEditRules, 204, func(t *testing.T, c *console, _ string) request {
		r := draftRule(t, c)
		return request{Method: "DELETE", Path: "/api/v1/kb/rules/" + r}
	}},
	{"GET", "/api/v1/kb/faq", staff.PermEditRules, 200, fixed("GET", "/api/v1/kb/faq", "")},
	{"POST", "/api/v1/kb/faq", staff.PermEditRules, 201, func(*testing.T, *console, string) request {
		return request{Method: "POST", Path: "/api/v1/kb/faq", Body: matrixFAQ("faq-matrix-" + strconv.FormatInt(time.Now().UnixNano(), 36))}
	}},
	{"POST", "/api/v1/kb/faq/preview", staff.PermEditRules, 200, fixed("POST", "/api/v1/kb/faq/preview", `{"text":"你们几点上班"}`)},
	{"GET", "/api/v1/kb/faq/:id", staff.PermEditRules, 200, fixed("GET", "/api/v1/kb/faq/faq-service-hours", "")},
	{"PUT", "/api/v1/kb/faq/:id", staff.PermEditRules, 200, fixed("PUT", "/api/v1/kb/faq/faq-service-hours", matrixFAQ("faq-service-hours"))},
	{"DELETE", "/api/v1/kb/faq/:id", staff.PermEditRules, 204, func(t *testing.T, c *console, _ string) request {
		id := "faq-matrix-del-" + strconv.FormatInt(time.Now().UnixNano(), 36)
		if err := c.Service.KB.PutFAQ(context.Background(), "test", "", faqEntryForMatrix(id)); err != nil {
			t.Fatal(err)
		}
		return request{Method: "DELETE", Path: "/api/v1/kb/faq/" + id}
	}},
	{"GET", "/api/v1/kb/selftest", staff.PermEditRules, 200, fixed("GET", "/api/v1/kb/selftest", "")},
	{"GET", "/api/v1/kb/history", staff.PermEditRules, 200, fixed("GET", "/api/v1/kb/history", "")},
	{"GET", "/api/v1/kb/diff", staff.PermEditRules, 200, fixed("GET", "/api/v1/kb/diff", "")},
	{"GET", "/api/v1/kb/export", staff.PermEditRules, 200, fixed("GET", "/api/v1/kb/export", "")},
	{"GET", "/api/v1/kb/stats", staff.PermEditRules, 200, fixed("GET", "/api/v1/kb/stats", "")},
	{"GET", "/api/v1/kb/proposal", staff.PermEditRules, 200, fixed("GET", "/api/v1/kb/proposal", "")},
	{"POST", "/api/v1/kb/proposal/apply", staff.PermEditRules, 200, fixed("POST", "/api/v1/kb/proposal/apply", `{"choices":{}}`)},
	{"POST", "/api/v1/kb/proposal/dismiss", staff.PermEditRules, 200, fixed("POST", "/api/v1/kb/proposal/dismiss", "")},
	{"POST", "/api/v1/kb/import", staff.PermEditRules, 200, func(t *testing.T, c *console, _ string) request {
		files, err := c.Service.KB.Export(context.Background(), 0)
		if err != nil {
			t.Fatal(err)
		}
		texts := map[string]string{}
		for name, b := range files {
			texts[name] = string(b)
		}
		body, _ := json.Marshal(map[string]any{"files": texts})
		return request{Method: "POST", Path: "/api/v1/kb/import", Body: string(body)}
	}},
	{"POST", "/api/v1/kb/publish", staff.PermPublishRules, 200, func(t *testing.T, c *console, _ string) request {
		draftRule(t, c) // something to publish
		return request{Method: "POST", Path: "/api/v1/kb/publish", Body: `{"message":"matrix"}`}
	}},
	{"POST", "/api/v1/kb/rollback", staff.PermPublishRules, 200, func(t *testing.T, c *console, _ string) request {
		draftRule(t, c) // a revision other than 1 to roll back from
		if _, err := c.Service.KB.Publish(context.Background(), "matrix", "matrix"); err != nil {
			t.Fatal(err)
		}
		return request{Method: "POST", Path: "/api/v1/kb/rollback", Body: `{"version":1}`}
	}},
	// Last: it changes each caller's password (and ends its sessions).
	{"POST", "/api/v1/password", staff.PermSelf, 204, func(_ *testing.T, _ *console, u string) request {
		return request{Method: "POST", Path: "/api/v1/password",
			Body: `{"current_password":"` + password(u) + `","new_password":"` + password(u) + ` changed"}`}
	}},
}

// onCanned returns a call on a fresh canned reply.
func onCanned(method, body string) func(*testing.T, *console, string) request {
	return func(t *testing.T, c *console, _ string) request {
		r, err := c.Service.Canned.Create(context.Background(), canned.Reply{Text: "矩阵测试", CreatedBy: "admin1", CreatedAt: time.Now()})
		if err != nil {
			t.Fatal(err)
		}
		return request{Method: method, Path: "/api/v1/canned/" + strconv.FormatUint(r.ID, 10), Body: body}
	}
}

// matrixRule is a new rule, different on every call, that passes the self-test.
func matrixRule() string {
	seq++
	n := strconv.Itoa(seq)
	return "id: matrix-" + n + "\ntitle: 矩阵测试" + n + "\ntriggers:\n  keywords: [矩阵测试故障" + n + "号]\n" +
		"unresolved: {fault_class: hardware, priority: routine, onsite: false}\n" +
		"samples: [矩阵测试故障" + n + "号了, 出现矩阵测试故障" + n + "号, 矩阵测试故障" + n + "号怎么办]\n"
}

// draftRule adds a matrixRule to the draft and returns its id.
func draftRule(t *testing.T, c *console) string {
	t.Helper()
	r, err := c.Service.KB.PutRule(context.Background(), "matrix", "", []byte(matrixRule()))
	if err != nil {
		t.Fatal(err)
	}
	return r.ID
}

// apiToken creates a personal API token for username in the store and returns its id.
func apiToken(t *testing.T, s *apptest.Service, username string) uint64 {
	t.Helper()
	ctx := context.Background()
	u, err := s.Staff.User(ctx, username)
	if err != nil {
		t.Fatal(err)
	}
	_, hash := staff.NewToken(staff.KindAPI)
	now := time.Now()
	sess, err := s.Staff.CreateSession(ctx, staff.Session{UserID: u.ID, Kind: staff.KindAPI, Name: "t", TokenHash: hash,
		CreatedAt: now, ExpiresAt: now.Add(time.Hour)})
	if err != nil {
		t.Fatal(err)
	}
	return sess.ID
}

// apiRoutes returns the registered /api/v1 routes as "METHOD path".
func apiRoutes(e *echo.Echo) map[string]bool {
	out := map[string]bool{}
	for _, r := range e.Routes() {
		if strings.HasPrefix(r.Path, "/api/v1/") && r.Method != echo.RouteNotFound {
			out[r.Method+" "+r.Path] = true
		}
	}
	return out
}

func TestEveryRouteIsInTheMatrix(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	routes := apiRoutes(s.Echo)
	inMatrix := map[string]bool{}
	for _, rc := range matrix {
		key := rc.method + " " + rc.path
		inMatrix[key] = true
		if !routes[key] {
			t.Errorf("%s is in the matrix but not a route", key)
		}
	}
	for key := range routes {
		if !inMatrix[key] {
			t.Errorf("route %s is missing from the permission matrix test", key)
		}
	}
}

// TestPermissionMatrix calls every /api/v1 route as nobody and as each role: nobody gets
// 401 (except on public routes), a role without the permission 403, a role with it the
// route's success status.
func TestPermissionMatrix(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := startConsole(t, s)
		callers := []struct {
			username string
			role     staff.Role
		}{{"", ""}, {"agent1", staff.RoleAgent}, {"editor1", staff.RoleEditor}, {"admin1", staff.RoleAdmin}}
		for _, rc := range matrix {
			t.Run(rc.method+" "+rc.path, func(t *testing.T) {
				for _, who := range callers {
					name := rc.method + " " + rc.path + " as " + orNobody(who.username)
					req := rc.call(t, c, who.username)
					if who.username != "" && rc.perm != "" {
						req.Bearer = token(t, s, who.username)
					}
					want, code := rc.ok, ""
					switch {
					case rc.perm == "":
					case who.username == "":
						want, code = http.StatusUnauthorized, "unauthenticated"
					case !who.role.Can(rc.perm):
						want, code = http.StatusForbidden, "forbidden"
					}
					r := do(t, plain, c.URL, req)
					if r.Status != want {
						t.Errorf("%s: %d %s, want %d", name, r.Status, r.Body, want)
						continue
					}
					if code != "" {
						if got := r.Code(t); got != code || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
							t.Errorf("%s: error %q (%s), want %q as JSON", name, got, r.Header.Get("Content-Type"), code)
						}
						if msg, _ := r.JSON(t)["message"].(string); msg == "" || strings.HasPrefix(msg, "[") {
							t.Errorf("%s: message %q", name, msg)
						}
					}
				}
			})
		}
	})
}

func orNobody(s string) string {
	if s == "" {
		return "nobody"
	}
	return s
}

// TestBadCredentialsAuthenticateNobody: junk, unknown and revoked tokens, and a malformed
// Authorization header (which does not fall back to a valid cookie), all get 401.
func TestBadCredentialsAuthenticateNobody(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := startConsole(t, s)
	b := browser(t)
	login(t, b, c.URL, "agent1")
	unknown, _ := staff.NewToken(staff.KindSession)
	expired := func() string {
		u, _ := s.Staff.User(context.Background(), "agent1")
		tok, hash := staff.NewToken(staff.KindSession)
		past := time.Now().Add(-2 * time.Hour)
		if _, err := s.Staff.CreateSession(context.Background(), staff.Session{UserID: u.ID, Kind: staff.KindSession,
			TokenHash: hash, CreatedAt: past, ExpiresAt: past.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
		return tok
	}()
	for name, auth := range map[string]string{
		"junk":      "Bearer nonsense",
		"unknown":   "Bearer " + unknown,
		"expired":   "Bearer " + expired,
		"hash":      "Bearer " + staff.HashToken(unknown),
		"basic":     "Basic YWdlbnQxOnB3",
		"empty":     "Bearer ",
		"oversized": "Bearer " + strings.Repeat("a", 4000),
	} {
		r := do(t, b, c.URL, request{Method: "GET", Path: "/api/v1/session", Header: map[string]string{"Authorization": auth}})
		if r.Status != http.StatusUnauthorized || r.Header.Get("WWW-Authenticate") == "" {
			t.Errorf("%s: %d %s", name, r.Status, r.Body)
		}
	}
	if r := do(t, b, c.URL, request{Method: "GET", Path: "/api/v1/session"}); r.Status != http.StatusOK {
		t.Fatalf("the cookie alone does not work: %d", r.Status)
	}
}
