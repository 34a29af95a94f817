package effects

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/triage"
)

// earlierTickets are the customer's last repaired tickets of the case's product, read once
// for complaint and repairs; none when the case has nothing to tell the same fault from
// another by (no rule, no error code) or when they cannot be read (then a repeat is neither
// flagged nor counted, and said so).
func (b *Backend) earlierTickets(ctx context.Context, openID string, c bot.Case, rule *knowledge.Rule) []triage.Ticket {
	if rule == nil && c.ErrorCode == "" {
		return nil
	}
	earlier, err := b.Store.ListRepaired(ctx, openID, c.Category, 20)
	if err != nil {
		b.Log.Warn("effects: earlier tickets not read; a repeated fault is neither flagged nor counted", "err", err)
		return nil
	}
	return earlier
}

// repeatWithin is how far back a repaired ticket of the same fault makes a new one a
// complaint risk: past the brands' 90-day repair warranty, with room for a slow return.
const repeatWithin = 180 * 24 * time.Hour

// complaint says why the case is a complaint risk, as staff read it, or "": the words the
// bot recognised (12315, 媒体, "修了两次又坏了"), or an earlier ticket of the customer for
// the same fault (category and rule, or error code) that was repaired — completed or closed —
// within repeatWithin. sorry is the apology the customer reads before the promise, "" when
// the bot has apologised already.
func (b *Backend) complaint(c bot.Case, rule *knowledge.Rule, earlier []triage.Ticket, now time.Time) (why, sorry string) {
	if c.Complaint != "" {
		return catalog.T("effects.complaint.words", "words", c.Complaint), ""
	}
	// A wish to return or exchange ("能不能退", "可以换新的吗") is a right asked after, no
	// complaint: the ticket states the 三包 rights and goes to a person who can grant them;
	// anger or a named complaint path is in c.Complaint.
	for _, t := range earlier {
		if t.Status != triage.StatusCompleted && t.Status != triage.StatusClosed ||
			t.Category != c.Category || now.Sub(t.CreatedAt) > repeatWithin {
			continue
		}
		sameRule := rule != nil && t.RuleID == rule.ID
		sameCode := c.ErrorCode != "" && t.Record.Case.ErrorCode == c.ErrorCode
		if sameRule || sameCode {
			return catalog.T("effects.complaint.repeat", "number", t.Number), catalog.T("effects.complaint.sorry_repeat")
		}
	}
	return "", ""
}

// FlagComplaint implements bot.Backend: the customer's open ticket becomes a complaint
// risk — urgent, due within the complaint target from now when that is sooner, in the
// complaint group when one is configured, the reasons saying why — and staff are alerted.
// A ticket flagged already, or closed, is left as it is, but for the complaint's notes told
// since (the repeat count, an earlier paid repair, the demand), which are added to it and
// noted in its transcript.
func (b *Backend) FlagComplaint(ctx context.Context, openID string, e bot.FlagComplaint) error {
	now := b.Now()
	var added []string
	t, flagged, err := b.updateOwnOpen(ctx, openID, e.Number, func(t *triage.Ticket) bool {
		c := &t.Record.Case
		for _, n := range e.Notes {
			if !slices.Contains(c.ComplaintNotes, n) {
				c.ComplaintNotes = append(c.ComplaintNotes, n)
				added = append(added, n)
			}
		}
		if len(added) > 0 {
			t.UpdatedAt = now
		}
		if t.Complaint {
			return false
		}
		t.Record.Case.Complaint = catalog.T("effects.complaint.words", "words", e.Words)
		t.Complaint, t.Result.Complaint = true, true
		b.raiseUrgent(t, now)
		if group, why, ok := triage.RouteComplaint(b.ComplaintGroup); ok {
			t.Group = group
			t.Result.Reasons = append(t.Result.Reasons, why)
		}
		return true
	})
	if err != nil {
		return fmt.Errorf("effects: flag %s a complaint: %w", e.Number, err)
	}
	if len(added) > 0 {
		text := catalog.T("effects.complaint.notes", "notes", strings.Join(added, "；"))
		if err := b.Store.AppendTranscript(ctx, e.Number, triage.TranscriptEntry{At: now, Role: triage.RoleSystem, Text: text}); err != nil && b.Log != nil {
			b.Log.Warn("effects: complaint notes", "ticket", e.Number, "err", err)
		}
	}
	if flagged && b.Alert != nil {
		b.Alert(t, true)
	}
	return nil
}

// updateOwnOpen changes the customer's ticket number with fn while it is open; changed is
// what fn reports (false for a closed ticket). A ticket of another customer is an error.
func (b *Backend) updateOwnOpen(ctx context.Context, openID, number string, fn func(t *triage.Ticket) (changed bool)) (triage.Ticket, bool, error) {
	changed := false
	t, err := b.Store.Update(ctx, number, func(t *triage.Ticket) error {
		if t.OpenID != openID {
			return fmt.Errorf("effects: ticket %s is not this customer's", number)
		}
		if t.Status.Open() {
			changed = fn(t)
		}
		return nil
	})
	return t, changed, err
}

// raiseUrgent makes t urgent for what its case now says (a complaint, a hazard): handed to
// a person, the reason why, and the urgent deadline from now when that is sooner.
func (b *Backend) raiseUrgent(t *triage.Ticket, now time.Time) {
	c := t.Record.Case
	c.ReportedAt = now
	_, why := triage.Prioritise(c)
	sla := triage.Deadlines(c, triage.PriorityUrgent, b.Calendar)
	t.Priority, t.UpdatedAt = triage.PriorityUrgent, now
	r := &t.Result
	r.Priority, r.Handoff = triage.PriorityUrgent, true
	r.Reasons = append(r.Reasons, why)
	if by := r.SLA.FirstResponseBy; by.IsZero() || sla.FirstResponseBy.Before(by) {
		r.SLA = sla
		r.Reasons = append(r.Reasons, sla.Reason)
	}
}

// repairs are the customer's earlier repairs of the same fault as c (same category, and
// the same rule or error code): their completed or closed tickets with the day each was
// completed, for triage's 三包 rights (a repeat inside a repair's own warranty is free;
// Policy.MaxRepairs of them offer an exchange or a return).
func (b *Backend) repairs(ctx context.Context, c bot.Case, rule *knowledge.Rule, earlier []triage.Ticket) []triage.Repair {
	var out []triage.Repair
	for _, t := range earlier {
		if t.Status != triage.StatusCompleted && t.Status != triage.StatusClosed || t.Category != c.Category {
			continue
		}
		sameRule := rule != nil && t.RuleID == rule.ID
		sameCode := c.ErrorCode != "" && t.Record.Case.ErrorCode == c.ErrorCode
		if !sameRule && !sameCode {
			continue
		}
		done := t.UpdatedAt
		if hist, err := b.Store.History(ctx, t.Number); err == nil {
			for _, ch := range hist {
				if ch.To == triage.StatusCompleted {
					done = ch.At // the repair's day, not the follow-up's
				}
			}
		}
		out = append(out, triage.Repair{Ticket: t.Number, Done: triage.DateOf(done.In(b.Calendar.Location()))})
	}
	return out
}

// FlagHazard implements bot.HazardFlagger: a hazard told after the ticket was filed makes it
// urgent — due within the urgent target from now when that is sooner, handed to a person,
// the reasons saying why — and staff are alerted. A ticket urgent for safety already, or
// closed, is left as it is.
func (b *Backend) FlagHazard(ctx context.Context, openID string, e bot.FlagHazard) error {
	now := b.Now()
	t, flagged, err := b.updateOwnOpen(ctx, openID, e.Number, func(t *triage.Ticket) bool {
		if t.Record.Case.Safety && t.Priority == triage.PriorityUrgent {
			return false
		}
		t.Record.Case.Safety = true
		b.raiseUrgent(t, now)
		return true
	})
	if err != nil {
		return fmt.Errorf("effects: flag %s for a hazard: %w", e.Number, err)
	}
	if flagged && b.Alert != nil {
		b.Alert(t, true)
	}
	return nil
}

// UpdateContact implements bot.ContactUpdater: the name, phone number and address the
// customer told after filing replace the ticket's (an empty one leaves its field), and a
// shared location's coordinates theirs, while the ticket is open. The message itself is in the ticket's transcript.
func (b *Backend) UpdateContact(ctx context.Context, openID string, e bot.UpdateContact) error {
	now := b.Now()
	var changes []string
	_, _, err := b.updateOwnOpen(ctx, openID, e.Number, func(t *triage.Ticket) bool {
		r := &t.Record
		changes = changed(changes, "name", r.Name, e.Name)
		changes = changed(changes, "phone", r.Phone, e.Phone)
		changes = changed(changes, "address", r.Address, e.Address)
		changes = changed(changes, "other_phone", r.OtherPhone, e.OtherPhone)
		r.Name, r.Phone, r.Address = cmp.Or(e.Name, r.Name), cmp.Or(e.Phone, r.Phone), cmp.Or(e.Address, r.Address)
		r.OtherPhone, r.CallWindow = cmp.Or(e.OtherPhone, r.OtherPhone), cmp.Or(e.Window, r.CallWindow)
		if e.Lat != 0 || e.Lng != 0 {
			r.Latitude, r.Longitude = e.Lat, e.Lng // a shared location: where the visit goes
		}
		t.UpdatedAt = now
		return true
	})
	if err != nil {
		return fmt.Errorf("effects: contact of %s: %w", e.Number, err)
	}
	b.noteCorrection(ctx, e.Number, now, changes)
	if e.Window != "" {
		// "晚上六点半以后": when to call, a line of its own for the person who calls
		text := catalog.T("effects.contact_window", "window", e.Window)
		if err := b.Store.AppendTranscript(ctx, e.Number, triage.TranscriptEntry{At: now, Role: triage.RoleSystem, Text: text}); err != nil && b.Log != nil {
			b.Log.Warn("effects: contact window note", "ticket", e.Number, "err", err)
		}
	}
	return nil
}

// changed appends "品牌：老板 → 威能" to changes when the customer's value v differs from the
// ticket's old one (an empty v changes nothing).
func changed(changes []string, field, old, v string) []string {
	if v == "" || v == old {
		return changes
	}
	return append(changes, catalog.T("effects.corrected.field", "field", catalog.T("effects.field."+field), "old", cmp.Or(old, "—"), "new", v))
}

// noteCorrection records in the ticket's transcript, for staff, what the customer corrected
// after filing and what it was before; the correction stands if the note cannot be written.
func (b *Backend) noteCorrection(ctx context.Context, number string, at time.Time, changes []string) {
	if len(changes) == 0 {
		return
	}
	text := catalog.T("effects.corrected", "changes", strings.Join(changes, "；"))
	if err := b.Store.AppendTranscript(ctx, number, triage.TranscriptEntry{At: at, Role: triage.RoleSystem, Text: text}); err != nil && b.Log != nil {
		b.Log.Warn("effects: correction note", "ticket", number, "err", err)
	}
}

// UpdateDetails implements bot.DetailsUpdater: the brand, model, serial number, purchase
// date, channel, purchase doubt, extended warranty and fault description the customer told after filing
// replace the ticket's (a zero one leaves its field), while the ticket is open, and the
// warranty is decided again on them under the category's policy — a purchase date told
// while waiting for a person is what staff see, not only a line of the transcript.
func (b *Backend) UpdateDetails(ctx context.Context, openID string, e bot.UpdateDetails) error {
	now := b.Now()
	f := e.Facts
	kb := b.KB()
	var changes []string
	_, _, err := b.updateOwnOpen(ctx, openID, e.Number, func(t *triage.Ticket) bool {
		r := &t.Record
		c := &r.Case
		if f.Category != "" && f.Category != c.Category {
			// "不是平板，是燃气灶": the product corrected, with the brand as it now stands; a
			// rule of the old product's faults no longer fits (a safety rule stays)
			product := bot.Case{}
			product.Category, product.Product = f.Category, f.Product
			name := c.CategoryName
			if kb != nil {
				name = categoryName(kb, product)
			}
			changes = changed(changes, "category", c.CategoryName, name)
			c.Category, c.CategoryName, t.Category = f.Category, name, f.Category
			if c.Brand != f.Brand {
				changes = changed(changes, "brand", c.Brand, cmp.Or(f.Brand, "—"))
				c.Brand = f.Brand
			}
			if kb != nil && t.RuleID != "" {
				if rule := kb.Set().Rule(t.RuleID); rule != nil && !rule.Safety && len(rule.Categories) > 0 && !slices.Contains(rule.Categories, f.Category) {
					t.RuleID = ""
				}
			}
		}
		changes = changed(changes, "brand", c.Brand, f.Brand)
		changes = changed(changes, "model", c.Model, f.Model)
		changes = changed(changes, "serial", r.Serial, f.Serial)
		changes = changed(changes, "channel", r.Channel, string(f.Channel))
		if note := catalog.T("effects.hazard_note", "title", ""); f.Symptom != "" && strings.HasPrefix(c.Symptom, note) && !strings.HasPrefix(f.Symptom, note) {
			if i := strings.Index(c.Symptom, "；"); i >= 0 {
				f.Symptom = c.Symptom[:i+len("；")] + f.Symptom // the danger stays first, as filed
			}
		}
		changes = changed(changes, "symptom", c.Symptom, f.Symptom)
		if f.Trigger != "" && triage.Trigger(f.Trigger) != c.Trigger {
			// "没进水！你别给我写成进水了": the cause denied is no longer the ticket's
			changes = changed(changes, "trigger", c.Trigger.Label(), triage.Trigger(f.Trigger).Label())
			c.Trigger = triage.Trigger(f.Trigger)
		}
		c.Symptom = cmp.Or(f.Symptom, c.Symptom) // "问题描述改一下：…": the fault as now told
		if e.Rule != "" && c.Safety && kb != nil {
			// "不是燃气味 是塑料烧糊的味道": the hazard corrected is the ticket's rule, when the
			// ticket's is a safety rule (a fault's rule stays)
			if rule := kb.Set().Rule(t.RuleID); t.RuleID == "" || rule != nil && rule.Safety {
				t.RuleID = e.Rule
			}
		}
		if !f.PurchaseDate.IsZero() {
			changes = changed(changes, "purchase", c.PurchaseDate.String(), purchaseDate(f.PurchaseDate).String())
		}
		c.Brand, c.Model, c.ProofDoubt = cmp.Or(f.Brand, c.Brand), cmp.Or(f.Model, c.Model), cmp.Or(e.ProofDoubt, c.ProofDoubt)
		r.Serial, r.Channel = cmp.Or(f.Serial, r.Serial), cmp.Or(string(f.Channel), r.Channel)
		if !f.PurchaseDate.IsZero() {
			c.PurchaseDate = purchaseDate(f.PurchaseDate)
		}
		if !f.Delivered.IsZero() {
			c.Delivered = deliveryDate(f.Delivered)
		} else if !f.PurchaseDate.IsZero() && c.Delivered.Before(c.PurchaseDate.First()) {
			c.Delivered = triage.Date{} // a delivery before the purchase now told
		}
		switch f.ExtendedWarranty {
		case bot.YesNoYes:
			c.ExtendedWarranty, c.ExtendedMonths = triage.AnswerYes, cmp.Or(f.ExtendedMonths, c.ExtendedMonths)
			if f.ExtendedMonths > 0 {
				c.ExtendedTotal = f.ExtendedTotal
			}
		case bot.YesNoNo:
			c.ExtendedWarranty = triage.AnswerNo
		}
		if kb != nil && c.Category != "" && !c.ReportedAt.IsZero() {
			// the whole triage's warranty: the parts still covered after the unit's period too
			again := triage.Triage(*c, policyOf(kb.Set().Category(c.Category), f.Fuel), b.Calendar)
			// the warranty and its reason follow the facts as now told: never "待核实：购买日期
			// 未知" beside a date, nor "保修期内：购买于 2026-11" after 2023-05 was told
			if again.Warranty != t.Result.Warranty || warrantyTold(f, e.ProofDoubt) || f.Trigger != "" {
				t.Result.Warranty = again.Warranty
				t.Result.Reasons = replaceReasons(t.Result.Reasons, again.Reasons, "triage.why.warranty.")
			}
			if f.Trigger != "" && again.FaultClass != t.Result.FaultClass {
				// a cause denied: the fault is no longer the customer's damage on the ticket
				t.Result.FaultClass = again.FaultClass
				t.Result.Reasons = replaceReasons(t.Result.Reasons, again.Reasons, "triage.why.class.")
			}
			// the 三包 rights on the corrected dates replace the ones decided before: a
			// ticket never keeps "已过 7 天" beside the delivery that says otherwise
			t.Result.Rights = again.Rights
			t.Result.Reasons = replaceRights(t.Result.Reasons, again.Reasons)
		}
		t.UpdatedAt = now
		return true
	})
	if err != nil {
		return fmt.Errorf("effects: details of %s: %w", e.Number, err)
	}
	b.noteCorrection(ctx, e.Number, now, changes)
	return nil
}

// warrantyTold says whether a later detail bears on the warranty: a purchase or delivery
// date, the extended warranty or a doubt about the proof of purchase.
func warrantyTold(f bot.Facts, doubt string) bool {
	return !f.PurchaseDate.IsZero() || !f.Delivered.IsZero() || f.ExtendedWarranty != bot.YesNoUnset || doubt != ""
}

// replaceRights returns reasons with its 三包 reasons (triage.rights.*) replaced by those of
// fresh, in the place of the first one dropped (or at the end).
func replaceRights(reasons, fresh []triage.Reason) []triage.Reason {
	return replaceReasons(reasons, fresh, "triage.rights.")
}

// replaceReasons returns reasons with those whose key starts with prefix replaced by those
// of fresh, in the place of the first one dropped (or at the end).
func replaceReasons(reasons, fresh []triage.Reason, prefix string) []triage.Reason {
	isRights := func(r triage.Reason) bool { return strings.HasPrefix(r.Key, prefix) }
	var add []triage.Reason
	for _, r := range fresh {
		if isRights(r) {
			add = append(add, r)
		}
	}
	at := slices.IndexFunc(reasons, isRights)
	kept := slices.DeleteFunc(slices.Clone(reasons), isRights)
	if at < 0 || at > len(kept) {
		at = len(kept)
	}
	return slices.Insert(kept, at, add...)
}
