package knowledge

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
	"golang.org/x/text/unicode/norm"
)

// Canon is the form a customer's message is understood in. It is the first stage of
// understanding and changes nothing a person would read differently:
//
//   - Unicode NFKC, so full-width letters, digits and punctuation, circled numbers and
//     compatibility forms become their plain twins ("ＫＦＲ－３５" → "KFR-35", "①" → "1");
//
//   - traditional characters become simplified ones, as customers in Hong Kong, Macao and
//     Taiwan write ("熱水爐有陣煤氣味" → "热水炉有阵煤气味"; OpenCC's t2s);
//
//   - invisible format characters are dropped: zero-width space and joiners, the BOM, the
//     soft hyphen, bidirectional marks, variation selectors ("冒\u200b烟" → "冒烟");
//
//   - runs of the same punctuation collapse to one ("！！！" → "!", "。。。" → "。", "..." → "…");
//
//   - common typos and homophones of the words that matter are corrected ("空掉" → "空调",
//     "漏点" → "漏电", "冰相" → "冰箱"), and pinyin typed for them is read as the word
//     ("kongtiao bu zhi leng" → "空调不制冷").
//
//   - a message typed with a space between nearly every word has the spaces between its
//     Chinese characters dropped ("我 的 电子书 屏幕 不 动 了", despaced).
//
// Letters keep their case and spaces are otherwise kept: Canon feeds the extractors, which
// need both. The transcript keeps what the customer typed; only understanding reads Canon.
func Canon(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	s = simplified(nfkc(s))
	var b strings.Builder
	b.Grow(len(s))
	var last rune
	dots := 0
	for _, r := range s {
		if invisible(r) {
			continue
		}
		if r == '.' {
			dots++
			continue
		}
		if dots > 0 {
			flushDots(&b, dots)
			dots = 0
		}
		if r == last && repeatable(r) {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	if dots > 0 {
		flushDots(&b, dots)
	}
	return fixWords(despaced(b.String()))
}

// despaced joins the words of a message typed with a space between nearly every word,
// as some learners of Chinese and some voice keyboards write ("我 的 电子书 阅读器 屏幕
// 一半 不 动 了" → "我的电子书阅读器屏幕一半不动了"): the spaces there cut words no cue or
// extractor expects cut. A message whose spaces separate its parts ("天天掉线 晚上特别严重")
// keeps them: it needs at least four spaces between Chinese characters and at most two
// characters a word on average.
func despaced(s string) string {
	gaps, han := 0, 0
	prev, prevSpace := rune(0), false
	for _, r := range s {
		switch {
		case r == ' ':
			prevSpace = prev != 0 && unicode.Is(unicode.Han, prev)
			continue
		case unicode.Is(unicode.Han, r):
			han++
			if prevSpace {
				gaps++
			}
		}
		prev, prevSpace = r, false
	}
	if gaps < 4 || han > 2*(gaps+1) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(s)
	for i, r := range rs {
		if r == ' ' && i > 0 && i+1 < len(rs) && unicode.Is(unicode.Han, rs[i-1]) && unicode.Is(unicode.Han, rs[i+1]) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// nfkc applies NFKC to s except to the full-width punctuation of Chinese text ("，", "？",
// "（"), which it keeps: the extractors read it, and staff read symptoms cut from it.
// t2s is OpenCC's traditional-to-simplified converter, built on first use (it loads its
// dictionaries).
var t2s = sync.OnceValue(func() *opencc.OpenCC {
	c, err := opencc.New("t2s")
	if err != nil {
		panic(err) // the dictionaries are embedded in the library
	}
	return c
})

// simplified converts traditional characters to simplified ones. Cantonese characters
// t2s turns into rare ones no customer types and no cue knows stay as written (嗰, 燶,
// 餸, 喎).
func simplified(s string) string {
	if !hasHan(s) {
		return s
	}
	out, err := t2sConvert(t2s(), s)
	if err != nil {
		return s
	}
	return cantoneseKept.Replace(out)
}

var cantoneseKept = strings.NewReplacer("𠮶", "嗰", "㶶", "燶", "𩠌", "餸", "㖞", "喎")

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x2E80 {
			return true
		}
	}
	return false
}

func nfkc(s string) string {
	if norm.NFKC.IsNormalString(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	start := 0
	for i, r := range s {
		if keepWide(r) {
			b.WriteString(norm.NFKC.String(s[start:i]))
			b.WriteRune(r)
			start = i + utf8.RuneLen(r)
		}
	}
	b.WriteString(norm.NFKC.String(s[start:]))
	return b.String()
}

// keepWide reports full-width punctuation kept as typed. Letters, digits and the symbols
// found in model and phone numbers (－／：＋．＃) are folded.
func keepWide(r rune) bool {
	if r < 0xFF01 || r > 0xFF65 {
		return false
	}
	switch {
	case r >= '０' && r <= '９', r >= 'Ａ' && r <= 'Ｚ', r >= 'ａ' && r <= 'ｚ',
		r == '－', r == '／', r == '：', r == '＋', r == '．', r == '＃', r == '＿':
		return false
	}
	return true
}

// flushDots writes a run of n full stops: one stays one (a decimal point, "A.O.史密斯"),
// more are an ellipsis.
func flushDots(b *strings.Builder, n int) {
	if n == 1 {
		b.WriteByte('.')
		return
	}
	b.WriteRune('…')
}

// invisible reports format characters and variation selectors, which change nothing a
// reader sees but split words apart.
func invisible(r rune) bool {
	switch {
	case r == '\u00AD', r == '\uFEFF', r >= '\u200B' && r <= '\u200F', r >= '\u202A' && r <= '\u202E',
		r >= '\u2060' && r <= '\u206F', r >= '\uFE00' && r <= '\uFE0F', r >= 0xE0100 && r <= 0xE01EF:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

// repeatable reports punctuation whose repetition adds only emphasis.
func repeatable(r rune) bool {
	switch r {
	case '!', '?', '！', '？', '。', ',', '，', '~', '～', '…', '、', ';', '；', '-', '—':
		return true
	}
	return false
}

// typos are misspellings and homophones customers type for the words understanding looks
// for (products, faults, hazards), with the word meant. Each is specific enough never to be
// a real word in a fault report.
var typos = []struct{ from, to string }{
	{"空掉", "空调"}, {"空条", "空调"}, {"空凋", "空调"}, {"冰相", "冰箱"}, {"冰厢", "冰箱"}, {"冰想", "冰箱"}, {"冰香", "冰箱"}, {"吾姓", "我姓"}, {"阿拉姓", "我姓"}, {"空气炸过", "空气炸锅"},
	{"洗衣鸡", "洗衣机"}, {"洗衣几", "洗衣机"}, {"洗依机", "洗衣机"}, {"热水气", "热水器"}, {"热水起", "热水器"},
	{"油烟鸡", "油烟机"}, {"电恼", "电脑"}, {"点脑", "电脑"}, {"笔计本", "笔记本"}, {"笔记笨", "笔记本"},
	{"微波路", "微波炉"}, {"微博炉", "微波炉"}, {"洗碗鸡", "洗碗机"}, {"洗完机", "洗碗机"}, {"电饭堡", "电饭煲"},
	{"电饭包", "电饭煲"}, {"电饭宝", "电饭煲"}, {"路游器", "路由器"}, {"路油器", "路由器"}, {"平扳", "平板"},
	{"净水气", "净水器"}, {"扫地鸡", "扫地机"}, {"遥空器", "遥控器"}, {"摇控器", "遥控器"},
	{"漏点", "漏电"}, {"露电", "漏电"}, {"治冷", "制冷"}, {"至冷", "制冷"}, {"治热", "制热"}, {"至热", "制热"}, {"吹热疯", "吹热风"}, {"吹冷疯", "吹冷风"}, {"出热疯", "出热风"},
	{"没反映", "没反应"}, {"不反映", "不反应"}, {"显视", "显示"}, {"煤汽", "煤气"}, {"燃汽", "燃气"},
	{"然气", "燃气"}, {"天燃气", "天然气"}, {"冒火化", "冒火花"}, {"伙花", "火花"}, {"电试机", "电视机"}, {"着伙", "着火"}, {"冒伙", "冒火"}, {"好咗", "好了"}, {"古包", "鼓包"}, {"鼓胞", "鼓包"}, {"股包", "鼓包"}, {"鼓苞", "鼓包"}, {"拍水", "排水"},
	{"冒眼", "冒烟"}, {"木有", "没有"}, {"0反应", "没反应"}, {"零反应", "没反应"}, {"0效果", "没效果"}, {"零效果", "没效果"}, {"有冇", "有没有"}, {"冇", "没"}, {"臭几蛋", "臭鸡蛋"}, {"漏器", "漏气"}, {"打伙", "打火"}, {"插坐", "插座"}, {"插做", "插座"}, {"通这电", "通着电"}, {"燎毛", "烧毛"}, {"外客摸", "外壳摸"}, {"是不是楼电", "是不是漏电"}, {"有点楼电", "有点漏电"}, {"少焦", "烧焦"}, {"唔使", "不用"}, {"系咪", "是不是"}, {"warranty", "保修"}, {"伐要", "不要"}, {"覅", "不要"}, {"没得", "没有"}, {"莫得", "没有"}, {"勿是", "不是"}, {"唔系", "不是"}, {"唔是", "不是"}, {"燃起味", "燃气味"}, {"煤起味", "煤气味"}, {"转人共", "转人工"}, {"人共", "人工"}, {"头诉", "投诉"}, {"写写", "谢谢"}, {"冒湮", "冒烟"}, {"着活", "着火"}, {"麻酥酥", "发麻"}, {"酥麻", "发麻"},
	// 著 stays 著 in t2s, which leaves traditional fire words apart from the simplified ones: "冷氣機著火了"
	{"著火", "着火"}, {"烧著", "烧着"}, {"点著", "点着"}, {"著起", "着起"}, {"著了火", "着了火"}, {"燃著", "燃着"},
	{"仨月", "三个月"}, {"俩月", "两个月"}, {"仨礼拜", "三个礼拜"}, {"俩礼拜", "两个礼拜"}, {"仨星期", "三个星期"}, {"俩星期", "两个星期"},
	{"仨年", "三年"}, {"俩年", "两年"}, {"旧年", "去年"}, {"上年", "去年"},
	{"汏衣裳机器", "洗衣机"}, {"汏衣裳机", "洗衣机"}, {"汏衣裳", "洗衣服"}, {"汏衣服", "洗衣服"}, // Shanghainese 汏 is 洗
	{"热水期", "热水器"}, {"热水几", "热水器"}, {"海二的", "海尔的"}, {"牌子是海二", "牌子是海尔"}, {"海二牌", "海尔牌"}, {"厝里", "家里"}, {"无网", "没网"}, {"海而", "海尔"}, {"窗维", "创维"}, {"创唯", "创维"}, {"是美滴", "是美的"}, {"美滴的", "美的的"}, {"格里的", "格力的"}, {"格历", "格力"}, {"油烟几", "油烟机"}, {"洗碗几", "洗碗机"}, {"电式机", "电视机"}, {"酒阳", "九阳"}, {"久阳", "九阳"}, {"九羊", "九阳"}, {"苏泊儿", "苏泊尔"}, {"苏伯尔", "苏泊尔"},
	// Dialect negations before a fault verb (Cantonese 唔, Minnan 袂, Wu 弗/勿; Cantonese 冻 is cold): "部雪柜唔凍",
	// "冷气机袂冷", "洗衣机弗转", "遥控器勿灵" are faults, never "solved"; 冇 is 没 above.
	{"犹原", "还是"}, {"部雪柜", "雪柜"}, {"部冷气机", "冷气机"}, // Minnan 犹原 is "still"; Cantonese 部 counts machines
	{"打唔着", "打不着"}, {"点唔着", "点不着"}, {"灯唔着", "灯不亮"}, {"灯袂着", "灯不亮"}, {"搵唔着", "找不到"}, {"揾唔着", "找不到"}, {"睇唔着", "看不到"}, {"瞓唔着", "睡不着"},
	{"开唔着", "开不了"}, {"唔着", "开不了"}, {"唔制冷", "不制冷"}, {"唔制热", "不制热"}, {"唔冻", "不冷"}, {"唔冷", "不冷"}, {"唔凉", "不凉"},
	{"唔热", "不热"}, {"唔郁", "不动"}, {"唔转", "不转"}, {"唔亮", "不亮"}, {"唔响", "不响"}, {"唔灵", "不灵"}, {"唔出水", "不出水"}, {"唔入水", "不进水"},
	{"袂使", "不能用"}, {"袂用", "不能用"}, {"袂冷", "不冷"}, {"袂凉", "不凉"}, {"袂冻", "不冷"}, {"袂热", "不热"}, {"袂动", "不动"}, {"袂转", "不转"},
	{"袂亮", "不亮"}, {"袂响", "不响"}, {"袂开", "开不了"}, {"袂着", "开不了"}, {"袂制冷", "不制冷"}, {"袂出水", "不出水"}, {"袂灵", "不灵"},
	{"弗转", "不转"}, {"弗动", "不动"}, {"弗灵", "不灵"}, {"弗冷", "不冷"}, {"弗热", "不热"}, {"弗亮", "不亮"}, {"弗响", "不响"}, {"弗制冷", "不制冷"}, {"弗来事", "不行"}, {"弗好用", "不好用"},
	{"勿转", "不转"}, {"勿动", "不动"}, {"勿灵", "不灵"}, {"勿冷", "不冷"}, {"勿热", "不热"}, {"勿亮", "不亮"}, {"勿响", "不响"}, {"勿制冷", "不制冷"}, {"勿来事", "不行"}, {"勿好用", "不好用"},
	{"呒没", "没有"}, {"今朝", "今天"}, {"勿晓得", "不知道"}, {"弗晓得", "不知道"}, {"晓不得", "不知道"}, {"记不到", "记不得"},
}

// pinyin are words customers type in pinyin, read as the Chinese they stand for when a
// run of Latin letters (spaces allowed) is made of them entirely: "kongtiao buzhileng".
var pinyin = map[string]string{
	"kongtiao": "空调", "bingxiang": "冰箱", "xiyiji": "洗衣机", "reshuiqi": "热水器", "dianshi": "电视",
	"shouji": "手机", "diannao": "电脑", "bijiben": "笔记本", "youyanji": "油烟机", "ranqizao": "燃气灶",
	"weibolu": "微波炉", "xiwanji": "洗碗机", "saodiji": "扫地机", "jingshuiqi": "净水器", "dianfanbao": "电饭煲",
	"pingban": "平板", "erji": "耳机", "shoubiao": "手表", "shouhuan": "手环", "luyouqi": "路由器",
	"huaile": "坏了", "huai": "坏", "le": "了", "bu": "不", "zhileng": "制冷", "zhire": "制热", "leng": "冷",
	"loudian": "漏电", "maoyan": "冒烟", "zhaohuo": "着火", "qihuo": "起火", "loushui": "漏水", "meiqi": "煤气",
	"ranqi": "燃气", "wei": "味", "kaiji": "开机", "kaibuliao": "开不了", "chongdian": "充电", "buneng": "不能",
	"zhuanrengong": "转人工", "rengong": "人工", "xiexie": "谢谢", "zaijian": "再见", "haole": "好了",
	"meiyong": "没用", "buxing": "不行", "zhidao": "知道", "xuliehao": "序列号", "xinghao": "型号",
	"xiang": "响", "zaoyin": "噪音", "paishui": "排水", "jinshui": "进水", "dian": "电", "mei": "没", "you": "有",
	"a": "啊", "ba": "吧", "ne": "呢", "ma": "吗", "la": "啦", "xiu": "修", "quxiao": "取消", "zaima": "在吗", "zai": "在",
	"hao": "好", "buhao": "不好", "xing": "行", "qu": "去", "xiao": "消",
	"ni": "你", "shi": "是", "guan": "关", "huo": "火", "hai": "还", "guanle": "关了", "ji": "机", "qi": "器", "jiqiren": "机器人", "jiqi": "机器", "zhenren": "真人", "ren": "人", "na": "哪", "nali": "哪里",
	"heiping": "黑屏", "kadun": "卡顿", "ka": "卡", "shengyin": "声音", "meiyou": "没有",
	"chatou": "插头", "chazuo": "插座", "dahuo": "打火", "huohua": "火花", "mahua": "麻", "fama": "发麻", "chudian": "触电",
	"gubao": "鼓包", "jiaowei": "焦味", "huwei": "糊味", "tiaozha": "跳闸",
	"pengzhang": "膨胀", "fare": "发热", "zhuohuo": "着火", "mamade": "麻麻的", "xielou": "泄漏", "chuyan": "出烟",
	"shaoqilai": "烧起来", "tangshou": "烫手", "dianren": "电人", "louqi": "漏气",
}

// abbreviations are the initials of pinyin customers type for products, dates and shops,
// read only as a whole word: "kt不制冷", "xyj漏水", "qn买的".
var abbreviations = map[string]string{
	"kt": "空调", "xyj": "洗衣机", "rsq": "热水器", "sj": "手机", "dn": "电脑", "bjb": "笔记本",
	"ds": "电视", "yyj": "油烟机", "wbl": "微波炉", "xwj": "洗碗机", "sdj": "扫地机", "jsq": "净水器",
	"dfb": "电饭煲", "lyq": "路由器", "pb": "平板",
	// the dates and shops of a purchase: "qn双十一买的 tb上"
	"jn": "今年", "qn": "去年", "qqn": "前年", "tb": "淘宝", "dy": "抖音",
}

// fixWords applies typos, abbreviations and pinyin.
func fixWords(s string) string {
	s = fixTypos(s)
	if !hasLatinLetters(s) {
		return s
	}
	if strings.Contains(s, "yue") {
		s = monthPinyin.ReplaceAllString(s, "${1}月") // "qn 10yue"
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if !isLatinLetter(s[i]) || (i > 0 && isASCIIAlnum(rune(lowerByte(s[i-1])))) {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i // a run of letters and single spaces between letters
		for j < len(s) && (isLatinLetter(s[j]) || s[j] == ' ' && j+1 < len(s) && isLatinLetter(s[j+1]) && j > i) {
			j++
		}
		if j < len(s) && isASCIIAlnum(rune(lowerByte(s[j]))) { // glued to digits: a model, a code
			b.WriteString(s[i:j])
			i = j
			continue
		}
		b.WriteString(readLatinRun(s[i:j]))
		i = j
	}
	return b.String()
}

// monthPinyin is a month typed as a number and pinyin: "10yue", "3 yue".
var monthPinyin = regexp.MustCompile(`(\d{1,2}) ?yue`)

// readLatinRun reads a run of Latin words: an abbreviation, pinyin, English hazard words, or
// groups of pinyin words in it. An abbreviation among pinyin words is read apart from them:
// "xyj bu tuoshui le" is "洗衣机不脱水了".
func readLatinRun(raw string) string {
	run := strings.ToLower(strings.ReplaceAll(raw, " ", ""))
	if zh, ok := abbreviations[run]; ok {
		return zh
	}
	if zh, ok := readPinyinWords(strings.Fields(strings.ToLower(raw))); ok {
		return zh
	}
	if zh, ok := readPinyin(run); ok {
		return zh
	}
	if zh, ok := englishWords(raw); ok {
		return zh
	}
	if words := strings.Fields(raw); len(words) > 1 && slices.ContainsFunc(words, func(w string) bool { _, ok := abbreviations[strings.ToLower(w)]; return ok }) {
		var b strings.Builder
		from := 0
		for k := 0; k <= len(words); k++ {
			zh, abbr := "", false
			if k < len(words) {
				zh, abbr = abbreviations[strings.ToLower(words[k])]
			}
			if !abbr && k < len(words) {
				continue
			}
			if from < k {
				b.WriteString(readLatinRun(strings.Join(words[from:k], " ")))
			}
			b.WriteString(zh)
			from = k + 1
		}
		return b.String()
	}
	return pinyinGroups(raw)
}

// english are the English words for hazards customers mix into Chinese ("TV背后有smoke冒
// 出来", "插座有spark"), read as the Chinese the hazard cues know. Safety words only: a
// product or a fault in English is left as typed.
var english = map[string]string{
	"smoke": "烟", "smoking": "冒烟", "smoky": "有烟", "fire": "火", "flame": "火苗", "flames": "火苗",
	"spark": "火花", "sparks": "火花", "sparking": "打火花", "burning": "烧焦", "burnt": "烧焦", "burned": "烧焦",
	"shock": "触电", "shocked": "触电", "electrocuted": "触电", "gas": "燃气", "explode": "爆炸", "exploded": "爆炸",
	"explosion": "爆炸", "swollen": "鼓包", "swelling": "鼓包", "bulging": "鼓包", "melted": "熔化", "melting": "熔化",
	"leak": "漏", "leaking": "漏", "leaks": "漏", "rotten": "臭", "egg": "鸡蛋", "eggs": "鸡蛋", "stove": "灶",
}

// englishWords reads the English hazard words of a run of Latin words, keeping the others
// as typed; ok when it read one.
func englishWords(run string) (string, bool) {
	words := strings.Fields(run)
	read := false
	for k, w := range words {
		if zh, ok := english[strings.ToLower(w)]; ok {
			words[k], read = zh, true
		}
	}
	if !read {
		return "", false
	}
	return strings.Join(words, ""), true
}

// pinyinGroups reads, in a run of words that is not pinyin as a whole ("wifi lian bu
// shang"), the groups of two or more consecutive words that are: one word alone is left
// as typed, for English words can look like pinyin ("long", "shine").
func pinyinGroups(run string) string {
	words := strings.Fields(run)
	if len(words) < 3 {
		return run
	}
	var out []string
	for i := 0; i < len(words); {
		done := false
		for j := len(words); j >= i+2; j-- {
			if zh, ok := readPinyin(strings.ToLower(strings.Join(words[i:j], ""))); ok {
				out = append(out, zh)
				i, done = j, true
				break
			}
		}
		if !done {
			out = append(out, words[i])
			i++
		}
	}
	return strings.Join(out, " ")
}

// readPinyinWords reads pinyin typed as separate words along the customer's own spaces,
// joining consecutive words that make one word ("dian shi" is 电视) and reading each other
// word alone ("you meiqi wei" is 有煤气味, where the run read as one would cut "youmei");
// ok only when there are two words or more and every one is pinyin.
func readPinyinWords(words []string) (string, bool) {
	if len(words) < 2 {
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(words); {
		j := len(words)
		for ; j > i+1; j-- {
			if zh, ok := pinyinWord(strings.Join(words[i:j], "")); ok {
				b.WriteString(zh)
				break
			}
		}
		if j > i+1 {
			i = j
			continue
		}
		zh, ok := pinyinWord(words[i])
		if !ok {
			if zh, ok = readPinyin(words[i]); !ok {
				return "", false
			}
		}
		b.WriteString(zh)
		i++
	}
	return b.String(), true
}

// readPinyin segments a run of lower-case letters into pinyin words, longest first; ok
// only when the whole run is pinyin and it is longer than a single syllable.
func readPinyin(run string) (string, bool) {
	if len(run) < 4 {
		return "", false
	}
	var b strings.Builder
	for i := 0; i < len(run); {
		found := false
		for l := min(len(run)-i, 30); l >= 1; l-- {
			if zh, ok := pinyinWord(run[i : i+l]); ok {
				b.WriteString(zh)
				i += l
				found = true
				break
			}
		}
		if !found {
			return "", false
		}
	}
	return b.String(), true
}

func hasLatinLetters(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if isLatinLetter(s[i]) && isLatinLetter(s[i+1]) {
			return true
		}
	}
	return false
}

func isLatinLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
