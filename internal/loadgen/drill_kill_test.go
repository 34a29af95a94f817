//go:build drill

package loadgen

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
)

// TestDrillInstanceKilledMidTurn runs two `intake serve` processes sharing MariaDB and Redis
// behind a load balancer (each message to one at random, WeChat's retries of a failed
// request to the other), kills one with SIGKILL in the middle of a turn — frozen with
// SIGSTOP while a customer whose request it is serving holds the turn lock, killed only if
// the lock is still held — and lets the load go on against the other for 35 s, longer than
// the dead turn's lock and claim live (session.lock_ttl).
//
// What must hold: every request is answered by the surviving instance (no transport error
// reaches the customer), at most the cut turn's message goes unanswered, every confirmed
// conversation has exactly one ticket, and no reply is pushed twice. What happens to the
// cut turn's customer is logged: WeChat's retry, sent at once, is answered "success" after
// the reply budget (the dead turn's claim is still pending) and nothing is ever pushed for
// that message; the customer, after waiting 20 s, sends it again, which is answered at once
// if the dead turn's lock has expired meanwhile, or waits for it.
func TestDrillInstanceKilledMidTurn(t *testing.T) {
	const (
		customers = 8
		before    = 5 * time.Second
		after     = 35 * time.Second // past session.lock_ttl
	)
	// The observer: an in-process instance of the same deployment, for its stores and fake
	// WeChat API. It serves no customer.
	s := apptest.Start(t, apptest.Real, apptest.Options{})
	bin := buildIntake(t)
	a := startIntakeProcess(t, bin, s, "a")
	b := startIntakeProcess(t, bin, s, "b")

	load := newDrillLoad(s.API, []string{a.url, b.url}, 50*time.Millisecond)
	load.wait = 20 * time.Second // then the customer types the message again
	load.Start(customers)
	time.Sleep(before)

	// Kill a in the middle of a turn: when a customer whose request went to a holds the
	// turn lock (the turn is between Begin and Commit).
	ctx := context.Background()
	locks := s.Cfg.Redis.KeyPrefix + "s:*:lock"
	lockOwner := func(key string) string { // …s:{openid}:lock
		return key[strings.Index(key, "{")+1 : strings.LastIndex(key, "}")]
	}
	// Freeze a (SIGSTOP) when such a lock is seen; if the lock is still there, the turn is
	// cut mid-way for sure: kill. Otherwise let a go on (SIGCONT) and look again.
	deadline := time.Now().Add(15 * time.Second)
	victim := ""
	for victim == "" && time.Now().Before(deadline) {
		if load.InFlight(0) == 0 {
			continue
		}
		keys, _ := s.Redis.Keys(ctx, locks).Result()
		for _, k := range keys {
			if o := lockOwner(k); load.FlyingTo(o, 0) {
				if err := a.cmd.Process.Signal(syscall.SIGSTOP); err != nil {
					t.Fatal(err)
				}
				if n, _ := s.Redis.Exists(ctx, k).Result(); n == 1 {
					victim = o
				} else if err := a.cmd.Process.Signal(syscall.SIGCONT); err != nil {
					t.Fatal(err)
				}
				break
			}
		}
	}
	inFlight := load.InFlight(0)
	killed := time.Now()
	if err := a.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-a.exited
	left, _ := s.Redis.Keys(ctx, locks).Result()
	cut := false
	for _, k := range left {
		ttl, _ := s.Redis.PTTL(ctx, k).Result()
		t.Logf("lock left after the kill: %s, expires in %v", lockOwner(k), ttl.Round(time.Millisecond))
		cut = cut || lockOwner(k) == victim
	}
	t.Logf("the kill aimed at %q's turn on a; its lock outlived a: %v", victim, cut)
	turnsAtKill := load.Counts.Turns.Load()
	time.Sleep(after)
	load.Stop()

	convs := load.Conversations()
	load.Report(t)
	t.Logf("instance a killed with %d request(s) in flight; turns %d before, %d after; %d requests answered only by WeChat's retry to b",
		inFlight, turnsAtKill, load.Counts.Turns.Load()-turnsAtKill, load.Counts.Retried.Load())
	spanning, resumed := 0, 0
	for _, c := range convs {
		if c.Started.Before(killed) && c.Completed && c.Last.After(killed) {
			spanning++
			if TicketNumber.MatchString(c.Confirmed) {
				resumed++
			}
		}
	}
	t.Logf("conversations that spanned the kill and finished: %d, of which reached a ticket: %d", spanning, resumed)

	if n := load.Counts.Transport.Load() + load.Counts.HTTPStatus.Load() + load.Counts.BadReply.Load(); n > 0 {
		t.Errorf("%d requests failed although instance b was up", n)
	}
	if n := load.Counts.Lost.Load(); n > inFlight {
		t.Errorf("%d messages never answered, more than the %d in flight at the kill", n, inFlight)
	}
	tickets := checkTickets(t, s, convs)
	numbers, others := checkPushes(t, s, convs)
	t.Logf("tickets in MariaDB: %d; pushed: %d ticket-number notices, %d other messages", tickets, numbers, others)
	if spanning == 0 {
		t.Error("no conversation spanned the kill: the drill did not exercise it")
	}
}

// buildIntake builds cmd/intake into the test's temporary directory.
func buildIntake(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "intake")
	cmd := exec.Command("go", "build", "-o", bin, "github.com/wxintake/intake/cmd/intake")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build cmd/intake: %v\n%s", err, out)
	}
	return bin
}

// intakeProcess is an `intake serve` process.
type intakeProcess struct {
	addr   string // host:port it listens on
	url    string
	cmd    *exec.Cmd
	exited chan struct{}
}

// startIntakeProcess runs `intake serve` as another instance of s's deployment (same
// database, Redis, key prefix and WeChat API), on a free loopback port, until the test
// ends, and waits until it is ready. env adds to (and overrides) its environment.
func startIntakeProcess(t *testing.T, bin string, s *apptest.Service, name string, env ...string) *intakeProcess {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	logf, err := os.Create(filepath.Join(t.TempDir(), name+".log"))
	if err != nil {
		t.Fatal(err)
	}
	shipped, err := filepath.Abs("../../config.yaml") // the tests run in the package's directory
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "serve", "--config", shipped)
	cmd.Env = append(os.Environ(),
		"INTAKE_HTTP_ADDR="+addr,
		"INTAKE_MYSQL_DSN="+s.Cfg.MySQL.DSN,
		"INTAKE_REDIS_ADDR="+s.Cfg.Redis.Addr,
		"INTAKE_REDIS_KEY_PREFIX="+s.Cfg.Redis.KeyPrefix,
		"INTAKE_WECHAT_TOKEN="+apptest.Token,
		"INTAKE_WECHAT_AES_KEY="+apptest.AESKey,
		"INTAKE_WECHAT_APP_ID="+apptest.AppID,
		"INTAKE_WECHAT_APP_SECRET=testsecret",
		"INTAKE_WECHAT_API_BASE="+s.API.URL,
		"INTAKE_DATA_DIR="+t.TempDir(),
	)
	cmd.Env = append(cmd.Env, env...)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &intakeProcess{addr: addr, url: "http://" + addr + s.Cfg.WeChat.Path, cmd: cmd, exited: make(chan struct{})}
	go func() { _ = cmd.Wait(); logf.Close(); close(p.exited) }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(os.Interrupt)
		select {
		case <-p.exited:
		case <-time.After(15 * time.Second):
			_ = cmd.Process.Kill()
			<-p.exited
		}
		if t.Failed() {
			if b, err := os.ReadFile(logf.Name()); err == nil {
				t.Logf("instance %s log (last 3000 bytes):\n%s", name, tail(string(b), 3000))
			}
		}
	})
	ready := "http://" + addr + "/readyz"
	for i := 0; ; i++ {
		resp, err := http.Get(ready)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return p
			}
		}
		select {
		case <-p.exited:
			b, _ := os.ReadFile(logf.Name())
			t.Fatalf("instance %s exited at start-up:\n%s", name, b)
		case <-time.After(100 * time.Millisecond):
		}
		if i > 300 {
			t.Fatalf("instance %s not ready after 30 s: %v", name, err)
		}
	}
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "…" + s[len(s)-n:]
}
