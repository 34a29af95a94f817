package triage

import (
	"errors"
	"fmt"
	"slices"

	"github.com/wxintake/intake/catalog"
)

// Status is where a ticket is in its lifecycle:
//
//	新建 new → 已受理 accepted → 诊断中 diagnosing → 维修中 repairing → 已完成 completed → 已关闭 closed
//
// plus two shortcuts: diagnosing → completed (fixed remotely, or nothing to repair) and
// completed → repairing (rework, when the follow-up finds the fault again). Every open status
// may go to 已取消 cancelled. Closed and cancelled are final.
type Status string

// The statuses.
const (
	StatusNew        Status = "new"        // 新建: opened by the bot or staff
	StatusAccepted   Status = "accepted"   // 已受理: a staff member took it
	StatusDiagnosing Status = "diagnosing" // 诊断中
	StatusRepairing  Status = "repairing"  // 维修中
	StatusCompleted  Status = "completed"  // 已完成: repaired, follow-up pending
	StatusClosed     Status = "closed"     // 已关闭: followed up
	StatusCancelled  Status = "cancelled"  // 已取消
)

// Statuses lists every status in lifecycle order.
func Statuses() []Status {
	return []Status{StatusNew, StatusAccepted, StatusDiagnosing, StatusRepairing,
		StatusCompleted, StatusClosed, StatusCancelled}
}

var transitions = map[Status][]Status{
	StatusNew:        {StatusAccepted, StatusCancelled},
	StatusAccepted:   {StatusDiagnosing, StatusCancelled},
	StatusDiagnosing: {StatusRepairing, StatusCompleted, StatusCancelled},
	StatusRepairing:  {StatusCompleted, StatusCancelled},
	StatusCompleted:  {StatusClosed, StatusRepairing},
}

// Label returns the status as staff read it, e.g. "诊断中".
func (s Status) Label() string { return catalog.T("triage.status." + string(s)) }

// Valid reports whether s is one of the statuses.
func (s Status) Valid() bool { return slices.Contains(Statuses(), s) }

// Open reports whether the ticket still waits for work: new, accepted, diagnosing or
// repairing. Staff queues list open tickets.
func (s Status) Open() bool {
	switch s {
	case StatusNew, StatusAccepted, StatusDiagnosing, StatusRepairing:
		return true
	}
	return false
}

// Final reports whether no transition leaves s.
func (s Status) Final() bool { return s.Valid() && len(transitions[s]) == 0 }

// Next returns the statuses a ticket in s may move to.
func (s Status) Next() []Status { return slices.Clone(transitions[s]) }

// CanTransition reports whether a ticket may move from one status to another. Staying in
// the same status is not a transition.
func CanTransition(from, to Status) bool { return slices.Contains(transitions[from], to) }

// ErrInvalidTransition is matched by errors.Is for every *TransitionError.
var ErrInvalidTransition = errors.New("triage: invalid status transition")

// TransitionError rejects a status change the lifecycle does not allow.
type TransitionError struct {
	From, To Status
}

// Transition returns nil if a ticket may move from one status to another, else a
// *TransitionError.
func Transition(from, to Status) error {
	if CanTransition(from, to) {
		return nil
	}
	return &TransitionError{From: from, To: to}
}

// Error describes the rejected change for logs.
func (e *TransitionError) Error() string {
	return fmt.Sprintf("triage: a ticket cannot go from %q to %q", e.From, e.To)
}

// Is makes errors.Is(err, ErrInvalidTransition) true.
func (e *TransitionError) Is(target error) bool { return target == ErrInvalidTransition }

// Message describes the rejected change as staff read it: "工单不能从「新建」改为「已完成」".
func (e *TransitionError) Message() string {
	return catalog.T("triage.transition.invalid", "from", e.From.Label(), "to", e.To.Label())
}
