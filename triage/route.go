package triage

import (
	"slices"
	"strings"
)

// Group is a team of staff that takes tickets of some skills in some regions. Empty
// Skills or Regions mean any.
type Group struct {
	Name    string   `yaml:"name" json:"name"`
	Skills  []string `yaml:"skills" json:"skills"`   // e.g. refrigeration, mobile
	Regions []string `yaml:"regions" json:"regions"` // province-level names, e.g. 北京, 广东
}

// Serves reports whether the group takes a ticket needing skill in region.
func (g Group) Serves(skill, region string) bool {
	if len(g.Skills) > 0 && !slices.Contains(g.Skills, skill) {
		return false
	}
	if len(g.Regions) == 0 {
		return true
	}
	for _, r := range g.Regions {
		if region != "" && strings.HasPrefix(region, r) {
			return true
		}
	}
	return false
}

// RouteComplaint routes a complaint risk to group, the staff who handle complaints; with
// no such group configured ("") it is routed like any other ticket (ok is false).
func RouteComplaint(group string) (string, Reason, bool) {
	if group == "" {
		return "", Reason{}, false
	}
	return group, because("triage.route.complaint", "group", group), true
}

// Route picks the group for a ticket needing skill in region: among the groups that serve
// it, the one with the fewest open tickets (load), the first listed on a tie. A specific
// group (with skills or regions) beats a catch-all only through load, never by order
// alone — except that catch-alls are used only when no specific group serves. It returns
// "" when no group serves the ticket: it then waits in the shared queue.
func Route(skill, region string, groups []Group, load map[string]int) (string, Reason) {
	best, bestLoad := -1, 0
	for pass := 0; pass < 2 && best < 0; pass++ {
		for i, g := range groups {
			catchAll := len(g.Skills) == 0 && len(g.Regions) == 0
			if (pass == 0) == catchAll || !g.Serves(skill, region) {
				continue
			}
			if best < 0 || load[g.Name] < bestLoad {
				best, bestLoad = i, load[g.Name]
			}
		}
	}
	if best < 0 {
		return "", because("triage.route.queue")
	}
	return groups[best].Name, because("triage.route.group", "group", groups[best].Name, "load", bestLoad)
}
