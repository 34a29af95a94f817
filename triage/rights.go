package triage

import (
	"strconv"
	"strings"
)

// Remedy is what the 三包 rules let the customer choose for a performance fault.
type Remedy string

// The remedies.
const (
	RemedyReturn   Remedy = "return"
	RemedyExchange Remedy = "exchange"
	RemedyRepair   Remedy = "repair"
)

// Stage is where the case stands in the 三包 periods counted from the purchase day.
type Stage string

// The stages. StageUnknown is 待核实: no purchase day, or one known to the month or year
// only whose days fall on both sides of a limit.
const (
	StageReturn   Stage = "return"   // day 0 to ReturnDays: return, exchange or repair
	StageExchange Stage = "exchange" // to ExchangeDays: exchange or repair
	StageRepair   Stage = "repair"   // later: repair (free in warranty)
	StageUnknown  Stage = "unknown"
)

// Repair is an earlier repair of the same fault for the same customer: its ticket and the
// day it was completed.
type Repair struct {
	Ticket string
	Done   Date
}

// Rights is the 三包 decision for a case: which remedies the customer may choose on the
// report day, whether an earlier repair's own warranty makes this one free, and whether the
// same fault has been repaired often enough to claim an exchange or a return.
type Rights struct {
	Stage Stage
	// Options are the remedies open to the customer, return first; only repair while the
	// stage is unknown (the rest needs the purchase day).
	Options []Remedy
	// DaysMin and DaysMax are the days from purchase to the report (equal for a full
	// date); -1 when unknown.
	DaysMin, DaysMax int
	// FromDelivery: the days count from the delivery day (Case.Delivered), not the purchase.
	FromDelivery bool
	// RepeatFree: the same fault is back within the last repair's own warranty, so this
	// repair is free whatever the unit's period; FreeUntil is that warranty's last day and
	// LastRepair the repair.
	RepeatFree bool
	FreeUntil  Date
	LastRepair Repair
	// Repairs counts the earlier repairs of the fault inside the warranty; at MaxRepairs
	// RepairsExhausted offers an exchange or a return.
	Repairs          int
	RepairsExhausted bool
	// Reasons explain the decision in plain Chinese, for staff and for the customer.
	Reasons []Reason
}

// Offers reports whether r lets the customer choose remedy m.
func (r Rights) Offers(m Remedy) bool {
	for _, o := range r.Options {
		if o == m {
			return true
		}
	}
	return false
}

// Notable reports whether the rights say more than "repair in warranty": the customer may
// return or exchange the product, or this repair is free because of an earlier one.
func (r Rights) Notable() bool {
	return r.Stage == StageReturn || r.Stage == StageExchange || r.RepeatFree || r.RepairsExhausted
}

// String joins the reasons in one paragraph.
func (r Rights) String() string {
	var b strings.Builder
	for i, why := range r.Reasons {
		if i > 0 {
			b.WriteString("；")
		}
		b.WriteString(why.Text)
	}
	if b.Len() > 0 {
		b.WriteString("。")
	}
	return b.String()
}

// RightsOf decides the 三包 rights of a case under p (zero rights take the statutory
// defaults, see Policy.SanBao), with c.Repairs the earlier repairs of the same fault.
//
// Days count from the delivery day when the case has one (Case.Delivered: the 三包 periods
// run from when the customer received or had the product installed), else from the
// purchase day, which is day 0: bought on 1 June and reported on 8
// June is day 7, still inside a 7-day return period; 9 June is day 8, exchange or repair.
// A purchase date known to the month or the year only is decided when every day it can
// mean gives the same stage (days after the report day cannot be the purchase day);
// otherwise the stage is unknown (待核实) and the reason names what is needed.
//
// A repair completed d days before the report, d ≤ RepairWarrantyDays, makes this repair
// of the same fault free. MaxRepairs earlier repairs completed inside the unit's warranty
// period (or all of them when the purchase date is not known) offer exchange or return.
func RightsOf(c Case, p Policy) Rights {
	p = p.SanBao()
	today := DateOf(c.ReportedAt)
	bought := c.PurchaseDate
	r := Rights{Stage: StageUnknown, DaysMin: -1, DaysMax: -1}
	start := bought // the day the 三包 days count from
	if d := c.Delivered; d.Valid() && !d.Partial() && !d.IsZero() && !d.After(today) {
		start, r.FromDelivery = d, true
	}
	sinceKey := "triage.rights.since"
	if r.FromDelivery {
		sinceKey = "triage.rights.since_delivered"
	}
	limits := []any{"return_days", p.ReturnDays, "exchange_days", p.ExchangeDays, "max_repairs", p.MaxRepairs}
	stage := func(days int) Stage {
		switch {
		case days <= p.ReturnDays:
			return StageReturn
		case days <= p.ExchangeDays:
			return StageExchange
		}
		return StageRepair
	}
	switch {
	case start.IsZero():
		r.Reasons = append(r.Reasons, because("triage.rights.no_date", limits...))
	case !start.Valid() || start.First().After(today):
		r.Reasons = append(r.Reasons, because("triage.rights.invalid_date", "date", start.String(), "today", today.String()))
	default:
		last := start.Last()
		if last.After(today) {
			last = today
		}
		r.DaysMin, r.DaysMax = today.DaysSince(last), today.DaysSince(start.First())
		lo, hi := stage(r.DaysMin), stage(r.DaysMax)
		since := because(sinceKey, "date", start.String()).Text
		if lo == hi {
			r.Stage = lo
			args := append([]any{"since", since, "age", r.Age()}, limits...)
			r.Reasons = append(r.Reasons, because("triage.rights."+string(lo), args...))
		} else {
			limit := p.ReturnDays
			if lo != StageReturn {
				limit = p.ExchangeDays
			}
			r.Reasons = append(r.Reasons, because("triage.rights.range", "since", since,
				"age", r.Age(), "limit", limit))
		}
	}
	switch r.Stage {
	case StageReturn:
		r.Options = []Remedy{RemedyReturn, RemedyExchange, RemedyRepair}
	case StageExchange:
		r.Options = []Remedy{RemedyExchange, RemedyRepair}
	default:
		r.Options = []Remedy{RemedyRepair}
	}

	// The last repair's own warranty.
	var latest Repair
	for _, rep := range c.Repairs {
		if rep.Done.Valid() && !rep.Done.Partial() && !rep.Done.After(today) && (latest.Done.IsZero() || rep.Done.After(latest.Done)) {
			latest = rep
		}
	}
	if latest.Done.IsZero() && c.RepairClaim != "" {
		// "上个月刚修过又坏了" with no repair on record here: the repair's own warranty to verify
		r.Reasons = append(r.Reasons, because("triage.rights.repeat_claim", "words", c.RepairClaim,
			"repair_days", p.RepairWarrantyDays))
	}
	if !latest.Done.IsZero() {
		d := today.DaysSince(latest.Done)
		until := latest.Done.AddDays(p.RepairWarrantyDays)
		args := []any{"ticket", latest.Ticket, "done", latest.Done.String(), "days", d,
			"repair_days", p.RepairWarrantyDays, "until", until.String()}
		if d <= p.RepairWarrantyDays {
			r.RepeatFree, r.FreeUntil, r.LastRepair = true, until, latest
			r.Reasons = append(r.Reasons, because("triage.rights.repeat_free", args...))
		} else {
			r.Reasons = append(r.Reasons, because("triage.rights.repeat_past", args...))
		}
	}

	// Repairs of the same fault inside the warranty.
	var covered Date // last day of the unit's period; zero when unknown
	if bought.Valid() && !bought.IsZero() {
		if per := warrantyPeriod(c, p, c.ExtendedWarranty == AnswerYes); per.months > 0 {
			covered = per.until
		}
	}
	var tickets []string
	for _, rep := range c.Repairs {
		if !rep.Done.Valid() || rep.Done.IsZero() || rep.Done.After(today) ||
			!covered.IsZero() && (rep.Done.Last().After(covered) || rep.Done.First().Before(bought.First())) {
			continue
		}
		tickets = append(tickets, rep.Ticket)
	}
	r.Repairs = len(tickets)
	inWarranty := covered.IsZero() || !today.After(covered) || r.RepeatFree
	if r.Repairs >= p.MaxRepairs && inWarranty {
		r.RepairsExhausted = true
		for _, m := range []Remedy{RemedyExchange, RemedyReturn} {
			if !r.Offers(m) {
				r.Options = append(r.Options, m)
			}
		}
		r.Reasons = append(r.Reasons, because("triage.rights.repairs_exhausted", "n", r.Repairs,
			"tickets", strings.Join(tickets, "、"), "max_repairs", p.MaxRepairs))
	}
	return r
}

// ageText is how long ago the purchase was: "购买当天", "买了 5 天", "买了 3–33 天"; or the
// delivery: "今天刚收到", "收到 5 天".
func ageText(lo, hi int, delivered bool) string {
	suffix := ""
	if delivered {
		suffix = "_delivered"
	}
	switch {
	case lo == hi && lo == 0:
		return because("triage.rights.age_today" + suffix).Text
	case lo == hi:
		return because("triage.rights.age"+suffix, "days", lo).Text
	}
	return because("triage.rights.age"+suffix, "days", strconv.Itoa(lo)+"–"+strconv.Itoa(hi)).Text
}

// Age is how long ago the purchase was, as the customer reads it ("买了 5 天", "购买当天",
// "买了 3–33 天"), or the delivery the days count from ("收到 5 天", "今天刚收到"); "" when
// neither day is known.
func (r Rights) Age() string {
	if r.DaysMin < 0 {
		return ""
	}
	return ageText(r.DaysMin, r.DaysMax, r.FromDelivery)
}
