package bot

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/wxintake/intake/knowledge"
)

// otherProducts are household products customers report that a brand's knowledge may not
// cover. They are language, not product knowledge: when no category of the knowledge base
// is named, one of these names the product, and the case goes on as OtherCategory with the
// product as the customer said it, instead of a loop of "请问是哪类产品". Where the knowledge
// base has a category for one of them, its aliases win: products() runs first.
var otherProducts = []string{
	"电动牙刷", "冲牙器", "吹风机", "电吹风", "卷发棒", "直发器", "夹板", "剃须刀", "刮胡刀", "理发器",
	"打印机", "复印机", "扫描仪", "投影仪", "投影机", "显示器", "台式机", "台式电脑", "主机", "一体机",
	"鼠标", "键盘", "音箱", "音响", "蓝牙音箱", "智能音箱", "小爱音箱", "回音壁", "功放", "收音机",
	"空气净化器", "净化器", "加湿器", "除湿机", "抽湿机", "新风机", "电风扇", "风扇", "落地扇", "空调扇",
	"取暖器", "暖风机", "电暖器", "小太阳", "油汀", "电热毯", "暖手宝", "浴霸", "晾衣架", "电动晾衣架",
	"电动车", "电瓶车", "平衡车", "滑板车", "相机", "单反", "微单", "运动相机", "无人机", "游戏机",
	"游戏手柄", "手柄", "按摩椅", "按摩仪", "颈椎按摩仪", "筋膜枪", "跑步机", "动感单车", "体重秤",
	"体脂秤", "电子秤", "血压计", "血糖仪", "额温枪", "咖啡机", "面包机", "烤箱", "电烤箱", "蒸箱",
	"消毒柜", "集成灶", "饮水机", "管线机", "吸尘器", "除螨仪", "挂烫机", "电熨斗", "智能锁", "指纹锁",
	"门锁", "摄像头", "监控", "门铃", "可视门铃", "充电宝", "移动电源", "电子书", "阅读器", "学习机",
	"点读笔", "翻译机", "对讲机", "机顶盒", "电视盒子", "投屏器", "智能马桶", "马桶盖", "冰柜", "酒柜",
	"制冰机", "垃圾处理器", "电蚊拍", "灭蚊灯", "台灯", "吸顶灯", "电动窗帘", "热水壶", "电热水壶",
	"足浴盆", "泡脚盆", "足浴器", "行车记录仪", "记录仪", "电钢琴", "电子琴", "电钻", "冲击钻", "电锤",
	"角磨机", "烤火炉", "烤火器", "风筒", "电磁炉", "电陶炉", "插排", "插线板", "排插", "拖线板", "接线板",
	"电动自行车", "电单车", "电摩", "电暖气", "暖气片", "电热水龙头", "即热水龙头", "电热龙头", "小厨宝",
	"净饮机", "制氧机", "雾化器", "电动轮椅", "轮椅", "代步车", "充电桩", "逆变器", "电热水袋", "热水袋",
	"电热毯", "暖脚宝", "电热炉", "电火箱", "洗地机", "擦窗机器人", "拖地机", "蒸汽拖把", "挂脖风扇",
	"手持风扇", "小风扇", "鱼缸", "水族箱", "增氧泵", "水泵", "增压泵", "电视柜", "路由", "交换机",
	"光猫", "打引机", "墨盒", "硒鼓", "电子烟", "蓝牙耳机仓", "儿童手表", "电话机", "传真机",
	"宝宝看护器", "看护器", "婴儿监视器", "宝宝监视器", "婴儿监护器", "监护器", "婴儿摄像头",
	"焗炉", "电焗炉", "电暖炉", "暖炉", "壁挂炉", "燃气壁挂炉", "采暖炉", "3D打印机", "3d打印机", "吸奶器",
	"空气炸锅", "破壁机", "料理机", "榨汁机", "豆浆机", "绞肉机", "和面机", "厨师机", "洗碗机",
}

var setOtherProducts = wordSet(otherProducts)

// otherProduct names a product outside the knowledge base's categories, when the message
// names no category the base knows.
func (x *extraction) otherProduct() {
	if x.f.Category != "" {
		return
	}
	s := x.s
	for i := 0; i < len(s); i += runeLen(s, i) {
		if end, ok := x.taken(i); ok {
			i = end - runeLen(s, prevRuneStart(s, end))
			continue
		}
		if _, end, ok := setOtherProducts.at(s, i); ok {
			if partOfMachine(s[:i]) || usedAsTool(s[:i], s[end:]) {
				i = end - runeLen(s, prevRuneStart(s, end))
				continue // "外机风扇没转", "冰箱里的灯": a part of the machine, not another product
			}
			start := x.withModifier(i)
			x.f.Category, x.f.Product = OtherCategory, s[start:end]
			x.mark(start, end, spanCategory)
			return
		}
	}
}

// partOfMachine reports words right before a product name that make it a part of a machine:
// "外机风扇", "室内机的风扇", "机器里面的灯".
func partOfMachine(before string) bool {
	b := strings.TrimSuffix(strings.TrimRight(before, " "), "的")
	for _, w := range []string{"外机", "内机", "室外机", "室内机", "主机", "机器", "机器里", "机器里面", "里面", "里边", "机身", "顶上", "上面", "排", "循环", "怀疑", "怀疑是"} { // "怀疑排水泵": a part suspected
		if strings.HasSuffix(b, w) {
			return true
		}
	}
	return false
}

// usedAsTool reports a product taken up to work on the faulty one, not reported itself:
// "我拿吹风机吹一下再充", "用电吹风烘干", "拿手电筒照着看", "用手机拍了"; "用手机两年了"
// names the product itself.
func usedAsTool(before, after string) bool {
	b := strings.TrimRight(before, " ")
	tool := false
	for _, w := range []string{"拿", "用", "借", "拿个", "用个", "拿了个", "找个", "拿着", "用了", "拿了", "借了", "找了个"} {
		if strings.HasSuffix(b, w) {
			prev, _ := utf8.DecodeLastRuneInString(b[:len(b)-len(w)])
			tool = !strings.HasPrefix(w, "用") || !strings.ContainsRune("公家商专通自备常使试作采适实民军", prev) // "公用洗衣机" is one
			break
		}
	}
	if !tool {
		return false
	}
	a := strings.TrimLeft(after, " ")
	for _, w := range []string{"吹", "烘", "烤", "擦", "照", "对着", "热一下", "暖", "晒", "把", "给它", "给",
		"拍", "查", "测", "量", "充", "扫", "搜", "录"} { // "拿手机拍了", "用电脑查了下", "拿充电宝充"
		if strings.HasPrefix(a, w) {
			return true
		}
	}
	return false
}

// productModifiers name the kind of a product and belong to its name: "智能门锁", "电动牙刷",
// "蓝牙耳机", "车载冰箱".
var productModifiers = []string{"智能", "电动", "电子", "无线", "蓝牙", "家用", "迷你", "便携式", "便携", "全自动", "自动", "车载", "指纹", "电热"}

// withModifier returns where a product named at byte i begins once a modifier right
// before it is counted in.
func (x *extraction) withModifier(i int) int {
	for _, m := range productModifiers {
		if strings.HasSuffix(x.s[:i], m) && !x.overlaps(i-len(m), i) {
			return i - len(m)
		}
	}
	return i
}

// namedByForm names a product outside the lists by the form of its name (productNoun), when
// nothing else named one: not the category words, the other products, a part or a brand.
func (x *extraction) namedByForm() {
	if x.f.Category != "" || x.lx == nil {
		return
	}
	if start, end, ok := x.productNoun(); ok {
		x.f.Category, x.f.Product = OtherCategory, x.s[start:end]
		x.mark(start, end, spanCategory)
	}
}

// productSuffixes end the names of appliances and devices: 破壁机, 空气炸锅, 养生壶, 美容仪.
const productSuffixes = "机器仪锅炉箱柜扇壶锁刷秤枪车泵椅毯铛杯盆棒罩"

// notProducts end like a product and are none: parts, accessories and words for any machine.
var setNotProducts = wordSet([]string{
	"机器", "电器", "遥控器", "充电器", "过滤器", "压缩机", "温控器", "变压器", "适配器", "加热器", "蒸发器",
	"冷凝器", "发动机", "继电器", "控制器", "传感器", "电动机", "散热器", "计算机", "电机", "内机", "外机",
	"室内机", "室外机", "主机", "风机", "滤芯", "指示灯", "照明灯", "电源灯", "工作灯", "信号灯", "警示灯",
	"内胆锅", "出风口", "插线板", "保险柜", "配电箱", "电箱", "电表箱", "空开箱",
	"水箱", "包装箱", "纸箱", "储物柜", "衣柜", "橱柜", "鞋柜", "书柜", "电视柜", "购物车", "公交车", "出租车",
	"摩托车", "汽车", "火车", "电梯", "喷头", "水龙头", "报警器", "电表箱", "拖拉机", "收割机", "挖掘机",
	"飞机", "司机", "时机", "机会", "开关", "衣裳机", "座机", "分机", "主叫", "手机号", "本机",
})

// endsNotProduct reports a word ending in one of setNotProducts ("家里电器" ends in 电器).
func endsNotProduct(word string) bool {
	for i := 0; i < len(word); i += runeLen(word, i) {
		if _, end, ok := setNotProducts.at(word, i); ok && end == len(word) {
			return true
		}
	}
	return false
}

// productNoun finds a product named by its form: two or three characters before a product
// suffix, outside the parts already read, not a verb with 机 ("开不了机", "死机").
func (x *extraction) productNoun() (start, end int, ok bool) {
	s := x.s
	for i := 0; i < len(s); i += runeLen(s, i) {
		if s[i] < utf8.RuneSelf || !strings.Contains(productSuffixes, firstRune(s[i:])) {
			continue
		}
		sufEnd := i + runeLen(s, i)
		for n := 3; n >= 2; n-- {
			st, good := i, true
			for k := 0; k < n && good; k++ {
				if st == 0 {
					good = false
					break
				}
				st = prevRuneStart(s, st)
				r, _ := utf8.DecodeRuneInString(s[st:])
				if !unicode.Is(unicode.Han, r) || strings.ContainsRune("不了没开关死待停重启卡个台只把的是在有这那我你他它拆装修换洗刷室", r) {
					good = false
				}
				if _, taken := x.taken(st); taken {
					good = false
				}
			}
			if !good {
				continue
			}
			word := s[st:sufEnd]
			if endsNotProduct(word) || strings.ContainsAny(firstRune(s[sufEnd:]), "器械会构场票制理型号") {
				break // "家里电器", "衣裳机器": no product named
			}
			if strings.HasPrefix(s[sufEnd:], "号") || x.endsInCategory(word) {
				break // "手机号", "上面手机": a number, or a product the knowledge names
			}
			if n == 3 && st > 0 && !leadsToProduct(s[:st]) {
				continue // "我家空气炸锅": three characters only right after a word that leads to a product
			}
			return st, sufEnd, true
		}
	}
	return 0, 0, false
}

// endsInCategory reports a word ending in a category word of the knowledge.
func (x *extraction) endsInCategory(word string) bool {
	for i := 0; i < len(word); i += runeLen(word, i) {
		if _, end, ok := x.lx.catWords.at(word, i); ok && end == len(word) {
			return true
		}
	}
	return false
}

// leadsToProduct reports text that ends where a product name may start.
func leadsToProduct(before string) bool {
	before = strings.TrimRight(before, " ")
	if before == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(before)
	if !unicode.Is(unicode.Han, r) {
		return true
	}
	for _, w := range []string{"的", "家", "个", "台", "只", "把", "这", "那", "买", "了", "我", "是"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// partHints are parts only one product has: a message that names one and no product is about
// that product ("外机不转了" is an air conditioner). The part stays in the symptom.
var partHints = []struct{ word, category string }{
	{"外机", "air_conditioner"}, {"内机", "air_conditioner"}, {"室外机", "air_conditioner"}, {"出风口", "air_conditioner"},
	{"冷藏室", "refrigerator"}, {"冷冻室", "refrigerator"}, {"保鲜层", "refrigerator"}, {"保鲜室", "refrigerator"},
	{"冷藏层", "refrigerator"}, {"冷冻层", "refrigerator"}, {"变温室", "refrigerator"},
	{"漂洗", "washing_machine"}, {"脱水桶", "washing_machine"}, {"甩干", "washing_machine"}, {"洗衣粉", "washing_machine"},
	{"洗衣液", "washing_machine"}, {"波轮", "washing_machine"},
	{"灶火", "range_hood_stove"}, {"灶头", "range_hood_stove"}, {"炉头", "range_hood_stove"}, {"灶眼", "range_hood_stove"},
	{"打火针", "range_hood_stove"}, {"熄火保护", "range_hood_stove"},
	{"触控板", "laptop"}, {"触摸板", "laptop"}, {"免提", "mobile_phone"}, {"听筒", "mobile_phone"},
	{"内胆", "rice_cooker"}, {"煮饭", "rice_cooker"}, {"洗碗", "dishwasher"}, {"碗篮", "dishwasher"},
}

// partLookAlikes are words that hold a part hint and name no part: "洗碗池" is the kitchen
// sink, not a dishwasher.
var partLookAlikes = strings.NewReplacer("洗碗池", "", "洗碗槽", "", "洗碗盆", "", "洗碗布", "", "洗碗巾", "", "洗碗液", "", "洗碗海绵", "", "洗碗手套", "")

// partHint sets the category a part implies when the message names no product.
func (x *extraction) partHint(lx *Lexicon) {
	if x.f.Category != "" || lx == nil {
		return
	}
	found := -1
	s := partLookAlikes.Replace(x.s)
	for _, h := range partHints {
		if !strings.Contains(s, h.word) {
			continue
		}
		ci, ok := lx.catByID[h.category]
		if !ok || found >= 0 && found != ci {
			if ok {
				return // parts of two products: ask
			}
			continue
		}
		found = ci
	}
	if found >= 0 {
		x.cat, x.catGuessed = found, false // "外机在转": the part names the product
		x.settleProduct(lx)
	}
}

// otherBrand takes the brand of a product outside the categories, which no list knows, from
// the way customers name one: a word of two to four characters with 的, on its own ("投影仪
// 开机就关 极米的"). Words about people, places and buying are no brand.
func (x *extraction) otherBrand() {
	if x.f.Category != OtherCategory && (x.brand < 0 || x.lx == nil || len(x.lx.brands[x.brand].categories) > 0) {
		if x.f.Brand == "" {
			x.brandAgainst() // "牌子记错了 是坚果的不是极米" with no product named
		}
		return // a listed brand of products outside the categories is read as here with no product named
	}
	listedAt := -1 // where a listed brand was found: one told as "是X的" before it wins
	if x.f.Brand != "" {
		if x.brandSegment() { // only a brand the model's shape suggested gives way
			return
		}
		for _, sp := range x.spans[:x.n] {
			if sp.kind == spanBrand {
				listedAt = sp.start
				break
			}
		}
		if listedAt < 0 {
			return
		}
	} else if x.brandBeforeProduct() || x.brandSegment() {
		return
	}
	s := x.s
	// "我买的小白熊的", "车是台铃的": the brand told as what was bought or what it is; "是坚果的
	// J10S，极米那台是我卧室的": before a listed brand, the one the customer says it is
	if listedAt < 0 && x.brandAgainst() {
		return
	}
	for _, m := range brandTold.FindAllStringSubmatchIndex(s, -1) {
		word := s[m[2]:m[3]]
		if listedAt >= 0 && m[2] > listedAt {
			return
		}
		if _, taken := x.taken(m[2]); taken || ordinaryWord(word) {
			continue
		}
		x.f.Brand = word
		x.mark(m[2], m[1], spanBrand)
		if rest := s[m[3]:]; x.f.Model == "" {
			for _, suffix := range []string{"牌子的", "牌的", "家的", "的"} {
				if r, ok := strings.CutPrefix(rest, suffix); ok {
					rest = r
					break
				}
			}
			if mod := modelAfterBrand.FindString(rest); mod != "" && strings.ContainsAny(mod, "0123456789") {
				x.f.Model = mod // "是极米的H6": the model right after the brand
				x.mark(len(s)-len(rest), len(s)-len(rest)+len(mod), spanModel)
			}
		}
		return
	}
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "的")
		if j < 0 {
			return
		}
		at := i + j
		end := at + len("的")
		i = end
		if end < len(s) && !strings.ContainsAny(firstRune(s[end:]), " ,，。!！~") {
			continue // "极米的投影仪" is read by the lists; here only a word standing alone
		}
		start, n := at, 0
		for start > 0 && n < 5 {
			r, size := utf8.DecodeLastRuneInString(s[:start])
			if !unicode.Is(unicode.Han, r) {
				break
			}
			start -= size
			n++
		}
		if n < 2 || n > 4 || start > 0 && !strings.ContainsAny(firstRune(s[prevRuneStart(s, start):]), " ,，。!！~") {
			continue
		}
		word := s[start:at]
		if _, taken := x.taken(start); taken || strings.ContainsAny(word, notBrandRunes) || reduplicated(word) || notBrandPlain.MatchString(word) {
			continue // "嗡嗡的，": a sound, not a brand; "公司用的": a use
		}
		if listedAt >= 0 {
			return // a brand standing alone with 的 never overrides a listed one
		}
		x.f.Brand = word
		x.mark(start, end, spanBrand)
		return
	}
}

// brandSegment takes a brand no list knows told as a part of its own, between spaces or
// breaks, after the fault of a product outside the categories: "…像塑料烤化了 好孩子牌的
// 宝宝等着喝奶", "…鼓出来一点 佳能R6", "是戴森那个HD08", "usmile Y10". A brand the model's
// shape suggested ("Y10" looks like a vivo phone) gives way to the one written.
func (x *extraction) brandSegment() bool {
	s := x.s
	inferred := x.f.Brand != "" && !strings.Contains(strings.ToLower(s), strings.ToLower(x.f.Brand)) && (x.lx == nil || !x.lx.NamesBrand(s, x.f.Brand)) // "Garmin" writes 佳明
	if x.f.Brand != "" && !inferred {
		return false
	}
	if m := tailLatinBrandModel.FindStringSubmatchIndex(s); m != nil {
		if _, taken := x.taken(m[2]); !taken && brandWordOK(s[m[2]:m[3]], time.Time{}, x.lx) {
			x.f.Brand, x.f.Model = s[m[2]:m[3]], canonicalModel(s[m[4]:m[5]]) // "…充满电也这样 usmile Y10"
			x.mark(m[2], m[3], spanBrand)
			return true
		}
	}
	if m := pairBrandModel.FindStringSubmatchIndex(s); m != nil {
		// "凯迪仕的 K20", "德施曼 Q5M": the brand, a space, its model
		if _, taken := x.taken(m[2]); !taken && brandWordOK(s[m[2]:m[3]], time.Time{}, x.lx) {
			x.f.Brand = s[m[2]:m[3]]
			if x.f.Model == "" || inferred {
				x.f.Model = canonicalModel(s[m[4]:m[5]])
			}
			x.mark(m[2], m[3], spanBrand)
			return true
		}
	}
	for start := 0; start < len(s); {
		end := start
		for end < len(s) {
			r, size := utf8.DecodeRuneInString(s[end:])
			if r == ' ' || isClauseBreak(r) {
				break
			}
			end += size
		}
		seg := s[start:end]
		if _, taken := x.taken(start); !taken && seg != "" {
			brand, model, marked := "", "", false
			if m := segBrandMark.FindStringSubmatch(seg); m != nil {
				brand, marked = m[1], true
			} else if m := segBrandModel.FindStringSubmatch(seg); m != nil {
				brand, model = m[1], m[2]
			}
			// "牌" says it is a brand: only kinds and faults are refused ("好孩子牌的")
			if ok := marked && !strings.ContainsAny(brand, faultRunes) && !notBrandKind.MatchString(brand) && !notBrandPlain.MatchString(brand) ||
				brandWordOK(brand, time.Time{}, x.lx); brand != "" && ok {
				x.f.Brand = brand
				if model != "" && (x.f.Model == "" || inferred) {
					x.f.Model = canonicalModel(model)
				}
				x.mark(start, end, spanBrand)
				return true
			}
		}
		if end == len(s) {
			break
		}
		_, size := utf8.DecodeRuneInString(s[end:])
		start = end + size
	}
	return false
}

// The shapes of a brand told as a part of its own (brandSegment): "好孩子牌的", "佳能R6",
// "是戴森那个HD08", "usmile Y10", "DJI Air 3" (Latin, only as the message's last part).
var (
	segBrandMark        = knowledge.MustFilter(`^(?:是|就是)?(\p{Han}{2,4}?)(?:牌子的|牌的|牌子|牌)$`)
	segBrandModel       = knowledge.MustFilter(`^(?:是|就是)?(\p{Han}{2,4}?)(?:家的|的)?(?:那个|那款|这个|这款)?([A-Za-z][A-Za-z0-9\-]{0,12}[0-9][A-Za-z0-9\-]{0,6}|[0-9]{1,3}[A-Za-z][A-Za-z0-9\-]{0,6})$`)
	pairBrandModel      = knowledge.MustFilter(`(?:^|[ ,，。!！~])(?:是|就是)?(\p{Han}{2,4}?)(?:牌子的|牌的|家的|的|牌)? ([A-Za-z]{1,4}-?[0-9][A-Za-z0-9\-]{0,8})(?:$|[ ,，。!！~])`)
	tailLatinBrandModel = knowledge.MustFilter(`(?:^|[ ,，。])([A-Za-z]{3,15}) ?((?:[A-Za-z]{2,8} )?[A-Za-z]{0,3}[0-9][A-Za-z0-9\-]{0,8})$`)
)

// brandAfterProduct takes a brand no list knows, said right after the product it makes:
// "是那个燃气壁挂炉 威能的", "热水器，林内牌的". Only two to four characters after a space or
// a break and before 的 or 牌, ending the clause; words of kinds, faults, people and places
// are none ("热水器 燃气的", "冰箱 漏水的").
func (x *extraction) brandAfterProduct() {
	if x.f.Category == "" || x.f.Category == OtherCategory || x.f.Brand != "" {
		return
	}
	s := x.s
	for _, sp := range x.spans[:x.n] {
		if sp.kind != spanCategory {
			continue
		}
		m := brandAfter.FindStringSubmatchIndex(s[sp.end:])
		if m == nil {
			return
		}
		start, end := sp.end+m[2], sp.end+m[3]
		word := s[start:end]
		if _, taken := x.taken(start); taken || strings.ContainsAny(word, notBrandRunes+placeRunes+faultRunes) || reduplicated(word) {
			return
		}
		if x.lx != nil {
			if _, _, ok := x.lx.catWords.at(word, 0); ok {
				return
			}
		}
		x.f.Brand = word
		x.mark(start, sp.end+m[1], spanBrand)
		return
	}
}

// brandAfter is a word with 的 or 牌 after a product name and a space or a break: " 威能的".
var brandAfter = knowledge.MustFilter(`^[ ,，、]+(\p{Han}{2,4}?)(牌子的|牌的|牌|家的|的)(?:$|[ ,，。!！~?？])`)

// faultRunes are characters of kinds of appliance and of faults, which follow a product with
// 的 as often as a brand does ("燃气的", "漏水的", "变频的").
const faultRunes = "电气燃油水火烟声响漏坏热冷凉暖停转开关亮灭吵慢快烫湿干异频式挂柜立嵌智款型"

// brandBeforeProduct takes the brand written right before the name of a product outside the
// categories ("极米投影仪H3S", "我的戴森吹风机"): two to four characters that start the message or
// follow a space, a break or "的", none about people, places or time, and no sound ("嗡嗡").
func (x *extraction) brandBeforeProduct() bool {
	var at int = -1
	for _, sp := range x.spans[:x.n] {
		if sp.kind == spanCategory {
			at = sp.start
			break
		}
	}
	if at <= 0 {
		return false
	}
	s := x.s
	for _, w := range []string{"那个", "这个", "那台", "这台", "那款", "这款"} {
		if strings.HasSuffix(s[:at], w) { // "艾美特的那个取暖器"
			at -= len(w)
			break
		}
	}
	if strings.HasSuffix(s[:at], "的") && at < len(s) {
		if r, _ := utf8.DecodeLastRuneInString(s[:at-len("的")]); unicode.Is(unicode.Han, r) && !strings.HasSuffix(s[:at-len("的")], "我") {
			at -= len("的") // the brand's 的: "艾美特的取暖器"
		}
	}
	start, n := at, 0
	for start > 0 && n < 5 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.Is(unicode.Han, r) || r == '的' {
			break
		}
		start -= size
		n++
	}
	if n < 2 || n > 4 {
		return false
	}
	if start > 0 {
		r, _ := utf8.DecodeLastRuneInString(s[:start])
		if r != '的' && !strings.ContainsRune(" ,，。!！~:：", r) {
			return false
		}
	}
	word := s[start:at]
	if _, taken := x.taken(start); taken || strings.ContainsAny(word, notBrandBeforeRunes+placeRunes) || reduplicated(word) ||
		plainAdjective.MatchString(word) {
		return false
	}
	x.f.Brand = word
	x.mark(start, at, spanBrand)
	return true
}

// brandTold is a brand told as what was bought or what the product is, ending its clause.
// brandAgainst reads a brand told against another one ("是坚果的不是极米", "不是极米 是坚果")
// when the other is a listed brand or the message speaks of the brand (牌子, 品牌); "不是上门
// 是寄修" names none.
func (x *extraction) brandAgainst() bool {
	s := x.s
	if !strings.Contains(s, "不是") {
		return false // both shapes need it; most messages have none
	}
	for _, re := range []*regexp.Regexp{brandNotOther, otherNotBrand} {
		m := re.FindStringSubmatchIndex(s)
		if m == nil {
			continue
		}
		other := m[1] // "是坚果的不是" is followed by the brand set aside
		if re == otherNotBrand {
			other = m[0] + len("不是")
		}
		listed := false
		if x.lx != nil {
			_, _, listed = x.lx.brandWords.at(s, other)
		}
		word := s[m[2]:m[3]]
		if _, taken := x.taken(m[2]); taken || !listed && !strings.Contains(s, "牌") || ordinaryWord(word) || notBrandPlain.MatchString(word) {
			continue
		}
		x.f.Brand = word
		x.mark(m[2], m[3], spanBrand)
		return true
	}
	return false
}

// ordinaryWord reports words told where a brand could stand that are no brand: of people,
// places and buying, faults, doubled sounds, adjectives, kinds and prices.
func ordinaryWord(word string) bool {
	return strings.ContainsAny(word, notBrandBeforeRunes+faultRunes) || reduplicated(word) ||
		plainAdjective.MatchString(word) || notBrandKind.MatchString(word)
}

// brandNotOther and otherNotBrand are a brand told against another: "是坚果的不是极米",
// "不是极米 是坚果".
var (
	brandNotOther = regexp.MustCompile(`是(\p{Han}{2,4}?)(?:牌子的|牌的|家的|的)? ?(?:而)?不是`)
	otherNotBrand = regexp.MustCompile(`不是\p{Han}{2,4}?(?:牌子的|牌的|的)?[ ,，]*(?:是|应该是|其实是)(\p{Han}{2,4}?)(?:牌子的|牌的|家的|的|牌)?(?:$|[ ,，。!！~]|[A-Za-z0-9])`)
)

var brandTold = knowledge.MustFilter(`(?:我买的|买的是|买的|用的是|车是|机子是|机器是|牌子是|品牌是|(?:^|[ ,，。!！~啊呀])是|说了是|说了|都说了)(\p{Han}{2,4}?)(?:牌子的|牌的|家的|的)(?:$|[ ,，。!！~]|[A-Za-z0-9])`)

// saidBrand reads a brand no list knows that the customer names as the brand in words, for
// any product: "油汀不热了 牌子是先锋", "洗衣机不转了 品牌：先锋".
func (x *extraction) saidBrand() {
	if x.f.Brand != "" {
		return
	}
	for _, m := range brandSaid.FindAllStringSubmatchIndex(x.s, -1) {
		word := x.s[m[2]:m[3]]
		if _, taken := x.taken(m[2]); taken || !brandWordOK(word, time.Time{}, x.lx) {
			continue
		}
		x.f.Brand = word
		x.mark(m[2], m[3], spanBrand)
		return
	}
}

// brandSaid names the brand in words, with or without 的: "油汀不热了 牌子是先锋".
var brandSaid = knowledge.MustFilter(`(?:牌子|品牌)\s?(?:是|叫做|叫|为|:|：)?\s?(\p{Han}{2,4}?)(?:牌子的|牌的|家的|的)?(?:$|[ ,，。!！~])`)

// modelAfterBrand is a model written right after a brand told with 的: "是极米的H6".
var modelAfterBrand = knowledge.MustFilter(`^[A-Za-z][A-Za-z0-9\-]{1,15}`)

// notBrandKind are words of price, origin or make that follow 买的 as a brand does: "买的便宜的".
var notBrandKind = knowledge.MustFilter(`便宜|贵|二手|国产|进口|杂牌|普通|正品|山寨|网红|名牌|大牌|原装|最好|一般|同款|高档|低档|白色|黑色|银色|红色|蓝色|粉色|灰色|金色|最新|淘宝|京东|拼多多|网上|店里|超市|商场|专卖|官方|旗舰`)

// notBrandBeforeRunes are notBrandRunes but 小 好 老 大, which begin many brands ("小白熊",
// "好太太", "老板"); plainAdjective keeps such words that only describe ("小小", "好大", "老旧").
const notBrandBeforeRunes = "我你他她它们家买送用的了是在不没有这那个年月天前后新旧坏人妈爸儿女公司楼边里上下宝孩"

var plainAdjective = knowledge.MustFilter(`^(小|好|老|大)(小|好|老|大|旧|新|破|的|点|些|一点|多|了|贵|便宜|型|号|尺寸)`)

// placeRunes are characters of rooms and places, which stand before a product as often as a
// brand does ("卧室投影仪", "客厅那个").
const placeRunes = "室厅厨房间屋宿舍办店台阳卫浴床桌墙门车"

// reduplicated reports a word made of one syllable said twice, or two said twice ("嗡嗡",
// "咔咔咔", "滴滴答答"): sounds customers describe, never a brand.
func reduplicated(word string) bool {
	r := []rune(word)
	if len(r) >= 2 && r[0] == r[1] {
		return true
	}
	return len(r) == 4 && (r[2] == r[3] || r[0] == r[2] && r[1] == r[3])
}

// notBrandRunes are characters of words about people, places, time and buying, which stand
// before 的 as often as a brand does ("我家的", "去年买的", "朋友送的").
const notBrandRunes = "我你他她它们家买送用的了是在不没有这那个年月天前后新旧老小大坏好人妈爸儿女公司楼边里上下"

// writtenBrand lets a brand no list knows, told first with 的, win over the brand and product
// a model's shape suggested: "艾美特的 型号 HP2032P" is no HP laptop.
func (x *extraction) writtenBrand() {
	if x.f.Brand == "" {
		return
	}
	for _, sp := range x.spans[:x.n] {
		if sp.kind == spanBrand && !x.inModel(sp.start) {
			return // the brand is written ("HP" inside "HP2032P" is the model's)
		}
	}
	m := brandFirst.FindStringSubmatchIndex(x.s)
	if m == nil {
		return
	}
	word := x.s[m[2]:m[3]]
	if _, taken := x.taken(m[2]); taken || !brandWordOK(word, time.Time{}, x.lx) {
		return
	}
	x.f.Brand, x.brand = word, -1
	x.mark(m[2], m[3], spanBrand)
	if !x.hasSpan(spanCategory) { // the product, too, was only the model's guess
		x.f.Category, x.cat = "", -1
	}
}

// brandFirst is a brand told first with 的 or 牌, before a space or a break: "艾美特的 型号…".
var brandFirst = knowledge.MustFilter(`^(?:是|好像是|应该是|就是)?(\p{Han}{2,4}?)(?:牌子的|牌的|家的|的|牌)[ ,，、]`)

// inModel reports whether byte i lies inside the model read.
func (x *extraction) inModel(i int) bool {
	for _, sp := range x.spans[:x.n] {
		if sp.kind == spanModel && sp.start <= i && i < sp.end {
			return true
		}
	}
	return false
}
