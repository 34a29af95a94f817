//go:build drill

package loadgen

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/config"
)

// TestDrillRedisRestartUnderLoad restarts the service's Redis while eight customers chat,
// three ways:
//
//   - aof-shutdown: append-only file with fsync every second (appendonly yes, appendfsync
//     everysec, the production setting we recommend), stopped cleanly (SHUTDOWN, as
//     systemd or a failover does): nothing is lost, conversations continue where they were.
//   - aof-kill: the same, killed with SIGKILL: the AOF is written before each reply, so
//     killing the process loses nothing (a power loss could lose up to a second).
//   - no-persistence: no AOF and no snapshots (what scripts/test.sh runs): a conversation
//     caught mid-way restarts from scratch after the restart.
//
// In every mode, no customer gets a transport error (turns meet the polite error while
// Redis is away and are sent again), no reply is pushed twice, every confirmed case has
// exactly one ticket in MariaDB, and an empty reply is allowed only when its reply is pushed
// later: a turn caught between Begin and Commit leaves its customer's lock in the persisted
// data, and the customer's next message waits for it past the reply budget (BENCHMARKS.md,
// finding 1). With aof-shutdown every conversation that spanned the restart must still reach
// its ticket; the other modes report how many did.
//
// Redis is the drill's own server (redis-server from PATH, a free loopback port, a
// temporary directory), so the shared test Redis is never touched.
func TestDrillRedisRestartUnderLoad(t *testing.T) {
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		t.Skip("redis-server is not on PATH (scripts/test.sh installs it)")
	}
	// go-redis logs every failed dial; while Redis is away that is hundreds of lines.
	dials := &countingLog{}
	redis.SetLogger(dials)
	modes := []struct {
		name    string
		args    []string
		kill    bool
		resumes bool // conversations in progress must continue where they were
	}{
		{"aof-shutdown", []string{"--appendonly", "yes", "--appendfsync", "everysec", "--save", ""}, false, true},
		{"aof-kill", []string{"--appendonly", "yes", "--appendfsync", "everysec", "--save", ""}, true, false},
		{"no-persistence", []string{"--appendonly", "no", "--save", ""}, false, false},
	}
	for _, m := range modes {
		t.Run(m.name, func(t *testing.T) {
			dials.n.Store(0)
			const (
				customers = 8
				before    = 5 * time.Second
				outage    = 3 * time.Second
				after     = 8 * time.Second
			)
			rs := startRedisServer(t, bin, m.args)
			s := apptest.Start(t, apptest.Real, apptest.Options{Config: func(c *config.Config) {
				c.Redis.Addr = rs.addr()
			}})
			load := startDrillLoad(s, customers, 50*time.Millisecond)
			time.Sleep(before)

			turnsBefore, politeBefore := load.Counts.Turns.Load(), load.Counts.Polite.Load()
			down := time.Now()
			if m.kill {
				rs.kill(t)
			} else {
				rs.shutdown(t)
			}
			stopped := time.Now()
			time.Sleep(outage - time.Since(down))
			rs.start(t)
			up := time.Now()
			turnsDown, politeDown := load.Counts.Turns.Load(), load.Counts.Polite.Load()
			time.Sleep(after)
			load.Stop()

			convs := load.Conversations()
			spanning, resumed := 0, 0
			for _, c := range convs {
				if c.Started.Before(down) && c.Completed && c.Last.After(up) {
					spanning++
					if TicketNumber.MatchString(c.Confirmed) {
						resumed++
					}
				}
			}
			load.Report(t)
			t.Logf("Redis (%s): stop took %v, away %v; turns %d before (%d polite errors), %d during (%d), %d after (%d)",
				m.name, stopped.Sub(down).Round(time.Millisecond), up.Sub(down).Round(time.Millisecond),
				turnsBefore, politeBefore, turnsDown-turnsBefore, politeDown-politeBefore,
				load.Counts.Turns.Load()-turnsDown, load.Counts.Polite.Load()-politeDown)
			t.Logf("conversations that spanned the restart and finished: %d, of which reached a ticket: %d; go-redis logged %d failed dials", spanning, resumed, dials.n.Load())

			load.checkNoFailures(t, true)
			tickets := checkTickets(t, s, convs)
			numbers, others := checkPushes(t, s, convs)
			t.Logf("tickets in MariaDB: %d; pushed: %d ticket-number notices, %d other messages", tickets, numbers, others)
			if n, err := s.Spool.Len(context.Background()); err != nil || n != 0 {
				t.Errorf("spool: %d tickets waiting (err %v): MariaDB was up throughout", n, err)
			}
			if m.resumes && resumed != spanning {
				t.Errorf("%d of %d conversations that spanned the restart reached a ticket: state was lost", resumed, spanning)
			}
			if spanning == 0 {
				t.Errorf("no conversation spanned the restart: the drill did not exercise it")
			}
		})
	}
}

// countingLog counts what go-redis logs instead of printing it.
type countingLog struct{ n atomic.Int64 }

func (c *countingLog) Printf(context.Context, string, ...any) { c.n.Add(1) }

// redisServer is a redis-server process of the drill's own.
type redisServer struct {
	bin, dir string
	port     int
	args     []string
	cmd      *exec.Cmd
	exited   chan struct{}
}

// startRedisServer starts redis-server with args on a free loopback port in a temporary
// directory; it is stopped when the test ends.
func startRedisServer(t *testing.T, bin string, args []string) *redisServer {
	rs := &redisServer{bin: bin, dir: t.TempDir(), args: args}
	t.Cleanup(func() {
		if rs.cmd != nil {
			_ = rs.cmd.Process.Kill()
			<-rs.exited
		}
		if t.Failed() {
			if b, err := os.ReadFile(filepath.Join(rs.dir, "redis.log")); err == nil {
				t.Logf("redis.log:\n%s", b)
			}
		}
	})
	// The free port may be taken before redis-server binds it (other test runs start
	// servers too): then try another.
	var err error
	for attempt := 0; attempt < 3; attempt++ {
		l, lerr := net.Listen("tcp", "127.0.0.1:0")
		if lerr != nil {
			t.Fatal(lerr)
		}
		rs.port = l.Addr().(*net.TCPAddr).Port
		l.Close()
		if err = rs.run(); err == nil {
			return rs
		}
		t.Logf("redis-server on port %d: %v; trying another port", rs.port, err)
	}
	t.Fatal(err)
	return nil
}

func (rs *redisServer) addr() string { return "127.0.0.1:" + strconv.Itoa(rs.port) }

// start runs the server again on the same port and directory, so it reloads what it
// persisted.
func (rs *redisServer) start(t *testing.T) {
	t.Helper()
	if err := rs.run(); err != nil {
		t.Fatal(err)
	}
}

// run starts the server and waits until it answers (after loading its data) as itself:
// its INFO names its process id, so a server of someone else on the port is not taken
// for it.
func (rs *redisServer) run() error {
	args := append([]string{"--port", strconv.Itoa(rs.port), "--bind", "127.0.0.1", "--dir", rs.dir,
		"--logfile", "redis.log", "--daemonize", "no"}, rs.args...)
	cmd := exec.Command(rs.bin, args...)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start redis-server: %w", err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	rs.cmd, rs.exited = cmd, exited
	c := redis.NewClient(&redis.Options{Addr: rs.addr(), MaxRetries: -1})
	defer c.Close()
	self := "process_id:" + strconv.Itoa(cmd.Process.Pid)
	for i := 0; ; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		info, err := c.Info(ctx, "server").Result()
		cancel()
		if err == nil && strings.Contains(info, self) {
			return nil
		}
		select {
		case <-exited:
			rs.cmd = nil
			return fmt.Errorf("redis-server exited at start-up (log in %s)", rs.dir)
		case <-time.After(50 * time.Millisecond):
		}
		if i > 200 {
			_ = cmd.Process.Kill()
			<-exited
			rs.cmd = nil
			return fmt.Errorf("redis-server does not answer as itself: %v", err)
		}
	}
}

// shutdown stops the server cleanly (SHUTDOWN: with AOF on, the file is flushed first).
func (rs *redisServer) shutdown(t *testing.T) {
	t.Helper()
	_ = exec.Command("redis-cli", "-p", strconv.Itoa(rs.port), "shutdown").Run()
	rs.waitExit(t)
}

// kill stops the server the hard way, as a crash or the OOM killer does.
func (rs *redisServer) kill(t *testing.T) {
	t.Helper()
	_ = rs.cmd.Process.Kill()
	rs.waitExit(t)
}

func (rs *redisServer) waitExit(t *testing.T) {
	t.Helper()
	select {
	case <-rs.exited:
		rs.cmd = nil
	case <-time.After(10 * time.Second):
		t.Fatal(fmt.Errorf("redis-server on port %d did not stop", rs.port))
	}
}
