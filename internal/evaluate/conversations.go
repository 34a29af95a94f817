package evaluate

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/wxintake/intake/bot"
)

// conversation is one customer's whole side of a chat, written as a fixed script without
// knowing what the bot asks (conversations.jsonl): every message makes sense whatever came
// before it. Expect holds the ticket it should end in; Given the message (0-based) where
// each fact was first told, so asking for it afterwards is a re-ask.
type conversation struct {
	ID, Split, Today, Voice string
	Turns                   []string
	Expect                  struct {
		Ticket, Complaint                                        bool
		Category, Product, Brand, Model, Purchase, Phone, Hazard string
	}
	Given map[string]int
}

func (l conversation) lineSplit() string { return l.Split }

// maxExtraTurns bounds the replies the harness adds after the script when the bot still
// waits for something: a confirmation, a detail the customer never told.
const maxExtraTurns = 8

// ticketRecord is the ticket as the backend would hold it: the case filed, then the
// corrections and flags the bot sent for it.
type ticketRecord struct {
	filed  bool
	reason bot.Escalation
	c      bot.Case
	hazard bool // FlagHazard, or filed for safety
}

// conversationBackend answers the effects of a replayed conversation as the service
// would, recording the ticket.
type conversationBackend struct {
	t     ticketRecord
	seq   int
	trace io.Writer // when set, the replies and effects are written to it (intake kb eval --trace)
}

func (b *conversationBackend) result(e bot.Effect) *bot.EffectResult {
	if b.trace != nil {
		switch e := e.(type) {
		case bot.Reply:
			fmt.Fprintf(b.trace, "< %s\n", strings.ReplaceAll(e.Text, "\n", "\n| "))
		case bot.OpenTicket:
			c := e.Case
			fmt.Fprintf(b.trace, "! open ticket (%s) %s%s · %s · %s · %s · %s · %s · safety=%v %s\n", e.Reason, c.Category, c.Product, c.Brand, c.Model, c.PurchaseDate, c.Phone.Number, c.Symptom, c.Safety, c.SafetyRule)
		default:
			fmt.Fprintf(b.trace, "! %T %+v\n", e, e)
		}
	}
	switch e := e.(type) {
	case bot.OpenTicket:
		if !b.t.filed {
			b.t = ticketRecord{filed: true, reason: e.Reason, c: e.Case, hazard: e.Case.Safety || e.Reason == bot.EscalateSafety}
		}
		b.seq++
		n := fmt.Sprintf("RS20261207-%04d", b.seq)
		return &bot.EffectResult{Opened: &bot.TicketOpened{Number: n, Commitment: "工单 " + n + " 已创建"}}
	case bot.UpdateDetails:
		f := e.Facts
		if f.Category != "" {
			b.t.c.Category, b.t.c.Product, b.t.c.Brand = f.Category, f.Product, f.Brand // the product corrected
		}
		if f.Brand != "" {
			b.t.c.Brand = f.Brand
		}
		if f.Model != "" {
			b.t.c.Model = f.Model
		}
		if !f.PurchaseDate.IsZero() {
			b.t.c.PurchaseDate = f.PurchaseDate
		}
	case bot.UpdateContact:
		if e.Phone != "" {
			b.t.c.Phone.Number = e.Phone
		}
	case bot.FlagHazard:
		b.t.hazard = true
	case bot.ListTickets:
		return &bot.EffectResult{Listed: true, Intro: e.Intro}
	case bot.FindTicket:
		return &bot.EffectResult{Listed: true, Lookup: true}
	}
	return nil
}

// step sends one message and answers the effects it causes, as the service does.
func (b *conversationBackend) step(d *bot.Dialog, conv bot.Conversation, in bot.Inbound) bot.Conversation {
	conv, effects := d.Step(conv, in)
	for i := 0; i < len(effects); i++ {
		if res := b.result(effects[i]); res != nil {
			var more []bot.Effect
			conv, more = d.Step(conv, bot.Inbound{OpenID: in.OpenID, Kind: bot.KindResult, At: in.At, Result: res})
			effects = append(effects[:i+1], append(more, effects[i+1:]...)...)
		}
	}
	return conv
}

// extraTurn is what a customer who has said everything answers to what the bot still
// waits for, or "" when it waits for nothing.
func extraTurn(conv bot.Conversation) string {
	switch conv.State {
	case bot.StateConfirm:
		return "确认无误 提交吧"
	case bot.StateSelf:
		return "试过了 还是不行"
	case bot.StateCollect, bot.StateEdit:
		return "不清楚"
	case bot.StateResume:
		return "继续"
	}
	return ""
}

// conversations replays one scripted conversation through the dialog and scores the ticket
// it ends in, and every question about a fact the customer had already told.
func conversations(r *Report, d *bot.Dialog, l conversation) {
	now := readAt(l.Today)
	b := &conversationBackend{}
	if r.traceID == l.ID {
		b.trace = r.trace
	}
	var conv bot.Conversation
	reasked := 0
	asked := func(turn int) {
		if conv.State != bot.StateCollect && conv.State != bot.StateEdit {
			return
		}
		if at, ok := l.Given[string(conv.Asking)]; ok && at <= turn {
			reasked++
			r.miss("%s re-asks %s after message %d (told in %d): %s", l.ID, conv.Asking, turn, at, l.Turns[min(turn, len(l.Turns)-1)])
		}
	}
	send := func(text string) {
		now = now.Add(30 * time.Second)
		if b.trace != nil {
			fmt.Fprintf(b.trace, "> %s\n", text)
		}
		conv = b.step(d, conv, bot.Inbound{OpenID: "o_eval", Kind: bot.KindText, Text: text, At: now})
		if b.trace != nil {
			fmt.Fprintf(b.trace, "= %s %s  [%s]\n", conv.State, conv.Asking, conv.Case.Symptom)
		}
	}
	for i, text := range l.Turns {
		send(text)
		asked(i)
	}
	extra := 0
	if l.Expect.Ticket {
		for ; extra < maxExtraTurns && !b.t.filed; extra++ {
			text := extraTurn(conv)
			if text == "" {
				break
			}
			send(text)
			asked(len(l.Turns))
		}
	}
	r.score("conversation without a re-ask", reasked == 0)
	if l.Expect.Ticket {
		r.score("conversation filed by its own messages", b.t.filed && extra == 0)
	}
	scoreTicket(r, l, b.t)
}

// scoreTicket compares the ticket a conversation ended in with the one expected.
func scoreTicket(r *Report, l conversation, t ticketRecord) {
	e := l.Expect
	if !e.Ticket {
		r.score("conversation no ticket (solved or given up)", !t.filed || e.Hazard != "")
		if t.filed && e.Hazard == "" {
			r.miss("%s filed a ticket the customer did not want (%s)", l.ID, t.reason)
		}
		return
	}
	r.score("conversation ticket filed", t.filed)
	if !t.filed {
		r.miss("%s no ticket", l.ID)
		return
	}
	c := t.c
	field := func(name string, ok bool, got, want any) {
		r.score("conversation ticket "+name, ok)
		if !ok {
			r.miss("%s ticket %s %v want %v", l.ID, name, got, want)
		}
	}
	if e.Category != "" {
		field("category", c.Category == e.Category, c.Category+" "+c.Product, e.Category+" "+e.Product)
	}
	if e.Brand != "" {
		field("brand", c.Brand == e.Brand, c.Brand, e.Brand)
	}
	if e.Model != "" {
		field("model", sameModel(c.Model, e.Model), c.Model, e.Model)
	}
	if e.Purchase != "" {
		field("purchase", samePurchase(c, e.Purchase), c.PurchaseDate.String(), e.Purchase)
	}
	if e.Phone != "" {
		field("phone", strings.ReplaceAll(c.Phone.Number, "-", "") == e.Phone, c.Phone.Number, e.Phone)
	}
	if e.Hazard != "" {
		field("hazard urgent", t.hazard, t.reason, e.Hazard)
	} else {
		field("no false hazard", !t.hazard, c.SafetyRule, "none")
	}
}

// samePurchase reads a labelled purchase ("2025-06", "2025", "unknown") against the case.
func samePurchase(c bot.Case, want string) bool {
	if want == "unknown" {
		return c.PurchaseDate.IsZero() && (c.PurchaseUnknown || c.PurchaseVague)
	}
	y, m, _ := strings.Cut(want, "-")
	year, _ := strconv.Atoi(y)
	month, _ := strconv.Atoi(m)
	return c.PurchaseDate.Year == year && (m == "" || c.PurchaseDate.Month == month)
}

// Trace replays the conversation id of the corpora under dir and writes what the bot did
// (its replies, effects and states) to w.
func Trace(dir, id string, kb *bot.KnowledgeBase, reader bot.RuleReader, w io.Writer) error {
	r := &Report{reader: reader, traceID: id, trace: w}
	found := false
	err := eachLine(filepath.Join(dir, "conversations.jsonl"), "all", func(l conversation) {
		if l.ID == id {
			found = true
			conversations(r, bot.NewDialog(kb), l)
		}
	})
	if err == nil && !found {
		err = fmt.Errorf("no conversation %s", id)
	}
	for _, m := range r.Misses {
		fmt.Fprintf(w, "miss: %s\n", m)
	}
	return err
}
