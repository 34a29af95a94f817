package bot

import (
	"strings"
	"testing"
	"time"
)

// The wait for a person is decided on the time inside the message: before
// Dialog.HandoffWait has passed the chat stays queued, from then on the next message or
// the service's timer event resumes the intake; a timer event for a chat no longer queued
// says nothing.
func TestHandoffWaitTimer(t *testing.T) {
	d := NewDialog(newTestKB(t))
	d.HandoffWait = 5 * time.Minute
	at := time.Date(2026, 11, 23, 10, 0, 0, 0, time.FixedZone("CST", 8*3600)) // a Monday
	queued, effects := d.Step(Conversation{}, Inbound{OpenID: "o", Kind: KindText, Text: "转人工", At: at})
	if q, ok := effects[0].(QueueChat); !ok || !q.Until.Equal(at.Add(5*time.Minute)) {
		t.Fatalf("queued: %+v", effects)
	}
	for _, tc := range []struct {
		name  string
		in    Inbound
		state State
		left  bool // a LeaveQueue effect
	}{
		{"message before the wait", Inbound{Kind: KindText, Text: "有人吗", At: at.Add(4*time.Minute + 59*time.Second)}, StateHuman, false},
		{"message at the wait", Inbound{Kind: KindText, Text: "有人吗", At: at.Add(5 * time.Minute)}, StateCollect, true},
		{"timer early", Inbound{Kind: KindEvent, Event: EventHandoffTimeout, At: at.Add(time.Minute)}, StateHuman, false},
		{"timer due", Inbound{Kind: KindEvent, Event: EventHandoffTimeout, At: at.Add(6 * time.Minute)}, StateCollect, true},
		{"staff take over", Inbound{Kind: KindEvent, Event: EventStaffTakeover, At: at.Add(time.Minute)}, StateHuman, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.in.OpenID = "o"
			c, effects := d.Step(queued, tc.in)
			left := false
			for _, e := range effects {
				_, ok := e.(LeaveQueue)
				left = left || ok
			}
			if c.State != tc.state || left != tc.left {
				t.Fatalf("state %s, left queue %v; want %s, %v (%+v)", c.State, left, tc.state, tc.left, effects)
			}
			if _, waiting := c.Waiting(); waiting == tc.left {
				t.Fatalf("waiting %v after leaving %v", waiting, tc.left)
			}
		})
	}
	// The follow-up survey of an older ticket does not push a queued customer out of the queue.
	if _, ok := d.AskRating(queued, "RS20261101-0001"); ok {
		t.Fatal("a rating was asked of a customer waiting for a person")
	}
	// A timer that fires after a cancel finds nothing to resume.
	cancelled, _ := d.Step(queued, Inbound{OpenID: "o", Kind: KindText, Text: "取消", At: at.Add(time.Minute)})
	if c, effects := d.Step(cancelled, Inbound{OpenID: "o", Kind: KindEvent, Event: EventHandoffTimeout, At: at.Add(6 * time.Minute)}); c.State != StateDone || len(effects) != 0 {
		t.Fatalf("timer after a cancel: %s %+v", c.State, effects)
	}
}

// Outside service hours the customer is told when staff are back, and still that the bot
// files the case after the wait.
func TestHandoffOutsideHours(t *testing.T) {
	d := NewDialog(newTestKB(t))
	sat := time.Date(2026, 11, 21, 20, 0, 0, 0, time.FixedZone("CST", 8*3600))
	monday := time.Date(2026, 11, 23, 9, 0, 0, 0, sat.Location())
	d.Opens = func(at time.Time) time.Time {
		if at.Before(monday) {
			return monday
		}
		return at
	}
	for _, tc := range []struct {
		at   time.Time
		want string
	}{
		{sat, "11月23日（周一）09:00"},
		{monday.Add(time.Hour), "预计 10 分钟内"},
	} {
		_, effects := d.Step(Conversation{}, Inbound{OpenID: "o", Kind: KindText, Text: "人工客服", At: tc.at})
		if r, ok := effects[len(effects)-1].(Reply); !ok || !strings.Contains(r.Text, tc.want) {
			t.Errorf("at %v: %+v, want %q", tc.at, effects, tc.want)
		}
	}
	// asked again at night, and the wait over at night: staff are off, not busy (probe s18 m2)
	c, _ := d.Step(Conversation{}, Inbound{OpenID: "o", Kind: KindText, Text: "人工客服", At: sat})
	c, effects := d.Step(c, Inbound{OpenID: "o", Kind: KindText, Text: "转人工", At: sat.Add(time.Minute)})
	if r, ok := effects[len(effects)-1].(Reply); !ok || !strings.Contains(r.Text, "11月23日（周一）09:00") || strings.Contains(r.Text, "预计") {
		t.Errorf("asked again at night: %+v", effects)
	}
	_, effects = d.Step(c, Inbound{OpenID: "o", Kind: KindEvent, Event: EventHandoffTimeout, At: sat.Add(time.Hour)})
	var said string
	for _, e := range effects {
		if r, ok := e.(Reply); ok {
			said += r.Text
		}
	}
	if strings.Contains(said, "都在忙") || !strings.Contains(said, "非工作时间") {
		t.Errorf("the wait over at night: %q", said)
	}
}

// A fault told with the request for a person is on the ticket filed for it.
func TestHandoffWithFaultFilesIt(t *testing.T) {
	d := NewDialog(newTestKB(t))
	at := time.Date(2026, 11, 23, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	_, effects := d.Step(Conversation{}, Inbound{OpenID: "o", Kind: KindText, Text: "转人工 美的空调不制冷", At: at})
	for _, e := range effects {
		if o, ok := e.(OpenTicket); ok {
			if o.Case.Category != "air_conditioner" || o.Case.Brand != "美的" || o.Case.Symptom == "" {
				t.Fatalf("ticket case: %+v", o.Case)
			}
			return
		}
	}
	t.Fatalf("no ticket: %+v", effects)
}
