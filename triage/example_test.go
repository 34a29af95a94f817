package triage_test

import (
	"fmt"
	"time"

	"github.com/wxintake/intake/triage"
)

func ExampleTriage() {
	cal, err := triage.NewCalendar(triage.China2026())
	if err != nil {
		panic(err)
	}
	loc := cal.Location()
	c := triage.Case{
		Category:     "air_conditioner",
		CategoryName: "空调",
		PurchaseDate: triage.Date{Year: 2024, Month: time.July, Day: 1},
		Symptom:      "制冷效果差，显示E4",
		ErrorCode:    "E4",
		Trigger:      triage.TriggerVoltage,
		Hint: triage.Hint{Component: "compressor", ComponentName: "压缩机",
			OnSite: true, Skill: "refrigeration", PartsMax: 1500, LabourMin: 100, LabourMax: 300},
		ReportedAt: time.Date(2026, time.November, 22, 10, 30, 0, 0, loc), // a Sunday
	}
	r := triage.Triage(c, triage.DefaultPolicies().For(c.Category), cal)
	fmt.Println(r.FaultClass.Label(), r.Warranty.Status.Label(), r.Priority.Label())
	for _, why := range r.Reasons {
		fmt.Println(why)
	}
	number := triage.FormatNumber("RS", c.ReportedAt, 1)
	fmt.Println(triage.Commitment(r, number, cal))
	// Output:
	// 硬件故障 保修期内 普通
	// 硬件故障：诱因为电压波动，不属于人为损坏
	// 保修期内：购买于 2024-07-01，压缩机保修 36 个月，保修至 2027-06-30
	// 普通：没有无法使用、数据丢失或安全隐患的描述，按正常时限处理
	// 非工作时间收到，从 11月23日（周一）9:00 起计：1 个工作日内首次回复（11月23日（周一）18:00 前），2 个工作日内完成诊断（11月24日（周二）18:00 前）
	// 给您添麻烦了，非常抱歉！您的报修已登记，工单号 RS20261122-0001。您的空调购买于 2024-07-01，整机保修已过，压缩机保修 36 个月（保修至 2027-06-30）：如果工程师检测确认是这个部件的故障，维修免费；其他部件的费用由工程师检测后报价。我们将在 11月23日（周一）18:00 前联系您，预约工程师上门时间。
}

func ExampleVisitWindows() {
	cal, _ := triage.NewCalendar(triage.China2026())
	slots := []triage.Slot{{Label: "上午", Start: "09:00", End: "11:00"}, {Label: "下午", Start: "14:00", End: "16:00"}}
	from := time.Date(2026, time.September, 30, 13, 0, 0, 0, cal.Location()) // eve of National Day
	for i, w := range triage.VisitWindows(from, cal, slots, 2) {
		fmt.Printf("%d. %s\n", i+1, w.Label())
	}
	// Output:
	// 1. 10月8日（周四）上午 9:00–11:00
	// 2. 10月8日（周四）下午 14:00–16:00
	// 3. 10月9日（周五）上午 9:00–11:00
	// 4. 10月9日（周五）下午 14:00–16:00
}
