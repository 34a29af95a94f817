package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wxintake/intake/knowledge"
)

// products finds the first brand and the first category the message names. A brand that
// makes a single category names that category too. A category the message sets aside ("不是
// 空调，是风扇坏了", "空调没事") is passed over for another product, if one is named.
func (x *extraction) products(lx *Lexicon) {
	x.brand, x.cat, x.deniedCat = -1, -1, -1
	if lx == nil {
		return
	}
	s := x.s
	for i := 0; i < len(s) && (x.brand < 0 || x.cat < 0 && x.f.Category == ""); i += runeLen(s, i) {
		if end, ok := x.taken(i); ok {
			i = end - runeLen(s, prevRuneStart(s, end))
			continue
		}
		if x.brand < 0 {
			if b, end, ok := lx.brandWords.at(s, i); ok && !adverbBefore(s, i) && !simile(s, i, end) && !calledBy(lx, s, i, end, b) {
				if deniedBrand(s, i) {
					// "勿是海尔 是西门子": the brand denied is none; the one after it is
					i = end - runeLen(s, prevRuneStart(s, end))
					continue
				}
				x.brand = b
				x.mark(i, end, spanBrand)
			}
		}
		if x.cat < 0 && x.f.Category == "" {
			if _, oend, ok := setOtherProducts.at(s, i); ok && !partOfMachine(s[:i]) && !usedAsTool(s[:i], s[oend:]) {
				if _, cend, cok := lx.catWords.at(s, i); !cok || oend > cend {
					// Another product named first ("蓝牙音箱连不上手机", "台式电脑开不了机"):
					// it is the one reported; a category named later is what it is used with.
					start := x.withModifier(i)
					x.f.Category, x.f.Product = OtherCategory, s[start:oend]
					x.mark(start, oend, spanCategory)
					i = oend - runeLen(s, prevRuneStart(s, oend))
					continue
				}
			}
		}
		if x.cat < 0 && x.f.Category == "" {
			if c, end, ok := lx.catWords.at(s, i); ok && !strings.HasPrefix(s[end:], "号") {
				if connectTarget(s[:i]) || usedAsTool(s[:i], s[end:]) {
					// "老是断线 连不上手机": the phone is what the product connects to;
					// "用吹风机吹过": a tool used on the product, not the product
					i = end - runeLen(s, prevRuneStart(s, end))
					continue
				}
				if deniedProduct(s, i, end) || correctedAfter(s, i, end, lx) {
					if x.deniedCat < 0 {
						x.deniedCat = c
					}
					x.mark(i, end, spanCategory)
					i = end - runeLen(s, prevRuneStart(s, end))
					continue
				}
				x.cat = c
				x.mark(i, end, spanCategory)
			}
		}
	}
	x.settleProduct(lx)
}

// settleProduct writes the brand and category found so far into the facts.
func (x *extraction) settleProduct(lx *Lexicon) {
	if x.f.Category == OtherCategory {
		if x.brand >= 0 {
			x.f.Brand = lx.brands[x.brand].name
		}
		return // a product outside the categories was named: a brand or model does not change it
	}
	if x.brand >= 0 {
		x.f.Brand = lx.brands[x.brand].name
		if cats := lx.brands[x.brand].categories; x.cat < 0 && len(cats) == 1 {
			x.cat, x.catGuessed = cats[0], true
		}
	}
	if x.cat >= 0 {
		x.f.Category = lx.categories[x.cat].id
	}
}

// settleDenied falls back on the product set aside when the message names no other.
func (x *extraction) settleDenied(lx *Lexicon) {
	if x.f.Category == "" && x.deniedCat >= 0 && lx != nil {
		x.cat = x.deniedCat
		x.settleProduct(lx)
	}
}

// deniedBrand reports a brand at byte i denied by the words right before it: "不是海尔",
// "勿是美的", "唔系格力".
func deniedBrand(s string, i int) bool {
	before := strings.TrimRight(s[:i], " ")
	for _, w := range []string{"不是", "勿是", "唔系", "唔是", "并非", "而不是", "弗是", "不系"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	return false
}

// deniedProduct reports a product name at s[i:end] that the words around it set aside:
// "不是空调", "勿是空调", "不报空调了", "空调没事", "空调倒是好的". A name the customer
// affirms ("说的是热水器 不是净水器") is not denied by what follows it.
func deniedProduct(s string, i, end int) bool {
	before := strings.TrimRight(s[:i], " ")
	for _, w := range []string{"不是", "勿是", "唔系", "唔是", "并非", "不报", "别报", "不修", "而不是"} {
		if strings.HasSuffix(before, w) {
			return true
		}
	}
	if strings.HasSuffix(before, "是") || strings.HasSuffix(before, "报") {
		return false
	}
	return setAsideAfter(strings.TrimLeft(s[end:], " "))
}

// correctedAfter reports a product name followed by the customer's correction of it:
// "选的洗衣机 其实是洗碗机", "填的平板写错了 是笔记本", "电视搞错咗 系显示器". The product said
// after wins; with none after, the one set aside is kept (settleDenied).
func correctedAfter(s string, i, end int, lx *Lexicon) bool {
	if before := strings.TrimRight(s[:i], " "); strings.HasSuffix(before, "是") || strings.HasSuffix(before, "系") {
		return false // "其实是洗碗机 选错了": the product affirmed
	}
	rest := strings.TrimLeft(s[end:], " ,")
	for _, w := range []string{"选错了", "写错了", "填错了", "搞错了", "弄错了", "点错了", "记错了", "错了", "搞错咗", "写错咗", "整错咗", "错咗"} {
		if strings.HasPrefix(rest, w) {
			return true
		}
	}
	for _, w := range []string{"其实是", "实际上是", "实际是", "应该是", "其实系", "应该系", "改成", "换成"} {
		if after, ok := strings.CutPrefix(rest, w); ok {
			after = strings.TrimLeft(after, " ")
			for _, p := range []string{"那个", "这个", "那台", "我的", "我家的"} {
				after = strings.TrimPrefix(after, p)
			}
			_, _, named := lx.catWords.at(after, 0)
			_, _, other := setOtherProducts.at(after, 0)
			return named || other
		}
	}
	return false
}

// contrasted reports a product named before "不是" and another product: "小米的路由器不是
// 手机" sets the phone aside, not the router.
func contrasted(s string, end int, lx *Lexicon) bool {
	rest, ok := strings.CutPrefix(strings.TrimLeft(s[end:], " "), "不是")
	if !ok || lx == nil {
		return false
	}
	rest = strings.TrimLeft(rest, " ")
	for _, w := range []string{"那个", "这个", "那台", "这台", "我的", "我家的"} {
		rest = strings.TrimPrefix(rest, w)
	}
	_, _, named := lx.catWords.at(rest, 0)
	return named
}

// shopOwner ends the words before 老板 when it is a shop's owner: "店里的老板", "修车铺老板";
// ownerSays starts the words after it when the owner speaks or charges: "老板讲要自己出钱".
var (
	shopOwner = knowledge.MustFilter(`(店|铺|档|摊|维修点|修理部|卖家|商家|门市)(里|里面|的)?(那个|的)?$`)
	ownerSays = knowledge.MustFilter(`^(讲|说|话|跟我|和我|告诉|让我|叫我|要我|收|要价|报价|开价|不给|不肯|不管|非要|说要|讲要)`)
)

// calledBy reports a brand's alias that is also how customers address the agent, used so:
// "老板 壁挂炉不出热水了", "老板你好 我家热水器…", "喂 老板，在吗", "老板是我喊你的". It
// names the brand when something of the brand follows it: "老板的油烟机", "老板牌",
// "老板油烟机", "老板 油烟机不吸了" (a product the brand makes, after a space).
func calledBy(lx *Lexicon, s string, i, end, brand int) bool {
	if s[i:end] != "老板" {
		return false
	}
	rest := s[end:]
	if strings.HasPrefix(rest, "是我") || strings.HasPrefix(rest, "是叫") || strings.HasPrefix(rest, "是喊") || strings.HasPrefix(rest, "是称呼") {
		return true // "老板是我喊你的"
	}
	if shopOwner.MatchString(s[:i]) || ownerSays.MatchString(rest) {
		return true // "去店里修 老板讲要自己出钱": the shop's owner, a person
	}
	before := strings.Trim(s[:i], " "+clauseBreaks)
	for _, w := range []string{"喂", "哎", "诶", "嗨", "hello", "hi", "你好", "您好", "请问", "那个", "麻烦问下"} {
		before = strings.Trim(strings.TrimPrefix(before, w), " "+clauseBreaks)
	}
	if before != "" {
		return false // "我家老板的烟机": said inside the message, a brand
	}
	if strings.Trim(rest, " "+clauseBreaks) == "" {
		return false // "老板" alone answers the brand question
	}
	if strings.ContainsAny(firstRune(rest), clauseBreaks) {
		return true // "老板，油烟机…": said to the agent
	}
	for _, w := range []string{"你好", "您好", "好", "在吗", "在不", "在么", "在没", "在不在", "啊", "呀", "哈", "请问", "麻烦", "帮", "问下", "问一下", "我"} {
		if strings.HasPrefix(rest, w) {
			return true // "老板你好", "老板在吗", "老板我家热水器…"
		}
	}
	if after := strings.TrimLeft(rest, " "); after != rest {
		// "老板 油烟机不吸了": the brand's own product after a space is the brand's
		if c, _, ok := lx.catWords.at(after, 0); ok {
			return !slices.Contains(lx.brands[brand].categories, c)
		}
		if isTokenStart(after, 0) {
			if _, mb, mc, ok := matchModel(lx, after[:latinTokenEnd(after, 0)], brand, -1); ok && (mb == brand || slices.Contains(lx.brands[brand].categories, mc)) {
				return false // "老板 CXW-200-8229": the brand and its model
			}
		}
		return true // "老板 壁挂炉不出热水了"
	}
	return false
}

// adverbBefore reports whether a Chinese alias at byte i follows an adverb that makes it an
// ordinary word: "完美的" is not the brand 美的.
func adverbBefore(s string, i int) bool {
	if i == 0 || s[i] < utf8.RuneSelf {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return strings.ContainsRune(hanAdverbsBeforeBrand, r)
}

// simile reports whether the brand word at s[i:end] is a comparison ("冻得跟石头似的", "硬得
// 像石头一样"), not a brand.
func simile(s string, i, end int) bool {
	for _, after := range []string{"似的", "一样", "一般", "那样", "这样", "样"} {
		if strings.HasPrefix(s[end:], after) {
			return true
		}
	}
	r, _ := utf8.DecodeLastRuneInString(s[:i])
	return i > 0 && strings.ContainsRune("像如似", r)
}

// model finds a model number: first by the lexicon's patterns, the brand's own first; then,
// when the message names a product or says "型号", any plausible Latin token ("BCD-215TMPS").
// A pattern of a single brand names that brand; a category's pattern names the category.
func (x *extraction) model(lx *Lexicon) {
	s := x.s
	for i := 0; i < len(s); i++ {
		if !isTokenStart(s, i) {
			continue
		}
		if end, ok := x.takenByOther(i); ok {
			i = end - 1
			continue
		}
		tokEnd := latinTokenEnd(s, i)
		if tokEnd-i < 2 {
			continue // no model is one character long
		}
		if n, brand, cat, ok := matchModel(lx, s[i:tokEnd], x.brand, x.cat); ok {
			x.setModel(lx, i, i+n, brand, cat)
			return
		}
	}
	// No pattern matched: accept a plausible token after "型号", or in a message that names a
	// brand or a category.
	for i := 0; i < len(s); i++ {
		if !isTokenStart(s, i) {
			continue
		}
		if end, ok := x.takenByOther(i); ok {
			i = end - 1
			continue
		}
		end := compactTokenEnd(s, i)
		_, cued := precededBy(setModelCues, s, skipLabelBack(s, i), 5)
		least := 4
		if x.f.Category == OtherCategory && x.rightAfterProduct(i) || x.rightAfter(i, spanBrand) {
			least = 3 // "极米投影仪H3S", "科沃斯 T20"
		}
		if from, ok := x.afterBrandOutside(lx, i); ok && strings.ContainsAny(s[i:end], "0123456789") && plausibleModel(s[i:end], 2) {
			x.setModel(lx, from, seriesEnd(s, end), -1, -1) // "极米的H6", "雅迪 冠能DE8"
			return
		}
		if x.gluedToBrand(i) {
			if seriesNumber(s, i, end) {
				x.setModel(lx, i, seriesEnd(s, end), -1, -1) // "小米14", "荣耀90 Pro"
				return
			}
			least = 2 // "科沃斯T20", "拓竹A1"
		}
		if !cued && (x.brand < 0 && x.cat < 0 && x.f.Category != OtherCategory || !plausibleModel(s[i:end], least)) {
			// ("戴森吹风机 HD08": a product outside the lists names its model too)
			i = end - 1
			continue
		}
		if cued && !plausibleModel(s[i:end], 3) && !shortCuedModel(s[i:end]) {
			i = end - 1
			continue
		}
		if _, code := precededBy(setCodeCuesBefore, s, skipLabelBack(s, i), 3); code {
			i = end - 1
			continue
		}
		x.setModel(lx, i, seriesEnd(s, end), -1, -1) // "型号是H12 Pro": the series word is the model's
		return
	}
}

// gluedToBrand reports a token written right after the brand's name, no space between
// ("科沃斯T20", "小米14").
func (x *extraction) gluedToBrand(i int) bool {
	for _, sp := range x.spans[:x.n] {
		if sp.kind == spanBrand && sp.end == i && !isASCIILetter(x.s[sp.start]) {
			return true
		}
	}
	return false
}

// afterBrandOutside reports a token told right after the brand of a product outside the
// categories, which has no model patterns to read its models by: "极米的H6", "雅迪 DE3",
// "文石 BOOX Leaf3" (from the token), "雅迪 冠能DE8" (from the Chinese series glued to it,
// returned as from).
func (x *extraction) afterBrandOutside(lx *Lexicon, i int) (from int, ok bool) {
	if x.brand < 0 || len(lx.brands[x.brand].categories) > 0 {
		return 0, false
	}
	for _, sp := range x.spans[:x.n] {
		if sp.kind != spanBrand || sp.end > i {
			continue
		}
		between := strings.TrimLeft(x.s[sp.end:i], " ")
		for _, w := range []string{"牌子的", "牌的", "家的", "的"} {
			if b, cut := strings.CutPrefix(between, w); cut {
				between = strings.TrimLeft(b, " ,，:：") // "荣泰的，RT6810"
				break
			}
		}
		if _, taken := x.taken(i - len(between)); between == "" || taken && x.rightAfterProduct(i) {
			return i, true // "极米的H6", "极米投影仪H3S"
		}
		if n := utf8.RuneCountInString(between); n >= 2 && n <= 4 && !strings.ContainsRune(between, ' ') && hanOnly(between) &&
			!strings.ContainsAny(between, saidBefore+"机器台款个部只这那型色寸买用是") {
			return i - len(between), true
		}
		return 0, false
	}
	return 0, false
}

// seriesNumber reports a number of two or three digits glued to a brand that names a
// model in its series ("小米14信号差", "荣耀90"), not a quantity: no unit, price or time after
// it ("美的30升", "海尔2023年买的").
func seriesNumber(s string, i, end int) bool {
	if end-i < 2 || end-i > 3 {
		return false
	}
	for j := i; j < end; j++ {
		if !isASCIIDigit(s[j]) {
			return false
		}
	}
	rest := s[end:]
	for _, unit := range []string{"升", "寸", "英寸", "匹", "公斤", "斤", "千克", "年", "月", "天", "号", "块", "元", "个", "台", "次", "岁", "点", "分", "小时", "度", "米", "厘米", "瓦", "w", "W", "l", "L", "kg", "%", "p", "P", "g", "G", "mm", "cm", "多", "来", "几"} {
		if strings.HasPrefix(rest, unit) {
			return false
		}
	}
	return true
}

// seriesEnd extends a series number by the edition words after it ("14 Pro", "90 Ultra").
func seriesEnd(s string, end int) int {
	rest := strings.TrimLeft(s[end:], " ")
	for _, w := range []string{"Pro+", "Pro", "pro", "Ultra", "ultra", "Max", "max", "Plus", "plus", "SE", "se", "Mini", "mini"} {
		if strings.HasPrefix(rest, w) && (len(rest) == len(w) || !isASCIIAlnum(rest[len(w)])) {
			return len(s) - len(rest) + len(w)
		}
	}
	return end
}

// rightAfterProduct reports a token written right after the product's or the brand's name,
// a space between at most ("投影仪H3S", "吹风机 HD08").
func (x *extraction) rightAfterProduct(i int) bool {
	return x.rightAfter(i, spanCategory) || x.rightAfter(i, spanBrand)
}

// rightAfter reports a token written right after a span of kind, a space between at most:
// "科沃斯 T20" after the brand.
func (x *extraction) rightAfter(i int, kind spanKind) bool {
	j := len(strings.TrimRight(x.s[:i], " "))
	for _, sp := range x.spans[:x.n] {
		if sp.kind == kind && sp.end == j {
			return true
		}
	}
	return false
}

func (x *extraction) setModel(lx *Lexicon, start, end, brand, cat int) {
	x.f.Model = canonicalModel(x.s[start:end])
	if line := x.lineBefore(start); line != "" {
		// "联想小新Pro14": a product line in Chinese before its number, kept as written
		x.f.Model = line + strings.Join(strings.Fields(strings.TrimRight(x.s[start:end], "-/+._#( ")), " ")
		start -= len(line)
	}
	x.mark(start, end, spanModel)
	if x.brand < 0 && brand >= 0 {
		x.brand = brand
	}
	if x.cat < 0 && cat >= 0 {
		x.cat, x.catGuessed = cat, true
	}
	if lx != nil {
		x.settleProduct(lx)
	}
}

// takenByOther is taken, except that a brand or category name may start a model ("iPhone 15").
// lineBefore returns the Chinese product-line name written right before a model token
// in mixed case ("小新" in "联想小新Pro14"): up to four characters no other fact took
// (the brand, the product), none of the words customers put before a model ("是", "的",
// "型号") and none naming a kind of unit ("挂机", "那台").
func (x *extraction) lineBefore(start int) string {
	tok := x.s[start:min(len(x.s), start+24)]
	if strings.ToUpper(tok) == tok || !isASCIILetter(x.s[start]) {
		return "" // "KFR-35GW" after 挂机 is no product line; "Pro14", "Mate60" may be
	}
	for _, sp := range x.spans[:x.n] {
		if sp.kind == spanBrand && sp.end == start {
			if w := x.s[sp.start:sp.end]; w != x.f.Brand && !isASCIILetter(w[0]) {
				return w // "小新Pro16": a series the lexicon knows as the brand's alias (小新, 拯救者)
			}
		}
	}
	i, n := start, 0
	for i > 0 && n < 4 {
		r, size := utf8.DecodeLastRuneInString(x.s[:i])
		if !unicode.Is(unicode.Han, r) || strings.ContainsRune(saidBefore+"机器台款个部只这那型款色寸", r) {
			break
		}
		if _, taken := x.taken(i - size); taken {
			break
		}
		i -= size
		n++
	}
	if n < 2 {
		return ""
	}
	return x.s[i:start]
}

func (x *extraction) takenByOther(i int) (end int, ok bool) {
	for _, sp := range x.spans[:x.n] {
		if sp.start <= i && i < sp.end && sp.kind != spanBrand && sp.kind != spanCategory {
			return sp.end, true
		}
	}
	return i, false
}

// matchModel tries the lexicon's model patterns on tok, which starts a Latin token: the
// known brand's patterns, then the known category's, then all of them. It returns the
// matched length and, for a match of all patterns, the brand (when only one brand's patterns
// match) and category it implies.
func matchModel(lx *Lexicon, tok string, brand, cat int) (n, mBrand, mCat int, ok bool) {
	if lx == nil {
		return 0, -1, -1, false
	}
	try := func(p modelPattern) int {
		loc := p.re.FindStringIndex(tok)
		if loc == nil || loc[1] == 0 {
			return 0
		}
		e := loc[1]
		if e < len(tok) && isASCIIAlnum(tok[e-1]) && isASCIIAlnum(tok[e]) {
			return 0 // stops inside a word: "KFR-35G" of "KFR-35GW"
		}
		if rest := tok[e:]; len(rest) >= 2 && len(rest) <= 5 && rest[0] == '-' && isASCIIAlnumString(rest[1:]) {
			return len(tok) // a suffix the pattern leaves out ends the token: "75V1F-R"
		}
		return e
	}
	if brand >= 0 {
		for _, p := range lx.models {
			if p.brand == brand {
				if n := try(p); n > 0 {
					return n, brand, p.category, true
				}
			}
		}
	}
	if cat >= 0 {
		for _, p := range lx.models {
			if p.brand < 0 && p.category == cat {
				if n := try(p); n > 0 {
					return n, -1, cat, true
				}
			}
		}
	}
	// All patterns: the longest match wins. It names a brand only when every pattern that
	// matches that long is the same brand's, and no category's generic pattern matches too
	// ("KFR-35GW" fits several air-conditioner brands).
	mBrand, mCat = -1, -1
	brands, cats, generic := 0, 0, false
	for _, p := range lx.models {
		k := try(p)
		if k == 0 || k < n {
			continue
		}
		if k > n {
			n, mBrand, mCat, brands, cats, generic = k, -1, -1, 0, 0, false
		}
		if p.brand < 0 {
			generic = true
		} else if p.brand != mBrand {
			mBrand = p.brand
			brands++
		}
		if p.category >= 0 && p.category != mCat {
			mCat = p.category
			cats++
		}
	}
	if n == 0 {
		return 0, -1, -1, false
	}
	if brands != 1 || generic || brand >= 0 && mBrand != brand {
		mBrand = -1
	}
	if cats != 1 {
		mCat = -1
	}
	return n, mBrand, mCat, true
}

// isTokenStart reports whether an ASCII letter or digit at byte i starts a Latin token.
func isTokenStart(s string, i int) bool {
	return isASCIIAlnum(s[i]) && (i == 0 || !isASCIIAlnum(s[i-1]) && s[i-1] != '-' && s[i-1] != '/' && s[i-1] != '.')
}

// latinTokenEnd returns the end of the Latin token at byte i: letters, digits, the symbols
// model numbers use (- / + . _ # ( )), and single spaces between words ("iPhone 15 Pro").
func latinTokenEnd(s string, i int) int {
	end := i
	for j := i; j < len(s) && j-i < 48; j++ {
		b := s[j]
		switch {
		case isASCIIAlnum(b):
			end = j + 1
		case strings.IndexByte("-/+._#()", b) >= 0:
		case b == ' ' && j+1 < len(s) && isASCIIAlnum(s[j+1]) && j > i && isASCIIAlnum(s[j-1]):
		default:
			return end
		}
	}
	return end
}

// compactTokenEnd is latinTokenEnd without spaces: "BCD-215TMPS/A".
func compactTokenEnd(s string, i int) int {
	end := i
	for j := i; j < len(s) && j-i < 40; j++ {
		b := s[j]
		switch {
		case isASCIIAlnum(b):
			end = j + 1
		case strings.IndexByte("-/+._#()", b) >= 0:
		default:
			return end
		}
	}
	return end
}

// plausibleModel reports whether tok looks like a model number: at least minLen long,
// starting with a letter, with letters and digits, and not a quantity ("220V", "5G").
func plausibleModel(tok string, minLen int) bool {
	if len(tok) < minLen || !isASCIILetter(tok[0]) {
		return false
	}
	digits := 0
	for i := 0; i < len(tok); i++ {
		if isASCIIDigit(tok[i]) {
			digits++
		}
	}
	if strings.Count(tok, "(") != strings.Count(tok, ")") || strings.ContainsAny(tok, "<>;'\"=") {
		return false // "alert(1", "x';": code typed at the bot, no model
	}
	return digits > 0 && !strings.EqualFold(tok, "wifi6")
}

// shortCuedModel is a model too short or digit-first for plausibleModel that a "型号" cue
// vouches for: letters and digits both, "5X", "A6", "9X".
func shortCuedModel(tok string) bool {
	letters, digits := 0, 0
	for i := 0; i < len(tok); i++ {
		switch {
		case isASCIIDigit(tok[i]):
			digits++
		case isASCIILetter(tok[i]):
			letters++
		default:
			return false
		}
	}
	return len(tok) >= 2 && letters > 0 && digits > 0
}

// canonicalModel upper-cases a model number and squeezes its spaces, so that "kfr-35gw" and
// "KFR-35GW" count as one model in reports.
func canonicalModel(m string) string {
	m = strings.TrimRight(m, "-/+._#( ")
	if strings.Contains(m, "  ") {
		m = strings.Join(strings.Fields(m), " ")
	}
	return asciiUpper(m)
}

// ParseModel reads the answer to "what is the model?": a model of the lexicon's shapes, or
// else any token of letters and digits ("X1 Carbon" is read as "X1"). ok is false when the
// answer holds no such token.
func ParseModel(text string, lx *Lexicon) (model string, ok bool) {
	s := normalizeText(text)
	for i := 0; i < len(s); i += runeLen(s, i) {
		if !isTokenStart(s, i) {
			continue
		}
		if n, _, _, ok := matchModel(lx, s[i:latinTokenEnd(s, i)], -1, -1); ok {
			return canonicalModel(s[i : i+n]), true
		}
	}
	for i := 0; i < len(s); i += runeLen(s, i) {
		if !isTokenStart(s, i) {
			continue
		}
		end := compactTokenEnd(s, i)
		tok := s[i:end]
		if plausibleModel(tok, 2) || len(tok) >= 3 && strings.ContainsAny(tok, "0123456789") {
			return canonicalModel(tok), true
		}
		i = end - 1
	}
	return "", false
}

// connectTarget reports words right before a product that make it what another device
// connects to: "连不上手机", "投屏到电视", "和路由器配对".
func connectTarget(before string) bool {
	b := strings.TrimRight(before, " ")
	for _, w := range []string{"连不上", "连不了", "连接不上", "连接不了", "连接", "连上", "连到", "配对不了", "配对", "绑定", "投屏到", "投到", "同步到"} {
		if strings.HasSuffix(b, w) {
			return true
		}
	}
	return false
}

// hanOnly reports whether s is written in Chinese characters only.
func hanOnly(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return s != ""
}

// isASCIIAlnumString reports whether s is ASCII letters and digits only.
func isASCIIAlnumString(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isASCIIAlnum(s[i]) {
			return false
		}
	}
	return s != ""
}
