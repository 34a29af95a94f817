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
		{2024, "bot.faq.warranty.outside"}, // 23–34 months: past 12 whatever the day
		{2026, "bot.faq.warranty.inside"},  // 0–10 months
		{2025, "bot.faq.warranty.no_date"}, // 11–22 months: it depends on the month
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
