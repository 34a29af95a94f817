package bot

import "testing"

// Probe s16 class 5: a date is read as the purchase or the fault's start only when its
// words say so — how long a charge lasts, when a repair was done, or when the product was
// still in use is neither. (testNow is Sunday 2025-06-15.)
func TestDatesThatAreNotThePurchase(t *testing.T) {
	tests := []struct {
		text          string
		bought        Date
		startedPhrase string
	}{
		// how long it lasts on a charge is no age
		{"华为手表GT4，续航突然变得很差，以前能用一周现在一天就没电了", Date{}, ""},
		{"小米手环以前充一次能用半个月 现在三天就没电", Date{}, ""},
		{"充满电可以用两天的 现在半天就没了", Date{}, ""},
		{"耳机原来满电能用五个小时 现在一个钟就没电", Date{}, ""},
		{"手表本来能够用十天，而家两日就冇电", Date{}, ""},
		// a repair's date
		{"海尔滚筒洗衣机又不排水了，第二次是上个月20号修的，师傅说换了排水泵", Date{}, ""},
		{"美的空调上周三刚修好 今天又不制冷了", Date{}, "今天"},
		{"格力空调5月5号师傅来修过 现在又漏水", Date{}, ""},
		{"热水器三月份修理过一次 又不打火了", Date{}, ""},
		// when it was still in use or fine
		{"我昨晚还戴着睡觉的", Date{}, ""},
		{"冰箱昨天还好好的 今天不制冷了", Date{}, "今天"},
		{"上周都还能用 现在开不了机", Date{}, ""},
		// still read
		{"空调用了一个月就坏了", Date{2025, 5, 0}, ""},
		{"这台洗衣机我用了三年了 最近不脱水", Date{2022, 6, 0}, "最近"},
		{"才用了三天就坏了", Date{2025, 6, 12}, ""},
		{"买的时间是2019年5月 不是今年", Date{2019, 5, 0}, ""},
		{"购买的日期是2023年8月", Date{2023, 8, 0}, ""},
		{"昨天开始漏水", Date{}, "昨天"},
	}
	lx := testLexicon(t)
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			f := Extract(tt.text, testNow, lx)
			if f.PurchaseDate != tt.bought || f.StartedPhrase != tt.startedPhrase {
				t.Errorf("purchase %v started %q, want %v %q", f.PurchaseDate, f.StartedPhrase, tt.bought, tt.startedPhrase)
			}
		})
	}
}

// Probe s16 class 3: when the customer can be reached is kept short and exact.
func TestContactWindow(t *testing.T) {
	tests := []struct{ text, want string }{
		{"电话13911027788，白天我上班接不了，晚上六点半以后再打。还有你们工单上购买时间改了没有？", "晚上六点半以后"},
		{"我说了晚上六点半以后才能接电话，你这写12点19前联系我，中午打来我也接不了！", "晚上六点半以后"},
		{"明天我只有晚上7点以后在家 别白天打我 接不了", "明天晚上7点以后"},
		{"能不能上午来 下午我妈要去医院看腿", "上午"},
		{"日头唔得闲听电话 夜晚八点之后先打俾我", "夜晚八点之后"},
		{"白天勿要打电话，阿拉上班，夜里向七点以后再打", "夜里向七点以后"},
		{"晚上八点到十点之间打给我", "晚上八点到十点"},
		{"下班以后才能接电话", "下班以后"},
		{"别白天打我", "别白天打我"},
	}
	for _, tt := range tests {
		if got := contactWindow(tt.text); got != tt.want {
			t.Errorf("contactWindow(%q) = %q, want %q", tt.text, got, tt.want)
		}
		if !cueAvailability.MatchString(compact(tt.text)) {
			t.Errorf("%q: no availability read", tt.text)
		}
	}
}

// Probe s16 class 6: an address told with a correction inside is the one meant.
func TestAddressSelfCorrected(t *testing.T) {
	lx := testLexicon(t)
	tests := []struct{ text, want string }{
		{"地址是成都高新区天府三街 一九九号 太平洋保险金融大厦 不对不对 那是我公司 家里是武侯区 桐梓林北路 6号 2栋 801 寄家里", "成都武侯区 桐梓林北路 6号 2栋 801"},
		{"地址是杭州西湖区文三路259号 昌地火炬大厦 不对 这个是单位的 寄到拱墅区莫干山路100号3幢502", "杭州拱墅区莫干山路100号3幢502"},
		{"地址是天河北路235号 不是233", "天河北路235号"},
	}
	for _, tt := range tests {
		if got := Extract(tt.text, testNow, lx).Address; got != tt.want {
			t.Errorf("Extract(%q).Address = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// Probe s16 class 11: a menu's number with words beside it is the choice, the words a detail.
func TestMenuChoiceWithWords(t *testing.T) {
	tests := []struct {
		text  string
		k     int
		words string
		ok    bool
	}{
		{"1，上周刚升级了系统之后开始的", 0, "上周刚升级了系统之后开始的", true},
		{"原地转圈算哪个？应该是5吧", 4, "原地转圈", true},
		{"3吧 门锁", 2, "", true},
		{"2", 1, "", true},
		{"就选2 那个最像", 1, "那个最像", true},
		{"估计是4 吸力越来越小了", 0, "", false},
		{"12号楼", 0, "", false},
		{"2个月前开始的", 0, "", false},
	}
	for _, tt := range tests {
		k, words, ok := menuChoice(tt.text, 9)
		if ok != tt.ok || ok && (k != tt.k || words != tt.words) {
			t.Errorf("menuChoice(%q) = %d %q %v, want %d %q %v", tt.text, k, words, ok, tt.k, tt.words, tt.ok)
		}
	}
}
