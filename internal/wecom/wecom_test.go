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
	"testing/synctest"
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

// start runs alerts to the fake robot, with the production backoff (1 s, 5 s, 30 s), and
// returns them and the log. It is called inside a synctest bubble: the robot is served in
// process (no socket), so the test moves the bubble's fake clock instead of sleeping.
func start(t *testing.T, f *fakeRobot) (*wecom.Alerts, *bytes.Buffer, *sync.Mutex) {
	t.Helper()
	robot := wecom.NewRobot(wecom.DefaultURL, key)
	robot.Client.Transport = handlerTransport{f}
	var buf bytes.Buffer
	var mu sync.Mutex
	log := slog.New(slog.NewJSONHandler(&lockedWriter{&buf, &mu}, nil))
	a := wecom.NewAlerts(robot, log, nil)
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

// handlerTransport answers a request with the fake robot's handler, in process.
type handlerTransport struct{ h http.Handler }

func (t handlerTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	w := httptest.NewRecorder()
	t.h.ServeHTTP(w, r)
	return w.Result(), nil
}

// after moves the bubble's clock on by d and waits until every goroutine in it is blocked.
func after(d time.Duration) {
	time.Sleep(d) // fake time: returns at once
	synctest.Wait()
}

// An urgent complaint is posted as markdown with the robot's key: number, category,
// priority, group and console link, nothing about the customer.
func TestTicketAlert(t *testing.T) { synctest.Test(t, testTicketAlert) }

func testTicketAlert(t *testing.T) {
	f := &fakeRobot{answers: []string{"ok"}}
	a, _, _ := start(t, f)
	a.Ticket(urgentTicket(), true, "https://intake.example.com/console/tickets/RS20261205-0007")
	synctest.Wait()
	if n := f.count(); n != 1 {
		t.Fatalf("%d posts, want 1", n)
	}

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

// Tickets that need nobody now are not posted; a failed post is retried after 1 s, then
// after 5 s more.
func TestAlertRetries(t *testing.T) { synctest.Test(t, testAlertRetries) }

func testAlertRetries(t *testing.T) {
	f := &fakeRobot{answers: []string{"500", "45009", "ok"}}
	a, buf, mu := start(t, f)
	normal := urgentTicket()
	normal.Number, normal.Priority, normal.Complaint = "RS20261205-0008", triage.PriorityNormal, false
	a.Ticket(normal, false, "x") // nobody waits, not urgent: nothing
	a.Ticket(urgentTicket(), false, "x")
	for _, step := range []struct {
		wait  time.Duration
		posts int
	}{{0, 1}, {999 * time.Millisecond, 1}, {time.Millisecond, 2}, {5 * time.Second, 3}, {time.Minute, 3}} {
		after(step.wait)
		if n := f.count(); n != step.posts {
			t.Fatalf("%d posts %v later, want %d", n, step.wait, step.posts)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if f.count() != 3 || strings.Contains(buf.String(), "not delivered") {
		t.Errorf("%d posts, log:\n%s", f.count(), buf)
	}
}

// A robot that keeps failing is given up after the last retry, with a log line that
// names the ticket and neither the key nor the customer.
func TestAlertGivesUp(t *testing.T) { synctest.Test(t, testAlertGivesUp) }

func testAlertGivesUp(t *testing.T) {
	f := &fakeRobot{answers: []string{"500"}}
	a, buf, mu := start(t, f)
	a.Ticket(urgentTicket(), true, "x")
	after(36*time.Second - time.Millisecond) // attempts at 0, 1, 6 and 36 s
	if n := f.count(); n != 3 {
		t.Fatalf("%d attempts before the last retry, want 3", n)
	}
	after(time.Millisecond)
	mu.Lock()
	if !strings.Contains(buf.String(), "not delivered") {
		t.Errorf("the failure is not logged after the last retry:\n%s", buf)
	}
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
func TestWaitingAlert(t *testing.T) { synctest.Test(t, testWaitingAlert) }

func testWaitingAlert(t *testing.T) {
	f := &fakeRobot{answers: []string{"ok"}}
	a, _, _ := start(t, f)
	cst := time.FixedZone("CST", 8*3600)
	a.Waiting(time.Date(2026, 12, 7, 9, 10, 0, 0, cst), cst, "https://intake.example.com/console/")
	synctest.Wait()
	if n := f.count(); n != 1 {
		t.Fatalf("%d posts, want 1", n)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	content, _ := f.got[0]["markdown"].(map[string]any)["content"].(string)
	for _, want := range []string{"客户等待人工", "未建单", "09:10", "(https://intake.example.com/console/)"} {
		if !strings.Contains(content, want) {
			t.Errorf("alert lacks %q:\n%s", want, content)
		}
	}
}
