package bot

import (
	"strings"
	"testing"
	"time"
)

// The dates below count from testNow, Sunday 2025-06-15 in Shanghai.

func TestParsePurchaseDate(t *testing.T) {
	tests := []struct {
		text   string
		want   Date
		approx bool
		ok     bool
	}{
		{"2024-05-01", Date{2024, 5, 1}, false, true},
		{"民國114年買的", Date{2025, 0, 0}, false, true}, // the Republic of China calendar (Taiwan)
		{"民国112年8月", Date{2023, 8, 0}, false, true},
		{"民國 113 年", Date{2024, 0, 0}, false, true},
		{"2024/5/1", Date{2024, 5, 1}, false, true},
		{"2024.5.1", Date{2024, 5, 1}, false, true},
		{"2024年5月1日", Date{2024, 5, 1}, false, true},
		{"2024年5月1号买的", Date{2024, 5, 1}, false, true},
		{"２０２４年５月", Date{2024, 5, 0}, false, true}, // full-width digits
		{"2024年5月", Date{2024, 5, 0}, false, true},
		{"2024-05", Date{2024, 5, 0}, false, true},
		{"24年5月", Date{2024, 5, 0}, false, true},
		{"二零二三年十月", Date{2023, 10, 0}, false, true},
		{"去年6月", Date{2024, 6, 0}, false, true},
		{"去年6月15号", Date{2024, 6, 15}, false, true},
		{"去年", Date{2024, 0, 0}, false, true},
		{"前年", Date{2023, 0, 0}, false, true},
		{"大前年买的", Date{2022, 0, 0}, false, true},
		{"今年3月", Date{2025, 3, 0}, false, true},
		{"今年年初", Date{2025, 1, 0}, true, true},
		{"去年年底", Date{2024, 12, 0}, true, true},
		{"去年底", Date{2024, 12, 0}, true, true},
		{"上个月", Date{2025, 5, 0}, false, true},
		{"上上个月", Date{2025, 4, 0}, false, true},
		{"三个月前", Date{2025, 3, 0}, true, true},
		{"3个月前", Date{2025, 3, 0}, true, true},
		{"两三个月前", Date{2025, 3, 0}, true, true},
		{"半年前", Date{2024, 12, 0}, true, true},
		{"大半年前", Date{2024, 10, 0}, true, true},
		{"一年多前", Date{2023, 12, 0}, true, true},
		{"一年半以前", Date{2023, 12, 0}, true, true},
		{"两年前", Date{2023, 6, 0}, true, true},
		{"十几天前", Date{2025, 5, 31}, true, true},
		{"一个半月前", Date{2025, 4, 0}, true, true},
		{"大概2023年", Date{2023, 0, 0}, true, true},
		{"2023年左右吧", Date{2023, 0, 0}, true, true},
		{"2023", Date{2023, 0, 0}, false, true},
		{"刚买", Date{2025, 6, 15}, true, true},
		{"上周买的", Date{2025, 6, 8}, true, true},
		{"昨天买的", Date{2025, 6, 14}, false, true},
		{"6月份", Date{2025, 6, 0}, false, true},
		{"12月买的", Date{2024, 12, 0}, false, true}, // December is still to come this year
		{"5月1号", Date{2025, 5, 1}, false, true},
		{"十二月三日", Date{2024, 12, 3}, false, true},
		{"两年了", Date{2023, 6, 0}, true, true},
		{"三年多", Date{2021, 12, 0}, true, true},
		{"买了半年", Date{2024, 12, 0}, true, true},
		{"用了快两年了", Date{2023, 6, 0}, true, true},
		{"不记得了", Date{}, false, false},
		{"明年", Date{}, false, false},                // the future is no purchase date
		{"2026年1月", Date{}, false, false},           // nor is next year
		{"今年12月", Date{}, false, false},             // nor a month to come
		{"2025-06-16", Date{}, false, false},        // nor tomorrow
		{"KFR-35GW", Date{}, false, false},          // a model is not a date
		{"2999元", Date{}, false, false},             // nor a price
		{"2024年13月", Date{2024, 0, 0}, false, true}, // no month 13: the year stands
		{"23年双十一", Date{2023, 11, 0}, true, true},
		{"双十一买的", Date{2024, 11, 0}, true, true},
		{"去年618", Date{2024, 6, 0}, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, approx, ok := ParsePurchaseDate(tt.text, testNow)
			if got != tt.want || approx != tt.approx || ok != tt.ok {
				t.Errorf("ParsePurchaseDate(%q) = %v, %v, %v; want %v, %v, %v",
					tt.text, got, approx, ok, tt.want, tt.approx, tt.ok)
			}
		})
	}
}

// TestExtractDates checks that a message's time expressions go to the right fact: the
// purchase ("…买的", "购买于…") or the start of the fault ("今天突然", "昨天开始").
func TestExtractDates(t *testing.T) {
	tests := []struct {
		text          string
		bought        Date
		boughtApprox  bool
		started       Date
		startedPhrase string
	}{
		{"去年6月京东买的，今天突然不制冷", Date{2024, 6, 0}, false, Date{2025, 6, 15}, "今天"},
		{"昨天开始漏水", Date{}, false, Date{2025, 6, 14}, "昨天"},
		{"今天刚买就坏了", Date{2025, 6, 15}, false, Date{}, ""},
		{"前年10月买的 不对 是去年10月", Date{2024, 10, 0}, false, Date{}, ""},
		{"上周买的手机，昨天摔了", Date{2025, 6, 8}, true, Date{2025, 6, 14}, "昨天"},
		{"三天前开始不制冷", Date{}, false, Date{2025, 6, 12}, "三天前"},
		{"三个月前开始有异响", Date{}, false, Date{2025, 3, 0}, "三个月前"},
		{"空调一直不制冷", Date{}, false, Date{}, "一直"},
		{"前天晚上突然黑屏", Date{}, false, Date{2025, 6, 13}, "前天晚上"},
		{"充一晚上才显示三格", Date{}, false, Date{}, ""}, // how long, not when
		{"空调开了一下午还是不凉", Date{}, false, Date{}, ""},
		{"购买时间是2024年3月", Date{2024, 3, 0}, false, Date{}, ""},
		{"冰箱用了三年多了", Date{2021, 12, 0}, true, Date{}, ""},
		{"刚才显示E1", Date{}, false, Date{2025, 6, 15}, "刚才"},
		{"不制冷一个星期了", Date{}, false, Date{2025, 6, 8}, "一个星期了"},
		{"5月买的，最近不制冷", Date{2025, 5, 0}, false, Date{2025, 6, 8}, "最近"},
		{"2024-05-01", Date{2024, 5, 1}, false, Date{}, ""},
		{"去年买的今天坏了", Date{2024, 0, 0}, false, Date{2025, 6, 15}, "今天"},
		{"型号BCD-2024，不制冷", Date{}, false, Date{}, ""},
		{"明年再说", Date{}, false, Date{}, ""},
		{"前两天开始不制冷", Date{}, false, Date{2025, 6, 13}, "前两天"},
		{"电视上个月刚过保", Date{}, false, Date{}, ""},             // the warranty ended, nothing was bought
		{"22年的 早过保了吧", Date{2022, 0, 0}, false, Date{}, ""}, // the product's year, told as what it is
		{"我买了一年零两个月", Date{2024, 4, 0}, true, Date{}, ""},   // the months after the years count
		{"用了两年又三个月了", Date{2023, 3, 0}, true, Date{}, ""},
		{"就刚才那个投影仪啊 画面暗", Date{}, false, Date{}, ""}, // the one spoken of, no time
		{"前年的 过保了没", Date{2023, 0, 0}, false, Date{}, ""},
		{"手机充不进电，23年双十一在拼多多买的", Date{2023, 11, 0}, true, Date{}, ""},
	}
	lx := testLexicon(t)
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			f := Extract(tt.text, testNow, lx)
			if f.PurchaseDate != tt.bought || f.PurchaseApprox != tt.boughtApprox {
				t.Errorf("purchase = %v (approx %v), want %v (approx %v)", f.PurchaseDate, f.PurchaseApprox, tt.bought, tt.boughtApprox)
			}
			if f.StartedAt != tt.started || f.StartedPhrase != tt.startedPhrase {
				t.Errorf("started = %v %q, want %v %q", f.StartedAt, f.StartedPhrase, tt.started, tt.startedPhrase)
			}
		})
	}
}

func TestParseStartedAt(t *testing.T) {
	tests := []struct {
		text   string
		want   Date
		phrase string
		approx bool
		ok     bool
	}{
		{"昨天", Date{2025, 6, 14}, "昨天", false, true},
		{"三天前吧", Date{2025, 6, 12}, "三天前", true, true},
		{"一周了", Date{2025, 6, 8}, "一周了", true, true},
		{"三天", Date{2025, 6, 12}, "三天", true, true},
		{"一直都这样", Date{}, "一直都", false, true},
		{"上个月", Date{2025, 5, 0}, "上个月", false, true},
		{"6月10号", Date{2025, 6, 10}, "6月10号", false, true},
		{"不记得了", Date{}, "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d, phrase, approx, ok := ParseStartedAt(tt.text, testNow)
			if d != tt.want || phrase != tt.phrase || approx != tt.approx || ok != tt.ok {
				t.Errorf("ParseStartedAt(%q) = %v, %q, %v, %v; want %v, %q, %v, %v",
					tt.text, d, phrase, approx, ok, tt.want, tt.phrase, tt.approx, tt.ok)
			}
		})
	}
}

func TestReadCount(t *testing.T) {
	tests := []struct {
		text   string
		n      int
		approx bool
	}{
		{"3", 3, false}, {"12", 12, false}, {"三", 3, false}, {"十", 10, false}, {"十二", 12, false},
		{"二十", 20, false}, {"二十三", 23, false}, {"两", 2, false}, {"几", 3, true}, {"十几", 15, true},
		{"两三", 3, true}, {"一两", 2, true}, {"好几", 3, true},
	}
	for _, tt := range tests {
		n, end, approx, ok := readCount(tt.text, 0)
		if !ok || n != tt.n || approx != tt.approx || end != len(tt.text) {
			t.Errorf("readCount(%q) = %d, %d, %v, %v; want %d, %v", tt.text, n, end, approx, ok, tt.n, tt.approx)
		}
	}
	if _, _, _, ok := readCount("零", 0); ok {
		t.Error("readCount(零) must not read a count")
	}
}

func TestDate(t *testing.T) {
	tests := []struct {
		d    Date
		s    string
		prec DatePrecision
	}{
		{Date{}, "", PrecisionNone},
		{Date{2024, 0, 0}, "2024", PrecisionYear},
		{Date{2024, 5, 0}, "2024-05", PrecisionMonth},
		{Date{2024, 5, 1}, "2024-05-01", PrecisionDay},
	}
	for _, tt := range tests {
		if tt.d.String() != tt.s || tt.d.Precision() != tt.prec {
			t.Errorf("%#v: String %q Precision %v; want %q %v", tt.d, tt.d.String(), tt.d.Precision(), tt.s, tt.prec)
		}
	}
	loc := shanghai()
	if got := (Date{2024, 5, 0}).Start(loc); !got.Equal(time.Date(2024, 5, 1, 0, 0, 0, 0, loc)) {
		t.Errorf("Start = %v", got)
	}
	if got := DateOf(testNow); got != (Date{2025, 6, 15}) {
		t.Errorf("DateOf = %v", got)
	}
	// Month arithmetic stays in the month: 31 March minus a month is in February.
	if got := monthsDaysBack(Date{2025, 3, 31}, 1, 0, PrecisionDay); got != (Date{2025, 2, 28}) {
		t.Errorf("monthsDaysBack(2025-03-31, 1 month) = %v", got)
	}
}

// TestExtractDatesAcrossMidnight checks that dates count in the location of now: 00:30 on
// 15 June in Shanghai is still 14 June in UTC.
func TestExtractDatesAcrossMidnight(t *testing.T) {
	now := time.Date(2025, 6, 15, 0, 30, 0, 0, shanghai())
	if f := Extract("昨天开始不制冷", now, nil); f.StartedAt != (Date{2025, 6, 14}) {
		t.Errorf("started = %v, want 2025-06-14", f.StartedAt)
	}
	if f := Extract("昨天开始不制冷", now.UTC(), nil); f.StartedAt != (Date{2025, 6, 13}) {
		t.Errorf("with a UTC now started = %v, want 2025-06-13", f.StartedAt)
	}
}

// TestVagueAge: an age of many years without a number ("好几年了", "用了好些年") is no date:
// it is kept as vague, and a count ("两三年", "十多年") is still read as one.
func TestVagueAge(t *testing.T) {
	now := time.Date(2025, 6, 15, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	tests := []struct {
		text   string
		vague  bool
		bought Date
	}{
		{"洗衣机不脱水 好几年了", true, Date{}},
		{"空调用了好些年了 不制热", true, Date{}},
		{"热水器买了有些年头了", true, Date{}},
		{"很多年前买的电视 黑屏", true, Date{}},
		{"冰箱是好多年的老冰箱了 不制冷", true, Date{}},
		{"微波炉几年前买的 不热了", true, Date{}},
		{"老人家的洗衣机 用了好几年咯 漏水😢", true, Date{}},
		{"洗衣机漏水 两三年了", false, Date{2022, 6, 0}},
		{"油烟机用了十多年了", false, Date{2014, 12, 0}},
		{"去年买的 好几天了不制冷", false, Date{2024, 0, 0}},
	}
	for _, tt := range tests {
		f := Extract(tt.text, now, nil)
		if f.PurchaseVague != tt.vague || f.PurchaseDate != tt.bought {
			t.Errorf("Extract(%q): vague %v bought %v, want %v %v", tt.text, f.PurchaseVague, f.PurchaseDate, tt.vague, tt.bought)
		}
		if tt.vague && (strings.Contains(f.Symptom, "年") || f.StartedPhrase != "") {
			t.Errorf("Extract(%q): the age went into symptom %q / started %q", tt.text, f.Symptom, f.StartedPhrase)
		}
	}
	for _, ans := range []string{"好几年了", "好几年了吧", "用了好些年", "有年头了", "好久了", "很多年了"} {
		c := Case{}
		d := NewDialog(nil)
		if ok, _ := d.answer(&c, SlotPurchase, ans, now); !ok || !c.PurchaseVague || !c.PurchaseDate.IsZero() {
			t.Errorf("answer purchase %q: ok %v vague %v date %v", ans, ok, c.PurchaseVague, c.PurchaseDate)
		}
	}
}
