package triage

import (
	"errors"
	"testing"
)

func TestTransitions(t *testing.T) {
	// Every allowed move, written out independently of the table in status.go.
	allowed := map[[2]Status]bool{
		{StatusNew, StatusAccepted}:         true,
		{StatusNew, StatusCancelled}:        true,
		{StatusAccepted, StatusDiagnosing}:  true,
		{StatusAccepted, StatusCancelled}:   true,
		{StatusDiagnosing, StatusRepairing}: true,
		{StatusDiagnosing, StatusCompleted}: true,
		{StatusDiagnosing, StatusCancelled}: true,
		{StatusRepairing, StatusCompleted}:  true,
		{StatusRepairing, StatusCancelled}:  true,
		{StatusCompleted, StatusClosed}:     true,
		{StatusCompleted, StatusRepairing}:  true,
	}
	all := append(Statuses(), Status("bogus"), Status(""))
	for _, from := range all {
		for _, to := range all {
			want := allowed[[2]Status{from, to}]
			if got := CanTransition(from, to); got != want {
				t.Errorf("CanTransition(%q, %q) = %v, want %v", from, to, got, want)
			}
			err := Transition(from, to)
			if (err == nil) != want {
				t.Errorf("Transition(%q, %q) = %v", from, to, err)
			}
			if err != nil && !errors.Is(err, ErrInvalidTransition) {
				t.Errorf("Transition(%q, %q) error %v is not ErrInvalidTransition", from, to, err)
			}
		}
	}
}

func TestTransitionError(t *testing.T) {
	err := Transition(StatusNew, StatusCompleted)
	var te *TransitionError
	if !errors.As(err, &te) {
		t.Fatalf("got %T", err)
	}
	if got, want := te.Message(), "工单状态不能从「新建」改为「已完成」"; got != want {
		t.Errorf("Message() = %q, want %q", got, want)
	}
}

func TestStatusKinds(t *testing.T) {
	labels := map[Status]string{StatusNew: "新建", StatusAccepted: "已受理", StatusDiagnosing: "诊断中",
		StatusRepairing: "维修中", StatusCompleted: "已完成", StatusClosed: "已关闭", StatusCancelled: "已取消"}
	for _, s := range Statuses() {
		if s.Label() != labels[s] {
			t.Errorf("%s.Label() = %q, want %q", s, s.Label(), labels[s])
		}
		open := s == StatusNew || s == StatusAccepted || s == StatusDiagnosing || s == StatusRepairing
		final := s == StatusClosed || s == StatusCancelled
		if s.Open() != open || s.Final() != final || !s.Valid() {
			t.Errorf("%s: Open %v Final %v Valid %v", s, s.Open(), s.Final(), s.Valid())
		}
	}
	if Status("bogus").Valid() || Status("bogus").Final() || Status("bogus").Open() {
		t.Error("an unknown status is valid, final or open")
	}
	next := StatusNew.Next()
	next[0] = StatusClosed
	if !CanTransition(StatusNew, StatusAccepted) {
		t.Error("Next exposes the transition table")
	}
}
