//go:build drill

package loadgen

import (
	"context"
	"fmt"
	mrand "math/rand/v2"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/apptest"
	"github.com/wxintake/intake/internal/wxfake"
	"github.com/wxintake/intake/internal/wxpush"
)

// The drills of this package (drill_*_test.go) take a service's database or Redis away, or
// kill an instance, while customers chat with it. drillLoad is their load: the full script, several
// customers at once, each message sent when the previous reply came (with a short pause,
// as a person types), every message built and signed when it is sent, so an outage of any
// length never makes its timestamps stale. Unlike Run it keeps, per conversation, what the
// confirmation was answered with, and it resends a message answered with the polite error
// (bot.error, bot.ticket.failed), as a customer told "please send it again" would.

// Reference matches the provisional reference a case gets while the database is away.
var Reference = regexp.MustCompile(`RQ[0-9A-F]{8}`)

// drillConv is one conversation of a drill.
type drillConv struct {
	OpenID    string
	Confirmed string    // the ticket number or reference the confirmation was answered with
	ConfirmAt time.Time // when that answer came
	Passive   []string  // every text reply, in order
	Empty     int       // "success" replies: the reply, if any, was pushed
	Started   time.Time // the first message sent
	Last      time.Time // the last reply received
	Completed bool      // every message of the script was answered
}

// drillCounts are what went wrong, by kind, over the whole drill. An empty reply means the
// turn missed the passive deadline and its reply is pushed when ready: Late counts those
// whose push came (the longest wait in MaxLate), Lost those whose push never came.
type drillCounts struct {
	Turns, Polite, Empty, Transport, HTTPStatus, BadReply atomic.Int64
	Late, Lost, MaxLate                                   atomic.Int64 // MaxLate in ms
	Retried                                               atomic.Int64 // answered only by a retry to another URL
}

// drillLoad runs the customers until Stop.
type drillLoad struct {
	client  *wxpush.Client
	urls    []string       // webhooks; each message goes to one at random, as a load balancer sends
	flight  []atomic.Int64 // requests in flight, by URL
	flying  sync.Map       // OpenID → index of the URL its request in flight went to
	api     *wxfake.Server
	runID   string
	think   time.Duration
	wait    time.Duration // how long a customer waits for the pushed reply after an empty one
	stop    chan struct{}
	wg      sync.WaitGroup
	Counts  drillCounts
	mu      sync.Mutex
	convs   []*drillConv
	samples []string
}

// startDrillLoad starts customers chatting with s.
func startDrillLoad(s *apptest.Service, customers int, think time.Duration) *drillLoad {
	return newDrillLoad(s.API, []string{s.URL() + s.Cfg.WeChat.Path}, think).Start(customers)
}

// newDrillLoad prepares customers (see Start) chatting with the webhooks urls of services
// whose WeChat API is api. A message whose request fails in transport (the instance is gone) is
// sent again, same MsgId, to another URL, up to three times: WeChat's retries, through a
// load balancer.
func newDrillLoad(api *wxfake.Server, urls []string, think time.Duration) *drillLoad {
	c := &wxpush.Client{URL: urls[0], Token: apptest.Token, AESKey: apptest.AESKey, AppID: apptest.AppID,
		Mode: wxpush.Safe, HTTP: &http.Client{Timeout: 10 * time.Second}}
	l := &drillLoad{client: c, urls: urls, flight: make([]atomic.Int64, len(urls)), api: api,
		runID: randomHex(3), think: think, wait: 40 * time.Second, stop: make(chan struct{})}
	return l
}

// Start starts the customers.
func (l *drillLoad) Start(customers int) *drillLoad {
	for i := range customers {
		l.wg.Go(func() { l.customer(i, customers) })
	}
	return l
}

// FlyingTo reports whether openID's request in flight went to urls[i].
func (l *drillLoad) FlyingTo(openID string, i int) bool {
	v, ok := l.flying.Load(openID)
	return ok && v.(int) == i
}

// InFlight is how many requests to urls[i] are waiting for their answer.
func (l *drillLoad) InFlight(i int) int64 { return l.flight[i].Load() }

// say sends text from openID the way WeChat does: to a URL picked at random, and again,
// with the same MsgId, to the next one when the request fails in transport (up to three
// retries). It returns the last answer and how many retries it took.
func (l *drillLoad) say(openID, text string) (wxpush.Reply, int, error) {
	first := mrand.IntN(len(l.urls))
	p, err := l.client.Prepare(openID, l.client.XML(openID, &wxpush.Message{Type: "text", Content: text}))
	if err != nil {
		return wxpush.Reply{}, 0, err
	}
	query := strings.TrimPrefix(p.URL, l.client.URL)
	var r wxpush.Reply
	for retry := 0; ; retry++ {
		i := (first + retry) % len(l.urls)
		p.URL = l.urls[i] + query
		ctx, cancel := context.WithTimeout(context.Background(), 12*time.Second)
		l.flight[i].Add(1)
		l.flying.Store(openID, i)
		r, err = l.client.Post(ctx, p)
		l.flying.Delete(openID)
		l.flight[i].Add(-1)
		cancel()
		if !(r.Status == 0 && err != nil) || retry == 3 || len(l.urls) == 1 {
			return r, retry, err
		}
	}
}

// Stop lets every customer finish the message in flight and waits for them.
func (l *drillLoad) Stop() {
	close(l.stop)
	l.wg.Wait()
}

func (l *drillLoad) stopped() bool {
	select {
	case <-l.stop:
		return true
	default:
		return false
	}
}

// Conversations returns the conversations started so far.
func (l *drillLoad) Conversations() []*drillConv {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]*drillConv(nil), l.convs...)
}

func (l *drillLoad) sample(format string, args ...any) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.samples) < 10 {
		l.samples = append(l.samples, time.Now().Format("15:04:05.000 ")+fmt.Sprintf(format, args...))
	}
}

func oneLine(s string, n int) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// maxResends bounds how often one message is sent again after a polite error; with the
// pause between attempts it outlasts a 30-second outage.
const maxResends = 120

func (l *drillLoad) customer(c, customers int) {
	// Customers start a little apart, so an outage finds them at different stages.
	select {
	case <-l.stop:
		return
	case <-time.After(time.Duration(c) * 3 * l.think):
	}
	politeError, ticketFailed := catalog.T("bot.error"), catalog.T("bot.ticket.failed")
	for k := 0; ; k++ {
		conv := &drillConv{OpenID: fmt.Sprintf("odrill%s_%d_%d", l.runID, c, k)}
		script := Full.Build(conv.OpenID, k*customers+c)
		l.mu.Lock()
		l.convs = append(l.convs, conv)
		l.mu.Unlock()
		for i, text := range script.Turns {
			for attempt := 0; ; attempt++ {
				if l.stopped() {
					return
				}
				if conv.Started.IsZero() {
					conv.Started = time.Now()
				}
				pushed := l.pushes(conv.OpenID)
				r, retries, err := l.say(conv.OpenID, text)
				conv.Last = time.Now()
				if retries > 0 {
					l.Counts.Retried.Add(1)
					if r.Status != 200 || r.Success {
						l.sample("%s turn %d %q: WeChat's retry %d answered %d %q", conv.OpenID, i+1, text, retries, r.Status, oneLine(r.Text, 30))
					}
				}
				l.Counts.Turns.Add(1)
				resend := false
				switch {
				case r.Status == 0 && err != nil:
					l.Counts.Transport.Add(1)
					l.sample("%s turn %d %q: transport: %v", conv.OpenID, i+1, text, err)
					resend = true
				case r.Status != 200:
					l.Counts.HTTPStatus.Add(1)
					l.sample("%s turn %d %q: HTTP %d %.80q", conv.OpenID, i+1, text, r.Status, r.Body)
					resend = true
				case err != nil:
					l.Counts.BadReply.Add(1)
					l.sample("%s turn %d %q: bad reply: %v", conv.OpenID, i+1, text, err)
				case r.Success || r.Text == "":
					l.Counts.Empty.Add(1)
					conv.Empty++
					// A person waits for the answer before typing on.
					if waited, ok := l.waitPush(conv.OpenID, pushed, l.wait); ok {
						l.Counts.Late.Add(1)
						l.maxLate(waited)
						if script.Stages[i] == "confirm" {
							conv.confirmed(l.pushed(conv.OpenID)[pushed:])
						}
						l.sample("%s turn %d %q: empty reply, the reply pushed %v later", conv.OpenID, i+1, text, waited.Round(time.Millisecond))
					} else {
						// Never answered: a person types the message again.
						l.Counts.Lost.Add(1)
						l.sample("%s turn %d %q: empty reply, nothing pushed within %v", conv.OpenID, i+1, text, waited.Round(time.Second))
						resend = true
					}
				case r.Text == politeError || strings.HasPrefix(r.Text, ticketFailed):
					l.Counts.Polite.Add(1)
					conv.Passive = append(conv.Passive, r.Text)
					resend = true
				default:
					conv.Passive = append(conv.Passive, r.Text)
					if script.Stages[i] == "confirm" {
						conv.confirmed([]string{r.Text})
					}
				}
				l.pause(resend)
				if !resend || attempt >= maxResends {
					break
				}
			}
		}
		conv.Completed = true
	}
}

// confirmed notes the ticket number or reference the confirmation was answered with, in
// the passive reply or, when the turn ran late, in the pushed one.
func (c *drillConv) confirmed(replies []string) {
	for _, r := range replies {
		n := TicketNumber.FindString(r)
		if n == "" {
			n = Reference.FindString(r)
		}
		if n != "" {
			c.Confirmed, c.ConfirmAt = n, time.Now()
			return
		}
	}
}

// pushed returns the texts of the customer-service messages sent to openID so far.
func (l *drillLoad) pushed(openID string) []string {
	var out []string
	for _, m := range l.api.Sent() {
		if m.ToUser == openID {
			out = append(out, m.Text)
		}
	}
	return out
}

// pushes counts the customer-service messages sent to openID so far.
func (l *drillLoad) pushes(openID string) int { return len(l.pushed(openID)) }

// waitPush waits until openID has been sent more than seen messages, for up to timeout,
// and says how long it waited.
func (l *drillLoad) waitPush(openID string, seen int, timeout time.Duration) (time.Duration, bool) {
	start := time.Now()
	for time.Since(start) < timeout {
		if l.pushes(openID) > seen {
			return time.Since(start), true
		}
		time.Sleep(100 * time.Millisecond)
	}
	return time.Since(start), false
}

func (l *drillLoad) maxLate(d time.Duration) {
	for {
		old := l.Counts.MaxLate.Load()
		if d.Milliseconds() <= old || l.Counts.MaxLate.CompareAndSwap(old, d.Milliseconds()) {
			return
		}
	}
}

// pause is the customer's think time; after a polite error a little longer, as a person
// reads the apology before sending again.
func (l *drillLoad) pause(resend bool) {
	d := l.think
	if resend {
		d = 250 * time.Millisecond
	}
	select {
	case <-l.stop:
	case <-time.After(d):
	}
}

// Report logs the counts and the first samples of what went wrong.
func (l *drillLoad) Report(t testing.TB) {
	confirmed, refs := 0, 0
	for _, c := range l.Conversations() {
		if c.Confirmed != "" {
			confirmed++
		}
		if Reference.MatchString(c.Confirmed) {
			refs++
		}
	}
	t.Logf("load: %d conversations, %d confirmed (%d with a provisional reference); %d turns: %d polite errors, %d empty (%d pushed late, at most %d ms; %d never), %d transport, %d HTTP status, %d bad replies",
		len(l.Conversations()), confirmed, refs, l.Counts.Turns.Load(), l.Counts.Polite.Load(), l.Counts.Empty.Load(),
		l.Counts.Late.Load(), l.Counts.MaxLate.Load(), l.Counts.Lost.Load(),
		l.Counts.Transport.Load(), l.Counts.HTTPStatus.Load(), l.Counts.BadReply.Load())
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, s := range l.samples {
		t.Logf("  e.g. %s", s)
	}
}

// checkNoFailures fails the test on any transport, status or reply error, and on an empty
// reply, unless late is set and the reply was pushed afterwards.
func (l *drillLoad) checkNoFailures(t testing.TB, late bool) {
	if n := l.Counts.Transport.Load() + l.Counts.HTTPStatus.Load() + l.Counts.BadReply.Load(); n > 0 {
		t.Errorf("%d turns failed (see the samples above)", n)
	}
	if n := l.Counts.Lost.Load(); n > 0 {
		t.Errorf("%d turns got an empty reply and no pushed reply", n)
	}
	if n := l.Counts.Late.Load(); n > 0 && !late {
		t.Errorf("%d turns got an empty reply (their replies were pushed later)", n)
	}
}

// waitSpoolEmpty waits until no ticket waits in the spool and returns how long it took,
// or an error after timeout. It may run on any goroutine.
func waitSpoolEmpty(s *apptest.Service, timeout time.Duration) (time.Duration, error) {
	ctx := context.Background()
	start := time.Now()
	for {
		n, err := s.Spool.Len(ctx)
		if err == nil && n == 0 {
			return time.Since(start), nil
		}
		if time.Since(start) > timeout {
			return 0, fmt.Errorf("%d tickets still spooled %v after recovery (err %v)", n, timeout, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// checkTickets checks every conversation's tickets in the database: exactly one for a
// confirmed conversation, at most one for any other. It returns the tickets found.
func checkTickets(t testing.TB, s *apptest.Service, convs []*drillConv) int {
	t.Helper()
	ctx := context.Background()
	found := 0
	for _, c := range convs {
		list, err := s.Tickets.ListByOpenID(ctx, c.OpenID, 5)
		if err != nil {
			t.Fatalf("list %s: %v", c.OpenID, err)
		}
		found += len(list)
		switch {
		case c.Confirmed != "" && len(list) != 1:
			t.Errorf("%s was answered %s at %s but has %d tickets, want exactly 1",
				c.OpenID, c.Confirmed, c.ConfirmAt.Format("15:04:05.000"), len(list))
		case len(list) > 1:
			t.Errorf("%s (not confirmed) has %d tickets: duplicated", c.OpenID, len(list))
		case c.Confirmed != "" && TicketNumber.MatchString(c.Confirmed) && list[0].Number != c.Confirmed:
			t.Errorf("%s was given %s but its ticket is %s", c.OpenID, c.Confirmed, list[0].Number)
		}
	}
	return found
}

// checkPushes checks the customer-service messages the service sent: a customer given a
// provisional reference is told the real number once, and no customer is pushed a text
// they already had as a passive reply (a duplicate). It returns the pushes by kind.
func checkPushes(t testing.TB, s *apptest.Service, convs []*drillConv) (numbers, others int) {
	t.Helper()
	byUser := map[string][]string{}
	for _, m := range s.API.Sent() {
		byUser[m.ToUser] = append(byUser[m.ToUser], m.Text)
	}
	for _, c := range convs {
		pushed := byUser[c.OpenID]
		passive := map[string]bool{}
		for _, p := range c.Passive {
			passive[p] = true
		}
		told := 0
		for _, p := range pushed {
			switch {
			case Reference.MatchString(c.Confirmed) && TicketNumber.MatchString(p):
				told++
				numbers++
			case passive[p]:
				t.Errorf("%s was pushed a reply it already had: %.60q", c.OpenID, p)
			default:
				others++
			}
		}
		if Reference.MatchString(c.Confirmed) && told != 1 {
			t.Errorf("%s was given %s and then told a ticket number %d times, want once", c.OpenID, c.Confirmed, told)
		}
	}
	return numbers, others
}
