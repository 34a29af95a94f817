package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/catalog"
)

// "还在保吗" with only the year of purchase: decided when every day of that year gives the
// same answer, else the customer is asked for more.
func TestWarrantyFromYearOnly(t *testing.T) {
	kb := shippedKB(t)
	d := NewDialog(kb)
	at := time.Date(2026, 11, 22, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	w, _ := kb.Warranty("washing_machine")
	for _, tc := range []struct {
		year int
		key  string
	}{
		{2024, "bot.faq.warranty.outside"},  // 23–34 months: past 12 whatever the day
		{2026, "bot.faq.warranty.inside"},   // 0–10 months
		{2025, "bot.faq.warranty.boundary"}, // 11–22 months: it depends on the month
	} {
		c := Conversation{OpenID: "o", State: StateCollect, Asking: SlotModel, UpdatedAt: at.Add(-time.Minute)}
		c.Case.Category, c.Case.At, c.Case.Symptom = "washing_machine", at, "不排水"
		c.Case.PurchaseDate = Date{Year: tc.year}
		_, effects := d.Step(c, Inbound{OpenID: "o", Kind: KindText, Text: "还在保修期吗", At: at})
		want := catalog.T(tc.key, "bought", c.Case.PurchaseDate.String(), "months", w.WholeMonths, "parts", w.parts(),
			"category", kb.Lexicon().CategoryName("washing_machine"))
		found := false
		for _, e := range effects {
			if r, ok := e.(Reply); ok && strings.Contains(r.Text, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("bought in %d: want %s, got %v", tc.year, tc.key, effects)
		}
	}
}

// The parts' own periods, an extended warranty's length and a purchase month decide the
// answer only when every possible day of purchase agrees.
func TestWarrantyAnswerRanges(t *testing.T) {
	kb := shippedKB(t)
	d := NewDialog(kb)
	at := time.Date(2026, 11, 22, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for _, tc := range []struct {
		cat    string
		bought Date
		ext    YesNo
		months int
		key    string
	}{
		{"air_conditioner", Date{Year: 2020}, YesNoUnset, 0, "bot.faq.warranty.parts_boundary"}, // compressor 72: 71–82 months
		{"air_conditioner", Date{Year: 2022}, YesNoUnset, 0, "bot.faq.warranty.outside"},        // 47–58 months: compressor covered
		{"air_conditioner", Date{Year: 2019}, YesNoUnset, 0, "bot.faq.warranty.expired"},        // 83–94: nothing left
		{"air_conditioner", Date{Year: 2024}, YesNoYes, 36, "bot.faq.warranty.extended"},        // 23–34 < 48
		{"air_conditioner", Date{Year: 2024}, YesNoYes, 12, "bot.faq.warranty.extended_boundary"},
		{"mobile_phone", Date{Year: 2025, Month: 5}, YesNoUnset, 0, "bot.faq.warranty.expired"}, // battery 6, charger 12: both past
		{"mobile_phone", Date{Year: 2025, Month: 11}, YesNoUnset, 0, "bot.faq.warranty.boundary"},
		{"mobile_phone", Date{Year: 2025, Month: 12, Day: 1}, YesNoUnset, 0, "bot.faq.warranty.inside"},
	} {
		c := Conversation{OpenID: "o", State: StateCollect, Asking: SlotModel, UpdatedAt: at.Add(-time.Minute)}
		c.Case.Category, c.Case.At, c.Case.Symptom = tc.cat, at, "坏了"
		c.Case.PurchaseDate, c.Case.ExtendedWarranty, c.Case.ExtendedMonths = tc.bought, tc.ext, tc.months
		_, effects := d.Step(c, Inbound{OpenID: "o", Kind: KindText, Text: "还在保修期吗", At: at})
		prefix := catalog.T(tc.key, "bought", tc.bought.String(), "months", 12, "extended", tc.months, "parts", "\x00")
		prefix, _, _ = strings.Cut(prefix, "\x00")
		found := false
		for _, e := range effects {
			if r, ok := e.(Reply); ok && strings.HasPrefix(r.Text, prefix[:min(len(prefix), 30)]) && strings.Contains(r.Text, prefix) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s bought %s ext %v/%d: want %s, got %v", tc.cat, tc.bought, tc.ext, tc.months, tc.key, effects)
		}
	}
}
