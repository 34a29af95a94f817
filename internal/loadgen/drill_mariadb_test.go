//go:build drill

package loadgen

import (
	"context"
	"os/exec"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/testenv"
)

// TestDrillMariaDBDownUnderLoad stops MariaDB for 30 seconds while eight customers chat
// with a service, then starts it again: no customer gets an empty reply or a transport
// error (a turn that cannot finish is answered with the polite error and sent again),
// cases confirmed meanwhile get a provisional reference and wait in Redis, and once the
// spool has drained every confirmed conversation has exactly one ticket, and a customer
// given a reference is told the real number once.
//
// It stops the MariaDB server of the scripts/test.sh run (INTAKE_TEST_MARIADB_RESTART),
// so it runs with the other drills, alone: go test -tags drill.
func TestDrillMariaDBDownUnderLoad(t *testing.T) {
	ctl := testenv.RequireService(t, "INTAKE_TEST_MARIADB_RESTART")
	const (
		customers = 8
		before    = 5 * time.Second
		outage    = 30 * time.Second
		after     = 10 * time.Second
	)
	s := apptest.Start(t, apptest.Real, apptest.Options{})
	restarted := true
	t.Cleanup(func() {
		if !restarted {
			_ = exec.Command(ctl, "start").Run()
		}
	})

	load := startDrillLoad(s, customers, 50*time.Millisecond)
	time.Sleep(before)
	turnsBefore := load.Counts.Turns.Load()

	down := time.Now()
	restarted = false
	if out, err := exec.Command(ctl, "stop").CombinedOutput(); err != nil {
		t.Fatalf("stop MariaDB: %v\n%s", err, out)
	}
	stopped := time.Now()
	time.Sleep(outage - time.Since(down))
	turnsDown := load.Counts.Turns.Load()
	spooledAtRestart, _ := s.Spool.Len(context.Background())
	if out, err := exec.Command(ctl, "start").CombinedOutput(); err != nil {
		t.Fatalf("start MariaDB: %v\n%s", err, out)
	}
	restarted = true
	up := time.Now()
	var drained time.Duration
	var drainErr error
	drainDone := make(chan struct{})
	go func() { drained, drainErr = waitSpoolEmpty(s, 30*time.Second); close(drainDone) }()
	time.Sleep(after)
	load.Stop()
	<-drainDone
	if drainErr != nil {
		t.Fatal(drainErr)
	}

	convs := load.Conversations()
	duringOutage := 0
	for _, c := range convs {
		if c.Confirmed != "" && c.ConfirmAt.After(down) && c.ConfirmAt.Before(up) {
			duringOutage++
		}
	}
	load.Report(t)
	t.Logf("MariaDB: stop took %v, down %v; turns %d before, %d during, %d after the outage",
		stopped.Sub(down).Round(time.Millisecond), up.Sub(down).Round(time.Millisecond),
		turnsBefore, turnsDown-turnsBefore, load.Counts.Turns.Load()-turnsDown)
	t.Logf("confirmations during the outage: %d; spooled just before MariaDB's start: %d; spool empty %v after MariaDB's start",
		duringOutage, spooledAtRestart, drained.Round(time.Millisecond))

	load.checkNoFailures(t, false)
	tickets := checkTickets(t, s, convs)
	// The real numbers of spooled cases go out through the notification outbox.
	deadline := time.Now().Add(20 * time.Second)
	var numbers, others int
	for {
		sub := &quietT{TB: t}
		numbers, others = checkPushes(sub, s, convs)
		if !sub.failed || time.Now().After(deadline) {
			if sub.failed {
				checkPushes(t, s, convs)
			}
			break
		}
		time.Sleep(250 * time.Millisecond)
	}
	t.Logf("tickets in MariaDB: %d; pushed: %d ticket-number notices, %d other messages", tickets, numbers, others)
	if duringOutage == 0 || spooledAtRestart == 0 {
		t.Errorf("%d confirmations during the outage, %d spooled: the drill did not exercise the spool", duringOutage, spooledAtRestart)
	}
}

// quietT records failures instead of reporting them, to poll a check until it passes.
type quietT struct {
	testing.TB
	failed bool
}

func (q *quietT) Errorf(string, ...any) { q.failed = true }
func (q *quietT) Helper()               {}
