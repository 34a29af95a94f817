package handlers_test

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/handlers"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/staff"
)

// sessionCookie returns the intake_session cookie the jar holds for base.
func sessionCookie(t *testing.T, b *http.Client, base string) string {
	t.Helper()
	u, _ := url.Parse(base)
	for _, ck := range b.Jar.Cookies(u) {
		if ck.Name == handlers.SessionCookie {
			return ck.Value
		}
	}
	return ""
}

func TestCSRFProtectsCookieSessions(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := startConsole(t, s)
		b := browser(t)
		tok, csrf := login(t, b, c.URL, "agent1")
		_, otherCSRF := login(t, browser(t), c.URL, "agent2")
		number := newTicket(t, s, "o_csrf")
		note := request{Method: "POST", Path: "/api/v1/tickets/" + number + "/notes", Body: `{"text":"回访"}`}

		for name, token := range map[string]string{"none": "", "another session's": otherCSRF, "the session token": tok, "garbage": "x"} {
			req := note
			req.CSRF = token
			if r := do(t, b, c.URL, req); r.Status != http.StatusForbidden || r.Code(t) != "csrf" {
				t.Errorf("cookie POST with %s CSRF token: %d %s", name, r.Status, r.Body)
			}
		}
		r := do(t, b, c.URL, request{Method: "GET", Path: "/api/v1/session"})
		if r.Status != http.StatusOK || r.JSON(t)["csrf_token"] != csrf {
			t.Fatalf("GET with the cookie alone: %d %s", r.Status, r.Body)
		}
		note.CSRF = csrf
		if r := do(t, b, c.URL, note); r.Status != http.StatusCreated {
			t.Fatalf("cookie POST with the CSRF token: %d %s", r.Status, r.Body)
		}
		// A Bearer token is not sent by browsers on their own: no CSRF token needed.
		bearer := request{Method: "POST", Path: note.Path, Body: note.Body, Bearer: tok}
		if r := do(t, plain, c.URL, bearer); r.Status != http.StatusCreated {
			t.Fatalf("Bearer POST without a CSRF token: %d %s", r.Status, r.Body)
		}
		// HTML forms send the token as the field "csrf".
		form := url.Values{"csrf": {csrf}}.Encode()
		req, _ := http.NewRequest("POST", c.URL+"/api/v1/logout", strings.NewReader(form))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := b.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusNoContent {
			t.Fatalf("form POST with the csrf field: %d", resp.StatusCode)
		}
	})
}

// TestLoginNeverKeepsASessionID: a session id planted in the browser before login —
// unknown, or the attacker's own valid one — is replaced and revoked; so is the previous
// session at each new login.
func TestLoginNeverKeepsASessionID(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := startConsole(t, s)
		b := browser(t)
		u, _ := url.Parse(c.URL)
		planted, _ := staff.NewToken(staff.KindSession)
		b.Jar.SetCookies(u, []*http.Cookie{{Name: handlers.SessionCookie, Value: planted, Path: "/"}})

		tok1, _ := login(t, b, c.URL, "agent1")
		if got := sessionCookie(t, b, c.URL); got != tok1 || got == planted {
			t.Fatalf("cookie after login = %q, token %q, planted %q", got, tok1, planted)
		}
		tok2, _ := login(t, b, c.URL, "agent1")
		if tok2 == tok1 || sessionCookie(t, b, c.URL) != tok2 {
			t.Fatal("a second login kept the session id")
		}
		if r := do(t, plain, c.URL, request{Method: "GET", Path: "/api/v1/session", Bearer: tok1}); r.Status != http.StatusUnauthorized {
			t.Fatalf("the session replaced by a new login still works: %d", r.Status)
		}

		// The attacker logs in, plants their valid session in the victim's browser; the
		// victim logs in: the victim gets a new session and the planted one dies.
		attacker, _ := login(t, browser(t), c.URL, "agent2")
		victim := browser(t)
		victim.Jar.SetCookies(u, []*http.Cookie{{Name: handlers.SessionCookie, Value: attacker, Path: "/"}})
		mine, _ := login(t, victim, c.URL, "agent1")
		if mine == attacker || sessionCookie(t, victim, c.URL) != mine {
			t.Fatal("the victim's login kept the planted session")
		}
		if r := do(t, plain, c.URL, request{Method: "GET", Path: "/api/v1/session", Bearer: attacker}); r.Status != http.StatusUnauthorized {
			t.Fatalf("the planted session survived the victim's login: %d", r.Status)
		}
		r := do(t, victim, c.URL, request{Method: "GET", Path: "/api/v1/session"})
		if user, _ := r.JSON(t)["user"].(map[string]any); user["username"] != "agent1" {
			t.Fatalf("the victim's session is %s", r.Body)
		}
	})
}

func TestSessionCookieAttributes(t *testing.T) {
	for _, secure := range []bool{false, true} {
		t.Run("secure="+strconv.FormatBool(secure), func(t *testing.T) {
			s := apptest.Start(t, apptest.Embedded, apptest.Options{Config: func(cfg *config.Config) {
				cfg.Console.SecureCookies = secure
				cfg.Console.SessionTTL = 3 * time.Hour
			}})
			addAccounts(t, s)
			r := do(t, plain, s.URL(), request{Method: "POST", Path: "/api/v1/login",
				Body: `{"username":"agent1","password":"` + password("agent1") + `"}`})
			if r.Status != http.StatusOK {
				t.Fatalf("login: %d %s", r.Status, r.Body)
			}
			resp := http.Response{Header: r.Header}
			cookies := resp.Cookies()
			if len(cookies) != 1 {
				t.Fatalf("cookies %v", cookies)
			}
			ck := cookies[0]
			if ck.Name != handlers.SessionCookie || !ck.HttpOnly || ck.SameSite != http.SameSiteLaxMode || ck.Path != "/" ||
				ck.Secure != secure || ck.MaxAge < 3*3600-5 || ck.MaxAge > 3*3600 {
				t.Fatalf("cookie %+v", ck)
			}
			if exp, _ := time.Parse(time.RFC3339, r.JSON(t)["expires_at"].(string)); time.Until(exp) < 3*time.Hour-time.Minute {
				t.Fatalf("session expires at %v, want in 3 h", exp)
			}
			if r.Header.Get("Cache-Control") != "no-store" || r.Header.Get("X-Content-Type-Options") != "nosniff" {
				t.Fatalf("headers %v", r.Header)
			}
		})
	}
}

func TestLogoutRevokes(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := startConsole(t, s)
		b := browser(t)
		tok, csrf := login(t, b, c.URL, "agent1")
		if r := do(t, b, c.URL, request{Method: "POST", Path: "/api/v1/logout"}); r.Status != http.StatusForbidden {
			t.Fatalf("logout without the CSRF token: %d", r.Status)
		}
		r := do(t, b, c.URL, request{Method: "POST", Path: "/api/v1/logout", CSRF: csrf})
		if r.Status != http.StatusNoContent || !strings.Contains(r.Header.Get("Set-Cookie"), "Max-Age=0") {
			t.Fatalf("logout: %d, Set-Cookie %q", r.Status, r.Header.Get("Set-Cookie"))
		}
		if sessionCookie(t, b, c.URL) != "" {
			t.Fatal("the browser kept the cookie")
		}
		if r := do(t, plain, c.URL, request{Method: "GET", Path: "/api/v1/session", Bearer: tok}); r.Status != http.StatusUnauthorized {
			t.Fatalf("the token still works after logout: %d", r.Status)
		}
		if got := auditActions(t, s, staff.AuditFilter{Action: staff.ActionLogout, Actor: "agent1"}); len(got) != 1 {
			t.Fatalf("logout audited %d times", len(got))
		}
		// A Bearer client logs out its token the same way.
		tok2, _ := login(t, plain, c.URL, "agent2")
		if r := do(t, plain, c.URL, request{Method: "POST", Path: "/api/v1/logout", Bearer: tok2}); r.Status != http.StatusNoContent {
			t.Fatalf("Bearer logout: %d", r.Status)
		}
		if r := do(t, plain, c.URL, request{Method: "GET", Path: "/api/v1/session", Bearer: tok2}); r.Status != http.StatusUnauthorized {
			t.Fatalf("the token still works after logout: %d", r.Status)
		}
	})
}

func loginAttempt(t *testing.T, base, username, pw string) reply {
	t.Helper()
	return do(t, plain, base, request{Method: "POST", Path: "/api/v1/login",
		Body: `{"username":"` + username + `","password":"` + pw + `"}`})
}

func TestBruteForceLocksOut(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := startConsole(t, s)
		var first string
		for i := 1; i <= 5; i++ {
			r := loginAttempt(t, c.URL, "agent1", "guess-"+strconv.Itoa(i))
			if r.Status != http.StatusUnauthorized || r.Code(t) != "bad_credentials" {
				t.Fatalf("failure %d: %d %s", i, r.Status, r.Body)
			}
			first = compact(r.Body)
		}
		r := loginAttempt(t, c.URL, "agent1", password("agent1"))
		retry, _ := strconv.Atoi(r.Header.Get("Retry-After"))
		if r.Status != http.StatusTooManyRequests || r.Code(t) != "locked" || retry < 14*60 || retry > 15*60 {
			t.Fatalf("the right password after 5 failures: %d, Retry-After %q, %s", r.Status, r.Header.Get("Retry-After"), r.Body)
		}
		if msg := r.JSON(t)["message"].(string); !strings.Contains(msg, "15 分钟") {
			t.Errorf("lockout message %q", msg)
		}
		if r := loginAttempt(t, c.URL, "AGENT1", password("agent1")); r.Status != http.StatusTooManyRequests {
			t.Fatalf("the lock is dodged by upper case: %d", r.Status)
		}
		if r := loginAttempt(t, c.URL, "agent2", password("agent2")); r.Status != http.StatusOK {
			t.Fatalf("another user from the same address: %d %s", r.Status, r.Body)
		}

		// The same answer for an unknown user and a disabled one as for a wrong password.
		if _, err := s.Staff.UpdateUser(context.Background(), "editor1", func(u *staff.User) error { u.Disabled = true; return nil }); err != nil {
			t.Fatal(err)
		}
		for name, r := range map[string]reply{
			"unknown user":  loginAttempt(t, c.URL, "nobody", "whatever-password"),
			"disabled user": loginAttempt(t, c.URL, "editor1", password("editor1")),
		} {
			if r.Status != http.StatusUnauthorized || compact(r.Body) != first {
				t.Errorf("%s: %d %s, want the wrong-password answer %s", name, r.Status, r.Body, first)
			}
		}

		failed := auditActions(t, s, staff.AuditFilter{Action: staff.ActionLoginFailed, Actor: "agent1"})
		locked := auditActions(t, s, staff.AuditFilter{Action: staff.ActionLoginLocked, Actor: "agent1"})
		if len(failed) != 5 || len(locked) != 1 {
			t.Fatalf("audit: %d failures, %d lockouts; want 5 and 1", len(failed), len(locked))
		}
		for _, e := range auditActions(t, s, staff.AuditFilter{}) {
			if strings.Contains(string(e.Detail), "guess-") || strings.Contains(string(e.Detail), "secret") {
				t.Errorf("audit entry %s holds a password: %s", e.Action, e.Detail)
			}
		}
		if d := auditActions(t, s, staff.AuditFilter{Actor: "editor1", Action: staff.ActionLoginFailed}); len(d) != 1 ||
			!strings.Contains(string(d[0].Detail), `"disabled"`) {
			t.Errorf("the disabled account's attempt is not audited as such: %+v", d)
		}
	})
}

// TestSuccessfulLoginResetsFailures: a user who mistypes now and then is never locked out.
func TestSuccessfulLoginResetsFailures(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := startConsole(t, s)
	for range 3 {
		for range 4 {
			loginAttempt(t, c.URL, "agent1", "typo-password")
		}
		if r := loginAttempt(t, c.URL, "agent1", password("agent1")); r.Status != http.StatusOK {
			t.Fatalf("login after 4 typos: %d %s", r.Status, r.Body)
		}
	}
}

// TestLockoutHoldsOnEveryInstance: failures counted on two instances sharing the database
// and Redis add up, and the lock holds on both.
func TestLockoutHoldsOnEveryInstance(t *testing.T) {
	run := func(t *testing.T, backend apptest.Backend, share func(first *apptest.Service) apptest.Options, firstOpts apptest.Options) {
		s1 := apptest.Start(t, backend, firstOpts)
		s2 := apptest.Start(t, backend, share(s1))
		addAccounts(t, s1)
		for i, s := range []*apptest.Service{s1, s2, s1, s2, s1} {
			if r := loginAttempt(t, s.URL(), "agent1", "wrong-"+strconv.Itoa(i)); r.Status != http.StatusUnauthorized {
				t.Fatalf("failure %d: %d %s", i+1, r.Status, r.Body)
			}
		}
		for i, s := range []*apptest.Service{s1, s2} {
			if r := loginAttempt(t, s.URL(), "agent1", password("agent1")); r.Status != http.StatusTooManyRequests {
				t.Errorf("instance %d after 5 failures across both: %d %s", i+1, r.Status, r.Body)
			}
		}
		if r := loginAttempt(t, s2.URL(), "agent2", password("agent2")); r.Status != http.StatusOK {
			t.Fatalf("instance 2 does not share the accounts: %d %s", r.Status, r.Body)
		}
	}
	t.Run(string(apptest.Real), func(t *testing.T) {
		run(t, apptest.Real, func(first *apptest.Service) apptest.Options {
			return apptest.Options{Config: func(cfg *config.Config) {
				cfg.MySQL.DSN, cfg.Redis.KeyPrefix = first.Cfg.MySQL.DSN, first.Cfg.Redis.KeyPrefix
			}}
		}, apptest.Options{})
	})
	t.Run("sqlite+shared miniredis", func(t *testing.T) {
		_, _, mr := testenv.MiniRedis(t)
		dir := t.TempDir()
		shared := apptest.Options{Config: func(cfg *config.Config) { cfg.Redis.Addr, cfg.DataDir = mr.Addr(), dir }}
		run(t, apptest.Embedded, func(*apptest.Service) apptest.Options { return shared }, shared)
	})
}

func TestLoginRequests(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := startConsole(t, s)
	cases := []struct {
		name        string
		contentType string
		body        string
		status      int
		code        string
	}{
		{"form post", "application/x-www-form-urlencoded", "username=agent1&password=x", 415, "json_required"},
		{"no body", "application/json", "", 400, "bad_request"},
		{"not json", "application/json", "{", 400, "bad_request"},
		{"unknown field", "application/json", `{"username":"agent1","password":"x","remember":true}`, 400, "bad_request"},
		{"no password", "application/json", `{"username":"agent1"}`, 400, "bad_request"},
		{"ok with charset", "application/json; charset=utf-8", `{"username":" Agent1 ","password":"` + password("agent1") + `"}`, 200, ""},
	}
	for _, tc := range cases {
		req, _ := http.NewRequest("POST", c.URL+"/api/v1/login", strings.NewReader(tc.body))
		req.Header.Set("Content-Type", tc.contentType)
		resp, err := plain.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.status {
			t.Errorf("%s: %d, want %d", tc.name, resp.StatusCode, tc.status)
		}
	}
	if got := auditActions(t, s, staff.AuditFilter{Action: staff.ActionLogin, Actor: "agent1"}); len(got) != 1 ||
		!strings.Contains(string(got[0].Detail), `"ip"`) {
		t.Fatalf("successful login audit: %+v", got)
	}
}
