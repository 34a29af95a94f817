package effects

import (
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/triage"
)

// Without a purchase date, a production date read from a nameplate starts the 三包 period
// 90 days later, flagged 待核实 with the nameplate as evidence; a purchase date (typed, or
// from an order) keeps its own start.
func TestProductionStart(t *testing.T) {
	var c bot.Case
	c.Made = bot.Date{Year: 2025, Month: 3, Day: 12}
	c.Evidence = []bot.Evidence{
		{Field: bot.SlotModel, Value: "KFR-35GW/N8MXA3", Media: "plate", Source: bot.SourceNameplate},
		{Field: bot.SlotMade, Value: "2025-03-12", Media: "plate", Source: bot.SourceNameplate},
	}
	var tc triage.Case
	got, ok := productionStart(c, &tc)
	if !ok || tc.PurchaseDate != (triage.Date{Year: 2025, Month: time.June, Day: 10}) {
		t.Fatalf("start %v %v", tc.PurchaseDate, ok)
	}
	want := triage.Evidence{Field: "purchase", Value: "2025-06-10", Media: "plate", Source: "nameplate", Verify: true}
	if got.evidence != want || !strings.Contains(got.reason.Text, "待核实") || !strings.Contains(got.reason.Text, "2025-03-12") {
		t.Errorf("%+v", got)
	}
	if ev := evidence(c); len(ev) != 2 || ev[0].Field != "model" || ev[1].Field != "made" || ev[1].Verify {
		t.Errorf("evidence %+v", ev)
	}

	tc = triage.Case{PurchaseDate: triage.Date{Year: 2025, Month: time.June, Day: 18}}
	if _, ok := productionStart(c, &tc); ok || tc.PurchaseDate.Day != 18 {
		t.Errorf("a purchase date was replaced: %v", tc.PurchaseDate)
	}
	c.Made = bot.Date{Year: 2025}
	tc = triage.Case{}
	if _, ok := productionStart(c, &tc); ok {
		t.Error("a production year alone started the period")
	}
}
