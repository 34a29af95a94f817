package bot

import (
	"testing"
	"time"
)

// TestModelAsWritten: a model answer is kept as the customer wrote it, Chinese product
// names included, without lead-ins and particles; phone numbers and sentences are refused.
func TestModelAsWritten(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"小新Pro16", "小新Pro16"},
		{"型号是 小新Pro16 吧", "小新Pro16"},
		{"iPhone 15 Pro Max", "iPhone 15 Pro Max"},
		{"华为Mate60 Pro", "华为Mate60 Pro"},
		{"冰箱门里面贴的：BCD-535WKPZM(E)", "BCD-535WKPZM(E)"},
		{"KFR-35GW/81@U1-Ge 这个", "KFR-35GW/81@U1-Ge"},
		{"嗯…好像是 F80-30W1", "F80-30W1"},
		{"13812345678", ""},
		{"在哪看啊", ""},
		{"挺好用的就是坏了", ""},
	} {
		got, ok := modelAsWritten(tc.in)
		if (tc.want == "") == ok || got != tc.want {
			t.Errorf("modelAsWritten(%q) = %q, %v; want %q", tc.in, got, ok, tc.want)
		}
	}
}

// TestExtendedMonths reads the length of an extended warranty, and nothing from a denial.
func TestExtendedMonths(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"买了两年延保", 24, true}, {"延保三年", 36, true}, {"18个月延保", 18, true}, {"延保一年半", 18, true},
		{"商场送了三年延保", 36, true}, {"没买延保", 0, false}, {"有延保", 0, false}, {"三年", 0, false},
		// The machine's age beside the warranty's length: the length is the one at 延保.
		{"买了两年了 不过当时买了3年延保", 36, true}, {"用了一年多 延保是两年的", 24, true},
		{"18年买的 延保5年", 60, true}, {"延保3年 买了快两年了", 36, true}, {"延保是3年的不是24个月", 36, true},
	} {
		got, ok := ParseExtendedMonths(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseExtendedMonths(%q) = %d, %v; want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestSerialShape: a phone number, a word or a short model is no serial number.
func TestSerialShape(t *testing.T) {
	for s, want := range map[string]bool{"13800138000": false, "PRO16": false, "ABCDEFGH": false, "SN20240518A7": true, "4G3M-99XT-20KP": true} {
		if got := plausibleSerial(s); got != want {
			t.Errorf("plausibleSerial(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestPurchaseAnswers: festivals, years alone and compact dates.
func TestPurchaseAnswers(t *testing.T) {
	d := NewDialog(shippedKB(t))
	for _, tc := range []struct {
		in          string
		year, month int
		approx      bool
	}{
		{"2023年买的", 2023, 0, true},
		{"前年双十一", 2024, 11, true},
		{"去年618", 2025, 6, true},
		{"国庆节那会儿", 2026, 10, true},
		{"2021年的双十一", 2021, 11, true},
		{"24.3.5", 2024, 3, false},
		{"2025 年 3 月 8 日", 2025, 3, false},
	} {
		var c Case
		c.Category = "air_conditioner"
		if !d.AnswerSlot(&c, SlotPurchase, tc.in, decNow) || c.PurchaseDate.Year != tc.year || c.PurchaseDate.Month != tc.month || c.PurchaseApprox != tc.approx {
			t.Errorf("%q: %+v approx %v, want %d-%d approx %v", tc.in, c.PurchaseDate, c.PurchaseApprox, tc.year, tc.month, tc.approx)
		}
	}
	var c Case
	if !d.AnswerSlot(&c, SlotPurchase, "记不清了", decNow) || !c.PurchaseUnknown {
		t.Errorf("记不清了: want unknown, not an invented date (%+v)", c.PurchaseDate)
	}
}

// decNow is the day the corpora were labelled for.
var decNow = time.Date(2026, 12, 4, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

// TestSeriesBeforeModel: a series the shipped lexicon knows as a brand's alias stays with its
// number ("小新Pro16" was stored as "PRO16"); Samsung's Galaxy names the brand.
func TestSeriesBeforeModel(t *testing.T) {
	lx := shippedKB(t).Lexicon()
	for in, want := range map[string][2]string{
		"小新Pro16 2023款 开不了机":    {"联想", "小新Pro16"},
		"拯救者Y9000P 风扇很响":        {"联想", "Y9000P"}, // a number in capitals stands alone
		"Galaxy S23 Ultra 充不进电": {"三星", "S23 ULTRA"},
	} {
		f := Extract(in, time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC), lx)
		if f.Brand != want[0] || f.Model != want[1] {
			t.Errorf("Extract(%q): brand %q model %q, want %q %q", in, f.Brand, f.Model, want[0], want[1])
		}
	}
}

// TestSelfCorrectedAnswer: an answer the customer corrects as they type it keeps the last
// value ("5KQ7 不对 是5KQ8Z1").
func TestSelfCorrectedAnswer(t *testing.T) {
	d := NewDialog(shippedKB(t))
	for _, tc := range []struct {
		slot Slot
		in   string
		want func(c *Case) string
		is   string
	}{
		{SlotSerial, "6C2K0931 不对 是6C2K0937A", func(c *Case) string { return c.Serial }, "6C2K0937A"},
		{SlotModel, "KFR-26GW 哦不对 是KFR-32GW", func(c *Case) string { return c.Model }, "KFR-32GW"},
		{SlotPhone, "13812345678 打错了 13912345678", func(c *Case) string { return c.Phone.Number }, "13912345678"},
		{SlotPurchase, "前年 不对不对 是去年三月", func(c *Case) string { return c.PurchaseDate.String() }, "2025-03"},
		{SlotModel, "KFR-35GW 不对吗", func(c *Case) string { return c.Model }, "KFR-35GW"}, // nothing after: as typed
	} {
		var c Case
		c.Category = "air_conditioner"
		d.AnswerSlot(&c, tc.slot, tc.in, decNow)
		if got := tc.want(&c); got != tc.is {
			t.Errorf("%s %q: %q, want %q", tc.slot, tc.in, got, tc.is)
		}
	}
}
