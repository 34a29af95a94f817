// Package effects carries out the bot's effects that reach outside the conversation:
// it triages a confirmed case, opens its ticket, lists a customer's tickets and records
// what became of self-service checks. It joins the domain packages (bot, triage,
// knowledge) with their stores.
package effects

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/triage"
)

// RuleStats counts what became of each rule's self-service checks.
type RuleStats interface {
	Record(ctx context.Context, ruleID string, outcome knowledge.Outcome) error
}

// Backend implements bot.Backend.
type Backend struct {
	Store     triage.Store
	Calendar  *triage.Calendar
	KB        func() *bot.KnowledgeBase // the published knowledge
	Stats     RuleStats
	Unmatched UnmatchedStore             // keeps messages no rule matched for editors; nil: not kept
	Spool     *Spool                     // where tickets wait while the database is away; nil: fail instead
	Groups    []triage.Group             // staff groups tickets are routed to
	Visits    triage.VisitPolicy         // when engineers can be booked
	PageURL   func(number string) string // the signed link to a ticket's customer page; nil: none
	Now       func() time.Time
	Log       *slog.Logger

	// ComplaintGroup takes every complaint risk, whatever its skill and region; "" routes
	// complaints like any other ticket.
	ComplaintGroup string
	// Alert tells staff about a ticket just created, waiting when the customer waits for a
	// person (they asked for one, or a hazard is to be called back); it must not block.
	// nil: no alerts.
	Alert func(t triage.Ticket, waiting bool)

	loadMu sync.Mutex
	load   map[string]int // open tickets per group, as of loadAt
	loadAt time.Time
}

var (
	_ bot.Backend        = (*Backend)(nil)
	_ bot.UnmatchedNoter = (*Backend)(nil)
)

// OpenTicket implements bot.Backend: triage the case, store the ticket (once per case key)
// and return the commitment and, for an on-site repair, the visit windows.
func (b *Backend) OpenTicket(ctx context.Context, openID string, e bot.OpenTicket) (bot.TicketOpened, error) {
	now := b.Now()
	kb := b.KB()
	tc, rule := b.triageCase(kb, e.Case, now)
	var sorry string
	earlier := b.earlierTickets(ctx, openID, e.Case, rule)
	tc.Complaint, sorry = b.complaint(e.Case, rule, earlier, now)
	tc.Repairs = b.repairs(ctx, e.Case, rule, earlier)
	made, fromMade := productionStart(e.Case, &tc)
	policy := policyOf(kb.Set().Category(e.Case.Category), e.Case.Fuel)
	result := triage.Triage(tc, policy, b.Calendar)
	if fromMade {
		result.Reasons = append(result.Reasons, made.reason)
		saleRightsUnknown(&result)
	}
	if e.Reason == bot.EscalateSafety {
		result.Priority = triage.PriorityUrgent
	}
	result.Handoff = e.Reason == bot.EscalateHuman || e.Reason == bot.EscalateSafety

	group, why, ok := "", triage.Reason{}, false
	if result.Complaint {
		group, why, ok = triage.RouteComplaint(b.ComplaintGroup)
	}
	if !ok {
		group, why = triage.Route(result.Skill, tc.Region, b.Groups, b.groupLoad(ctx))
	}
	if group != "" {
		b.loadMu.Lock()
		if b.load != nil { // nil until a ticket is routed by load (a complaint is not)
			b.load[group]++ // until the next count
		}
		b.loadMu.Unlock()
	}
	result.Reasons = append(result.Reasons, why)
	if e.Case.Outside != "" {
		result.Reasons = append(result.Reasons, triage.Reason{Key: "effects.outside_mainland",
			Text: catalog.T("effects.outside_mainland", "place", e.Case.Outside)})
	}
	var plan triage.VisitPlan
	if result.OnSite && e.Reason == bot.EscalateConfirmed {
		plan = triage.PlanVisits(now, triage.VisitDeadline(result, b.Calendar), b.Calendar, b.Visits)
		if plan.Late {
			result.Reasons = append(result.Reasons, plan.Reason) // staff see it on the ticket
		}
	}
	t := triage.Ticket{
		Group:       group,
		CaseKey:     e.Key,
		OpenID:      openID,
		Status:      triage.StatusNew,
		Priority:    result.Priority,
		Complaint:   result.Complaint,
		Category:    e.Case.Category,
		Record:      record(e.Case, tc),
		Attachments: append([]string(nil), e.Case.Photos...),
		Result:      result,
		CreatedAt:   now,
	}
	t.Record.Evidence = evidence(e.Case)
	if fromMade {
		t.Record.Evidence = append(t.Record.Evidence, made.evidence)
	}
	if rule != nil {
		t.RuleID = rule.ID
		for i := 0; i < e.Case.StepsTried && i < len(rule.Steps); i++ {
			t.StepsTried = append(t.StepsTried, rule.ID+"#"+strconv.Itoa(i+1)+" "+rule.Steps[i].Text)
		}
	}
	stored, created, err := b.Store.Create(ctx, t)
	if created && b.Alert != nil {
		b.Alert(stored, stored.Result.Handoff)
	}
	if err != nil {
		if b.Spool == nil {
			return bot.TicketOpened{}, fmt.Errorf("effects: create ticket: %w", err)
		}
		// The database is away: keep the case and give the customer a reference and the
		// same promise; the real number follows when the spool drains.
		ref, serr := b.Spool.Put(ctx, t)
		if serr != nil {
			return bot.TicketOpened{}, fmt.Errorf("effects: create ticket: %w (and spool: %v)", err, serr)
		}
		b.Log.Warn("effects: ticket spooled, the database is unavailable", "reference", ref, "err", err)
		return bot.TicketOpened{Number: ref, Pending: true, Commitment: sorry + triage.CommitmentAt(result, ref, b.Calendar, e.Case.CallWindow) + catalog.T("effects.spooled")}, nil
	}
	told := stored.Result
	if created {
		// what the store does not keep: the 三包 rights and the period that made it free
		told.Rights, told.Warranty.Period = result.Rights, result.Warranty.Period
		told.Warranty.Bought, told.Warranty.Product = result.Warranty.Bought, result.Warranty.Product
	}
	opened := bot.TicketOpened{
		Number:     stored.Number,
		Commitment: sorry + triage.CommitmentAt(told, stored.Number, b.Calendar, e.Case.CallWindow),
	}
	if stored.Result.OnSite && e.Reason == bot.EscalateConfirmed && stored.VisitWindow.IsZero() {
		for _, w := range plan.Windows {
			opened.Windows = append(opened.Windows, bot.VisitWindow{Label: w.Label(), Start: w.Start.Unix(), End: w.End.Unix(), Slot: w.Slot})
		}
		if plan.Late {
			opened.VisitLate = plan.ByText()
		}
	}
	return opened, nil
}

// triageCase turns the intake record into triage's input, with the matched rule's hint.
func (b *Backend) triageCase(kb *bot.KnowledgeBase, c bot.Case, now time.Time) (triage.Case, *knowledge.Rule) {
	tc := triage.Case{
		Category:       c.Category,
		CategoryName:   categoryName(kb, c),
		Brand:          c.Brand,
		Model:          c.Model,
		PurchaseDate:   purchaseDate(c.PurchaseDate),
		Delivered:      deliveryDate(c.Delivered),
		ProofDoubt:     c.ProofDoubt,
		RepairClaim:    c.RepairClaim,
		ComplaintNotes: slices.Clone(c.ComplaintNotes),
		Symptom:        c.Symptom,
		ErrorCode:      c.ErrorCode,
		Trigger:        triage.Trigger(c.Trigger),
		Safety:         c.Safety,
		ReportedAt:     now,
		Region:         c.Region,
	}
	if c.City != "" && c.City != c.Region {
		tc.Region = c.Region + c.City
	}
	if c.Outside != "" {
		// 香港, 台中: the mainland service cannot visit, and a product bought there has its
		// warranty checked (待核实), never promised
		tc.Region = c.Outside
		tc.ProofDoubt = cmp.Or(tc.ProofDoubt, catalog.T("effects.outside_doubt", "place", c.Outside))
	}
	if r := kb.Set().Rule(c.SafetyRule); c.Safety && r != nil && r.Title != "" && !strings.Contains(tc.Symptom, r.Title) {
		// the engineer reads what the danger is, not only the fault it came with: "充一歇就发烫"
		// is filed as "安全隐患：电池鼓包、异常发烫；充一歇就发烫"; the parts the customer
		// denied ("没有焦味") are left out
		title := bot.HazardTitles(&c, func(id string) string {
			if h := kb.Set().Rule(id); h != nil {
				return h.Title
			}
			return ""
		})
		if title == "" {
			title = catalog.T("bot.denied.hazard_all")
		}
		tc.Symptom = catalog.T("effects.hazard_note", "title", title) + "；" + tc.Symptom
	}
	if bot.AlsoFault(c.Also, kb.Lexicon()) {
		// "洗衣机和热水器都坏了…": the second appliance is on this ticket for staff to read,
		// and offered to the customer as a report of its own
		tc.Symptom += "；" + catalog.T("effects.also_note", "what", c.Also)
	}
	switch c.ExtendedWarranty {
	case bot.YesNoYes:
		tc.ExtendedWarranty, tc.ExtendedMonths, tc.ExtendedTotal = triage.AnswerYes, c.ExtendedMonths, c.ExtendedTotal
	case bot.YesNoNo:
		tc.ExtendedWarranty = triage.AnswerNo
	}
	var rule *knowledge.Rule
	if id := c.RuleID; id != "" {
		rule = kb.Set().Rule(id)
	}
	if rule != nil {
		u := rule.Unresolved
		comp := kb.Set().RuleComponent(c.Category, rule.ID, c.Fuel) // a gas heater has no 加热管
		tc.Hint = triage.Hint{
			FaultClass: triage.FaultClass(u.FaultClass), Priority: triage.Priority(u.Priority), OnSite: u.OnSite,
			Skill: u.Skill, Component: comp, ComponentName: comp,
			PartsMin: u.Price.Parts[0], PartsMax: u.Price.Parts[1], LabourMin: u.Price.Labour[0], LabourMax: u.Price.Labour[1],
		}
	}
	if c.Outside != "" {
		tc.Hint.OnSite = false // no engineer visits outside the mainland
	}
	if tc.Hint.Component == "" {
		// no component from the rule: one the error code's rule or the customer's words
		// name — not in a hazard's words, where the part named is what the danger reached
		// ("电池鼓包 键盘都顶起来了": the keyboard is no failed part to promise free)
		symptom := c.Symptom
		if c.Safety {
			symptom = ""
		}
		if name, source := kb.Set().ComponentOf(c.Category, c.RuleID, c.ErrorCode, symptom, c.Fuel); name != "" {
			tc.Hint.Component = name
			tc.Hint.ComponentName = catalog.T("effects.component."+source, "component", name, "code", c.ErrorCode)
		}
	}
	return tc, rule
}

// purchaseDate is the purchase date triage reasons with: a day, a month or a year alone
// ("前年"); triage decides a month or a year only when every day of it gives the same
// answer, else the warranty and the 三包 rights are 待核实 — never a guess.
func purchaseDate(d bot.Date) triage.Date {
	switch {
	case d.Year == 0:
		return triage.Date{}
	case d.Month == 0:
		return triage.Date{Year: d.Year}
	}
	return triage.Date{Year: d.Year, Month: time.Month(d.Month), Day: d.Day}
}

// deliveryDate is the day the 三包 days count from, when the customer told it to the day.
func deliveryDate(d bot.Date) triage.Date {
	if d.Precision() != bot.PrecisionDay {
		return triage.Date{}
	}
	return triage.Date{Year: d.Year, Month: time.Month(d.Month), Day: d.Day}
}

// categoryName is the product as staff read it: the category's name, or for a product
// outside every category "其他（电动牙刷）".
func categoryName(kb *bot.KnowledgeBase, c bot.Case) string {
	if c.Category == bot.OtherCategory {
		if c.Product == "" {
			return catalog.T("bot.category.other")
		}
		return catalog.T("bot.category.other_named", "product", c.Product)
	}
	return kb.Lexicon().CategoryName(c.Category)
}

// policyOf is the category's warranty policy from the knowledge base (editors own it). A
// product no category covers ("其他") has no period: its warranty is 待核实 by a person,
// never "free" without a policy behind it.
//
// Only the parts an appliance of its fuel can have are covered: a gas water heater's
// ticket names no 加热管 still under warranty.
func policyOf(cat *knowledge.Category, fuel string) triage.Policy {
	if cat == nil {
		return triage.Policy{}
	}
	w := cat.Warranty
	p := triage.Policy{WholeMonths: w.WholeMonths, ExtendedMonths: 12, Components: map[string]int{},
		ReturnDays: w.ReturnDays, ExchangeDays: w.ExchangeDays, RepairWarrantyDays: w.RepairWarrantyDays, MaxRepairs: w.MaxRepairs}
	for _, comp := range cat.Warranty.ComponentsFor(fuel) {
		p.Components[comp.Name] = comp.Months
	}
	return p
}

func record(c bot.Case, tc triage.Case) triage.Record {
	occurred := c.StartedPhrase
	if c.StartedUnknown {
		occurred = catalog.T("bot.value.unknown")
	}
	return triage.Record{
		Name: c.Name, Phone: c.Phone.Number, OtherPhone: c.OtherPhone, CallWindow: c.CallWindow, Address: c.Address, Latitude: c.Lat, Longitude: c.Lng,
		Serial: c.Serial, Channel: string(c.Channel), Occurred: occurred, Case: tc,
	}
}

// Tickets implements bot.Backend: the customer's open tickets, newest first.
func (b *Backend) Tickets(ctx context.Context, openID string) ([]bot.TicketSummary, error) {
	ts, err := b.Store.ListByOpenID(ctx, openID, 10)
	if err != nil {
		return nil, err
	}
	var out []bot.TicketSummary
	for _, t := range ts {
		if !t.Status.Open() {
			continue
		}
		out = append(out, b.summary(t))
		if len(out) == 3 {
			break
		}
	}
	return out, nil
}

// summary is a ticket as the customer reads it in the chat.
func (b *Backend) summary(t triage.Ticket) bot.TicketSummary {
	s := bot.TicketSummary{
		Number:  t.Number,
		Status:  t.Status.Label(),
		Next:    catalog.T("effects.next." + string(t.Status)),
		Promise: promise(t, b.Calendar),
	}
	if w := t.VisitWindow; !w.IsZero() {
		loc := b.Calendar.Location()
		w.Start, w.End = w.Start.In(loc), w.End.In(loc)
		s.Visit = w.Label()
	}
	if b.PageURL != nil {
		s.Link = b.PageURL(t.Number)
	}
	return s
}

// FindTicket implements bot.Backend: the ticket numbered number when the phone on it
// ends in last4 (a ticket filed by phone or from another account), else none.
func (b *Backend) FindTicket(ctx context.Context, number, last4 string) ([]bot.TicketSummary, error) {
	t, err := b.Store.Get(ctx, number)
	if errors.Is(err, triage.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, t.Record.Phone)
	if len(last4) != 4 || len(digits) < 4 || !strings.HasSuffix(digits, last4) {
		return nil, nil
	}
	return []bot.TicketSummary{b.summary(t)}, nil
}

// promise says by when the customer hears from us next.
func promise(t triage.Ticket, cal *triage.Calendar) string {
	by := t.Result.SLA.FirstResponseBy
	if t.Status != triage.StatusNew {
		by = t.Result.SLA.DiagnosisBy
	}
	if by.IsZero() {
		return catalog.T("effects.promise.none")
	}
	at := by.In(cal.Location())
	return catalog.T("effects.promise.by", "month", int(at.Month()), "day", at.Day(), "clock", at.Format("15:04"))
}

// RecordOutcome implements bot.Backend.
func (b *Backend) RecordOutcome(ctx context.Context, e bot.RecordOutcome) error {
	if b.Stats == nil || e.RuleID == "" {
		return nil
	}
	return b.Stats.Record(ctx, e.RuleID, knowledge.Outcome(e.Outcome))
}

// UnmatchedStore keeps fault descriptions no rule matched confidently (knowledgedb.Store):
// it redacts them before storing.
type UnmatchedStore interface {
	NoteUnmatched(ctx context.Context, u knowledge.Unmatched) error
}

// NoteUnmatched implements bot.UnmatchedNoter: the message is kept for editors, with no
// trace of the customer.
func (b *Backend) NoteUnmatched(ctx context.Context, e bot.NoteUnmatched) error {
	if b.Unmatched == nil {
		return nil
	}
	return b.Unmatched.NoteUnmatched(ctx, knowledge.Unmatched{Kind: e.Kind, Text: e.Text, Category: e.Category, RuleID: e.RuleID, Score: e.Score})
}

// BookVisit implements bot.Backend: the chosen window is stored on the ticket.
func (b *Backend) BookVisit(ctx context.Context, openID string, e bot.BookVisit) error {
	if e.Window.Start == 0 {
		return nil // no window chosen: the customer's wish is in the ticket's transcript
	}
	loc := b.Calendar.Location()
	w := triage.Window{Start: time.Unix(e.Window.Start, 0).In(loc), End: time.Unix(e.Window.End, 0).In(loc), Slot: e.Window.Slot}
	if w.Slot == "" {
		w.Slot = e.Window.Label // offered before windows carried their slot
	}
	if err := b.Store.SetVisit(ctx, e.Number, openID, w); err != nil {
		return fmt.Errorf("effects: book the visit on %s: %w", e.Number, err)
	}
	return nil
}

// AppendTranscript implements bot.Backend.
func (b *Backend) AppendTranscript(ctx context.Context, number string, lines []bot.Line) error {
	entries := make([]triage.TranscriptEntry, len(lines))
	for i, l := range lines {
		entries[i] = triage.TranscriptEntry{At: l.At, Role: triage.Role(l.Role), Text: l.Text, Media: l.Media}
	}
	return b.Store.AppendTranscript(ctx, number, entries...)
}

// RateTicket implements bot.Backend: the follow-up score and comment, once per ticket.
func (b *Backend) RateTicket(ctx context.Context, openID string, e bot.RateTicket) error {
	_, err := b.Store.Update(ctx, e.Number, func(t *triage.Ticket) error {
		if t.OpenID != openID {
			return fmt.Errorf("effects: ticket %s is not this customer's", e.Number)
		}
		if e.Score > 0 {
			if t.Rating != 0 {
				return nil // rated once already
			}
			t.Rating = e.Score
		}
		if e.Comment != "" && t.Comment == "" {
			t.Comment = e.Comment
		}
		return nil
	})
	return err
}

// groupLoad counts each group's open tickets, for routing, at most every loadTTL: the
// counts are a balance, not a ledger, and counting on every ticket costs more than it
// gains (on b.Now; a clock set back recounts). A group whose count fails counts as idle.
func (b *Backend) groupLoad(ctx context.Context) map[string]int {
	b.loadMu.Lock()
	defer b.loadMu.Unlock()
	if now := b.Now(); b.load != nil && now.Sub(b.loadAt) < loadTTL && !now.Before(b.loadAt) {
		return b.load
	}
	load := make(map[string]int, len(b.Groups))
	for _, g := range b.Groups {
		if _, n, err := b.Store.ListOpen(ctx, triage.Filter{Group: g.Name}, triage.Page{Limit: 1}); err == nil {
			load[g.Name] = n
		}
	}
	b.load, b.loadAt = load, b.Now()
	return load
}

const loadTTL = 5 * time.Second

// Promise says by when the customer of ticket t hears from us next, as the bot tells it.
func Promise(t triage.Ticket, cal *triage.Calendar) string { return promise(t, cal) }

// saleRightsUnknown drops the return and exchange days from a result whose purchase date
// is the production date's 90th day: those count from the sale, which nobody knows yet
// (待核实); repairs and a repair's own warranty still count.
func saleRightsUnknown(r *triage.Result) {
	kept := r.Reasons[:0]
	for _, why := range r.Reasons {
		switch why.Key {
		case "triage.rights.return", "triage.rights.exchange", "triage.rights.range":
			continue
		}
		kept = append(kept, why)
	}
	r.Reasons = kept
	rights := &r.Rights
	rights.Stage, rights.DaysMin, rights.DaysMax = triage.StageUnknown, -1, -1
	opts := []triage.Remedy{triage.RemedyRepair}
	if rights.RepairsExhausted {
		opts = append(opts, triage.RemedyExchange, triage.RemedyReturn)
	}
	rights.Options = opts
	var rs []triage.Reason
	for _, why := range rights.Reasons {
		switch why.Key {
		case "triage.rights.return", "triage.rights.exchange", "triage.rights.range":
			continue
		}
		rs = append(rs, why)
	}
	rights.Reasons = rs
}
