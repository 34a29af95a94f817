package knowledge

import "testing"

func TestCanon(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ＫＦＲ－３５ＧＷ", "KFR-35GW"},
		{"冒\u200b烟", "冒烟"},
		{"漏\u00ad电", "漏电"},
		{"\ufeff空调", "空调"},
		{"冒\u200d烟\u2060了", "冒烟了"},
		{"不制冷！！！", "不制冷！"},
		{"不制冷，，显示Ｅ１", "不制冷，显示E1"},
		{"怎么回事？？？", "怎么回事？"},
		{"what???", "what?"},
		{"好了。。。", "好了。"},
		{"等等...", "等等…"},
		{"A.O.史密斯", "A.O.史密斯"},
		{"空掉不制冷", "空调不制冷"},
		{"冰相漏点", "冰箱漏电"},
		{"kongtiao bu zhileng", "空调不制冷"},
		{"kongtiao huaile", "空调坏了"},
		{"KFR35 kongtiao", "KFR35 空调"},
		// an abbreviation among pinyin words
		{"xyj bu tuoshui le", "洗衣机不脱水了"},
		{"rsq bu chu reshui", "热水器不出热水"},
		{"wo jia kt bu zhileng", "我家空调不制冷"},
		{"kt", "空调"},
		{"midea", "midea"},
		// the knowledge's own words (brands, aliases, rule keywords) and everyday words
		{"rongsheng bingxiang loushui", "容声冰箱漏水"},
		{"meidi de", "美的的"},
		{"wo jia reshuiqi bu jiare le", "我家热水器不加热了"},
		{"huawei shouji chong bu jin dian", "华为手机充不进电"},
		{"wifi lian bu shang", "wifi 连不上"},
		{"thank you very much", "thank you very much"},
		{"TV背后有smoke", "TV背后有烟"},
		{"battery swollen了", "battery鼓包了"},
		{"the long time ago", "the long time ago"},
		{"iphone 15", "iphone 15"},
		{"①号", "1号"},
		// pinyin read along the customer's spaces; 著 of traditional fire words
		{"you meiqi wei", "有煤气味"},
		{"dian shi hei ping", "电视黑屏"},
		{"xi yi ji lou dian", "洗衣机漏电"},
		{"chongdian de shihou dianchi pengzhang", "充电的时候电池膨胀"},
		{"冷氣機著火了", "冷气机着火了"},
	} {
		if got := Canon(tc.in); got != tc.want {
			t.Errorf("Canon(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func BenchmarkCanon(b *testing.B) {
	for range b.N {
		Canon("美的空调KFR-35GW去年6月京东买的，今天突然不制冷，显示E1！！！")
	}
}
