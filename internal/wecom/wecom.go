// Package wecom tells staff in a 企业微信 (WeCom) group, through the group robot's webhook,
// about tickets that need someone now: a customer waiting for a person, an urgent ticket (a
// hazard, a complaint, a device that cannot be used).
//
// Alerts never hold up a customer's turn: Ticket only queues one in memory (a bounded
// queue; when it is full the alert is dropped and logged) and Run posts them one by one,
// retrying a failed post with backoff before giving up with a log line. An alert carries
// the ticket number, category, priority, group and a console link, never the customer's
// name, phone or words; logs name the ticket number only and never the webhook's key.
package wecom

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"time"
)

// DefaultURL is the group robot's webhook; the robot's key is its "key" parameter.
const DefaultURL = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send"

// Robot posts messages to one group robot.
type Robot struct {
	URL    string // the webhook with its key: DefaultURL + "?key=…"
	Client *http.Client
}

// NewRobot returns the robot of base (DefaultURL when empty) with key, or nil when key is
// empty: no robot is configured.
func NewRobot(base, key string) *Robot {
	if key == "" {
		return nil
	}
	if base == "" {
		base = DefaultURL
	}
	u, err := url.Parse(base)
	if err != nil {
		return nil
	}
	q := u.Query()
	q.Set("key", key)
	u.RawQuery = q.Encode()
	return &Robot{URL: u.String(), Client: &http.Client{Timeout: 5 * time.Second}}
}

// Markdown posts content as a markdown message ({"msgtype":"markdown",…}). The error
// never contains the webhook's address, whose key is a secret.
func (r *Robot) Markdown(ctx context.Context, content string) error {
	body, _ := json.Marshal(map[string]any{"msgtype": "markdown", "markdown": map[string]string{"content": content}})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, r.URL, bytes.NewReader(body))
	if err != nil {
		return errors.New("wecom: bad webhook address")
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := r.Client.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err // *url.Error names the URL, key included
		}
		return fmt.Errorf("wecom: post: %w", err)
	}
	defer resp.Body.Close()
	var answer struct {
		ErrCode int    `json:"errcode"`
		ErrMsg  string `json:"errmsg"`
	}
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("wecom: HTTP %d", resp.StatusCode)
	}
	if err := json.Unmarshal(b, &answer); err != nil {
		return fmt.Errorf("wecom: unreadable answer: %w", err)
	}
	if answer.ErrCode != 0 {
		return fmt.Errorf("wecom: errcode %d (%s)", answer.ErrCode, answer.ErrMsg)
	}
	return nil
}

// Sender is what Alerts post with: a Robot, or a fake in tests.
type Sender interface {
	Markdown(ctx context.Context, content string) error
}

// Alerts queues and posts staff alerts. The zero value is unusable; use NewAlerts. A nil
// *Alerts takes every alert and sends nothing.
type Alerts struct {
	send    Sender
	log     *slog.Logger
	backoff []time.Duration // the waits before each retry
	queue   chan alert
}

// alert is one queued message: the ticket it is about (for the logs) and its text.
type alert struct {
	number  string
	content string
}

// QueueSize is how many alerts may wait to be posted.
const QueueSize = 64

// DefaultBackoff are the waits before the retries of a failed post.
var DefaultBackoff = []time.Duration{time.Second, 5 * time.Second, 30 * time.Second}

// NewAlerts returns the alerts posted with send (nil: none are sent, NewAlerts returns nil),
// retrying after each wait of backoff (DefaultBackoff when nil).
func NewAlerts(send Sender, log *slog.Logger, backoff []time.Duration) *Alerts {
	if send == nil || send == (*Robot)(nil) {
		return nil
	}
	if backoff == nil {
		backoff = DefaultBackoff
	}
	return &Alerts{send: send, log: log, backoff: backoff, queue: make(chan alert, QueueSize)}
}

// queueAlert queues content about ticket number without waiting; a full queue drops it.
func (a *Alerts) queueAlert(number, content string) {
	if a == nil {
		return
	}
	select {
	case a.queue <- alert{number: number, content: content}:
	default:
		a.log.Warn("wecom: alert dropped, the queue is full", "ticket", number)
	}
}

// Run posts the queued alerts until ctx ends.
func (a *Alerts) Run(ctx context.Context) {
	if a == nil {
		return
	}
	for {
		select {
		case <-ctx.Done():
			return
		case al := <-a.queue:
			a.post(ctx, al)
		}
	}
}

// post sends one alert, retrying after each backoff wait; the last failure is logged.
func (a *Alerts) post(ctx context.Context, al alert) {
	var err error
	for attempt := 0; ; attempt++ {
		if err = a.send.Markdown(ctx, al.content); err == nil {
			return
		}
		if attempt == len(a.backoff) {
			break
		}
		t := time.NewTimer(a.backoff[attempt])
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
	}
	a.log.Warn("wecom: alert not delivered", "ticket", al.number, "attempts", len(a.backoff)+1, "err", err)
}
