package triage

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/wxintake/intake/catalog"
)

// WarrantyStatus is the outcome of the warranty check.
type WarrantyStatus string

// The warranty statuses. Out of warranty and user damage are paid repairs.
const (
	InWarranty      WarrantyStatus = "in_warranty"
	OutOfWarranty   WarrantyStatus = "out_of_warranty"
	UserDamage      WarrantyStatus = "user_damage"
	WarrantyUnknown WarrantyStatus = "unknown" // 待核实: never a guess
)

// Label returns the status as staff read it, e.g. "保修期内".
func (s WarrantyStatus) Label() string { return catalog.T("triage.warranty_status." + string(s)) }

// Paid reports whether the customer pays for the repair.
func (s WarrantyStatus) Paid() bool { return s == OutOfWarranty || s == UserDamage }

// WarrantyResult is the warranty decision.
type WarrantyResult struct {
	Status WarrantyStatus
	// CoveredUntil is the last covered day, known whenever the purchase date is usable
	// (also for user damage, so staff see it); zero otherwise.
	CoveredUntil Date
	// Estimate is the rule's price range for a paid repair; zero otherwise.
	Estimate Estimate
	// Period, Bought and Product tell the customer why a repair is free at filing
	// ("压缩机保修 72 个月", the purchase date, "空调"); Triage sets them for a case in
	// warranty; stored with the ticket (triagedb) so the page shows what the customer was told.
	Period  string
	Bought  Date
	Product string
	// PartOnly marks a repair free only by a part's own period, the unit's being over: free
	// if the engineer finds that part at fault, which the customer is told as a condition.
	PartOnly bool
}

// Estimate is a price range for a paid repair, in yuan.
type Estimate struct {
	PartsMin, PartsMax   int
	LabourMin, LabourMax int
}

// IsZero reports whether no price is known.
func (e Estimate) IsZero() bool { return e == Estimate{} }

// String returns the estimate as staff and customers read it:
// "预计费用：配件 0–800 元，人工 80–200 元", or a note that the engineer will quote.
func (e Estimate) String() string {
	if e.IsZero() {
		return catalog.T("triage.estimate.none")
	}
	return catalog.T("triage.estimate.range",
		"parts", yuanRange(e.PartsMin, e.PartsMax), "labour", yuanRange(e.LabourMin, e.LabourMax))
}

func yuanRange(lo, hi int) string {
	if hi <= lo {
		return strconv.Itoa(lo)
	}
	return strconv.Itoa(lo) + "–" + strconv.Itoa(hi)
}

// Warranty decides whether the repair is free. The case is in warranty when its fault is
// not user damage (see ClassifyFault) and the period covers the report date.
//
// Periods run in whole months from the purchase date: the whole-unit period, or the
// component's own when the rule names a component the policy lists; a known extended
// warranty adds its months to the whole-unit period (or, told as a total from the purchase,
// Case.ExtendedTotal, sets it) (never shortening a longer component
// period). A period of n months bought on day D covers up to and including the day before
// the same day n months later: 12 months from 2025-06-10 cover through 2026-06-09. When that
// month has no such day (bought on Jan 31, or Feb 29), the period ends on the last day of
// the month (1 month from Jan 31 covers through Feb 28, or 29 in a leap year).
//
// A purchase date known to the month only ("2024年5月") is read as the last day of that
// month, the reading most favourable to the customer. One known to the year only ("2024年")
// is decided when every day of that year gives the same answer, else it is 待核实. An unknown date, an impossible one,
// or one after the report date gives WarrantyUnknown (待核实); so does a policy without a
// period (a category nobody configured), and an expired period that an extended warranty
// the customer has not confirmed would still cover.
func Warranty(c Case, p Policy) (WarrantyResult, Reason) {
	class, _ := ClassifyFault(c)
	today := DateOf(c.ReportedAt)
	est := Estimate{c.Hint.PartsMin, c.Hint.PartsMax, c.Hint.LabourMin, c.Hint.LabourMax}
	bought := c.PurchaseDate

	usable := !bought.IsZero() && bought.Valid() && !bought.First().After(today)
	var per period
	if usable {
		per = warrantyPeriod(c, p, c.ExtendedWarranty == AnswerYes)
	}
	if per.months <= 0 {
		per.until = Date{} // nothing is covered, not even to show
	}

	if r, why, ok := repairClaimed(c, p, class, per, usable, today); ok {
		return r, why
	}
	switch {
	case class == FaultUserDamage:
		r := WarrantyResult{Status: UserDamage, CoveredUntil: per.until, Estimate: est}
		if c.Trigger.UserDamage() {
			return r, because("triage.why.warranty.user_damage", "cause", c.Trigger.Label(), "estimate", est.String())
		}
		return r, because("triage.why.warranty.user_damage_rule", "estimate", est.String())
	case bought.IsZero():
		return WarrantyResult{Status: WarrantyUnknown}, because("triage.why.warranty.unknown_date")
	case c.ProofDoubt != "":
		// a gift, second-hand, bought abroad: the date told is not the proof the period needs
		return WarrantyResult{Status: WarrantyUnknown, CoveredUntil: per.until},
			because("triage.why.warranty.proof_doubt", "words", c.ProofDoubt)
	case !bought.Valid():
		return WarrantyResult{Status: WarrantyUnknown}, because("triage.why.warranty.invalid_date", "date", bought.String())
	case !usable:
		return WarrantyResult{Status: WarrantyUnknown},
			because("triage.why.warranty.future_date", "date", bought.String(), "today", today.String())
	case per.months <= 0:
		return WarrantyResult{Status: WarrantyUnknown}, because("triage.why.warranty.no_policy", "category", c.name())
	case bought.YearOnly() && !today.After(per.until) && today.After(earliestUntil(c, p, per)):
		// a year alone: covered if bought late in it, not if early — the day decides
		return WarrantyResult{Status: WarrantyUnknown, CoveredUntil: per.until},
			because("triage.why.warranty.year_only", "year", bought.String(), "period", per.label,
				"first", earliestUntil(c, p, per).String(), "last", per.until.String())
	case !today.After(per.until):
		return WarrantyResult{Status: InWarranty, CoveredUntil: per.until},
			because("triage.why.warranty.in", "date", purchaseText(bought), "period", per.label, "until", per.until.String())
	}
	if c.ExtendedWarranty == AnswerUnknown {
		if ext := warrantyPeriod(c, p, true); ext.months > per.months && !today.After(ext.until) {
			return WarrantyResult{Status: WarrantyUnknown, CoveredUntil: per.until},
				because("triage.why.warranty.extended_unknown", "date", purchaseText(bought), "period", per.label,
					"until", per.until.String(), "extended_until", ext.until.String())
		}
	}
	return WarrantyResult{Status: OutOfWarranty, CoveredUntil: per.until, Estimate: est},
		because("triage.why.warranty.out", "date", purchaseText(bought), "period", per.label,
			"until", per.until.String(), "estimate", est.String())
}

// repairClaimed is the warranty of a case whose customer says the fault is back after a
// recent repair (Case.RepairClaim) when the period would not make it free: 待核实 with the
// repair's own warranty named — free if the repair record confirms it — never "保外需付费"
// on the period alone. ok is false when the claim changes nothing (no claim, user damage,
// or the period covers the repair anyway).
func repairClaimed(c Case, p Policy, class FaultClass, per period, usable bool, today Date) (WarrantyResult, Reason, bool) {
	if c.RepairClaim == "" || class == FaultUserDamage {
		return WarrantyResult{}, Reason{}, false
	}
	if usable && per.months > 0 && !today.After(per.until) && c.ProofDoubt == "" &&
		!(c.PurchaseDate.YearOnly() && today.After(earliestUntil(c, p, per))) {
		return WarrantyResult{}, Reason{}, false // in warranty whatever the repair: free
	}
	return WarrantyResult{Status: WarrantyUnknown, CoveredUntil: per.until},
		because("triage.why.warranty.repair_claim", "words", c.RepairClaim, "repair_days", p.SanBao().RepairWarrantyDays), true
}

// earliestUntil is the last covered day of per when the product was bought on the first
// day its purchase date can mean (1 January of a year-only date).
func earliestUntil(c Case, p Policy, per period) Date {
	return lastCovered(c.PurchaseDate.First(), per.months)
}

// period is the warranty period that applies to a case.
type period struct {
	months int
	until  Date   // last covered day
	label  string // e.g. "整机保修 12 个月"
}

func warrantyPeriod(c Case, p Policy, extended bool) period {
	per := period{months: p.WholeMonths,
		label: catalog.T("triage.period.whole", "months", p.WholeMonths)}
	if m, ok := p.Components[c.Hint.Component]; ok && c.Hint.Component != "" {
		name := c.Hint.ComponentName
		if name == "" {
			name = c.Hint.Component
		}
		per = period{months: m, label: catalog.T("triage.period.component", "component", name, "months", m)}
	}
	switch {
	case extended && c.ExtendedTotal && c.ExtendedMonths > 0:
		// "一共保五年": the cover ends that long after the purchase, the standard period in it
		if total := c.ExtendedMonths; total > per.months {
			per = period{months: total, label: catalog.T("triage.period.extended_total", "months", total)}
		}
	case extended:
		ext := c.ExtendedMonths
		if ext <= 0 {
			ext = p.ExtendedMonths
		}
		if total := p.WholeMonths + ext; ext > 0 && total > per.months {
			label := catalog.T("triage.period.extended", "months", p.WholeMonths, "extended", ext)
			if p.WholeMonths == 0 {
				label = catalog.T("triage.period.extended_only", "extended", ext) // no "整机保修 0 个月"
			}
			per = period{months: total, label: label}
		}
	}
	per.until = lastCovered(c.PurchaseDate.Last(), per.months)
	return per
}

// partsCovered names the policy's components whose own period still covers the report date
// ("压缩机（至 2029-05-31）、主板（至 2026-12-31）"), longest first; "" when none does or the
// purchase date is not known to the day or month.
func partsCovered(c Case, p Policy) string {
	bought, today := c.PurchaseDate, DateOf(c.ReportedAt)
	if bought.IsZero() || !bought.Valid() || bought.First().After(today) {
		return ""
	}
	type part struct {
		name  string
		until Date
	}
	var parts []part
	for name, m := range p.Components {
		// the earliest day the purchase can mean: covered whatever day of the month it was
		// the earliest day the purchase can mean: covered whatever day it was, and that day's
		// end of cover is the one told
		if until := lastCovered(bought.First(), m); m > 0 && !today.After(until) {
			parts = append(parts, part{name, until})
		}
	}
	sort.Slice(parts, func(i, j int) bool {
		if parts[i].until != parts[j].until {
			return parts[j].until.Before(parts[i].until)
		}
		return parts[i].name < parts[j].name
	})
	names := make([]string, len(parts))
	for i, pt := range parts {
		names[i] = catalog.T("triage.period.part_until", "component", pt.name, "until", pt.until.String())
	}
	return strings.Join(names, "、")
}

// lastCovered returns the last day covered by a period of n months from day from: the day
// before the same day n months later, or the last day of that month when it has no such day.
func lastCovered(from Date, n int) Date {
	t := time.Date(from.Year, from.Month+time.Month(n), 1, 12, 0, 0, 0, time.UTC) // the 1st of the target month
	y, m := t.Year(), t.Month()
	if from.Day > daysIn(y, m) {
		return Date{y, m, daysIn(y, m)}
	}
	return Date{y, m, from.Day}.AddDays(-1)
}

// purchaseText shows a purchase date, spelling out the month-end reading of a month-only one.
func purchaseText(d Date) string {
	if d.YearOnly() {
		return catalog.T("triage.date.year_only", "year", d.String(), "day", d.Last().String())
	}
	if d.MonthOnly() {
		return catalog.T("triage.date.month_only", "month", d.String(), "day", d.Last().String())
	}
	return d.String()
}
