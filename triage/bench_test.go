package triage

import "testing"

func BenchmarkTriage(b *testing.B) {
	cal := china(b)
	p := DefaultPolicies().For("air_conditioner")
	c := Case{Category: "air_conditioner", PurchaseDate: day(b, "2024-07-01"), ExtendedWarranty: AnswerNo,
		Symptom: "制冷效果差，显示E4", Trigger: TriggerVoltage,
		Hint:       Hint{Component: "compressor", ComponentName: "压缩机", OnSite: true, PartsMax: 1500, LabourMax: 300},
		ReportedAt: at(b, "2026-09-30 17:30")} // counts over National Day
	for b.Loop() {
		Triage(c, p, cal)
	}
}

func BenchmarkTriageUrgent(b *testing.B) {
	cal := china(b)
	p := DefaultPolicies().For("phone")
	c := Case{Category: "phone", PurchaseDate: day(b, "2026-01-10"), Symptom: "手机进水后开不了机", Trigger: TriggerWater,
		ReportedAt: at(b, "2026-11-21 22:00")}
	for b.Loop() {
		Triage(c, p, cal)
	}
}

func BenchmarkAddWorkingDaysOverSpringFestival(b *testing.B) {
	cal := china(b)
	t := at(b, "2026-02-13 17:00")
	for b.Loop() {
		cal.AddWorkingDays(t, 2)
	}
}
