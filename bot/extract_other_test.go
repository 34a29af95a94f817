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

// Brands the editors list for products outside the categories (knowledge/data/brands.yaml)
// are read wherever they stand, with or without the product, and name no category; a
// model that only one of them makes names it ("switch"). Everyday words that are also a
// brand's name stay out of the list.
func TestListedBrandOutsideCategories(t *testing.T) {
	lx := shippedKB(t).Lexicon()
	for _, tc := range []struct{ text, category, product, brand string }{
		{"大疆mini3无人机图传老断", OtherCategory, "无人机", "大疆"},
		{"佳明手表心率不准", "smartwatch", "", "佳明"},
		{"任天堂游戏机手柄连不上", OtherCategory, "游戏机", "任天堂"},
		{"switch左手柄摇杆漂移了 不碰它人物自己往左跑", OtherCategory, "手柄", "任天堂"},
		{"DJI的云台相机开不了机", OtherCategory, "相机", "大疆"},
		{"公牛插排有一个孔没电", OtherCategory, "插排", "公牛"},
		{"爱玛电动车跑不远了", OtherCategory, "电动车", "爱玛"},
		{"欧姆龙", "", "", "欧姆龙"},
		{"下个月九号能来吗", "", "", ""},
	} {
		f := Extract(tc.text, testNow, lx)
		if f.Category != tc.category || f.Product != tc.product || f.Brand != tc.brand {
			t.Errorf("Extract(%q) = %q %q %q, want %q %q %q", tc.text, f.Category, f.Product, f.Brand, tc.category, tc.product, tc.brand)
		}
	}
}

// A listed brand outside the categories has no model patterns: the model is read from what
// follows it, with 的, a space or the product between ("极米的H6", "雅迪 冠能DE8").
func TestListedBrandOutsideCategoriesModel(t *testing.T) {
	lx := shippedKB(t).Lexicon()
	for _, tc := range []struct{ text, brand, model string }{
		{"投影仪画面发黄 是极米的H6", "极米", "H6"},
		{"极米投影仪H3S风扇声音大", "极米", "H3S"},
		{"电动车 雅迪 冠能DE8", "雅迪", "冠能DE8"},
		{"手表GPS搜不到星 Garmin Forerunner 265", "佳明", ""},
		{"投影仪 是坚果的J10S，极米那台是我卧室的", "坚果", "J10S"},
	} {
		f := Extract(tc.text, testNow, lx)
		if f.Brand != tc.brand || tc.model != "" && f.Model != tc.model {
			t.Errorf("Extract(%q) = brand %q model %q, want %q %q", tc.text, f.Brand, f.Model, tc.brand, tc.model)
		}
	}
}
