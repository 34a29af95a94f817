package effects

import (
	"time"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/triage"
)

// fromProduction is the 三包 start of a case with no purchase date but a production date
// read from a nameplate: 90 days after production (DOMAIN.md), so a missing invoice is
// 待核实, never "out of warranty" by default. It sets tc's purchase date to that start and
// returns the reason triage gives and the evidence staff verify.
type fromProduction struct {
	reason   triage.Reason
	evidence triage.Evidence
}

// productionStart applies the rule to tc; ok is false when the case has a purchase date
// or no production date.
func productionStart(c bot.Case, tc *triage.Case) (fromProduction, bool) {
	if !tc.PurchaseDate.IsZero() || c.Made.Year == 0 || c.Made.Month == 0 {
		return fromProduction{}, false
	}
	day := max(c.Made.Day, 1)
	start := time.Date(c.Made.Year, time.Month(c.Made.Month), day, 0, 0, 0, 0, time.UTC).AddDate(0, 0, 90)
	tc.PurchaseDate = triage.Date{Year: start.Year(), Month: start.Month(), Day: start.Day()}
	media, source := "", string(bot.SourceNameplate)
	for _, e := range c.Evidence {
		if e.Field == bot.SlotMade {
			media, source = e.Media, string(e.Source)
		}
	}
	key := "triage.why.warranty.from_production"
	return fromProduction{
		reason:   triage.Reason{Key: key, Text: catalog.T(key, "made", c.Made.String(), "start", tc.PurchaseDate.String())},
		evidence: triage.Evidence{Field: string(bot.SlotPurchase), Value: tc.PurchaseDate.String(), Media: media, Source: source, Verify: true},
	}, true
}

// evidence lists the facts the case took from photos, as the ticket keeps them.
func evidence(c bot.Case) []triage.Evidence {
	var out []triage.Evidence
	for _, e := range c.Evidence {
		out = append(out, triage.Evidence{Field: string(e.Field), Value: e.Value, Media: e.Media, Source: string(e.Source), Verify: e.Verify})
	}
	return out
}
