package knowledge

import "strings"

// ComponentOf chooses the component of a fault with its own warranty period in category:
// the matched rule's component; else the component of a rule of the category that lists
// the error code; else a component of the category the customer names in the symptom
// ("压缩机不启动"). It returns the component's name as the category lists it, and how it
// was chosen: "rule", "code" or "symptom"; "" when none applies.
func (s *Set) ComponentOf(category, ruleID, code, symptom string) (name, source string) {
	cat := s.Category(category)
	if cat == nil || len(cat.Warranty.Components) == 0 {
		return "", ""
	}
	listed := func(n string) bool {
		for _, c := range cat.Warranty.Components {
			if c.Name == n {
				return true
			}
		}
		return false
	}
	if r := s.Rule(ruleID); r != nil && r.Unresolved.Component != "" && listed(r.Unresolved.Component) {
		return r.Unresolved.Component, "rule"
	}
	if key := codeKey(code); key != "" {
		for i := range s.Rules {
			r := &s.Rules[i]
			if r.Unresolved.Component == "" || !listed(r.Unresolved.Component) || r.General() || !r.AppliesTo(category) {
				continue
			}
			for _, c := range r.Triggers.ErrorCodes {
				if codeKey(c) == key {
					return r.Unresolved.Component, "code"
				}
			}
		}
	}
	text := Normalize(symptom)
	for _, c := range cat.Warranty.Components {
		if c.Months > 0 && c.Name != "" && strings.Contains(text, Normalize(c.Name)) {
			return c.Name, "symptom"
		}
	}
	return "", ""
}
