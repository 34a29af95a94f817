package bot

import (
	"fmt"
	"slices"
	"strings"

	"github.com/wxintake/intake/knowledge"
)

// KnowledgeBase adapts a published knowledge set to what the dialog needs. It is built
// once per publish and read-only afterwards.
type KnowledgeBase struct {
	set     *knowledge.Set
	matcher *knowledge.Matcher
	lexicon *Lexicon
	faults  map[string][]Rule // category id → its menu of common faults (Faults)
}

var _ Knowledge = (*KnowledgeBase)(nil)

// NewKnowledgeBase compiles the matcher and the extractors' lexicon of set.
func NewKnowledgeBase(set *knowledge.Set) (*KnowledgeBase, error) {
	m, err := knowledge.NewMatcher(set)
	if err != nil {
		return nil, err
	}
	var data LexiconData
	brands := map[string]int{} // brand name → index in data.Brands
	addBrand := func(b knowledge.Brand, category string) {
		i, ok := brands[b.Name]
		if !ok {
			i = len(data.Brands)
			brands[b.Name] = i
			data.Brands = append(data.Brands, BrandTerms{Name: b.Name, SerialPattern: b.SerialPattern})
		}
		bt := &data.Brands[i]
		if category != "" {
			bt.Categories = append(bt.Categories, category)
		}
		bt.Aliases = appendNew(bt.Aliases, b.Aliases...)
		for _, mp := range b.ModelPatterns {
			if !slices.Contains(bt.ModelPatterns, mp) {
				bt.ModelPatterns = append(bt.ModelPatterns, mp)
				bt.ModelCategories = append(bt.ModelCategories, category) // "BCD-…" under 美的's fridges
			}
		}
		if bt.SerialPattern == "" {
			bt.SerialPattern = b.SerialPattern
		}
	}
	for _, c := range set.Categories {
		data.Categories = append(data.Categories, CategoryTerms{ID: c.ID, Name: c.Name, Aliases: c.Aliases, ModelPatterns: c.GenericModelPatterns})
		for _, b := range c.Brands {
			addBrand(b, c.ID)
		}
	}
	for _, b := range set.Brands {
		addBrand(b, "") // a brand of products outside the categories: it names no category
	}
	for _, r := range set.Rules {
		if !r.Safety {
			data.FaultWords = append(data.FaultWords, r.Triggers.Keywords...)
		}
	}
	lx, err := NewLexicon(data)
	if err != nil {
		return nil, fmt.Errorf("bot: knowledge vocabulary: %w", err)
	}
	kb := &KnowledgeBase{set: set, matcher: m, lexicon: lx, faults: make(map[string][]Rule, len(set.Categories))}
	for _, c := range set.Categories {
		kb.faults[c.ID] = commonFaults(set, c.ID)
	}
	return kb, nil
}

func appendNew(dst []string, vs ...string) []string {
	for _, v := range vs {
		found := false
		for _, d := range dst {
			if d == v {
				found = true
				break
			}
		}
		if !found {
			dst = append(dst, v)
		}
	}
	return dst
}

// Set returns the knowledge set behind the base.
func (k *KnowledgeBase) Set() *knowledge.Set { return k.set }

// Matcher returns the compiled matcher.
func (k *KnowledgeBase) Matcher() *knowledge.Matcher { return k.matcher }

// Lexicon implements Knowledge.
func (k *KnowledgeBase) Lexicon() *Lexicon { return k.lexicon }

// Match implements Knowledge: the best non-safety rule for the case's symptom and error
// code within its category.
func (k *KnowledgeBase) Match(c *Case) (Rule, bool) {
	text := c.Symptom
	if c.ErrorCode != "" {
		text += " " + c.ErrorCode
	}
	if w, ok := triggerMatchWords[c.Trigger]; ok && !strings.Contains(text, w) {
		text += " " + w // "游泳后进水了 屏幕花了": the cause, told apart from the symptom, still counts
	}
	ms := k.matcher.Match(knowledge.Query{
		Text:     text,
		Category: c.Category,
		Case: knowledge.CaseFacts{
			Category: c.Category, Brand: c.Brand, Model: c.Model, ErrorCode: c.ErrorCode,
			AgeMonths: ageMonths(c),
		},
		Limit: 3,
	})
	if c.Trigger == TriggerWater || c.Trigger == TriggerDrop {
		// "洒了奶茶 开不了机": the damage decides what to do first (power off, no charging),
		// whatever symptom it caused, when a rule for that damage is among the candidates
		for _, m := range ms {
			if !m.Safety && ruleFits(m.Rule, c.Category) && m.Rule.Unresolved.FaultClass == knowledge.FaultUserDamage {
				r := toRule(m.Rule)
				r.Confident, r.Score = true, m.Confidence
				return r, true
			}
		}
	}
	for _, m := range ms {
		if m.Safety || !ruleFits(m.Rule, c.Category) {
			continue
		}
		r := toRule(m.Rule)
		r.Confident, r.Score = confident(m), m.Confidence
		return r, true
	}
	return Rule{}, false
}

// triggerMatchWords are the words a case's cause adds to its symptom for matching.
var triggerMatchWords = map[Trigger]string{TriggerWater: "进水", TriggerDrop: "摔了", TriggerForeignObject: "异物"}

// Faults implements Knowledge: the category's own rules in knowledge order (the order
// editors wrote them, most common first), then rules shared with other categories; never a
// hazard, a rule for every category or user damage. Computed once per publish.
func (k *KnowledgeBase) Faults(category string) []Rule { return k.faults[category] }

// commonFaults builds the menu of Faults for one category.
func commonFaults(set *knowledge.Set, category string) []Rule {
	var out []Rule
	for pass := 0; pass < 2 && len(out) < maxFaults; pass++ {
		for i := range set.Rules {
			r := &set.Rules[i]
			own := len(r.Categories) == 1 && r.Categories[0] == category // the category's own faults first
			if r.Safety || r.General() || !r.AppliesTo(category) || own != (pass == 0) ||
				r.Unresolved.FaultClass == knowledge.FaultUserDamage {
				continue
			}
			out = append(out, toRule(r))
			if len(out) == maxFaults {
				break
			}
		}
	}
	return out
}

// maxFaults is the length of the menu of common faults.
const maxFaults = 8

// Warranty implements Knowledge.
func (k *KnowledgeBase) Warranty(category string) (Warranty, bool) {
	cat := k.set.Category(category)
	if cat == nil || cat.Warranty.WholeMonths <= 0 {
		return Warranty{}, false
	}
	cw := cat.Warranty
	w := Warranty{WholeMonths: cw.WholeMonths, ReturnDays: cw.ReturnDays, ExchangeDays: cw.ExchangeDays,
		RepairWarrantyDays: cw.RepairWarrantyDays, MaxRepairs: cw.MaxRepairs}
	for _, c := range cat.Warranty.Components {
		w.Components = append(w.Components, ComponentWarranty{Name: c.Name, Months: c.Months, Fuel: c.Fuel})
	}
	return w, true
}

// ruleFits reports whether a rule applies to the category (general rules apply to all).
func ruleFits(r *knowledge.Rule, category string) bool {
	if len(r.Categories) == 0 || category == "" {
		return true
	}
	for _, c := range r.Categories {
		if c == category {
			return true
		}
	}
	return false
}

// Hazard implements Knowledge.
func (k *KnowledgeBase) Hazard(canon string, read knowledge.HazardReading) (Rule, bool) {
	m, ok := k.matcher.SafetyRead(canon, read)
	if !ok {
		return Rule{}, false
	}
	return toRule(m.Rule), true
}

// Rule implements Knowledge.
func (k *KnowledgeBase) Rule(id string) (Rule, bool) {
	r := k.set.Rule(id)
	if r == nil {
		return Rule{}, false
	}
	return toRule(r), true
}

func toRule(r *knowledge.Rule) Rule {
	steps := make([]string, len(r.Steps))
	var gas, electric []string
	for i, s := range r.Steps {
		steps[i] = s.Text
		if s.Gas != "" || s.Electric != "" {
			gas, electric = grow(gas, len(r.Steps)), grow(electric, len(r.Steps))
			gas[i], electric[i] = s.Gas, s.Electric
		}
	}
	p := r.Unresolved.Price
	return Rule{ID: r.ID, Title: r.Title, Steps: steps, Gas: gas, Electric: electric, Safety: r.Safety, Advice: r.Advice,
		Price: [2][2]int{p.Parts, p.Labour}, Component: r.Unresolved.Component,
		GasComponent: r.Unresolved.GasComponent, ElectricComponent: r.Unresolved.ElectricComponent}
}

// grow returns s with n entries.
func grow(s []string, n int) []string {
	if s == nil {
		return make([]string, n)
	}
	return s
}

// ageMonths is the product's age in whole months at the case's start, or unknown.
func ageMonths(c *Case) int {
	if c.PurchaseDate.IsZero() || c.At.IsZero() {
		return knowledge.UnknownAge
	}
	p, at := c.PurchaseDate, c.At
	m := (at.Year()-p.Year)*12 + int(at.Month()) - p.Month
	if p.Month == 0 { // year only
		m = (at.Year() - p.Year) * 12
	}
	if p.Day > 0 && at.Day() < p.Day {
		m--
	}
	return max(m, 0)
}
