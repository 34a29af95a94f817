package triage

import (
	"strings"
	"testing"
	"time"
)

// TestTriage runs whole cases through Triage on the 2026 calendar of China. Reasons are
// checked by the last segment of their catalog keys, in order: class|warranty|priority|SLA.
func TestTriage(t *testing.T) {
	prices := Hint{PartsMax: 800, LabourMin: 80, LabourMax: 200}
	withPrices := func(h Hint) Hint {
		h.PartsMin, h.PartsMax, h.LabourMin, h.LabourMax = prices.PartsMin, prices.PartsMax, prices.LabourMin, prices.LabourMax
		return h
	}
	oneMonth := &Policy{WholeMonths: 1}
	workingUrgent := func(c *CalendarConfig) { c.UrgentBasis = "working" }

	type want struct {
		class    FaultClass
		status   WarrantyStatus
		until    string
		estimate Estimate
		priority Priority
		first    string
		diag     string
		keys     string
		onSite   bool
		skill    string
	}
	tests := []struct {
		name    string
		cat     string
		policy  *Policy // nil: DefaultPolicies().For(cat)
		bought  string
		ext     Answer
		extM    int
		at      string
		utc     bool // ReportedAt in UTC, given as UTC clock time
		symptom string
		trigger Trigger
		safety  bool
		hint    Hint
		cal     func(*CalendarConfig)
		want    want
	}{
		// Whole-unit period boundaries.
		{name: "whole unit, last covered day", cat: "air_conditioner", bought: "2025-06-10", at: "2026-06-09 10:00", symptom: "不制冷", hint: prices,
			want: want{FaultHardware, InWarranty, "2026-06-09", Estimate{}, PriorityNormal, "2026-06-10 10:00", "2026-06-11 10:00", "default|in|normal|normal", false, ""}},
		{name: "whole unit, anniversary is out", cat: "air_conditioner", bought: "2025-06-10", ext: AnswerNo, at: "2026-06-10 10:00", symptom: "不制冷", hint: prices,
			want: want{FaultHardware, OutOfWarranty, "2026-06-09", Estimate{0, 800, 80, 200}, PriorityNormal, "2026-06-11 10:00", "2026-06-12 10:00", "default|out|normal|normal", false, ""}},
		{name: "whole unit, bought on report day", cat: "television", bought: "2026-11-23", at: "2026-11-23 10:00", symptom: "遥控失灵",
			want: want{FaultHardware, InWarranty, "2027-11-22", Estimate{}, PriorityNormal, "2026-11-24 10:00", "2026-11-25 10:00", "default|in|return|normal|normal", false, ""}},
		{name: "unknown category uses default policy", cat: "coffee_machine", bought: "2025-11-24", at: "2026-11-23 10:00", symptom: "漏水",
			want: want{FaultHardware, InWarranty, "2026-11-23", Estimate{}, PriorityNormal, "2026-11-24 10:00", "2026-11-25 10:00", "default|in|normal|normal", false, ""}},

		// Component periods.
		{name: "compressor, last day of year three", cat: "air_conditioner", bought: "2023-06-10", at: "2026-06-09 10:00", symptom: "压缩机不转",
			hint: Hint{FaultClass: FaultHardware, Component: "compressor", ComponentName: "压缩机", OnSite: true, Skill: "refrigeration"},
			want: want{FaultHardware, InWarranty, "2026-06-09", Estimate{}, PriorityNormal, "2026-06-10 10:00", "2026-06-11 10:00", "rule|in|normal|normal", true, "refrigeration"}},
		{name: "compressor, out after three years", cat: "air_conditioner", bought: "2023-06-10", at: "2026-06-10 10:00", symptom: "压缩机不转",
			hint: withPrices(Hint{FaultClass: FaultHardware, Component: "compressor", ComponentName: "压缩机", OnSite: true, Skill: "refrigeration"}),
			want: want{FaultHardware, OutOfWarranty, "2026-06-09", Estimate{0, 800, 80, 200}, PriorityNormal, "2026-06-11 10:00", "2026-06-12 10:00", "rule|out|normal|normal", true, "refrigeration"}},
		{name: "component without own period uses whole unit", cat: "air_conditioner", bought: "2025-05-01", ext: AnswerNo, at: "2026-05-06 09:30", symptom: "风扇异响",
			hint: Hint{Component: "fan", ComponentName: "风扇"},
			want: want{FaultHardware, OutOfWarranty, "2026-04-30", Estimate{}, PriorityNormal, "2026-05-07 09:30", "2026-05-08 09:30", "default|out|normal|normal", false, ""}},
		{name: "motor of washing machine, year two", cat: "washing_machine", bought: "2024-08-15", at: "2026-08-14 11:00", symptom: "电机异响",
			hint: Hint{Component: "motor", ComponentName: "电机"},
			want: want{FaultHardware, InWarranty, "2027-08-14", Estimate{}, PriorityNormal, "2026-08-17 11:00", "2026-08-18 11:00", "default|in|normal|normal", false, ""}},
		{name: "panel of television, last day", cat: "television", bought: "2023-08-15", at: "2026-08-14 11:00", symptom: "屏幕有竖线",
			hint: Hint{Component: "panel", ComponentName: "液晶屏"},
			want: want{FaultHardware, InWarranty, "2026-08-14", Estimate{}, PriorityNormal, "2026-08-17 11:00", "2026-08-18 11:00", "default|in|normal|normal", false, ""}},
		{name: "phone battery shorter than unit, out", cat: "phone", bought: "2025-11-01", ext: AnswerNo, at: "2026-05-06 10:00", symptom: "电池鼓包，续航短",
			hint: Hint{Component: "battery", ComponentName: "电池"},
			want: want{FaultHardware, OutOfWarranty, "2026-04-30", Estimate{}, PriorityNormal, "2026-05-07 10:00", "2026-05-08 10:00", "default|out|normal|normal", false, ""}},
		{name: "phone battery, in", cat: "phone", bought: "2025-11-10", at: "2026-05-06 10:00", symptom: "续航短",
			hint: Hint{Component: "battery", ComponentName: "电池"},
			want: want{FaultHardware, InWarranty, "2026-05-09", Estimate{}, PriorityNormal, "2026-05-07 10:00", "2026-05-08 10:00", "default|in|normal|normal", false, ""}},
		{name: "phone battery, extended warranty covers it", cat: "phone", bought: "2025-06-01", ext: AnswerYes, at: "2026-05-06 10:00", symptom: "续航短",
			hint: Hint{Component: "battery", ComponentName: "电池"},
			want: want{FaultHardware, InWarranty, "2027-05-31", Estimate{}, PriorityNormal, "2026-05-07 10:00", "2026-05-08 10:00", "default|in|normal|normal", false, ""}},
		{name: "computer mainboard two years, last day on make-up Sunday", cat: "computer", bought: "2024-09-21", at: "2026-09-18 15:00", symptom: "主板烧了",
			hint: Hint{Component: "mainboard", ComponentName: "主板"},
			want: want{FaultHardware, InWarranty, "2026-09-20", Estimate{}, PriorityNormal, "2026-09-20 15:00", "2026-09-21 15:00", "default|in|normal|normal", false, ""}},
		{name: "computer without component, out", cat: "computer", bought: "2025-09-17", ext: AnswerNo, at: "2026-09-18 11:00", symptom: "风扇很吵",
			want: want{FaultHardware, OutOfWarranty, "2026-09-16", Estimate{}, PriorityNormal, "2026-09-20 11:00", "2026-09-21 11:00", "default|out|normal|normal", false, ""}},

		// Extended warranty.
		{name: "extended, in on last day", cat: "air_conditioner", bought: "2024-11-23", ext: AnswerYes, at: "2026-11-20 10:00", symptom: "不制热",
			want: want{FaultHardware, InWarranty, "2026-11-22", Estimate{}, PriorityNormal, "2026-11-23 10:00", "2026-11-24 10:00", "default|in|normal|normal", false, ""}},
		{name: "extended, out", cat: "air_conditioner", bought: "2024-11-19", ext: AnswerYes, at: "2026-11-20 10:00", symptom: "不制热", hint: prices,
			want: want{FaultHardware, OutOfWarranty, "2026-11-18", Estimate{0, 800, 80, 200}, PriorityNormal, "2026-11-23 10:00", "2026-11-24 10:00", "default|out|normal|normal", false, ""}},
		{name: "extended unknown but would cover", cat: "air_conditioner", bought: "2025-01-15", at: "2026-01-15 10:00", symptom: "不制热", hint: prices,
			want: want{FaultHardware, WarrantyUnknown, "2026-01-14", Estimate{}, PriorityNormal, "2026-01-16 10:00", "2026-01-19 10:00", "default|extended_unknown|normal|normal", false, ""}},
		{name: "extended no", cat: "air_conditioner", bought: "2025-01-15", ext: AnswerNo, at: "2026-01-15 10:00", symptom: "不制热",
			want: want{FaultHardware, OutOfWarranty, "2026-01-14", Estimate{}, PriorityNormal, "2026-01-16 10:00", "2026-01-19 10:00", "default|out|normal|normal", false, ""}},
		{name: "extended of 36 months, make-up Saturday", cat: "air_conditioner", bought: "2022-03-02", ext: AnswerYes, extM: 36, at: "2026-02-27 10:00", symptom: "不制热",
			want: want{FaultHardware, InWarranty, "2026-03-01", Estimate{}, PriorityNormal, "2026-02-28 10:00", "2026-03-02 10:00", "default|in|normal|normal", false, ""}},
		{name: "extended shorter than compressor period", cat: "air_conditioner", bought: "2023-07-01", ext: AnswerYes, at: "2026-06-29 10:00", symptom: "压缩机不启动",
			hint: Hint{Component: "compressor", ComponentName: "压缩机", Priority: PriorityNormal},
			want: want{FaultHardware, InWarranty, "2026-06-30", Estimate{}, PriorityNormal, "2026-06-30 10:00", "2026-07-01 10:00", "default|in|rule|normal", false, ""}},

		// Purchase dates: month precision, unknown, future, impossible, leap days, month ends.
		{name: "month only, read as month end, in", cat: "air_conditioner", bought: "2025-05", at: "2026-05-29 10:00", symptom: "漏水",
			want: want{FaultHardware, InWarranty, "2026-05-30", Estimate{}, PriorityNormal, "2026-06-01 10:00", "2026-06-02 10:00", "default|in|normal|normal", false, ""}},
		{name: "month only, out", cat: "air_conditioner", bought: "2025-04", ext: AnswerNo, at: "2026-05-06 10:00", symptom: "漏水",
			want: want{FaultHardware, OutOfWarranty, "2026-04-29", Estimate{}, PriorityNormal, "2026-05-07 10:00", "2026-05-08 10:00", "default|out|normal|normal", false, ""}},
		{name: "month only, this month is not the future", cat: "refrigerator", bought: "2026-11", at: "2026-11-23 10:00", symptom: "冷藏室不冷",
			want: want{FaultHardware, InWarranty, "2027-11-29", Estimate{}, PriorityNormal, "2026-11-24 10:00", "2026-11-25 10:00", "default|in|range|normal|normal", false, ""}},
		{name: "future day", cat: "refrigerator", bought: "2026-12-01", at: "2026-11-23 10:00", symptom: "冷藏室不冷",
			want: want{FaultHardware, WarrantyUnknown, "", Estimate{}, PriorityNormal, "2026-11-24 10:00", "2026-11-25 10:00", "default|future_date|normal|normal", false, ""}},
		{name: "future month", cat: "refrigerator", bought: "2026-12", at: "2026-11-23 10:00", symptom: "冷藏室不冷",
			want: want{FaultHardware, WarrantyUnknown, "", Estimate{}, PriorityNormal, "2026-11-24 10:00", "2026-11-25 10:00", "default|future_date|normal|normal", false, ""}},
		{name: "unknown date", cat: "refrigerator", at: "2026-11-23 10:00", symptom: "冷藏室不冷", hint: prices,
			want: want{FaultHardware, WarrantyUnknown, "", Estimate{}, PriorityNormal, "2026-11-24 10:00", "2026-11-25 10:00", "default|unknown_date|normal|normal", false, ""}},
		{name: "leap day purchase, 24 months, last day on make-up Saturday", cat: "computer", bought: "2024-02-29", at: "2026-02-28 10:00", symptom: "屏幕闪",
			hint: Hint{Component: "display", ComponentName: "屏幕"},
			want: want{FaultHardware, InWarranty, "2026-02-28", Estimate{}, PriorityNormal, "2026-03-02 10:00", "2026-03-03 10:00", "default|in|normal|normal", false, ""}},
		{name: "leap day purchase, out next working day", cat: "computer", bought: "2024-02-29", ext: AnswerNo, at: "2026-03-02 10:00", symptom: "屏幕闪",
			hint: Hint{Component: "display", ComponentName: "屏幕"},
			want: want{FaultHardware, OutOfWarranty, "2026-02-28", Estimate{}, PriorityNormal, "2026-03-03 10:00", "2026-03-04 10:00", "default|out|normal|normal", false, ""}},
		{name: "Jan 31 plus one month, in on Feb 28", cat: "phone", policy: oneMonth, bought: "2026-01-31", at: "2026-02-28 10:00", symptom: "信号差",
			want: want{FaultHardware, InWarranty, "2026-02-28", Estimate{}, PriorityNormal, "2026-03-02 10:00", "2026-03-03 10:00", "default|in|normal|normal", false, ""}},
		{name: "Jan 31 plus one month, out in March", cat: "phone", policy: oneMonth, bought: "2026-01-31", at: "2026-03-02 10:00", symptom: "信号差",
			want: want{FaultHardware, OutOfWarranty, "2026-02-28", Estimate{}, PriorityNormal, "2026-03-03 10:00", "2026-03-04 10:00", "default|out|normal|normal", false, ""}},

		// Fault classes and user damage.
		{name: "water in phone: paid, urgent within 4 working hours", cat: "phone", bought: "2026-01-10", at: "2026-04-03 10:00", symptom: "手机进水后开不了机", trigger: TriggerWater, hint: prices,
			want: want{FaultUserDamage, UserDamage, "2027-01-09", Estimate{0, 800, 80, 200}, PriorityUrgent, "2026-04-03 14:00", "2026-04-03 14:00", "trigger|user_damage|unusable|urgent_working", false, ""}},
		{name: "dropped laptop before 清明", cat: "computer", bought: "2026-01-10", at: "2026-04-03 16:00", symptom: "屏幕摔裂了", trigger: TriggerDrop,
			want: want{FaultUserDamage, UserDamage, "2027-01-09", Estimate{}, PriorityNormal, "2026-04-07 16:00", "2026-04-08 16:00", "trigger|user_damage|normal|normal", false, ""}},
		{name: "self-disassembly with unknown date is still user damage", cat: "washing_machine", at: "2026-11-23 10:00", symptom: "拆开后不脱水", trigger: TriggerSelfDisassembly,
			want: want{FaultUserDamage, UserDamage, "", Estimate{}, PriorityNormal, "2026-11-24 10:00", "2026-11-25 10:00", "trigger|user_damage|normal|normal", false, ""}},
		{name: "wrong supply voltage", cat: "television", bought: "2026-03-01", at: "2026-11-23 10:00", symptom: "插上电以后不开机", trigger: TriggerWrongVoltage,
			want: want{FaultUserDamage, UserDamage, "2027-02-28", Estimate{}, PriorityUrgent, "2026-11-23 14:00", "2026-11-23 14:00", "trigger|user_damage|unusable|urgent_working", false, ""}},
		{name: "grid voltage fluctuation is not user damage", cat: "air_conditioner", bought: "2026-03-01", at: "2026-11-23 10:00", symptom: "跳闸后显示E4", trigger: TriggerVoltage,
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityNormal, "2026-11-24 10:00", "2026-11-25 10:00", "not_user|in|normal|normal", false, ""}},
		{name: "foreign object is not user damage", cat: "washing_machine", bought: "2024-03-01", ext: AnswerNo, at: "2026-11-23 10:00", symptom: "硬币卡住了，排水慢", trigger: TriggerForeignObject,
			want: want{FaultHardware, OutOfWarranty, "2025-02-28", Estimate{}, PriorityNormal, "2026-11-24 10:00", "2026-11-25 10:00", "not_user|out|normal|normal", false, ""}},
		{name: "rule says user damage", cat: "washing_machine", bought: "2026-03-01", at: "2026-11-23 10:00", symptom: "门封圈破了", trigger: TriggerNone,
			hint: withPrices(Hint{FaultClass: FaultUserDamage}),
			want: want{FaultUserDamage, UserDamage, "2027-02-28", Estimate{0, 800, 80, 200}, PriorityNormal, "2026-11-24 10:00", "2026-11-25 10:00", "rule|user_damage_rule|normal|normal", false, ""}},
		{name: "rule says software", cat: "phone", bought: "2026-03-01", at: "2026-11-23 10:00", symptom: "系统卡顿，经常闪退",
			hint: Hint{FaultClass: FaultSoftware, Skill: "phone_software"},
			want: want{FaultSoftware, InWarranty, "2027-02-28", Estimate{}, PriorityNormal, "2026-11-24 10:00", "2026-11-25 10:00", "rule|in|normal|normal", false, "phone_software"}},
		{name: "water beats a software rule", cat: "phone", bought: "2026-03-01", at: "2026-11-23 10:00", symptom: "进水后系统卡顿", trigger: TriggerWater,
			hint: Hint{FaultClass: FaultSoftware},
			want: want{FaultUserDamage, UserDamage, "2027-02-28", Estimate{}, PriorityNormal, "2026-11-24 10:00", "2026-11-25 10:00", "trigger|user_damage|normal|normal", false, ""}},

		// Priority.
		{name: "safety beats a routine rule, Saturday night clock time", cat: "air_conditioner", bought: "2026-03-01", at: "2026-11-21 22:00", symptom: "室外机冒烟", safety: true,
			hint: Hint{Priority: PriorityRoutine, OnSite: true},
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityUrgent, "2026-11-22 02:00", "2026-11-22 02:00", "default|in|safety|urgent_clock", true, ""}},
		{name: "urgent on working-hours basis", cat: "computer", bought: "2026-03-01", at: "2026-11-20 16:00", symptom: "无法开机", cal: workingUrgent,
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityUrgent, "2026-11-23 11:00", "2026-11-23 11:00", "default|in|unusable|urgent_working", false, ""}},
		{name: "routine rule beats unusable words", cat: "television", bought: "2026-03-01", at: "2026-11-23 10:00", symptom: "待机灯亮但无法开机",
			hint: Hint{Priority: PriorityRoutine},
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityRoutine, "2026-11-24 10:00", "2026-11-25 10:00", "default|in|rule|normal", false, ""}},
		{name: "urgent rule", cat: "refrigerator", bought: "2026-03-01", at: "2026-11-23 10:00", symptom: "噪音大",
			hint: Hint{Priority: PriorityUrgent},
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityUrgent, "2026-11-23 14:00", "2026-11-23 14:00", "default|in|rule|urgent_working", false, ""}},
		{name: "data loss", cat: "phone", bought: "2026-03-01", at: "2026-11-23 10:00", symptom: "升级以后照片没了",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityUrgent, "2026-11-23 14:00", "2026-11-23 14:00", "default|in|data_loss|urgent_working", false, ""}},
		{name: "cosmetic is routine", cat: "television", bought: "2026-03-01", at: "2026-11-23 10:00", symptom: "外壳有划痕",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityRoutine, "2026-11-24 10:00", "2026-11-25 10:00", "default|in|cosmetic|normal", false, ""}},
		{name: "normal noise", cat: "washing_machine", bought: "2026-03-01", at: "2026-11-23 10:00", symptom: "脱水时异响",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityNormal, "2026-11-24 10:00", "2026-11-25 10:00", "default|in|normal|normal", false, ""}},
		{name: "does not start", cat: "air_conditioner", bought: "2026-03-01", at: "2026-11-23 10:00", symptom: "空调不启动",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityUrgent, "2026-11-23 14:00", "2026-11-23 14:00", "default|in|unusable|urgent_working", false, ""}},
		{name: "black screen", cat: "computer", bought: "2026-03-01", at: "2026-11-23 10:00", symptom: "电脑黑屏无反应",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityUrgent, "2026-11-23 14:00", "2026-11-23 14:00", "default|in|unusable|urgent_working", false, ""}},

		// SLA on the business calendar.
		{name: "evening", cat: "refrigerator", bought: "2026-03-01", at: "2026-11-23 20:00", symptom: "结霜",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityNormal, "2026-11-24 18:00", "2026-11-25 18:00", "default|in|normal|after_hours", false, ""}},
		{name: "before opening", cat: "refrigerator", bought: "2026-03-01", at: "2026-11-24 07:30", symptom: "结霜",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityNormal, "2026-11-24 18:00", "2026-11-25 18:00", "default|in|normal|after_hours", false, ""}},
		{name: "at opening", cat: "refrigerator", bought: "2026-03-01", at: "2026-11-24 09:00", symptom: "结霜",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityNormal, "2026-11-24 18:00", "2026-11-25 18:00", "default|in|normal|normal", false, ""}},
		{name: "at closing", cat: "refrigerator", bought: "2026-03-01", at: "2026-11-24 18:00", symptom: "结霜",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityNormal, "2026-11-25 18:00", "2026-11-26 18:00", "default|in|normal|after_hours", false, ""}},
		{name: "a minute before closing", cat: "refrigerator", bought: "2026-03-01", at: "2026-11-24 17:59", symptom: "结霜",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityNormal, "2026-11-25 17:59", "2026-11-26 17:59", "default|in|normal|normal", false, ""}},
		{name: "Saturday", cat: "refrigerator", bought: "2026-03-01", at: "2026-11-21 11:00", symptom: "结霜",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityNormal, "2026-11-23 18:00", "2026-11-24 18:00", "default|in|normal|after_hours", false, ""}},
		{name: "on National Day", cat: "television", bought: "2026-03-01", at: "2026-10-01 10:00", symptom: "没有声音",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityNormal, "2026-10-08 18:00", "2026-10-09 18:00", "default|in|normal|after_hours", false, ""}},
		{name: "eve of National Day", cat: "television", bought: "2026-03-01", at: "2026-09-30 15:00", symptom: "没有声音",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityNormal, "2026-10-08 15:00", "2026-10-09 15:00", "default|in|normal|normal", false, ""}},
		{name: "make-up Saturday after National Day", cat: "television", bought: "2026-03-01", at: "2026-10-09 15:00", symptom: "没有声音",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityNormal, "2026-10-10 15:00", "2026-10-12 15:00", "default|in|normal|normal", false, ""}},
		{name: "before Spring Festival", cat: "washing_machine", bought: "2026-01-05", at: "2026-02-13 10:00", symptom: "不排水",
			want: want{FaultHardware, InWarranty, "2027-01-04", Estimate{}, PriorityNormal, "2026-02-14 10:00", "2026-02-24 10:00", "default|in|normal|normal", false, ""}},
		{name: "make-up Saturday evening before Spring Festival", cat: "washing_machine", bought: "2026-01-05", at: "2026-02-14 19:00", symptom: "不排水",
			want: want{FaultHardware, InWarranty, "2027-01-04", Estimate{}, PriorityNormal, "2026-02-24 18:00", "2026-02-25 18:00", "default|in|normal|after_hours", false, ""}},
		{name: "New Year's Eve to make-up Sunday", cat: "washing_machine", bought: "2025-03-05", at: "2025-12-31 16:00", symptom: "不排水",
			want: want{FaultHardware, InWarranty, "2026-03-04", Estimate{}, PriorityNormal, "2026-01-04 16:00", "2026-01-05 16:00", "default|in|normal|normal", false, ""}},
		{name: "Qingming evening", cat: "air_conditioner", bought: "2026-03-01", at: "2026-04-03 20:00", symptom: "遥控器没反应",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityNormal, "2026-04-07 18:00", "2026-04-08 18:00", "default|in|normal|after_hours", false, ""}},
		{name: "before Dragon Boat", cat: "air_conditioner", bought: "2026-03-01", at: "2026-06-18 12:00", symptom: "制冷慢",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityNormal, "2026-06-22 12:00", "2026-06-23 12:00", "default|in|normal|normal", false, ""}},
		{name: "before Mid-Autumn", cat: "air_conditioner", bought: "2026-03-01", at: "2026-09-24 12:00", symptom: "制冷慢",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityNormal, "2026-09-28 12:00", "2026-09-29 12:00", "default|in|normal|normal", false, ""}},
		{name: "before Labour Day", cat: "air_conditioner", bought: "2026-03-01", at: "2026-04-30 17:00", symptom: "制冷慢",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityNormal, "2026-05-06 17:00", "2026-05-07 17:00", "default|in|normal|normal", false, ""}},
		{name: "make-up Saturday after Labour Day", cat: "air_conditioner", bought: "2026-03-01", at: "2026-05-08 11:00", symptom: "制冷慢",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityNormal, "2026-05-09 11:00", "2026-05-11 11:00", "default|in|normal|normal", false, ""}},
		{name: "urgent on a holiday counts clock hours", cat: "refrigerator", bought: "2026-03-01", at: "2026-10-03 10:00", symptom: "插头发烫", safety: true,
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityUrgent, "2026-10-03 14:00", "2026-10-03 14:00", "default|in|safety|urgent_clock", false, ""}},
		{name: "urgent without a hazard at night waits for opening", cat: "phone", bought: "2026-03-01", at: "2026-11-24 22:30", symptom: "手机无法开机",
			want: want{FaultHardware, InWarranty, "2027-02-28", Estimate{}, PriorityUrgent, "2026-11-25 13:00", "2026-11-25 13:00", "default|in|unusable|urgent_working", false, ""}},
		{name: "UTC report read in Beijing time", cat: "air_conditioner", bought: "2025-11-23", ext: AnswerNo, at: "2026-11-22 17:00", utc: true, symptom: "漏水",
			want: want{FaultHardware, OutOfWarranty, "2026-11-22", Estimate{}, PriorityNormal, "2026-11-23 18:00", "2026-11-24 18:00", "default|out|normal|after_hours", false, ""}},
	}
	if len(tests) < 60 {
		t.Fatalf("only %d cases", len(tests))
	}
	policies := DefaultPolicies()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			reported := at(t, tt.at)
			if tt.utc {
				reported = time.Date(reported.Year(), reported.Month(), reported.Day(), reported.Hour(), reported.Minute(), 0, 0, time.UTC)
			}
			c := Case{Category: tt.cat, PurchaseDate: day(t, tt.bought), ExtendedWarranty: tt.ext, ExtendedMonths: tt.extM,
				Symptom: tt.symptom, Trigger: tt.trigger, Safety: tt.safety, Hint: tt.hint, ReportedAt: reported}
			p := policies.For(tt.cat)
			if tt.policy != nil {
				p = *tt.policy
			}
			var cal *Calendar
			if tt.cal != nil {
				cal = china(t, tt.cal)
			} else {
				cal = china(t)
			}
			r := Triage(c, p, cal)
			got := want{r.FaultClass, r.Warranty.Status, r.Warranty.CoveredUntil.String(), r.Warranty.Estimate, r.Priority,
				stamp(r.SLA.FirstResponseBy), stamp(r.SLA.DiagnosisBy), reasonKeys(r.Reasons), r.OnSite, r.Skill}
			if got != tt.want {
				t.Errorf("\n got %+v\nwant %+v", got, tt.want)
			}
			for _, why := range r.Reasons {
				if strings.ContainsAny(why.Text, "{}[]") || why.Text == "" {
					t.Errorf("reason %s reads %q", why.Key, why.Text)
				}
			}
			if loc := r.SLA.FirstResponseBy.Location(); loc != cal.Location() {
				t.Errorf("deadline in %v, want %v", loc, cal.Location())
			}
		})
	}
}

// reasonKeys joins the last segments of the reasons' keys with "|".
func reasonKeys(rs []Reason) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = r.Key[strings.LastIndexByte(r.Key, '.')+1:]
	}
	return strings.Join(parts, "|")
}

func TestTriageReasonTexts(t *testing.T) {
	c := Case{Category: "air_conditioner", PurchaseDate: day(t, "2025-06-10"), Symptom: "不制冷",
		ReportedAt: at(t, "2026-06-05 20:00")}
	r := Triage(c, DefaultPolicies().For(c.Category), china(t))
	want := []string{
		"硬件故障：未发现人为损坏的诱因，故障规则也未另作判断，先按硬件故障处理",
		"保修期内：购买于 2025-06-10，整机保修 12 个月，保修至 2026-06-09",
		"普通：没有无法使用、数据丢失或安全隐患的描述，按正常时限处理",
		"非工作时间收到，从 6月8日（周一）9:00 起计：1 个工作日内首次回复（6月8日（周一）18:00 前），2 个工作日内完成诊断（6月9日（周二）18:00 前）",
	}
	for i, w := range want {
		if r.Reasons[i].Text != w {
			t.Errorf("reason %d\n got %s\nwant %s", i, r.Reasons[i].Text, w)
		}
	}
}
