package handlers_test

import (
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wxintake/intake/handlers"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/staff"
)

// loginFrom is a login attempt whose X-Forwarded-For says it comes from xff ("" for none).
func loginFrom(t *testing.T, base, username, pw, xff string) reply {
	t.Helper()
	r := request{Method: "POST", Path: "/api/v1/login",
		Body: `{"username":"` + username + `","password":"` + pw + `"}`}
	if xff != "" {
		r.Header = map[string]string{"X-Forwarded-For": xff}
	}
	return do(t, plain, base, r)
}

// behindProxy serves the API trusting the loopback peer of the test client as a proxy.
func behindProxy(t *testing.T, s *apptest.Service) *console {
	t.Helper()
	addAccounts(t, s)
	_, loop, _ := net.ParseCIDR("127.0.0.0/8")
	return serveConsoleWith(t, s, &fakeChat{}, func(d *handlers.Deps) { d.TrustedProxies = []*net.IPNet{loop} })
}

// TestConcurrentWrongPasswordsAreCountedFirst (issue 14): twelve wrong passwords sent at
// once are counted before any is checked, so only the policy's five are evaluated and
// the others are refused as locked; the right password is then locked out too.
func TestConcurrentWrongPasswordsAreCountedFirst(t *testing.T) {
	apptest.Each(t, apptest.Options{}, func(t *testing.T, s *apptest.Service) {
		c := startConsole(t, s)
		const attempts = 12
		statuses := make([]int, attempts)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range attempts {
			wg.Go(func() {
				<-start
				statuses[i] = loginAttempt(t, c.URL, "agent1", "guess-"+strconv.Itoa(i)).Status
			})
		}
		close(start)
		wg.Wait()
		count := map[int]int{}
		for _, st := range statuses {
			count[st]++
		}
		if max := staff.DefaultLoginPolicy().MaxFailures; count[http.StatusUnauthorized] != max || count[http.StatusTooManyRequests] != attempts-max {
			t.Fatalf("%d concurrent wrong passwords answered %v; want %d evaluated (401), the rest 429", attempts, count, max)
		}
		if got := auditActions(t, s, staff.AuditFilter{Action: staff.ActionLoginFailed, Actor: "agent1"}); len(got) != 5 {
			t.Fatalf("%d failures audited, want 5", len(got))
		}
		if r := loginAttempt(t, c.URL, "agent1", password("agent1")); r.Status != http.StatusTooManyRequests {
			t.Fatalf("the right password after the burst: %d %s", r.Status, r.Body)
		}
	})
}

// TestLoginBehindATrustedProxy (issue 14): behind a trusted proxy every login comes from
// the proxy's socket address, so the throttle must key on the client X-Forwarded-For
// names; an attacker who locks their own address out locks nobody else out.
func TestLoginBehindATrustedProxy(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := behindProxy(t, s)
	const attacker, agent = "203.0.113.9", "198.51.100.7"
	limit := staff.AddressLoginPolicy().MaxFailures
	for i := range limit + 10 {
		r := loginFrom(t, c.URL, "nobody"+strconv.Itoa(i), "guess-password", attacker)
		if want := http.StatusUnauthorized; i >= limit {
			if r.Status != http.StatusTooManyRequests {
				t.Fatalf("attempt %d from the attacker's locked address: %d %s", i+1, r.Status, r.Body)
			}
		} else if r.Status != want {
			t.Fatalf("attempt %d from the attacker: %d %s", i+1, r.Status, r.Body)
		}
	}
	if r := loginFrom(t, c.URL, "agent1", password("agent1"), agent); r.Status != http.StatusOK {
		t.Fatalf("an agent behind the same proxy after the attack: %d %s", r.Status, r.Body)
	}
	// A forged entry before the proxy's does not hide the attacker: the client is the
	// nearest address the proxy did not vouch for.
	if r := loginFrom(t, c.URL, "agent2", password("agent2"), agent+", "+attacker); r.Status != http.StatusTooManyRequests {
		t.Fatalf("a forged X-Forwarded-For dodged the lock: %d %s", r.Status, r.Body)
	}
	if got := auditActions(t, s, staff.AuditFilter{Action: staff.ActionLogin, Actor: "agent1"}); len(got) != 1 || !strings.Contains(string(got[0].Detail), agent) {
		t.Fatalf("the login is audited with %+v, want the client's address %s", got, agent)
	}
}

// TestForwardedForFromUntrustedPeersIsIgnored: without trusted proxies (or when the peer
// is not one of them) X-Forwarded-For is whatever a client wants; it must not give each
// guess a fresh address.
func TestForwardedForFromUntrustedPeersIsIgnored(t *testing.T) {
	_, elsewhere, _ := net.ParseCIDR("10.0.0.0/8")
	for name, trusted := range map[string][]*net.IPNet{"none": nil, "another network": {elsewhere}} {
		t.Run(name, func(t *testing.T) {
			s := apptest.Start(t, apptest.Embedded, apptest.Options{})
			addAccounts(t, s)
			c := serveConsoleWith(t, s, &fakeChat{}, func(d *handlers.Deps) { d.TrustedProxies = trusted })
			for i := range 5 {
				if r := loginFrom(t, c.URL, "agent1", "guess-password", "192.0.2."+strconv.Itoa(i+1)); r.Status != http.StatusUnauthorized {
					t.Fatalf("failure %d: %d %s", i+1, r.Status, r.Body)
				}
			}
			if r := loginFrom(t, c.URL, "agent1", password("agent1"), "192.0.2.99"); r.Status != http.StatusTooManyRequests {
				t.Fatalf("a new X-Forwarded-For from an untrusted peer dodged the lock: %d %s", r.Status, r.Body)
			}
		})
	}
}

// TestUsernameBackoffDelaysButNeverLocksOut (issue 14): guesses at one username from many
// addresses are slowed down — after the free attempts each makes the next wait a little
// — but the real user, from their own address, only waits seconds and then logs in.
func TestUsernameBackoffDelaysButNeverLocksOut(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{})
	c := behindProxy(t, s)
	p := staff.UsernameLoginPolicy()
	for i := range p.MaxFailures + 1 {
		if r := loginFrom(t, c.URL, "agent1", "guess-password", "203.0.113."+strconv.Itoa(i+1)); r.Status != http.StatusUnauthorized {
			t.Fatalf("guess %d from its own address: %d %s", i+1, r.Status, r.Body)
		}
	}
	r := loginFrom(t, c.URL, "agent1", password("agent1"), "198.51.100.7")
	retry, _ := strconv.Atoi(r.Header.Get("Retry-After"))
	if r.Status != http.StatusTooManyRequests || r.Code(t) != "slow_down" || retry < 1 || retry > int(p.MaxLockout/time.Second) {
		t.Fatalf("the user during the backoff: %d, Retry-After %q, %s", r.Status, r.Header.Get("Retry-After"), r.Body)
	}
	if msg := r.JSON(t)["message"].(string); !strings.Contains(msg, "秒") {
		t.Errorf("backoff message %q", msg)
	}
	time.Sleep(time.Duration(retry)*time.Second + 100*time.Millisecond)
	if r := loginFrom(t, c.URL, "agent1", password("agent1"), "198.51.100.7"); r.Status != http.StatusOK {
		t.Fatalf("the user after the delay: %d %s", r.Status, r.Body)
	}
}

// TestTrustedProxiesFromTheConfig: http.trusted_proxies reaches the running service, so a
// user locked out on one address behind the proxy still logs in from another.
func TestTrustedProxiesFromTheConfig(t *testing.T) {
	s := apptest.Start(t, apptest.Embedded, apptest.Options{Config: func(cfg *config.Config) {
		cfg.HTTP.TrustedProxies = []string{"127.0.0.1"}
	}})
	addAccounts(t, s)
	for i := range 5 {
		if r := loginFrom(t, s.URL(), "agent1", "guess-password", "203.0.113.9"); r.Status != http.StatusUnauthorized {
			t.Fatalf("failure %d: %d %s", i+1, r.Status, r.Body)
		}
	}
	if r := loginFrom(t, s.URL(), "agent1", password("agent1"), "203.0.113.9"); r.Status != http.StatusTooManyRequests {
		t.Fatalf("the locked address: %d %s", r.Status, r.Body)
	}
	if r := loginFrom(t, s.URL(), "agent1", password("agent1"), "198.51.100.7"); r.Status != http.StatusOK {
		t.Fatalf("the user from another address behind the proxy: %d %s", r.Status, r.Body)
	}
}
