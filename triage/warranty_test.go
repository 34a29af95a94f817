package triage

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestLastCovered(t *testing.T) {
	tests := []struct {
		from   string
		months int
		want   string
	}{
		{"2025-06-10", 12, "2026-06-09"}, // the day before the anniversary
		{"2025-01-01", 12, "2025-12-31"},
		{"2025-01-31", 1, "2025-02-28"}, // no Feb 31: last day of February
		{"2024-01-31", 1, "2024-02-29"}, // leap year
		{"2025-01-30", 1, "2025-02-28"},
		{"2025-01-29", 1, "2025-02-28"}, // Feb 29 missing in 2025
		{"2024-01-29", 1, "2024-02-28"}, // Feb 29 exists in 2024: the day before it
		{"2025-03-31", 1, "2025-04-30"},
		{"2025-12-31", 2, "2026-02-28"},
		{"2024-02-29", 12, "2025-02-28"},
		{"2024-02-29", 48, "2028-02-28"}, // Feb 29 exists again: the day before it
		{"2023-02-28", 12, "2024-02-27"},
		{"2023-06-10", 36, "2026-06-09"},
		{"2025-11-30", 6, "2026-05-29"},
	}
	for _, tt := range tests {
		if got := lastCovered(day(t, tt.from), tt.months).String(); got != tt.want {
			t.Errorf("lastCovered(%s, %d) = %s, want %s", tt.from, tt.months, got, tt.want)
		}
	}
}

func TestWarrantySentences(t *testing.T) {
	prices := Hint{PartsMin: 0, PartsMax: 800, LabourMin: 80, LabourMax: 200}
	ac := DefaultPolicies().For("air_conditioner")
	tests := []struct {
		name string
		c    Case
		p    Policy
		want WarrantyResult
		text string
	}{
		{"in",
			Case{PurchaseDate: day(t, "2025-06-10"), ReportedAt: at(t, "2026-06-01 10:00"), Hint: prices}, ac,
			WarrantyResult{Status: InWarranty, CoveredUntil: day(t, "2026-06-09")},
			"保修期内：购买于 2025-06-10，整机保修 12 个月，保修至 2026-06-09"},
		{"out with estimate",
			Case{PurchaseDate: day(t, "2025-06-10"), ExtendedWarranty: AnswerNo, ReportedAt: at(t, "2026-06-10 10:00"), Hint: prices}, ac,
			WarrantyResult{Status: OutOfWarranty, CoveredUntil: day(t, "2026-06-09"), Estimate: Estimate{0, 800, 80, 200}},
			"已过保修期：购买于 2025-06-10，整机保修 12 个月，保修至 2026-06-09，需付费维修。预计费用：配件 0–800 元，人工 80–200 元，以工程师检测后的报价为准"},
		{"out without prices",
			Case{PurchaseDate: day(t, "2024-01-05"), ReportedAt: at(t, "2026-06-10 10:00")}, ac,
			WarrantyResult{Status: OutOfWarranty, CoveredUntil: day(t, "2025-01-04")},
			"已过保修期：购买于 2024-01-05，整机保修 12 个月，保修至 2025-01-04，需付费维修。费用待工程师检测后报价"},
		{"component named",
			Case{PurchaseDate: day(t, "2023-06-10"), ReportedAt: at(t, "2026-06-01 10:00"),
				Hint: Hint{Component: "compressor", ComponentName: "压缩机"}}, ac,
			WarrantyResult{Status: InWarranty, CoveredUntil: day(t, "2026-06-09")},
			"保修期内：购买于 2023-06-10，压缩机保修 36 个月，保修至 2026-06-09"},
		{"component without name shows its id",
			Case{PurchaseDate: day(t, "2023-06-10"), ReportedAt: at(t, "2026-06-01 10:00"),
				Hint: Hint{Component: "compressor"}}, ac,
			WarrantyResult{Status: InWarranty, CoveredUntil: day(t, "2026-06-09")},
			"保修期内：购买于 2023-06-10，compressor保修 36 个月，保修至 2026-06-09"},
		{"extended",
			Case{PurchaseDate: day(t, "2024-06-10"), ExtendedWarranty: AnswerYes, ReportedAt: at(t, "2026-06-01 10:00")}, ac,
			WarrantyResult{Status: InWarranty, CoveredUntil: day(t, "2026-06-09")},
			"保修期内：购买于 2024-06-10，整机保修 12 个月＋延保 12 个月，保修至 2026-06-09"},
		{"extended of its own length",
			Case{PurchaseDate: day(t, "2023-06-10"), ExtendedWarranty: AnswerYes, ExtendedMonths: 24, ReportedAt: at(t, "2026-06-01 10:00")}, ac,
			WarrantyResult{Status: InWarranty, CoveredUntil: day(t, "2026-06-09")},
			"保修期内：购买于 2023-06-10，整机保修 12 个月＋延保 24 个月，保修至 2026-06-09"},
		{"extended yes but policy offers none",
			Case{PurchaseDate: day(t, "2024-06-10"), ExtendedWarranty: AnswerYes, ReportedAt: at(t, "2026-06-01 10:00")},
			Policy{WholeMonths: 12},
			WarrantyResult{Status: OutOfWarranty, CoveredUntil: day(t, "2025-06-09")},
			"已过保修期：购买于 2024-06-10，整机保修 12 个月，保修至 2025-06-09，需付费维修。费用待工程师检测后报价"},
		{"extended unknown",
			Case{PurchaseDate: day(t, "2024-06-10"), ReportedAt: at(t, "2026-06-01 10:00")}, ac,
			WarrantyResult{Status: WarrantyUnknown, CoveredUntil: day(t, "2025-06-09")},
			"待核实：购买于 2024-06-10，整机保修 12 个月，保修至 2025-06-09；如有延保可保修至 2026-06-09，请核实延保凭证"},
		{"extended unknown but expired even with it",
			Case{PurchaseDate: day(t, "2023-06-10"), ReportedAt: at(t, "2026-06-01 10:00")}, ac,
			WarrantyResult{Status: OutOfWarranty, CoveredUntil: day(t, "2024-06-09")},
			"已过保修期：购买于 2023-06-10，整机保修 12 个月，保修至 2024-06-09，需付费维修。费用待工程师检测后报价"},
		{"month only",
			Case{PurchaseDate: day(t, "2025-05"), ReportedAt: at(t, "2026-05-30 10:00")}, ac,
			WarrantyResult{Status: InWarranty, CoveredUntil: day(t, "2026-05-30")},
			"保修期内：购买于 2025-05（未说具体哪天，按当月最后一天 2025-05-31 计），整机保修 12 个月，保修至 2026-05-30"},
		{"unknown date",
			Case{ReportedAt: at(t, "2026-05-30 10:00")}, ac,
			WarrantyResult{Status: WarrantyUnknown},
			"待核实：购买日期未知，请客户提供购买凭证（发票或订单截图）"},
		{"date in the future",
			Case{PurchaseDate: day(t, "2026-06-01"), ReportedAt: at(t, "2026-05-30 10:00")}, ac,
			WarrantyResult{Status: WarrantyUnknown},
			"待核实：购买日期 2026-06-01 晚于报修日期 2026-05-30，请核对购买凭证"},
		{"bought today",
			Case{PurchaseDate: day(t, "2026-05-30"), ReportedAt: at(t, "2026-05-30 10:00")}, ac,
			WarrantyResult{Status: InWarranty, CoveredUntil: day(t, "2027-05-29")},
			"保修期内：购买于 2026-05-30，整机保修 12 个月，保修至 2027-05-29"},
		{"impossible date",
			Case{PurchaseDate: Date{2025, 2, 30}, ReportedAt: at(t, "2026-05-30 10:00")}, ac,
			WarrantyResult{Status: WarrantyUnknown},
			"待核实：购买日期 2025-02-30 不存在，请核对购买凭证"},
		{"no policy for the category",
			Case{CategoryName: "咖啡机", PurchaseDate: day(t, "2026-01-10"), ReportedAt: at(t, "2026-05-30 10:00")}, Policy{},
			WarrantyResult{Status: WarrantyUnknown},
			"待核实：咖啡机没有配置保修期，请联系管理员补充保修政策"},
		{"user damage by trigger, dates still shown",
			Case{PurchaseDate: day(t, "2026-01-10"), Trigger: TriggerWater, ReportedAt: at(t, "2026-05-30 10:00"), Hint: prices}, ac,
			WarrantyResult{Status: UserDamage, CoveredUntil: day(t, "2027-01-09"), Estimate: Estimate{0, 800, 80, 200}},
			"待检测确认：客户说有进水；如检测确认故障由此造成，属人为损坏，不在免费保修范围，需付费维修。预计费用：配件 0–800 元，人工 80–200 元，以工程师检测后的报价为准"},
		{"user damage by rule, date unknown",
			Case{Hint: Hint{FaultClass: FaultUserDamage, LabourMin: 50, LabourMax: 50}, ReportedAt: at(t, "2026-05-30 10:00")}, ac,
			WarrantyResult{Status: UserDamage, Estimate: Estimate{LabourMin: 50, LabourMax: 50}},
			"故障规则判定为人为损坏，不在免费保修范围，需付费维修。预计费用：配件 0 元，人工 50 元，以工程师检测后的报价为准"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, why := Warranty(tt.c, tt.p)
			if got != tt.want {
				t.Errorf("Warranty = %+v, want %+v", got, tt.want)
			}
			if why.Text != tt.text {
				t.Errorf("reason\n got %s\nwant %s", why.Text, tt.text)
			}
			if strings.Contains(why.Text, "{") || strings.HasPrefix(why.Text, "[") {
				t.Errorf("reason has an unfilled placeholder or missing key: %s", why.Text)
			}
		})
	}
}

func TestWarrantyStatusPaid(t *testing.T) {
	for s, paid := range map[WarrantyStatus]bool{InWarranty: false, OutOfWarranty: true, UserDamage: true, WarrantyUnknown: false} {
		if s.Paid() != paid {
			t.Errorf("%s.Paid() = %v", s, !paid)
		}
	}
}

// A warranty told as its total from the purchase ("一共保五年") covers that long from the
// purchase, the standard period in it; an extension bought adds to the standard period.
func TestWarrantyExtendedTotal(t *testing.T) {
	p := Policy{WholeMonths: 24}
	c := Case{PurchaseDate: Date{2024, time.May, 0}, ExtendedWarranty: AnswerYes, ExtendedMonths: 60, ExtendedTotal: true,
		ReportedAt: time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)}
	w, why := Warranty(c, p)
	if w.Status != InWarranty || w.CoveredUntil != (Date{2029, time.May, 30}) || !strings.Contains(why.Text, "整机保修连同延保共 60 个月") {
		t.Errorf("total: %v until %v (%s)", w.Status, w.CoveredUntil, why.Text)
	}
	c.ExtendedTotal, c.ExtendedMonths = false, 36
	if w, _ := Warranty(c, p); w.CoveredUntil != (Date{2029, time.May, 30}) {
		t.Errorf("added: until %v, want 24+36 months", w.CoveredUntil)
	}
	// a category without a period: "延保 36 个月", never "整机保修 0 个月"
	if _, why := Warranty(c, Policy{}); strings.Contains(why.Text, "0 个月") {
		t.Errorf("no policy: %s", why.Text)
	}
}

// A repair the customer says was done recently ("上个月刚修过又坏了"), with no record here,
// makes an expired or unknown warranty 待核实 — free if the record confirms it — and the
// rights name the repair's own warranty to verify; never "保外需付费" on the period alone.
func TestWarrantyRepairClaim(t *testing.T) {
	p := Policy{WholeMonths: 12}
	report := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	for _, words := range []string{"上个月刚修过又", "修完没两周又", "师傅上周来修的今天又"} {
		c := Case{PurchaseDate: Date{2022, time.March, 1}, RepairClaim: words, ReportedAt: report}
		w, why := Warranty(c, p)
		if w.Status != WarrantyUnknown || w.Status.Paid() || !strings.Contains(why.Text, words) || why.Key != "triage.why.warranty.repair_claim" {
			t.Errorf("%q: %v %s", words, w.Status, why.Text)
		}
		r := RightsOf(c, p)
		if !slices.ContainsFunc(r.Reasons, func(x Reason) bool { return x.Key == "triage.rights.repeat_claim" }) {
			t.Errorf("%q: rights %s", words, r)
		}
	}
	// in warranty anyway: the claim changes nothing
	c := Case{PurchaseDate: Date{2026, time.June, 1}, RepairClaim: "刚修好又", ReportedAt: report}
	if w, _ := Warranty(c, p); w.Status != InWarranty {
		t.Errorf("in warranty: %v", w.Status)
	}
	// user damage stays what it is
	c = Case{PurchaseDate: Date{2022, time.March, 1}, RepairClaim: "刚修好又", Trigger: TriggerWater, ReportedAt: report}
	if w, _ := Warranty(c, p); w.Status != UserDamage {
		t.Errorf("user damage: %v", w.Status)
	}
}
