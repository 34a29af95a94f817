package triage

import (
	"slices"
	"strings"
	"testing"
)

func TestRightsStages(t *testing.T) {
	ac := Policy{WholeMonths: 12, Components: map[string]int{"压缩机": 72}}
	short := Policy{WholeMonths: 12, ReturnDays: 3, ExchangeDays: 10}
	tests := []struct {
		name   string
		bought string
		report string
		p      Policy
		stage  Stage
		min    int
		max    int
	}{
		{"day 0, bought today", "2026-03-10", "2026-03-10 09:00", ac, StageReturn, 0, 0},
		{"day 7, last day of return", "2026-03-10", "2026-03-17 23:59", ac, StageReturn, 7, 7},
		{"day 8, exchange", "2026-03-10", "2026-03-18 00:01", ac, StageExchange, 8, 8},
		{"day 15, last day of exchange", "2026-03-10", "2026-03-25 12:00", ac, StageExchange, 15, 15},
		{"day 16, repair", "2026-03-10", "2026-03-26 12:00", ac, StageRepair, 16, 16},
		{"across a leap day: Feb 25 to Mar 3 2028 is 7 days", "2028-02-25", "2028-03-03 10:00", ac, StageReturn, 7, 7},
		{"across a leap day: Feb 25 to Mar 4 2028 is 8 days", "2028-02-25", "2028-03-04 10:00", ac, StageExchange, 8, 8},
		{"bought on a leap day", "2028-02-29", "2028-03-15 10:00", ac, StageExchange, 15, 15},
		{"no leap day in 2026: Feb 25 to Mar 4 is 7 days", "2026-02-25", "2026-03-04 10:00", ac, StageReturn, 7, 7},
		{"month only, every day within 7", "2026-03", "2026-03-05 10:00", ac, StageReturn, 0, 4},
		{"month only, across the 7-day limit", "2026-03", "2026-03-10 10:00", ac, StageUnknown, 0, 9},
		{"month only, across the 15-day limit", "2026-02", "2026-03-10 10:00", ac, StageUnknown, 10, 37},
		{"month only, all past 15", "2026-01", "2026-03-10 10:00", ac, StageRepair, 38, 68},
		{"year only, all past 15", "2025", "2026-03-10 10:00", ac, StageRepair, 69, 433},
		{"year only, this year, across every limit", "2026", "2026-01-05 10:00", ac, StageReturn, 0, 4},
		{"year only, this year, later", "2026", "2026-03-10 10:00", ac, StageUnknown, 0, 68},
		{"policy's own days: day 3 returns", "2026-03-10", "2026-03-13 10:00", short, StageReturn, 3, 3},
		{"policy's own days: day 4 exchanges", "2026-03-10", "2026-03-14 10:00", short, StageExchange, 4, 4},
		{"policy's own days: day 11 repairs", "2026-03-10", "2026-03-21 10:00", short, StageRepair, 11, 11},
		{"unknown date", "", "2026-03-21 10:00", ac, StageUnknown, -1, -1},
		{"future date", "2026-04-01", "2026-03-21 10:00", ac, StageUnknown, -1, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Case{PurchaseDate: day(t, tt.bought), ReportedAt: at(t, tt.report)}
			r := RightsOf(c, tt.p)
			if r.Stage != tt.stage || r.DaysMin != tt.min || r.DaysMax != tt.max {
				t.Errorf("RightsOf = %s %d–%d, want %s %d–%d (%s)", r.Stage, r.DaysMin, r.DaysMax, tt.stage, tt.min, tt.max, r)
			}
			want := map[Stage][]Remedy{StageReturn: {RemedyReturn, RemedyExchange, RemedyRepair},
				StageExchange: {RemedyExchange, RemedyRepair}, StageRepair: {RemedyRepair}, StageUnknown: {RemedyRepair}}[tt.stage]
			if !slices.Equal(r.Options, want) {
				t.Errorf("options %v, want %v", r.Options, want)
			}
			if len(r.Reasons) == 0 || r.Reasons[0].Text == "" {
				t.Errorf("no reason: %+v", r)
			}
		})
	}
}

func TestRightsText(t *testing.T) {
	c := Case{PurchaseDate: day(t, "2026-03-10"), ReportedAt: at(t, "2026-03-15 10:00")}
	if got, want := RightsOf(c, Policy{WholeMonths: 12}).String(), "三包：购买于 2026-03-10，买了 5 天，在 7 天内，出现性能故障可以选择退货、换货或免费修理。"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	c.PurchaseDate = day(t, "2026-03")
	if got := RightsOf(c, Policy{WholeMonths: 12}).String(); !strings.Contains(got, "待核实") || !strings.Contains(got, "买了 0–14 天") {
		t.Errorf("month only: %s", got)
	}
}

// The 三包 days count from the delivery when the case has one: ordered on day 12 before
// the report, delivered on day 4, the return is still open; a delivery that is not a whole
// day or lies after the report leaves the purchase day to count from.
func TestRightsFromDelivery(t *testing.T) {
	p := Policy{WholeMonths: 12}
	tests := []struct {
		name, bought, delivered string
		stage                   Stage
		days                    int
		from                    bool
		text                    string
	}{
		{"ordered 12 days ago, delivered 4", "2026-03-03", "2026-03-11", StageReturn, 4, true, "三包：2026-03-11 收货（三包从收货日算起），收到 4 天，在 7 天内"},
		{"delivered today", "2026-03-01", "2026-03-15", StageReturn, 0, true, "今天刚收到"},
		{"delivered 10 days ago", "2026-03-01", "2026-03-05", StageExchange, 10, true, "已过 7 天"},
		{"no delivery", "2026-03-01", "", StageExchange, 14, false, "购买于 2026-03-01，买了 14 天"},
		{"delivery after the report", "2026-03-10", "2026-03-20", StageReturn, 5, false, "购买于"},
		{"delivery month only", "2026-03-01", "2026-03", StageExchange, 14, false, "购买于"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Case{PurchaseDate: day(t, tt.bought), ReportedAt: at(t, "2026-03-15 10:00")}
			if tt.delivered != "" {
				c.Delivered = day(t, tt.delivered)
			}
			r := RightsOf(c, p)
			if r.Stage != tt.stage || r.DaysMin != tt.days || r.FromDelivery != tt.from || !strings.Contains(r.String(), tt.text) {
				t.Errorf("RightsOf = %s %d from delivery %v (%s), want %s %d %v containing %q", r.Stage, r.DaysMin, r.FromDelivery, r, tt.stage, tt.days, tt.from, tt.text)
			}
		})
	}
}

func TestRightsRepairs(t *testing.T) {
	p := Policy{WholeMonths: 12}
	floor := Policy{WholeMonths: 12, RepairWarrantyDays: 10} // below the statutory 30: 30
	report := "2026-09-30 10:00"
	ago := func(days int, ticket string) Repair {
		return Repair{Ticket: ticket, Done: DateOf(at(t, report)).AddDays(-days)}
	}
	tests := []struct {
		name      string
		bought    string
		p         Policy
		repairs   []Repair
		free      bool
		exhausted bool
		status    WarrantyStatus
	}{
		{"repair 29 days ago, 30-day floor", "2024-01-01", floor, []Repair{ago(29, "A")}, true, false, InWarranty},
		{"repair 30 days ago, 30-day floor", "2024-01-01", floor, []Repair{ago(30, "A")}, true, false, InWarranty},
		{"repair 31 days ago, 30-day floor", "2024-01-01", floor, []Repair{ago(31, "A")}, false, false, OutOfWarranty},
		{"repair 90 days ago, brand's 90", "2024-01-01", p, []Repair{ago(90, "A")}, true, false, InWarranty},
		{"repair 91 days ago, brand's 90", "2024-01-01", p, []Repair{ago(91, "A")}, false, false, OutOfWarranty},
		{"the latest repair counts", "2024-01-01", p, []Repair{ago(200, "A"), ago(40, "B")}, true, false, InWarranty},
		{"second repair: one before, no exchange", "2026-03-01", p, []Repair{ago(100, "A")}, false, false, InWarranty},
		{"third repair: two before, exchange or return", "2026-03-01", p, []Repair{ago(100, "A"), ago(50, "B")}, true, true, InWarranty},
		{"two repairs before the period's end, reported after it, the last one within its warranty",
			"2025-08-01", p, []Repair{ago(100, "A"), ago(80, "B")}, true, true, InWarranty},
		{"two repairs, past every warranty: nothing more", "2025-01-01", p, []Repair{ago(400, "A"), ago(300, "B")}, false, false, OutOfWarranty},
		{"unknown purchase date: repairs count, 待核实", "", p, []Repair{ago(100, "A"), ago(50, "B")}, true, true, InWarranty},
		{"max_repairs 3: two are not enough", "2026-03-01", Policy{WholeMonths: 12, MaxRepairs: 3}, []Repair{ago(100, "A"), ago(50, "B")}, true, false, InWarranty},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Case{PurchaseDate: day(t, tt.bought), ReportedAt: at(t, report), Repairs: tt.repairs}
			r := RightsOf(c, tt.p)
			if r.RepeatFree != tt.free || r.RepairsExhausted != tt.exhausted {
				t.Errorf("free %v exhausted %v, want %v %v: %s", r.RepeatFree, r.RepairsExhausted, tt.free, tt.exhausted, r)
			}
			if tt.exhausted && !(r.Offers(RemedyExchange) && r.Offers(RemedyReturn)) {
				t.Errorf("exhausted repairs offer %v", r.Options)
			}
			res := Triage(c, tt.p, china(t))
			if tt.bought != "" && res.Warranty.Status != tt.status {
				t.Errorf("warranty %s, want %s", res.Warranty.Status, tt.status)
			}
		})
	}
}

func TestPolicySanBaoDefaults(t *testing.T) {
	got := Policy{}.SanBao()
	if got.ReturnDays != 7 || got.ExchangeDays != 15 || got.RepairWarrantyDays != 90 || got.MaxRepairs != 2 {
		t.Errorf("defaults: %+v", got)
	}
	got = Policy{ReturnDays: 20, RepairWarrantyDays: 29}.SanBao()
	if got.ExchangeDays != 20 || got.RepairWarrantyDays != 30 {
		t.Errorf("exchange below return, repair warranty below the floor: %+v", got)
	}
}

func TestCommitmentTellsRights(t *testing.T) {
	c := Case{Category: "air_conditioner", CategoryName: "空调", PurchaseDate: day(t, "2026-03-10"), ReportedAt: at(t, "2026-03-15 10:00")}
	got := Commitment(Triage(c, Policy{WholeMonths: 12}, china(t)), "RS20260315-0001", china(t))
	for _, want := range []string{"您的空调购买于 2026-03-10，整机保修 12 个月", "可以选择退货、换货或免费修理"} {
		if !strings.Contains(got, want) {
			t.Errorf("commitment %q lacks %q", got, want)
		}
	}
	c = Case{Category: "air_conditioner", CategoryName: "空调", PurchaseDate: day(t, "2023-06-01"),
		Hint: Hint{Component: "压缩机", ComponentName: "压缩机"}, ReportedAt: at(t, "2026-03-15 10:00")}
	got = Commitment(Triage(c, Policy{WholeMonths: 12, Components: map[string]int{"压缩机": 72}}, china(t)), "RS20260315-0001", china(t))
	// the unit's year is over: free by the compressor's own period, if the engineer finds it at fault
	if want := "您的空调购买于 2023-06-01，整机保修已过，压缩机保修 72 个月（保修至 2029-05-31）：如果工程师检测确认是这个部件的故障，维修免费"; !strings.Contains(got, want) {
		t.Errorf("commitment %q lacks %q", got, want)
	}
	c = Case{CategoryName: "空调", PurchaseDate: day(t, "2024-01-01"), ReportedAt: at(t, "2026-03-15 10:00"),
		Repairs: []Repair{{Ticket: "RS20260201-0001", Done: day(t, "2026-02-10")}}}
	got = Commitment(Triage(c, Policy{WholeMonths: 12}, china(t)), "RS20260315-0001", china(t))
	if want := "本次维修免费：同一故障在上次维修后 90 天的维修保修内（至 2026-05-11）再次出现。"; !strings.Contains(got, want) {
		t.Errorf("commitment %q lacks %q", got, want)
	}
}

func TestWarrantyYearOnly(t *testing.T) {
	p := Policy{WholeMonths: 12}
	for _, tt := range []struct {
		bought, report string
		want           WarrantyStatus
	}{
		{"2026", "2026-11-22 10:00", InWarranty},      // every day of 2026 is within 12 months
		{"2025", "2026-11-22 10:00", WarrantyUnknown}, // bought in January: out; in December: in
		{"2024", "2026-11-22 10:00", OutOfWarranty},
		{"2025", "2025-12-31 10:00", InWarranty},      // bought on 1 January 2025: covered through 31 December
		{"2025", "2026-01-01 10:00", WarrantyUnknown}, // now 1 January 2025 is out, 31 December in
	} {
		got, why := Warranty(Case{PurchaseDate: day(t, tt.bought), ReportedAt: at(t, tt.report)}, p)
		if got.Status != tt.want {
			t.Errorf("%s at %s: %s (%s), want %s", tt.bought, tt.report, got.Status, why.Text, tt.want)
		}
	}
}

// TestCommitmentNamesPartsStillCovered: the unit's period is over, the fault is not pinned
// on a part, and parts are still in their own period — the customer is not told flatly that
// the repair is paid.
func TestCommitmentNamesPartsStillCovered(t *testing.T) {
	p := Policy{WholeMonths: 12, Components: map[string]int{"压缩机": 72, "主板": 36, "风机电机": 24}}
	c := Case{Category: "air_conditioner", CategoryName: "空调", PurchaseDate: day(t, "2024-11-11"),
		ReportedAt: at(t, "2026-12-06 10:00"), Hint: Hint{PartsMax: 800, LabourMax: 200}}
	r := Triage(c, p, china(t))
	if r.Warranty.Status != OutOfWarranty {
		t.Fatalf("status %s, want out of warranty", r.Warranty.Status)
	}
	got := Commitment(r, "RS20261206-0001", china(t))
	want := "整机保修已过，但压缩机（保修至 2030-11-10）、主板（保修至 2027-11-10）还在保修期内：如果工程师检测是这些部件的故障，维修免费"
	if !strings.Contains(got, want) || strings.Contains(got, "风机电机") {
		t.Errorf("commitment %q\nlacks %q (or names a part whose period is over)", got, want)
	}
	// pinned on a part whose period is over: paid, as before
	c.Hint.Component, c.Hint.ComponentName = "风机电机", "风机电机"
	if got := Commitment(Triage(c, p, china(t)), "RS20261206-0001", china(t)); !strings.Contains(got, "产品已过保修期，一般需要付费维修") {
		t.Errorf("pinned on an expired part: %q", got)
	}
	// a year-only date: the parts are not guessed
	c.Hint.Component, c.PurchaseDate = "", Date{Year: 2019}
	if got := Commitment(Triage(c, p, china(t)), "RS20261206-0001", china(t)); strings.Contains(got, "整机保修已过，但") {
		t.Errorf("year-only date named parts: %q", got)
	}
}

// TestProofDoubtLeavesWarrantyUnknown: a gift, second-hand or bought abroad — the date told is
// no proof, so the repair is neither promised free nor refused.
func TestProofDoubtLeavesWarrantyUnknown(t *testing.T) {
	c := Case{Category: "air_conditioner", CategoryName: "空调", PurchaseDate: day(t, "2026-06-01"),
		ReportedAt: at(t, "2026-12-06 10:00"), ProofDoubt: "朋友送的"}
	r := Triage(c, Policy{WholeMonths: 12}, china(t))
	if r.Warranty.Status != WarrantyUnknown {
		t.Fatalf("status %s, want unknown", r.Warranty.Status)
	}
	if got := Commitment(r, "RS20261206-0001", china(t)); strings.Contains(got, "免费") || !strings.Contains(got, "保修情况需要核实") {
		t.Errorf("commitment %q", got)
	}
}
