//go:build drill

package effects_test

import (
	"context"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/testenv"
	"github.com/wxintake/intake/internal/wxpush"
)

// TestDrillDatabaseDownAtConfirmation stops MariaDB while a customer confirms a case: the
// customer still gets a reference and the promise, the case waits in Redis, and when the
// database is back it becomes a ticket and the customer is told its number.
//
// It stops the shared test database, so scripts/test.sh runs it on its own, after the
// other tests (go test -tags drill).
func TestDrillDatabaseDownAtConfirmation(t *testing.T) {
	ctl := testenv.RequireService(t, "INTAKE_TEST_MARIADB_RESTART")
	s := apptest.Start(t, apptest.Real, apptest.Options{})
	c := s.Client(wxpush.Safe)
	ctx := context.Background()
	const who = "o_drill_db_down"

	// Everything up to the summary, with the database up.
	msg := "美的空调KFR-35GW三个月前京东买的，今天突然不制冷，显示E1"
	for turn := 0; turn < 25; turn++ {
		r, err := c.Say(ctx, who, msg)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(r.Text, "请核对报修信息") {
			break
		}
		msg = ""
		for _, a := range answers {
			if strings.Contains(r.Text, a.question) {
				msg = a.answer
				break
			}
		}
		if msg == "" {
			t.Fatalf("unexpected question:\n%s", r.Text)
		}
	}

	if out, err := exec.Command(ctl, "stop").CombinedOutput(); err != nil {
		t.Fatalf("stop MariaDB: %v\n%s", err, out)
	}
	restarted := false
	defer func() {
		if !restarted {
			_ = exec.Command(ctl, "start").Run()
		}
	}()
	r, err := c.Say(ctx, who, "确认")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.Text, "RQ") || !strings.Contains(r.Text, "前") {
		t.Fatalf("with the database down the customer got:\n%s", r.Text)
	}
	if n, _ := s.Spool.Len(ctx); n != 1 {
		t.Fatalf("%d cases spooled, want 1", n)
	}

	time.Sleep(3 * time.Second) // drains fail meanwhile; nothing may be lost
	if out, err := exec.Command(ctl, "start").CombinedOutput(); err != nil {
		t.Fatalf("start MariaDB: %v\n%s", err, out)
	}
	restarted = true

	deadline := time.Now().Add(30 * time.Second)
	for {
		tickets, err := s.Tickets.ListByOpenID(ctx, who, 5)
		if err == nil && len(tickets) == 1 {
			if tickets[0].Record.Phone != "13812345678" {
				t.Fatalf("spooled ticket lost its record: %+v", tickets[0].Record)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no ticket 30 s after the database came back (err %v, %d tickets)", err, len(tickets))
		}
		time.Sleep(200 * time.Millisecond)
	}
	sent := s.API.WaitSent(1, 10*time.Second)
	if len(sent) == 0 || !strings.Contains(sent[len(sent)-1].Text, "RS") {
		t.Fatalf("the customer was not told the ticket number: %+v", sent)
	}
	if n, _ := s.Spool.Len(ctx); n != 0 {
		t.Fatalf("%d cases still spooled", n)
	}
}
