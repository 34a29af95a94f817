package app

import (
	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/internal/config"
	"github.com/wxintake/intake/triage"
)

// triageGroups are the configured staff groups as triage routes with them; config does
// not import the domain.
func triageGroups(gs []config.Group) []triage.Group {
	out := make([]triage.Group, len(gs))
	for i, g := range gs {
		out[i] = triage.Group(g)
	}
	return out
}

// eveningSlot is the configured evening visit window, the zero Slot when there is none
// (config.Validate has checked it).
func eveningSlot(b config.Business) triage.Slot {
	start, end, err := b.EveningHours()
	if err != nil || start == "" {
		return triage.Slot{}
	}
	return triage.Slot{Label: catalog.T("triage.visit.evening"), Start: start, End: end}
}
