// Package triage holds the decisions made about a reported fault and the tickets that
// escalated faults become. It is pure: no storage, no network, no clock — time arrives in
// the inputs — and every customer- or staff-facing sentence comes from the catalog.
//
// # Decisions
//
// A Case is what intake collected: product, purchase date (unknown, known to the month, or
// to the day), extended warranty, symptom, trigger, a safety flag, and the Hint of the
// knowledge rule that matched. Four decisions read it, each returning a Reason (catalog key
// and Chinese sentence) so staff can see why:
//
//   - ClassifyFault: hardware, software or user damage. A trigger that is the customer's
//     doing (water, drop, self-disassembly, wrong supply voltage) wins over the rule; a grid
//     voltage fluctuation is not user damage.
//   - Warranty: in warranty, out of warranty (paid, with the rule's price estimate), user
//     damage (paid), or unknown (待核实) — never a guess. Periods come from a Policy per
//     category, with component periods and extended warranty; see Warranty for the exact
//     boundary rules.
//   - RightsOf: the 三包 rights on the report day — return, exchange or repair by the days
//     since purchase, a repeat inside an earlier repair's own warranty free, exchange or
//     return after Policy.MaxRepairs repairs of the fault — with the days from the Policy
//     (statutory defaults 7, 15, 90 with a floor of 30, and 2).
//   - Prioritise: urgent, normal or routine. Safety first, then the rule, then a short
//     fallback word list.
//   - Deadlines: the SLA on a business Calendar (working hours, weekends, public holidays
//     and make-up workdays; China is the default: statutory holidays computed for every
//     year, 2026's published adjustments as data, later years' from a file).
//
// Triage runs all four and collects the reasons in that order; Commitment turns a Result
// into the promise the customer reads at escalation, and VisitWindows offers visit slots.
//
// # Tickets
//
// A Ticket is an escalated case. Its Status follows a small lifecycle checked by
// Transition; its number is "RS20261122-0001" (FormatNumber, ParseNumber). Store declares
// what the service needs from storage; triage/triagedb implements it.
package triage
