package knowledge

import "strings"

// ComponentOf chooses the component of a fault with its own warranty period in category:
// the matched rule's component; else the component of a rule of the category that lists
// the error code; else a component of the category the customer names in the symptom
// ("压缩机不启动"). It returns the component's name as the category lists it, and how it
// was chosen: "rule", "code" or "symptom"; "" when none applies.
//
// fuel is what the appliance runs on ("gas", "electric", "" when not known): a part of the
// other fuel, or of one fuel when the fuel is not known, is never chosen from the rule or
// the code (a gas water heater has no 加热管).
func (s *Set) ComponentOf(category, ruleID, code, symptom, fuel string) (name, source string) {
	cat := s.Category(category)
	if cat == nil || len(cat.Warranty.Components) == 0 {
		return "", ""
	}
	listed := func(n string) bool {
		for _, c := range cat.Warranty.Components {
			if c.Name == n && c.Fits(fuel) {
				return true
			}
		}
		return false
	}
	if c := s.RuleComponent(category, ruleID, fuel); c != "" && listed(c) {
		return c, "rule"
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
	text := Normalize(symptom) // a part the customer names is theirs, whatever the fuel
	for _, c := range cat.Warranty.Components {
		if c.Months > 0 && c.Name != "" && strings.Contains(text, Normalize(c.Name)) {
			return c.Name, "symptom"
		}
	}
	return "", ""
}

// RuleComponent is the component a rule's fault concerns on an appliance of category
// running on fuel ("gas", "electric", "" when not known): the fuel's own component when the
// rule names one, else its Component; "" when that part belongs to appliances of another
// fuel, or of one fuel when the fuel is not known ("热水器不出热水" promises no 加热管 before
// anyone knows the heater is electric).
func (s *Set) RuleComponent(category, ruleID, fuel string) string {
	r := s.Rule(ruleID)
	if r == nil {
		return ""
	}
	u := r.Unresolved
	name := u.Component
	switch {
	case fuel == FuelGas && u.GasComponent != "":
		name = u.GasComponent
	case fuel == FuelElectric && u.ElectricComponent != "":
		name = u.ElectricComponent
	}
	if cat := s.Category(category); cat != nil {
		for _, c := range cat.Warranty.Components {
			if c.Name == name && !c.Fits(fuel) {
				return ""
			}
		}
	}
	return name
}
