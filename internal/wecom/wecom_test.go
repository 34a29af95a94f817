package wecom_test

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/wxintake/intake/internal/wecom"
	"github.com/wxintake/intake/triage"
)

const key = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"

// fakeRobot is WeCom's webhook: it records each message and answers with the next of
// answers (the last one repeats).
type fakeRobot struct {
	mu      sync.Mutex
	got     []map[string]any
	keys    []string
	answers []string // "ok", "500", or an errcode
}

func (f *fakeRobot) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var m map[string]any
	if r.Method != http.MethodPost || r.Header.Get("Content-Type") != "application/json" || json.NewDecoder(r.Body).Decode(&m) != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	f.got = append(f.got, m)
	f.keys = append(f.keys, r.URL.Query().Get("key"))
	answer := f.answers[min(len(f.got)-1, len(f.answers)-1)]
	switch answer {
	case "ok":
		w.Write([]byte(`{"errcode":0,"errmsg":"ok"}`))
	case "500":
		http.Error(w, "oops", http.StatusInternalServerError)
	default:
		w.Write([]byte(`{"errcode":` + answer + `,"errmsg":"api freq out of limit"}`))
	}
}

func (f *fakeRobot) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.got)
}

func urgentTicket() triage.Ticket {
	return triage.Ticket{
		Number: "RS20261205-0007", Category: "refrigerator", Priority: triage.PriorityUrgent, Complaint: true,
		Group: "投诉处理组",
		Record: triage.Record{Name: "张伟", Phone: "13812345678", Address: "北京市朝阳区建国路88号",
			Case: triage.Case{CategoryName: "冰箱", Symptom: "冰箱漏水 电话13812345678"}},
	}
}

// start runs alerts to the fake robot, with short backoff, and returns them and the log.
func start(t *testing.T, f *fakeRobot) (*wecom.Alerts, *bytes.Buffer, *sync.Mutex) {
	t.Helper()
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	var buf bytes.Buffer
	var mu sync.Mutex
	log := slog.New(slog.NewJSONHandler(&lockedWriter{&buf, &mu}, nil))
	a := wecom.NewAlerts(wecom.NewRobot(srv.URL+"/cgi-bin/webhook/send", key), log,
		[]time.Duration{time.Millisecond, 2 * time.Millisecond, 4 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { a.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return a, &buf, &mu
}

type lockedWriter struct {
	b  *bytes.Buffer
	mu *sync.Mutex
}

func (w *lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// An urgent complaint is posted as markdown with the robot's key: number, category,
// priority, group and console link, nothing about the customer.
func TestTicketAlert(t *testing.T) {
	f := &fakeRobot{answers: []string{"ok"}}
	a, _, _ := start(t, f)
	a.Ticket(urgentTicket(), true, "https://intake.example.com/console/tickets/RS20261205-0007")
	waitFor(t, "the alert", func() bool { return f.count() == 1 })

	f.mu.Lock()
	defer f.mu.Unlock()
	if f.keys[0] != key || f.got[0]["msgtype"] != "markdown" {
		t.Fatalf("posted %v with key %q", f.got[0], f.keys[0])
	}
	content, _ := f.got[0]["markdown"].(map[string]any)["content"].(string)
	for _, want := range []string{"RS20261205-0007", "冰箱", "紧急", "投诉处理组", "客户等待人工", "投诉",
		"(https://intake.example.com/console/tickets/RS20261205-0007)"} {
		if !strings.Contains(content, want) {
			t.Errorf("alert lacks %q:\n%s", want, content)
		}
	}
	for _, secret := range []string{"13812345678", "张伟", "建国路", "漏水"} {
		if strings.Contains(content, secret) {
			t.Errorf("alert names the customer's %q:\n%s", secret, content)
		}
	}
}

// Tickets that need nobody now are not posted; a failed post is retried with backoff.
func TestAlertRetries(t *testing.T) {
	f := &fakeRobot{answers: []string{"500", "45009", "ok"}}
	a, buf, mu := start(t, f)
	normal := urgentTicket()
	normal.Number, normal.Priority, normal.Complaint = "RS20261205-0008", triage.PriorityNormal, false
	a.Ticket(normal, false, "x") // nobody waits, not urgent: nothing
	a.Ticket(urgentTicket(), false, "x")
	waitFor(t, "three attempts", func() bool { return f.count() == 3 })
	time.Sleep(20 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	if f.count() != 3 || strings.Contains(buf.String(), "not delivered") {
		t.Errorf("%d posts, log:\n%s", f.count(), buf)
	}
}

// A robot that keeps failing is given up after the last retry, with a log line that
// names the ticket and neither the key nor the customer.
func TestAlertGivesUp(t *testing.T) {
	f := &fakeRobot{answers: []string{"500"}}
	a, buf, mu := start(t, f)
	a.Ticket(urgentTicket(), true, "x")
	waitFor(t, "the failure logged", func() bool {
		mu.Lock()
		defer mu.Unlock()
		return strings.Contains(buf.String(), "not delivered")
	})
	mu.Lock()
	defer mu.Unlock()
	if f.count() != 4 {
		t.Errorf("%d attempts, want 4 (3 retries)", f.count())
	}
	log := buf.String()
	if !strings.Contains(log, "RS20261205-0007") || strings.Contains(log, key) || strings.Contains(log, "13812345678") || strings.Contains(log, "张伟") {
		t.Errorf("log:\n%s", log)
	}
}

// An unreachable robot's error does not carry the webhook's address (its key).
func TestRobotErrorHidesKey(t *testing.T) {
	r := wecom.NewRobot("http://127.0.0.1:1/cgi-bin/webhook/send", key)
	err := r.Markdown(context.Background(), "x")
	if err == nil || strings.Contains(err.Error(), key) {
		t.Fatalf("error %v", err)
	}
	if wecom.NewRobot("", "") != nil || wecom.NewAlerts(wecom.NewRobot("", ""), slog.Default(), nil) != nil {
		t.Error("no key still makes a robot")
	}
	var none *wecom.Alerts
	none.Ticket(urgentTicket(), true, "x") // no robot configured: nothing, no panic
}

// Queuing never waits: with nobody posting, alerts beyond the queue are dropped and logged.
func TestAlertNeverBlocks(t *testing.T) {
	var buf bytes.Buffer
	a := wecom.NewAlerts(wecom.NewRobot("http://127.0.0.1:1/x", key), slog.New(slog.NewJSONHandler(&buf, nil)), nil)
	begin := time.Now()
	for range wecom.QueueSize + 5 {
		a.Ticket(urgentTicket(), true, "x")
	}
	if d := time.Since(begin); d > time.Second {
		t.Errorf("queuing took %v", d)
	}
	if n := strings.Count(buf.String(), "queue is full"); n != 5 {
		t.Errorf("%d drops logged, want 5:\n%s", n, buf.String())
	}
}

// A customer waiting for a person with no ticket is posted with the time the bot takes
// over and a link to the console's queue, nothing about the customer.
func TestWaitingAlert(t *testing.T) {
	f := &fakeRobot{answers: []string{"ok"}}
	a, _, _ := start(t, f)
	cst := time.FixedZone("CST", 8*3600)
	a.Waiting(time.Date(2026, 12, 7, 9, 10, 0, 0, cst), cst, "https://intake.example.com/console/")
	waitFor(t, "the alert", func() bool { return f.count() == 1 })
	f.mu.Lock()
	defer f.mu.Unlock()
	content, _ := f.got[0]["markdown"].(map[string]any)["content"].(string)
	for _, want := range []string{"客户等待人工", "未建单", "09:10", "(https://intake.example.com/console/)"} {
		if !strings.Contains(content, want) {
			t.Errorf("alert lacks %q:\n%s", want, content)
		}
	}
}
