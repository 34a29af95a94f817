package bot

import "testing"

// A product outside every list is named by the form of its name ("足疗机", "美容仪"); words
// that only look like one are not: parts, "机器", a number ("手机号"), a verb ("开不了机").
func TestProductNamedByForm(t *testing.T) {
	lx := shippedKB(t).Lexicon()
	for _, tc := range []struct{ text, category, product string }{
		{"家里的足疗机不转了", OtherCategory, "足疗机"},
		{"美容仪充不进电", OtherCategory, "美容仪"},
		{"我家那个筋膜按摩枪不震了", OtherCategory, "按摩枪"},
		{"开不了机", "", ""},
		{"机器坏了", "", ""},
		{"遥控器没反应", "", ""},
		{"打雷以后家里电器都不好使了", "", ""},
		{"上面手机号少打了一位", "", ""},
		{"你系真人定系机械人", "", ""},
		{"外机晚上响得跟拖拉机似的", "air_conditioner", ""},
		{"自己拆机清灰 装回去就开不了机了", "", ""},
	} {
		f := Extract(tc.text, testNow, lx)
		if f.Category != tc.category || f.Product != tc.product {
			t.Errorf("Extract(%q) = category %q product %q, want %q %q", tc.text, f.Category, f.Product, tc.category, tc.product)
		}
	}
}

// The brand of a product outside the categories is taken when it stands alone with 的
// ("极米的"); words about people, places and buying are not brands, nor a brand's name in a
// comparison ("跟石头似的").
func TestOtherProductBrand(t *testing.T) {
	lx := shippedKB(t).Lexicon()
	for _, tc := range []struct{ text, brand string }{
		{"我家投影仪开机一会儿就自动关了 极米的", "极米"},
		{"咖啡机漏水 德龙的", "德龙"},
		{"投影仪坏了 我家的", ""},
		{"投影仪不亮了 朋友送的", ""},
		// a comparison is no brand; a brand told later still counts
		{"俺家冰箱冻得跟石头似的 冷藏里菜都冻上了 海尔的", "海尔"},
		{"冰箱硬得像石头 冻坏了", ""},
		{"石头扫地机不回充", "石头"},
		// names the editors gave: the old Taiwan name of 松下, an integrated-stove maker
		{"冰箱製冰盒都不出冰 國際牌的", "松下"},
		{"火星人集成灶的蒸箱不加热了", "火星人"},
		// before the product with 的那个, brands that begin with 小 or 好; what was bought
		{"艾美特的那个取暖器 小太阳那种 不热了", "艾美特"},
		{"好太太电动晾衣架 降落一半就卡住", "好太太"},
		{"宝宝的温奶器不加热了 我买的小白熊的", "小白熊"},
		{"电动车在楼下充电 着起来了 车是台铃的", "台铃"},
		{"取暖器不热了 我买的便宜的", ""},
		{"小小的取暖器不热了", ""},
		{"家里的那个取暖器不热了", ""},
	} {
		if f := Extract(tc.text, testNow, lx); f.Brand != tc.brand {
			t.Errorf("Extract(%q).Brand = %q, want %q", tc.text, f.Brand, tc.brand)
		}
	}
}

// TestBrandWords: a brand nobody configured, as written at the brand question.
func TestBrandWords(t *testing.T) {
	for in, want := range map[string]string{
		"极米的H3S":         "极米 H3S",
		"是极米的":           "极米",
		"当贝的吧":           "当贝",
		"好像是小熊的":         "小熊",
		"牌子是坚果":          "坚果",
		"德龙的 ECAM22.110": "德龙 ECAM22.110",
		"方太的嘛":           "方太",
	} {
		if got := brandWords(in); got != want {
			t.Errorf("brandWords(%q) = %q, want %q", in, got, want)
		}
	}
}

// A product the customer corrects in the same message gives way to the one said after it
// ("选的洗衣机 其实是洗碗机"); corrected with nothing after, it stays.
func TestProductCorrectedInPlace(t *testing.T) {
	lx := shippedKB(t).Lexicon()
	for _, tc := range []struct{ text, category, product string }{
		{"刚才选的洗衣机 其实是洗碗机 选错了", "dishwasher", ""},
		{"平板写错了 是笔记本", "laptop", ""},
		{"电视搞错咗 系显示器", OtherCategory, "显示器"},
		{"空调写错了 应该是电暖器", OtherCategory, "电暖器"},
		{"冰箱选错了", "refrigerator", ""},
		{"洗衣机其实是去年买的", "washing_machine", ""},
		{"其实是洗碗机 选错了", "dishwasher", ""},
	} {
		if f := Extract(tc.text, testNow, lx); f.Category != tc.category || f.Product != tc.product {
			t.Errorf("Extract(%q) = %q %q, want %q %q", tc.text, f.Category, f.Product, tc.category, tc.product)
		}
	}
}

// A purchase date corrected by its label ("购买时间改成10月25号") is the purchase, not the day
// the fault started or a visit.
func TestPurchaseLabelCorrected(t *testing.T) {
	lx := shippedKB(t).Lexicon()
	for _, text := range []string{"购买时间改成2024年10月25号啊 改了没😤", "购买日期应该是2024年10月25号", "购买时间改为2024年10月25日"} {
		if f := Extract(text, testNow, lx); f.PurchaseDate != (Date{2024, 10, 25}) || !f.StartedAt.IsZero() {
			t.Errorf("Extract(%q): purchase %v started %v", text, f.PurchaseDate, f.StartedAt)
		}
	}
}
