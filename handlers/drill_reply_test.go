//go:build drill

package handlers_test

import (
	"context"
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/internal/wxfake"
	"github.com/wxintake/intake/internal/wxpush"
	"github.com/wxintake/intake/triage"
)

// TestDrillWeChatAPIFaultsDuringTakeover drives a taken-over chat through the staff API
// while the fake WeChat API is slow or failing, and checks what the agent is told, what
// the transcript keeps and what the customer receives.
//
//   - With the shipped wechat.api_timeout (5 s) an API answering in 3 s only slows the
//     reply down: it is delivered, once.
//   - With an API timeout below the API's delay (2 s against 3 s) the reply call returns at
//     the timeout with delivered=false, the timeout reason and an id to retry.
//   - HTTP 500 and 502, errcode 45015 (window closed), 45047 (quota used up), -1 (busy) and
//     45009 (API quota) each come back as delivered=false with their own reason; the
//     transcript keeps the line, marked undelivered; retry_of then delivers it without a
//     second line.
//   - A reply that timed out may still reach the customer (the API finished it late), and
//     retry_of then sends it a second time: logged, not failed — see BENCHMARKS.md.
//   - A take-over whose notice the API refuses still succeeds; the notice goes to the
//     outbox, whose dispatcher (every 2 s) delivers it.
//
// In every case the transcript holds each staff line exactly once. Notifications under the
// same faults are retried by the outbox: internal/notify's TestFailedSendsAreRetried.
//
// Run with the other drills: ./scripts/test.sh -tags=drill -run=Drill ./handlers/
func TestDrillWeChatAPIFaultsDuringTakeover(t *testing.T) {
	t.Run("slow API within the shipped timeout", func(t *testing.T) {
		d := startReplyDrill(t, 0)
		if got := d.s.Cfg.WeChat.APITimeout; got != 5*time.Second {
			t.Fatalf("shipped wechat.api_timeout is %v; this case assumes 5s", got)
		}
		d.s.API.SetDelay(3 * time.Second)
		res, took := d.reply(t, "慢接口下的回复")
		t.Logf("API 3 s, timeout 5 s: delivered=%v note=%q in %v", res.Delivered, res.Note, took.Round(time.Millisecond))
		if !res.Delivered || took < 3*time.Second || took > 5*time.Second {
			t.Errorf("reply %+v in %v: want delivered after 3–5 s", res, took)
		}
		d.s.API.SetDelay(0)
		d.checkSent(t, "慢接口下的回复", 1)
		d.checkTranscript(t, "慢接口下的回复", "")
	})

	t.Run("slow API beyond the timeout", func(t *testing.T) {
		d := startReplyDrill(t, 2*time.Second)
		d.s.API.SetDelay(3 * time.Second)
		const text = "超时的回复"
		res, took := d.reply(t, text)
		t.Logf("API 3 s, timeout 2 s: delivered=%v note=%q id=%q in %v", res.Delivered, res.Note, res.ID, took.Round(time.Millisecond))
		if res.Delivered || res.ID == "" || res.Note != catalog.T("console.ticket2.reason.timeout") {
			t.Errorf("reply %+v: want undelivered with the timeout reason and an id", res)
		}
		if took < 2*time.Second || took > 2900*time.Millisecond {
			t.Errorf("the reply call took %v: want it to give up at the 2 s timeout", took)
		}
		d.checkTranscript(t, text, res.ID)
		d.s.API.SetDelay(0)
		// The fake API finishes the timed-out call anyway, as WeChat may: the customer can
		// have the message although the agent was told it was not delivered.
		time.Sleep(1500 * time.Millisecond)
		reached := d.sentCount(text)
		retry := d.retry(t, res.ID)
		after := d.sentCount(text)
		t.Logf("the timed-out send reached the API %d time(s); after retry_of (delivered=%v) the customer has it %d time(s)", reached, retry.Delivered, after)
		if !retry.Delivered {
			t.Errorf("retry after the API recovered: %+v", retry)
		}
		d.checkTranscript(t, text, "")
	})

	t.Run("failing API", func(t *testing.T) {
		d := startReplyDrill(t, 0)
		cases := []struct {
			name    string
			failure wxfake.Failure
			note    string
		}{
			{"HTTP 500", wxfake.Failure{Status: 500}, catalog.T("console.ticket2.reason.server")},
			{"HTTP 502", wxfake.Failure{Status: 502}, catalog.T("console.ticket2.reason.server")},
			{"errcode 45015", wxfake.Failure{Errcode: 45015}, catalog.T("console.ticket2.reason.window")},
			{"errcode 45047", wxfake.Failure{Errcode: 45047}, catalog.T("console.ticket2.reason.quota")},
			// -1 is WeChat's "system busy"; wxapi's errcode pattern takes no sign, so it
			// counts as a server error (code 0), which is what it is.
			{"errcode -1", wxfake.Failure{Errcode: -1}, catalog.T("console.ticket2.reason.server")},
			{"errcode 45009", wxfake.Failure{Errcode: 45009}, catalog.T("console.ticket2.reason.other", "code", "45009")},
		}
		for i, tc := range cases {
			// Each case sends two messages; the customer writing again renews the window's
			// five customer-service messages, as a chatting customer does.
			d.customerSays(t, "好的")
			text := "回复" + string(rune('A'+i)) + "：" + tc.name
			d.s.API.FailNext(tc.failure)
			res, took := d.reply(t, text)
			t.Logf("%s: delivered=%v note=%q in %v", tc.name, res.Delivered, res.Note, took.Round(time.Millisecond))
			if res.Delivered || res.ID == "" || res.Note != tc.note {
				t.Errorf("%s: reply %+v, want undelivered, an id and note %q", tc.name, res, tc.note)
				continue
			}
			d.checkSent(t, text, 0)
			d.checkTranscript(t, text, res.ID)
			if r := d.retry(t, res.ID); !r.Delivered {
				t.Errorf("%s: retry %+v, want delivered", tc.name, r)
			}
			d.checkSent(t, text, 1)
			d.checkTranscript(t, text, "")
		}
	})

	t.Run("notifications", func(t *testing.T) {
		// A status change is told to the customer through the outbox (internal/notify),
		// dispatched every 2 s; internal/notify's TestFailedSendsAreRetried covers the
		// backoff on a fake clock, this the whole service on the real one.
		d := openDrillTicket(t, func(c *config.Config) { c.Notify.TemplateID = "TMPL_DRILL" })
		label := func(st triage.Status) string { return st.Label() }

		d.s.API.SetDelay(3 * time.Second)
		d.setStatus(t, triage.StatusAccepted)
		took := d.waitNotice(t, label(triage.StatusAccepted), 12*time.Second)
		d.s.API.SetDelay(0)
		t.Logf("status notice with the API answering in 3 s: delivered %v after the change", took.Round(time.Millisecond))

		for _, tc := range []struct {
			name    string
			failure wxfake.Failure
			to      triage.Status
		}{
			{"HTTP 500", wxfake.Failure{Status: 500}, triage.StatusDiagnosing},
			{"errcode 45047", wxfake.Failure{Errcode: 45047}, triage.StatusRepairing},
		} {
			// The first attempt fails: the notification stays pending with its error and a
			// backoff (30 s after the first failure); moved due, it is delivered once.
			templates := d.templates()
			d.s.API.FailNext(tc.failure)
			d.setStatus(t, tc.to)
			if tc.failure.Errcode == 45047 {
				// WeChat's quota refusal falls through to the template message at once.
				deadline := time.Now().Add(8 * time.Second)
				for d.templates() == templates && time.Now().Before(deadline) {
					time.Sleep(100 * time.Millisecond)
				}
				t.Logf("%s: sent as a template message instead (%d → %d templates)", tc.name, templates, d.templates())
				if d.templates() != templates+1 {
					t.Errorf("%s: no template message after the quota refusal", tc.name)
				}
				continue
			}
			row := d.waitOutbox(t, "pending", 1, 8*time.Second)
			t.Logf("%s: kept pending after attempt %d, next attempt in %v, last error %q", tc.name, row.Attempts,
				time.Until(row.NextAttemptAt).Round(time.Second), row.LastError)
			if strings.Contains(row.LastError, "FAKETOKEN") {
				t.Errorf("%s: the stored error carries the access token: %q", tc.name, row.LastError)
			}
			if err := d.s.DB.Exec("UPDATE outbox SET next_attempt_at = ? WHERE id = ?", time.Now().Add(-time.Second).UTC(), row.ID).Error; err != nil {
				t.Fatal(err)
			}
			d.waitNotice(t, label(tc.to), 8*time.Second)
		}
	})

	t.Run("failing API at takeover", func(t *testing.T) {
		// The take-over notice ("客服 … 为您服务") goes out as a customer-service message too.
		d := startReplyDrill(t, 0)
		d.handback(t)
		d.s.API.FailNext(wxfake.Failure{Status: 500})
		before := len(d.s.API.Sent())
		if r := d.call(t, "POST", "/takeover", ""); r.Status != http.StatusNoContent {
			t.Fatalf("takeover with the API failing: %d %s", r.Status, r.Body)
		}
		time.Sleep(3 * time.Second) // the outbox's dispatcher runs every 2 s
		after := d.s.API.Sent()[before:]
		if len(after) != 1 || !strings.Contains(after[0].Text, "为您服务") {
			t.Fatalf("notices sent after the refused one: %+v, want the joined notice once, from the outbox", after)
		}
		t.Logf("takeover with the API failing: 204; the joined notice delivered by the outbox")
		res, _ := d.reply(t, "接管后的回复")
		if !res.Delivered {
			t.Errorf("reply after the API recovered: %+v", res)
		}
	})
}

// replyDrill is a ticket taken over by agent1 through the API of a whole service.
type replyDrill struct {
	s      *apptest.Service
	number string
	openID string
	agent  string
}

// startReplyDrill starts a service (with apiTimeout, when not zero), opens a ticket as a
// customer and takes it over as agent1.
func startReplyDrill(t *testing.T, apiTimeout time.Duration) *replyDrill {
	t.Helper()
	d := openDrillTicket(t, func(c *config.Config) {
		if apiTimeout > 0 {
			c.WeChat.APITimeout = apiTimeout
		}
	})
	if r := d.call(t, "POST", "/takeover", ""); r.Status != http.StatusNoContent {
		t.Fatalf("takeover: %d %s", r.Status, r.Body)
	}
	d.s.API.WaitSent(1, 5*time.Second) // the take-over notice
	return d
}

// openDrillTicket starts a service configured by cfg and opens a ticket as a customer.
func openDrillTicket(t *testing.T, cfg func(*config.Config)) *replyDrill {
	t.Helper()
	s := apptest.Start(t, apptest.Real, apptest.Options{Config: cfg})
	addAccounts(t, s)
	d := &replyDrill{s: s, openID: "o_drill_reply", agent: token(t, s, "agent1")}
	ctx := context.Background()
	customer := s.Client(wxpush.Safe)
	if _, err := customer.Say(ctx, d.openID, "冰箱漏水"); err != nil {
		t.Fatal(err)
	}
	r, err := customer.Say(ctx, d.openID, "转人工")
	if err != nil {
		t.Fatal(err)
	}
	d.number = regexp.MustCompile(`RS\d{8}-\d{4,}`).FindString(r.Text)
	if d.number == "" {
		t.Fatalf("no ticket: %s", r.Text)
	}
	return d
}

func (d *replyDrill) setStatus(t *testing.T, to triage.Status) {
	t.Helper()
	if r := d.call(t, "POST", "/status", `{"status":"`+string(to)+`"}`); r.Status != http.StatusOK {
		t.Fatalf("status %s: %d %s", to, r.Status, r.Body)
	}
}

// waitNotice waits until the customer has exactly one text naming the ticket and label,
// then makes sure no second one follows, and returns how long the first took.
func (d *replyDrill) waitNotice(t *testing.T, label string, timeout time.Duration) time.Duration {
	t.Helper()
	count := func() int {
		n := 0
		for _, m := range d.s.API.Sent() {
			if m.ToUser == d.openID && strings.Contains(m.Text, d.number) && strings.Contains(m.Text, label) {
				n++
			}
		}
		return n
	}
	start := time.Now()
	for count() == 0 && time.Since(start) < timeout {
		time.Sleep(100 * time.Millisecond)
	}
	took := time.Since(start)
	time.Sleep(2500 * time.Millisecond) // one more dispatch round
	if n := count(); n != 1 {
		t.Errorf("the customer was told %q %d times, want once", label, n)
	}
	return took
}

// templates counts the template messages sent.
func (d *replyDrill) templates() int {
	n := 0
	for _, m := range d.s.API.Sent() {
		if strings.Contains(m.Path, "template") {
			n++
		}
	}
	return n
}

// outboxRow is the part of an outbox row the drill reads.
type outboxRow struct {
	ID            int64
	Status        string
	Attempts      int
	NextAttemptAt time.Time
	LastError     string
}

// waitOutbox waits until the ticket's newest notification has status and attempts.
func (d *replyDrill) waitOutbox(t *testing.T, status string, attempts int, timeout time.Duration) outboxRow {
	t.Helper()
	var row outboxRow
	start := time.Now()
	for {
		err := d.s.DB.Raw("SELECT id, status, attempts, next_attempt_at, last_error FROM outbox WHERE ticket_number = ? ORDER BY id DESC LIMIT 1", d.number).Scan(&row).Error
		if err == nil && row.Status == status && row.Attempts == attempts && row.LastError != "" {
			return row
		}
		if time.Since(start) > timeout {
			t.Fatalf("outbox: %+v (err %v), want %s after %d attempts with an error", row, err, status, attempts)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// customerSays sends text as the customer (to the agent: the bot is paused).
func (d *replyDrill) customerSays(t *testing.T, text string) {
	t.Helper()
	if _, err := d.s.Client(wxpush.Safe).Say(context.Background(), d.openID, text); err != nil {
		t.Fatal(err)
	}
}

func (d *replyDrill) call(t *testing.T, method, sub, body string) reply {
	t.Helper()
	client := &http.Client{Timeout: 30 * time.Second}
	return do(t, client, d.s.URL(), request{Method: method, Path: "/api/v1/tickets/" + d.number + sub, Body: body, Bearer: d.agent})
}

// replyResult is the answer of POST …/reply.
type replyResult struct {
	Delivered bool
	Note, ID  string
}

func (d *replyDrill) post(t *testing.T, body string) (replyResult, time.Duration) {
	t.Helper()
	start := time.Now()
	r := d.call(t, "POST", "/reply", body)
	took := time.Since(start)
	var res replyResult
	if r.Status != http.StatusOK {
		t.Fatalf("reply: %d %s", r.Status, r.Body)
	}
	if err := json.Unmarshal(r.Body, &res); err != nil {
		t.Fatalf("reply: %v: %s", err, r.Body)
	}
	return res, took
}

func (d *replyDrill) reply(t *testing.T, text string) (replyResult, time.Duration) {
	t.Helper()
	b, _ := json.Marshal(map[string]string{"text": text})
	return d.post(t, string(b))
}

func (d *replyDrill) retry(t *testing.T, id string) replyResult {
	t.Helper()
	b, _ := json.Marshal(map[string]string{"retry_of": id})
	res, _ := d.post(t, string(b))
	return res
}

func (d *replyDrill) handback(t *testing.T) {
	t.Helper()
	if r := d.call(t, "POST", "/handback", ""); r.Status != http.StatusNoContent {
		t.Fatalf("handback: %d %s", r.Status, r.Body)
	}
}

// sentCount is how many times the customer was sent text.
func (d *replyDrill) sentCount(text string) int {
	n := 0
	for _, m := range d.s.API.Sent() {
		if m.ToUser == d.openID && m.Text == text {
			n++
		}
	}
	return n
}

func (d *replyDrill) checkSent(t *testing.T, text string, want int) {
	t.Helper()
	if n := d.sentCount(text); n != want {
		t.Errorf("the customer was sent %q %d times, want %d", text, n, want)
	}
}

// checkTranscript checks the ticket's transcript holds the staff line text exactly once,
// marked undelivered with id (or not marked, when id is empty).
func (d *replyDrill) checkTranscript(t *testing.T, text, id string) {
	t.Helper()
	r := d.call(t, "GET", "", "")
	var detail struct {
		Transcript []struct {
			Role, Text  string
			Undelivered *struct{ ID string }
		}
	}
	if err := json.Unmarshal(r.Body, &detail); err != nil {
		t.Fatalf("ticket: %d %v: %s", r.Status, err, r.Body)
	}
	n, marked := 0, ""
	for _, l := range detail.Transcript {
		if l.Role == "staff" && strings.TrimSpace(l.Text) == text {
			n++
			if l.Undelivered != nil {
				marked = l.Undelivered.ID
			}
		}
	}
	if n != 1 || marked != id {
		t.Errorf("transcript: %d staff lines %q marked %q; want 1 marked %q", n, text, marked, id)
	}
}
