package handlers_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/staff"
)

func TestManageUsers(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := startConsole(t, s)
		admin := token(t, s, "admin1")
		call := func(method, path, body string) reply {
			return do(t, plain, c.URL, request{Method: method, Path: path, Body: body, Bearer: admin})
		}
		r := call("POST", "/api/v1/users", `{"username":"Xiao.Li","display_name":"小李","role":"agent","password":"新人的初始密码12345"}`)
		if r.Status != http.StatusCreated || r.JSON(t)["username"] != "xiao.li" || r.JSON(t)["role_label"] != "客服坐席" {
			t.Fatalf("create: %d %s", r.Status, r.Body)
		}
		if strings.Contains(string(r.Body), "$2a$") || strings.Contains(string(r.Body), "新人密码") {
			t.Fatal("the answer holds the password or its hash")
		}
		if r := loginAttempt(t, c.URL, "xiao.li", "新人的初始密码12345"); r.Status != http.StatusOK {
			t.Fatalf("the new account cannot log in: %d %s", r.Status, r.Body)
		}
		refused := []struct {
			body, code, field string
			status            int
		}{
			{`{"username":"xiao.li","role":"agent","password":"another password"}`, "user_exists", "", 409},
			{`{"username":"xiao.wang","role":"agent","password":"short"}`, "invalid", "password", 400},
			{`{"username":"xiao.wang","role":"root","password":"long enough too"}`, "invalid", "role", 400},
			{`{"username":"x","role":"agent","password":"long enough too"}`, "invalid", "username", 400},
			{`{"username":"xiao.wang","role":"agent","password":"long enough too","admin":true}`, "bad_request", "", 400},
		}
		for _, tc := range refused {
			r := call("POST", "/api/v1/users", tc.body)
			m := r.JSON(t)
			if r.Status != tc.status || m["error"] != tc.code || (tc.field != "" && m["field"] != tc.field) {
				t.Errorf("%s: %d %s", tc.body, r.Status, r.Body)
			}
		}
		if r := call("POST", "/api/v1/users", `{"username":"xiao.wang","role":"agent","password":"short"}`); !strings.Contains(r.JSON(t)["message"].(string), "12") {
			t.Errorf("password message %s", r.Body)
		}

		// A role change applies to sessions already open.
		agent2 := token(t, s, "agent2")
		number := newTicket(t, s, "o_users")
		accept := request{Method: "POST", Path: "/api/v1/tickets/" + number + "/notes", Body: `{"text":"x"}`, Bearer: agent2}
		if r := do(t, plain, c.URL, accept); r.Status != http.StatusCreated {
			t.Fatalf("agent2 before: %d", r.Status)
		}
		if r := call("PATCH", "/api/v1/users/agent2", `{"role":"editor","display_name":"李四"}`); r.Status != http.StatusOK ||
			r.JSON(t)["role"] != "editor" || r.JSON(t)["display_name"] != "李四" {
			t.Fatalf("change role: %d %s", r.Status, r.Body)
		}
		if r := do(t, plain, c.URL, accept); r.Status != http.StatusForbidden {
			t.Fatalf("agent2 after becoming an editor: %d", r.Status)
		}
		// Disabling ends every session; the account cannot log in.
		if r := call("PATCH", "/api/v1/users/agent2", `{"disabled":true}`); r.Status != http.StatusOK || r.JSON(t)["disabled"] != true {
			t.Fatalf("disable: %d %s", r.Status, r.Body)
		}
		if r := do(t, plain, c.URL, request{Method: "GET", Path: "/api/v1/session", Bearer: agent2}); r.Status != http.StatusUnauthorized {
			t.Fatalf("a disabled account's session: %d", r.Status)
		}
		if r := loginAttempt(t, c.URL, "agent2", password("agent2")); r.Status != http.StatusUnauthorized {
			t.Fatalf("a disabled account logged in: %d", r.Status)
		}
		// A password reset ends every session too.
		agent1 := token(t, s, "agent1")
		if r := call("PATCH", "/api/v1/users/agent1", `{"password":"a brand new one"}`); r.Status != http.StatusOK {
			t.Fatalf("reset: %d %s", r.Status, r.Body)
		}
		if r := do(t, plain, c.URL, request{Method: "GET", Path: "/api/v1/session", Bearer: agent1}); r.Status != http.StatusUnauthorized {
			t.Fatalf("a session survived the password reset: %d", r.Status)
		}
		if r := loginAttempt(t, c.URL, "agent1", "a brand new one"); r.Status != http.StatusOK {
			t.Fatalf("the new password: %d", r.Status)
		}
		for body, code := range map[string]string{
			`{"role":"agent"}`: "self_lockout", `{"disabled":true}`: "self_lockout", `{"password":"short"}`: "invalid",
		} {
			if r := call("PATCH", "/api/v1/users/admin1", body); r.Code(t) != code {
				t.Errorf("admin PATCH self %s: %d %s", body, r.Status, r.Body)
			}
		}
		if r := call("PATCH", "/api/v1/users/ghost", `{"display_name":"x"}`); r.Status != http.StatusNotFound {
			t.Errorf("unknown user: %d", r.Status)
		}

		r = call("GET", "/api/v1/users", "")
		if r.Status != http.StatusOK || strings.Count(string(r.Body), `"username"`) != 5 || strings.Contains(string(r.Body), "$2a$") {
			t.Fatalf("list: %d %s", r.Status, r.Body)
		}
		updates := auditActions(t, s, staff.AuditFilter{Action: staff.ActionUserUpdate})
		if len(updates) != 3 {
			t.Fatalf("%d updates audited, want 3", len(updates))
		}
		for _, e := range updates {
			if strings.Contains(string(e.Detail), "brand new") {
				t.Fatalf("the audit holds a password: %s", e.Detail)
			}
		}
		if got := auditActions(t, s, staff.AuditFilter{Action: staff.ActionUserCreate, Target: "xiao.li"}); len(got) != 1 || got[0].Actor != "admin1" {
			t.Fatalf("create audited %+v", got)
		}
	})
}

func TestPersonalAPITokens(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := startConsole(t, s)
		b := browser(t)
		_, csrf := login(t, b, c.URL, "agent1")
		r := do(t, b, c.URL, request{Method: "POST", Path: "/api/v1/tokens", Body: `{"name":"对账脚本","expires_days":30}`, CSRF: csrf})
		if r.Status != http.StatusCreated {
			t.Fatalf("create: %d %s", r.Status, r.Body)
		}
		m := r.JSON(t)
		apiTok := m["token"].(string)
		expires, _ := time.Parse(time.RFC3339, m["expires_at"].(string))
		if !strings.HasPrefix(apiTok, staff.APITokenPrefix) || time.Until(expires) < 29*24*time.Hour || time.Until(expires) > 30*24*time.Hour {
			t.Fatalf("token %q expires %v", apiTok, expires)
		}
		id := strconv.FormatFloat(m["id"].(float64), 'f', 0, 64)

		r = do(t, plain, c.URL, request{Method: "GET", Path: "/api/v1/session", Bearer: apiTok})
		if r.Status != http.StatusOK || r.JSON(t)["kind"] != "api" || r.JSON(t)["csrf_token"] != nil {
			t.Fatalf("session with the API token: %d %s", r.Status, r.Body)
		}
		if r := do(t, plain, c.URL, request{Method: "POST", Path: "/api/v1/tokens", Body: `{"name":"再来一个"}`, Bearer: apiTok}); r.Status != http.StatusForbidden || r.Code(t) != "login_required" {
			t.Fatalf("a token minted a token: %d %s", r.Status, r.Body)
		}
		r = do(t, b, c.URL, request{Method: "GET", Path: "/api/v1/tokens"})
		if r.Status != http.StatusOK || !strings.Contains(string(r.Body), "对账脚本") || strings.Contains(string(r.Body), apiTok) {
			t.Fatalf("list: %d %s", r.Status, r.Body)
		}
		for _, body := range []string{`{"name":""}`, `{"name":"x","expires_days":366}`, `{"name":"x","expires_days":-1}`} {
			if r := do(t, b, c.URL, request{Method: "POST", Path: "/api/v1/tokens", Body: body, CSRF: csrf}); r.Status != http.StatusBadRequest {
				t.Errorf("%s: %d", body, r.Status)
			}
		}
		other := token(t, s, "agent2")
		if r := do(t, plain, c.URL, request{Method: "DELETE", Path: "/api/v1/tokens/" + id, Bearer: other}); r.Status != http.StatusNotFound {
			t.Fatalf("another user revoked the token: %d", r.Status)
		}
		if r := do(t, b, c.URL, request{Method: "DELETE", Path: "/api/v1/tokens/" + id, CSRF: csrf}); r.Status != http.StatusNoContent {
			t.Fatalf("revoke: %d %s", r.Status, r.Body)
		}
		if r := do(t, plain, c.URL, request{Method: "GET", Path: "/api/v1/session", Bearer: apiTok}); r.Status != http.StatusUnauthorized {
			t.Fatalf("a revoked token works: %d", r.Status)
		}
		if r := do(t, b, c.URL, request{Method: "DELETE", Path: "/api/v1/tokens/x", CSRF: csrf}); r.Status != http.StatusNotFound {
			t.Fatalf("bad id: %d", r.Status)
		}
		for _, action := range []string{staff.ActionTokenCreate, staff.ActionTokenRevoke} {
			if got := auditActions(t, s, staff.AuditFilter{Action: action, Actor: "agent1"}); len(got) != 1 {
				t.Errorf("%s audited %d times", action, len(got))
			}
		}
	})
}

func TestAuditEndpoint(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := startConsole(t, s)
	login(t, plain, c.URL, "agent1")
	loginAttempt(t, c.URL, "agent1", "wrong password")
	admin := token(t, s, "admin1")
	get := func(q string) reply {
		return do(t, plain, c.URL, request{Method: "GET", Path: "/api/v1/audit" + q, Bearer: admin})
	}
	r := get("?actor=agent1")
	var la listAnswer
	if r.Status != http.StatusOK || !strings.Contains(string(r.Body), `"login.failed"`) || !strings.Contains(string(r.Body), `"login"`) {
		t.Fatalf("audit: %d %s", r.Status, r.Body)
	}
	_ = la
	if m := r.JSON(t); m["total"] != float64(2) {
		t.Fatalf("total %v", m["total"])
	}
	if r := get("?action=login.failed&per_page=1"); r.JSON(t)["total"] != float64(1) {
		t.Fatalf("action filter: %s", r.Body)
	}
	since := time.Now().Add(time.Hour).UTC().Format(time.RFC3339)
	if r := get("?since=" + since); r.JSON(t)["total"] != float64(0) {
		t.Fatalf("since filter: %s", r.Body)
	}
	for _, q := range []string{"?since=yesterday", "?until=2026-13-01", "?per_page=501"} {
		if r := get(q); r.Status != http.StatusBadRequest {
			t.Errorf("%s: %d", q, r.Status)
		}
	}
	if strings.Contains(string(get("").Body), "wrong password") {
		t.Fatal("the audit log holds a typed password")
	}
}
