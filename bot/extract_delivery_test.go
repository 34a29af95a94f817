package bot

import (
	"testing"
	"time"
)

// deliveryNow is Monday 2026-12-07, 04:27 in Shanghai (Sunday 20:27 UTC).
var deliveryNow = time.Date(2026, 12, 7, 4, 27, 0, 0, visitZone)

// The day the product reached the customer is read apart from the order: the 三包 days
// count from it. A delivery told alone is the purchase date too.
func TestExtractDelivered(t *testing.T) {
	tests := []struct {
		text      string
		bought    Date
		delivered Date
	}{
		{"11月25号下的单 12月1号才送到", Date{2026, 11, 25}, Date{2026, 12, 1}},
		{"12月1号才送到的，11月25号下的单", Date{2026, 11, 25}, Date{2026, 12, 1}},
		{"上礼拜五网上下额单，礼拜一送到额", Date{2026, 12, 4}, Date{2026, 12, 7}},
		{"上周五下单 今天刚送到", Date{2026, 12, 4}, Date{2026, 12, 7}},
		{"洗衣机今天刚送到 一用就漏水", Date{2026, 12, 7}, Date{2026, 12, 7}},
		{"这个消毒器是上周三收到的，能退吗", Date{2026, 12, 2}, Date{2026, 12, 2}},
		{"签收是12月7号，今朝", Date{2026, 12, 7}, Date{2026, 12, 7}},
		{"签收是今朝，不是11月29号", Date{2026, 12, 7}, Date{2026, 12, 7}},
		{"前两日刚刚送过来，今朝汏衣裳底下全是水", Date{2026, 12, 5}, Date{2026, 12, 5}},
		{"空调12月3号装好的 今天就不制冷了", Date{2026, 12, 3}, Date{2026, 12, 3}},
		{"双十一买的 12月2号才到货😤", Date{2026, 11, 0}, Date{2026, 12, 2}},
		{"昨天刚到的货 开机就黑屏", Date{2026, 12, 6}, Date{2026, 12, 6}},
		{"去年买的 今天开不了机", Date{2025, 0, 0}, Date{}},
		{"星期六上午能来修吗", Date{}, Date{}},
	}
	for _, tt := range tests {
		f := Extract(tt.text, deliveryNow, nil)
		if f.PurchaseDate != tt.bought || f.Delivered != tt.delivered {
			t.Errorf("%q: bought %v delivered %v, want %v and %v", tt.text, f.PurchaseDate, f.Delivered, tt.bought, tt.delivered)
		}
	}
}

// A day of the week counts back to the last such day; 上 names the week before this one.
func TestReadWeekday(t *testing.T) {
	today := DateOf(deliveryNow) // a Monday
	tests := []struct {
		text string
		want Date
		ok   bool
	}{
		{"礼拜一", Date{2026, 12, 7}, true},
		{"周日", Date{2026, 12, 6}, true},
		{"星期三", Date{2026, 12, 2}, true},
		{"上礼拜五", Date{2026, 12, 4}, true},
		{"上周一", Date{2026, 11, 30}, true},
		{"上个星期天", Date{2026, 12, 6}, true},
		{"这周一", Date{2026, 12, 7}, true},
		{"这周三", Date{}, false}, // still to come
	}
	for _, tt := range tests {
		m, ok := readWeekday(tt.text, 0, today)
		if ok != tt.ok || ok && m.date != tt.want {
			t.Errorf("%q: %v %v, want %v %v", tt.text, m.date, ok, tt.want, tt.ok)
		}
	}
}

// What the customer asked for is noted back in their words: a return is not an exchange.
func TestReturnWish(t *testing.T) {
	tests := []struct{ text, want string }{
		{"这个消毒器是上周三收到的，能退吗", "退货"},
		{"我要退货不是换货", "退货"},
		{"不换了 直接退款", "退货"},
		{"好退伐", "退货"},
		{"能不能给我换一台新的", "换货"},
		{"我不要退 换个新的就行", "换货"},
		{"退货换货都行", "退换货"},
		{"这个怎么处理", "退换货"},
	}
	for _, tt := range tests {
		if got := returnWish(tt.text); got != tt.want {
			t.Errorf("%q: %s, want %s", tt.text, got, tt.want)
		}
	}
}

// A warranty told as its total from the purchase is kept as a total; a length bought adds.
func TestExtendedTotal(t *testing.T) {
	tests := []struct {
		text   string
		months int
		total  bool
	}{
		{"有，买的时候加了三年延保，一共保五年", 60, true},
		{"整机包五年的", 60, true},
		{"延保到第五年", 60, true},
		{"延保到5年 是从买的时候算", 60, true},
		{"总共保修6年", 72, true},
		{"买了三年延保", 36, false},
		{"当时花钱买了个五年延保", 60, false},
		{"延保两年", 24, false},
	}
	for _, tt := range tests {
		c := Case{}
		if m, ok := ParseExtendedTotal(tt.text); ok {
			c.ExtendedMonths, c.ExtendedTotal = m, true
		} else if m, ok := ParseExtendedMonths(tt.text); ok {
			c.ExtendedMonths = m
		}
		if c.ExtendedMonths != tt.months || c.ExtendedTotal != tt.total {
			t.Errorf("%q: %d months total %v, want %d %v", tt.text, c.ExtendedMonths, c.ExtendedTotal, tt.months, tt.total)
		}
	}
	for _, text := range []string{"用了一共三年了", "不是一共保五年", "保到2030年"} {
		if m, ok := ParseExtendedTotal(text); ok {
			t.Errorf("%q: a total of %d months", text, m)
		}
	}
}

// A number of Hong Kong, Macao or Taiwan in a free message is kept as given, in
// international form; the place the customer is in is read apart from where it was bought.
func TestPhoneAndPlaceAbroad(t *testing.T) {
	tests := []struct{ text, phone, place string }{
		{"電話 9123 4567，我喺香港", "+85291234567", "香港"},
		{"我電話是0912-345-678，我人在台中", "+886912345678", "台中"},
		{"0912345678", "+886912345678", ""},
		{"我住澳门 电话+853 6612 3456", "+85366123456", "澳门"},
		{"电话13724458890 香港买的", "13724458890", ""},
		{"我在深圳 电话 13724458890", "13724458890", ""},
		{"手机充不进电 在香港买的 去年买的", "", ""},
		{"在台湾那边买的 我人在台中", "", "台中"},
	}
	for _, tt := range tests {
		f := Extract(tt.text, deliveryNow, nil)
		if f.Phone.Number != tt.phone || placeAbroad(compact(normalizeText(tt.text))) != tt.place {
			t.Errorf("%q: phone %q place %q, want %q %q", tt.text, f.Phone.Number, placeAbroad(compact(normalizeText(tt.text))), tt.phone, tt.place)
		}
	}
}
