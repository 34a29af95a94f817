package knowledge

import (
	"cmp"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// MinSamples is how many sample utterances every rule needs.
const MinSamples = 3

var (
	ruleIDPattern     = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	categoryIDPattern = regexp.MustCompile(`^[a-z][a-z_]*$`)
	skillPattern      = regexp.MustCompile(`^[a-z0-9_-]+$`)
)

// Validate checks the whole set and returns every problem at once, as a *ValidationError
// whose problems point at the file, line and field: unique ids, known categories,
// compilable patterns and conditions, advice on safety rules, enough samples, valid enums
// and price ranges. It returns nil for a valid set.
func (s *Set) Validate() error {
	var ps problems
	catAt := make(map[string]field)
	for i := range s.Categories {
		c := &s.Categories[i]
		at := s.categoryField(i)
		validateCategory(&ps, c, at)
		if prev, dup := catAt[c.ID]; dup && c.ID != "" {
			ps.add(at.key("id"), "duplicate_id", "value", strconv.Quote(c.ID), "where", where(prev))
		} else {
			catAt[c.ID] = at.key("id")
		}
	}
	known := func(id string) bool { _, ok := catAt[id]; return ok }
	ruleAt := make(map[string]field)
	for i := range s.Rules {
		r := &s.Rules[i]
		at := s.ruleField(i)
		validateRule(&ps, r, at, known)
		if prev, dup := ruleAt[r.ID]; dup && r.ID != "" {
			ps.add(at.key("id"), "duplicate_id", "value", strconv.Quote(r.ID), "where", where(prev))
		} else {
			ruleAt[r.ID] = at.key("id")
		}
	}
	s.validateFAQ(&ps, known, ruleAt)
	for i := range s.Brands {
		at := field{path: "brands[" + strconv.Itoa(i) + "]"}
		if i < len(s.brands) {
			at = s.brands[i]
		}
		validateBrand(&ps, &s.Brands[i], at)
	}
	slices.SortStableFunc(ps, func(a, b Problem) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	return ps.err()
}

// where formats a position for "also at …".
func where(f field) string {
	if f.file == "" {
		return f.path
	}
	return f.file + ":" + strconv.Itoa(f.line())
}

func (s *Set) categoryField(i int) field {
	if i < len(s.cats) {
		return s.cats[i]
	}
	return field{path: "categories[" + strconv.Itoa(i) + "]"}
}

func (s *Set) ruleField(i int) field {
	if i < len(s.rules) {
		return s.rules[i]
	}
	return field{path: "rules[" + strconv.Itoa(i) + "]"}
}

func validateCategory(ps *problems, c *Category, at field) {
	switch {
	case c.ID == "":
		ps.add(at.key("id"), "required")
	case !categoryIDPattern.MatchString(c.ID):
		ps.add(at.key("id"), "bad_id", "value", strconv.Quote(c.ID), "pattern", "[a-z_]+")
	}
	if strings.TrimSpace(c.Name) == "" {
		ps.add(at.key("name"), "required")
	}
	checkPhrases(ps, at.key("aliases"), c.Aliases)
	w := at.key("warranty")
	checkMonths(ps, w.key("whole_months"), c.Warranty.WholeMonths)
	for i, comp := range c.Warranty.Components {
		f := w.key("components").index(i)
		if strings.TrimSpace(comp.Name) == "" {
			ps.add(f.key("name"), "required")
		}
		checkMonths(ps, f.key("months"), comp.Months)
		if comp.Fuel != "" && comp.Fuel != FuelGas && comp.Fuel != FuelElectric {
			ps.add(f.key("fuel"), "bad_enum", "value", strconv.Quote(comp.Fuel), "allowed", FuelGas+", "+FuelElectric)
		}
	}
	checkSanBao(ps, w, c.Warranty)
	for i := range c.Brands {
		validateBrand(ps, &c.Brands[i], at.key("brands").index(i))
	}
	for j, p := range c.GenericModelPatterns {
		checkPattern(ps, at.key("generic_model_patterns").index(j), p, regexp.Compile)
	}
}

func validateBrand(ps *problems, b *Brand, at field) {
	if strings.TrimSpace(b.Name) == "" {
		ps.add(at.key("name"), "required")
	}
	checkPhrases(ps, at.key("aliases"), b.Aliases)
	for j, p := range b.ModelPatterns {
		checkPattern(ps, at.key("model_patterns").index(j), p, regexp.Compile)
	}
	if b.SerialPattern != "" {
		checkPattern(ps, at.key("serial_pattern"), b.SerialPattern, regexp.Compile)
	}
}

// checkSanBao checks a category's 三包 rights: no negative days, an exchange period no
// shorter than the return period, a repair warranty no shorter than the law's 30 days.
// Omitted (0) fields take the defaults.
func checkSanBao(ps *problems, w field, wr Warranty) {
	for _, f := range []struct {
		key string
		v   int
	}{{"return_days", wr.ReturnDays}, {"exchange_days", wr.ExchangeDays},
		{"repair_warranty_days", wr.RepairWarrantyDays}, {"max_repairs", wr.MaxRepairs}} {
		checkMonths(ps, w.key(f.key), f.v)
	}
	ret, exch, _, _ := wr.SanBao()
	if wr.ReturnDays >= 0 && wr.ExchangeDays >= 0 && exch < ret {
		ps.add(w.key("exchange_days"), "exchange_before_return", "exchange", exch, "return", ret)
	}
	if d := wr.RepairWarrantyDays; d > 0 && d < MinRepairWarrantyDays {
		ps.add(w.key("repair_warranty_days"), "repair_warranty_short", "value", d, "min", MinRepairWarrantyDays)
	}
}

func checkMonths(ps *problems, at field, months int) {
	if months < 0 {
		ps.add(at, "negative", "value", months)
	}
}

// checkPattern compiles a regex and rejects one that matches empty text (it would match
// every message) or whose program is too large (MaxRegexInsts).
func checkPattern(ps *problems, at field, src string, compile func(string) (*regexp.Regexp, error)) {
	_, err := regexp.Compile(src) // the error as the editor wrote it, without compile's flags
	var re *regexp.Regexp
	if err == nil {
		re, err = compile(src)
	}
	if err != nil {
		ps.add(at, "bad_regex", "value", strconv.Quote(src), "detail", strings.TrimPrefix(err.Error(), "error parsing regexp: "))
		return
	}
	if re.MatchString("") {
		ps.add(at, "empty_regex", "value", strconv.Quote(src))
	}
	checkRegexCost(ps, at, src)
}

// checkPhrases rejects phrases that normalise to nothing. Repeats are harmless (the
// schema itself lists "midea" and "Midea") and allowed.
func checkPhrases(ps *problems, at field, phrases []string) {
	for i, p := range phrases {
		if Normalize(p) == "" {
			ps.add(at.index(i), "empty_phrase", "value", strconv.Quote(p))
		}
	}
}

// validateRule checks one rule on its own; known, when not nil, tells the category ids
// that exist.
func validateRule(ps *problems, r *Rule, at field, known func(string) bool) {
	switch {
	case r.ID == "":
		ps.add(at.key("id"), "required")
	case !ruleIDPattern.MatchString(r.ID):
		ps.add(at.key("id"), "bad_id", "value", strconv.Quote(r.ID), "pattern", "[a-z0-9-]+")
	}
	if strings.TrimSpace(r.Title) == "" {
		ps.add(at.key("title"), "required")
	}
	seenCat := map[string]bool{}
	for i, c := range r.Categories {
		f := at.key("categories").index(i)
		switch {
		case seenCat[c]:
			ps.add(f, "duplicate", "value", strconv.Quote(c))
		case known != nil && !known(c):
			ps.add(f, "unknown_category", "value", strconv.Quote(c))
		}
		seenCat[c] = true
	}
	if r.Safety && strings.TrimSpace(r.Advice) == "" {
		ps.add(at.key("advice"), "advice_required")
	}
	validateTriggers(ps, &r.Triggers, at.key("triggers"))
	if strings.TrimSpace(r.Condition) != "" {
		if _, err := compileCondition(r.Condition); err != nil {
			ps.add(at.key("condition"), "bad_condition", "detail", firstLine(err.Error()))
		} else {
			checkConditionCost(ps, at.key("condition"), r.Condition)
		}
	}
	for i, st := range r.Steps {
		if strings.TrimSpace(st.Text) == "" {
			ps.add(at.key("steps").index(i).key("text"), "required")
		}
		if st.Image != "" && !webAddress(st.Image) {
			ps.add(at.key("steps").index(i).key("image"), "bad_image", "value", strconv.Quote(st.Image))
		}
	}
	validateUnresolved(ps, &r.Unresolved, at.key("unresolved"))
	sf := at.key("samples")
	distinct := map[string]bool{}
	for i, smp := range r.Samples {
		n := Normalize(smp)
		if n == "" {
			ps.add(sf.index(i), "required")
		}
		distinct[n] = n != ""
	}
	delete(distinct, "")
	if len(distinct) < MinSamples {
		ps.add(sf, "few_samples", "count", len(distinct), "min", MinSamples)
	}
}

// webAddress reports whether s is an absolute http(s) URL with a host: what a step's
// image may be, never javascript:, data: or a path.
func webAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func validateTriggers(ps *problems, t *Triggers, at field) {
	if len(t.Keywords)+len(t.Synonyms)+len(t.ErrorCodes)+len(t.Regex) == 0 {
		ps.add(at, "no_triggers")
	}
	checkPhrases(ps, at.key("keywords"), t.Keywords)
	checkPhrases(ps, at.key("synonyms"), t.Synonyms)
	for i, c := range t.ErrorCodes {
		if !validCode(codeKey(c)) {
			ps.add(at.key("error_codes").index(i), "bad_error_code", "value", strconv.Quote(c))
		}
	}
	for i, src := range t.Regex {
		checkPattern(ps, at.key("regex").index(i), src, compileRegex)
	}
}

func validateUnresolved(ps *problems, u *Unresolved, at field) {
	checkEnum(ps, at.key("fault_class"), string(u.FaultClass), FaultClasses)
	checkEnum(ps, at.key("priority"), string(u.Priority), Priorities)
	if u.Skill != "" && !skillPattern.MatchString(u.Skill) {
		ps.add(at.key("skill"), "bad_skill", "value", strconv.Quote(u.Skill))
	}
	price := at.key("price")
	for _, part := range []struct {
		name string
		r    [2]int
	}{{"parts", u.Price.Parts}, {"labour", u.Price.Labour}} {
		f := price.key(part.name)
		switch {
		case part.r[0] < 0 || part.r[1] < 0:
			ps.add(f, "negative", "value", fmt.Sprint(part.r[:]))
		case part.r[0] > part.r[1]:
			ps.add(f, "price_range", "min", part.r[0], "max", part.r[1])
		}
	}
}

// checkEnum requires value to be one of allowed.
func checkEnum[T ~string](ps *problems, at field, value string, allowed []T) {
	if value == "" {
		ps.add(at, "required")
		return
	}
	if slices.Contains(allowed, T(value)) {
		return
	}
	names := make([]string, len(allowed))
	for i, a := range allowed {
		names[i] = string(a)
	}
	ps.add(at, "bad_enum", "value", strconv.Quote(value), "allowed", strings.Join(names, ", "))
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
