package bot

import (
	"context"
	"strconv"
	"time"

	"github.com/wxintake/intake/catalog"
)

// Asking for a person before anything is reported (issue 13 §1). "转人工" as the first
// message files no ticket: the chat waits in the console's queue (QueueChat) and the
// customer is told when someone will answer and invited to describe the problem meanwhile.
// While it waits the bot still answers hazards, progress, cancel and questions; facts in
// other messages are kept on the case and the messages go to the agent's view. Nobody
// taking the chat within Dialog.HandoffWait, the bot takes the intake back and files the
// ticket the usual way, asking only what is still missing. A customer who has already
// reported a fault (product and symptom known) is handed over with a ticket, as before.

// QueueChat puts the customer's chat in the console's queue of chats waiting for a person,
// with no ticket. Until is when the bot takes the intake back if nobody has taken it over;
// the service then feeds EventHandoffTimeout.
type QueueChat struct {
	Since, Until time.Time
}

// LeaveQueue takes the customer's chat out of the queue of QueueChat: the bot resumed the
// intake, a ticket was filed or the customer cancelled.
type LeaveQueue struct{}

func (QueueChat) effect()  {}
func (LeaveQueue) effect() {}

// EventHandoffTimeout is the event the service feeds (Service.Feed) when a queued chat's
// QueueChat.Until has passed with nobody taking it over.
const EventHandoffTimeout = "handoff_timeout"

// EventStaffTakeover is the event the service feeds when staff take over a queued chat:
// the case is filed with what is known, so the takeover has a ticket to work on.
const EventStaffTakeover = "staff_takeover"

// ChatQueue keeps the chats waiting for a person with no ticket. A Backend that implements
// it carries out QueueChat and LeaveQueue; others ignore them.
type ChatQueue interface {
	// QueueChat puts the customer's chat in the queue, to be resumed at e.Until.
	QueueChat(ctx context.Context, openID string, e QueueChat) error
	// LeaveQueue takes it out.
	LeaveQueue(ctx context.Context, openID string) error
}

// staffTakeover files the case of a queued chat staff are taking over, with what is
// known, and hands it over; a chat no longer queued is left as it is.
func (d *Dialog) staffTakeover(t *step) {
	if !t.c.waiting() {
		return
	}
	d.leaveQueue(t)
	d.escalate(t, EscalateHuman)
}

// waiting reports a chat queued for a person with nothing filed and nobody answering yet.
func (c *Conversation) waiting() bool {
	return c.State == StateHuman && !c.WaitSince.IsZero() && c.Ticket == "" && !c.Paused
}

// Waiting reports whether the customer waits in the console's queue for a person with no
// ticket, since when.
func (c *Conversation) Waiting() (time.Time, bool) {
	return c.WaitSince, c.waiting()
}

// reported reports a case whose fault is known: a product and what is wrong with it.
func (c *Case) reported() bool {
	return c.Category != "" && (c.Symptom != "" || c.ErrorCode != "")
}

// queueForPerson answers a request for a person with nothing reported: the chat is queued
// without a ticket. It reports false when the request needs a ticket (a fault reported, a
// hazard, a return or a complaint): command files it and hands over.
func (d *Dialog) queueForPerson(t *step) bool {
	c := t.c
	if c.waiting() {
		d.stillQueued(t) // the menu's 人工客服, or a second "no ticket found", while queued
		return true
	}
	fresh := !c.State.inProgress() && c.State != StateResume
	probe := c.Case
	if fresh {
		probe = withContact(c.Contact)
	}
	probe.fill(t.u.Facts)
	if probe.reported() || probe.Safety || probe.Return || probe.Complaint != "" || c.Pending != "" {
		return false
	}
	if fresh {
		d.newCase(t)
	}
	before := c.Case
	d.absorb(t)
	c.State, c.Asking, c.Fails, c.Prev = StateHuman, "", 0, ""
	c.WaitSince, c.AckedAt = t.in.At, t.in.At
	t.do(QueueChat{Since: t.in.At, Until: t.in.At.Add(d.HandoffWait)})
	if learned := d.learned(&before, &c.Case); learned != "" {
		t.sayKey("bot.learned", "facts", learned)
	}
	minutes := minutesOf(d.HandoffWait)
	if d.Opens != nil {
		if opens := d.Opens(t.in.At); opens.After(t.in.At) {
			t.sayKey("bot.handoff.queued_closed", "opens", clockLabel(opens), "minutes", minutes)
			return true
		}
	}
	t.sayKey("bot.handoff.queued", "minutes", minutes)
	return true
}

// waitingTurn reads a message of a customer queued for a person (Conversation.waiting),
// before waitForHuman's answers: the wait over, a second request, a cancel, a complaint.
// It reports whether it answered the message.
func (d *Dialog) waitingTurn(t *step) bool {
	c, u := t.c, &t.u
	if !t.in.At.Before(c.WaitSince.Add(d.HandoffWait)) {
		before := c.Case
		d.absorb(t)
		d.resumeIntake(t)
		if learned := d.learned(&before, &c.Case); learned != "" {
			t.sayKey("bot.learned", "facts", learned)
		}
		d.advance(t)
		return true
	}
	cmd := ParseCommand(u.Canon)
	if cmd == CmdHuman || u.Is(ActHandoff) && !hasSubstance(u) {
		d.stillQueued(t)
		return true
	}
	a, complained := u.Has(ActComplaint)
	words, repeat := repeatFault(u)
	if complained || repeat {
		c.Case.Complaints++
		if a.Confidence >= 0.95 || c.Case.Complaints >= 2 || repeat {
			// 12315, 消协, a lawyer, the fault back after a repair: a complaint for a senior
			// person, filed now with what is known, as anywhere else
			if words == "" {
				words = complaintWords(u, a)
			}
			t.sayKey("bot.complaint.escalate")
			c.Case.Complaint = words
			if repeat {
				c.Case.RepairClaim = words
			}
			d.noteComplaintBeforeFiling(t)
			d.absorb(t)
			d.leaveQueue(t)
			d.escalate(t, EscalateHuman)
			return true
		}
	}
	if cmd == CmdCancel || u.Is(ActCancel) && !hasSubstance(u) {
		d.leaveQueue(t)
		c.State, c.Asking = StateDone, ""
		t.sayKey("bot.handoff.left_queue")
		return true
	}
	return false
}

// stillQueued answers another request for a person while the chat is queued: nothing new
// is created, and the customer hears how long the wait may still be.
func (d *Dialog) stillQueued(t *step) {
	c := t.c
	left := ""
	if m := c.WaitSince.Add(d.HandoffWait).Sub(t.in.At); d.Opens == nil || !d.Opens(t.in.At).After(t.in.At) {
		left = catalog.T("bot.handoff.left", "minutes", minutesOf(m))
	}
	if opens, closed := d.closedUntil(t.in.At); closed {
		// at night "排队" promises nobody: when someone will answer; a filed ticket's
		// promise (a hazard's duty call-back) still stands
		key := "bot.handoff.again_closed"
		if c.Ticket != "" {
			key = "bot.handoff.again_closed_ticket"
		}
		t.sayKey(key, "opens", clockLabel(opens))
	} else {
		t.sayKey("bot.handoff.again", "left", left)
	}
	c.AckedAt = t.in.At
}

// handoffTimeout takes the intake back from the queue when nobody took the chat within
// Dialog.HandoffWait (the service's EventHandoffTimeout).
func (d *Dialog) handoffTimeout(t *step) {
	c := t.c
	if !c.waiting() || t.in.At.Before(c.WaitSince.Add(d.HandoffWait)) {
		return // taken over, resumed or cancelled meanwhile
	}
	d.resumeIntake(t)
	d.advance(t)
}

// resumeIntake ends the wait for a person: the bot goes on collecting the case.
func (d *Dialog) resumeIntake(t *step) {
	c := t.c
	d.leaveQueue(t)
	if opens, closed := d.closedUntil(t.in.At); closed {
		t.sayKey("bot.handoff.timeout_closed", "opens", clockLabel(opens)) // nobody is busy at night: they are off
	} else {
		t.sayKey("bot.handoff.timeout")
	}
	c.State, c.Asking, c.Fails = StateCollect, "", 0
	if !c.Case.SelfDone && c.Case.reported() {
		// the customer asked for a person, not for checks to try: the rule is kept for
		// triage and the bot asks only for what the ticket lacks
		if rule, ok := d.KB.Match(&c.Case); ok && c.Case.RuleID == "" {
			c.Case.RuleID, c.Case.RuleTitle = rule.ID, rule.Title
		}
		c.Case.SelfDone = true
	}
	if c.CaseAt.IsZero() {
		c.CaseSeq++
		c.CaseAt = t.in.At
	}
}

// leaveQueue takes the chat out of the queue of chats waiting for a person, if it is there.
func (d *Dialog) leaveQueue(t *step) {
	if t.c.WaitSince.IsZero() {
		return
	}
	t.c.WaitSince = time.Time{}
	t.do(LeaveQueue{})
}

// minutesOf is a wait in whole minutes, at least one.
func minutesOf(w time.Duration) int {
	return max(1, int((w+time.Minute-1)/time.Minute))
}

// clockLabel is when staff are back, as customers read it: "11月23日（周一）09:00".
func clockLabel(at time.Time) string {
	week := []string{"日", "一", "二", "三", "四", "五", "六"}[at.Weekday()]
	return strconv.Itoa(int(at.Month())) + "月" + strconv.Itoa(at.Day()) + "日（周" + week + "）" + at.Format("15:04")
}
