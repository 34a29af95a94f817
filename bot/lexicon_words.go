package bot

// The generic Chinese the extractors understand, in one place.
//
// These lists are language, not product knowledge: how people name a shop, say "yesterday",
// deny something or describe a fault. Brands, models and product categories are NOT here;
// they come from the knowledge base at run time through Lexicon.
//
// To teach the extractors a new expression, add it to the right list and add a case for it
// to the table in the matching _test.go file. Latin words are matched case-insensitively and
// only as whole words. Where two entries of one list overlap, the longest match wins
// ("掉进水里" is water before "掉进" is a foreign object).

// clauseBreaks end a clause: the extractors never let a fact run across one.
const clauseBreaks = "，,。;；!！?？\n\r、~～…|"

// channelWords name where a product was bought. Weak words ("商场", "二手") count in a free
// message only when the same clause speaks of buying; ParseChannel takes them all.
var channelWords = []struct {
	word    string
	channel Channel
	weak    bool
}{
	{"京东", ChannelJD, false}, {"京东自营", ChannelJD, false}, {"京东商城", ChannelJD, false},
	{"京东旗舰店", ChannelJD, false}, {"jd", ChannelJD, false}, {"狗东", ChannelJD, false},
	{"天猫", ChannelTmall, false}, {"天猫旗舰店", ChannelTmall, false}, {"天猫超市", ChannelTmall, false},
	{"tmall", ChannelTmall, false}, {"猫超", ChannelTmall, false},
	{"淘宝", ChannelTaobao, false}, {"taobao", ChannelTaobao, false}, {"某宝", ChannelTaobao, false},
	{"拼多多", ChannelPinduoduo, false}, {"pdd", ChannelPinduoduo, false}, {"拼夕夕", ChannelPinduoduo, false},
	{"苏宁", ChannelSuning, false}, {"苏宁易购", ChannelSuning, false},
	{"国美", ChannelGome, false}, {"国美电器", ChannelGome, false},
	{"抖音", ChannelDouyin, false}, {"抖店", ChannelDouyin, false}, {"抖音商城", ChannelDouyin, false},
	{"直播间", ChannelDouyin, true},
	{"官网", ChannelOfficial, false}, {"官方网站", ChannelOfficial, false}, {"官方商城", ChannelOfficial, false},
	{"官方小程序", ChannelOfficial, false}, {"官方app", ChannelOfficial, false}, {"品牌商城", ChannelOfficial, false},
	{"华为商城", ChannelOfficial, false}, {"小米商城", ChannelOfficial, false}, {"apple store", ChannelOfficial, false},
	{"官方旗舰店", ChannelOfficial, true}, {"商城", ChannelOfficial, true},
	{"线下", ChannelOffline, true}, {"实体店", ChannelOffline, false}, {"门店", ChannelOffline, true},
	{"专卖店", ChannelOffline, false}, {"专柜", ChannelOffline, true}, {"商场", ChannelOffline, true},
	{"超市", ChannelOffline, true}, {"卖场", ChannelOffline, true}, {"体验店", ChannelOffline, false},
	{"直营店", ChannelOffline, false}, {"小米之家", ChannelOffline, false}, {"电器城", ChannelOffline, true},
	{"家电城", ChannelOffline, true}, {"五星电器", ChannelOffline, false}, {"店里", ChannelOffline, true},
	{"闲鱼", ChannelOther, false}, {"二手", ChannelOther, true}, {"朋友送的", ChannelOther, false},
	{"别人送的", ChannelOther, false}, {"送的", ChannelOther, true}, {"赠品", ChannelOther, true},
	{"公司发的", ChannelOther, false}, {"单位发的", ChannelOther, false}, {"代购", ChannelOther, true},
	{"微商", ChannelOther, true}, {"其他", ChannelOther, true}, {"其它", ChannelOther, true},
	{"别的地方", ChannelOther, true},
}

// purchaseVerbs say that something was bought; after a date they make it the purchase date.
var purchaseVerbs = []string{
	"买", "购", "入手", "下单", "下的单", "下额单", "订的", "到手", "收到", "到货", "装的", "安装", "入的", "送的",
}

// deliveryVerbs say that the product reached the customer: after a date they make it the
// day the 三包 periods count from ("礼拜一刚送到", "12月2号收到的", "上周装好的"), which is
// also the purchase date when no other is told.
var deliveryVerbs = []string{
	"送到", "送来", "送过来", "送达", "送货", "签收", "收货", "收的货", "收到", "到货", "到的货", "到家",
	"到手", "装好", "装上", "装的", "安装", "上门装", "送上门",
	// "的" in dialects: "20年装修的时候装滴", "前年装嘞", "旧年装嘅"
	"装滴", "装嘞", "装嘅", "装哒", "装额",
}

// deliveryLeadIns before a date make it the delivery day: "签收是12月7号", "收货日期 12-01".
var deliveryLeadIns = []string{"签收", "签收日期", "签收时间", "收货", "收货日期", "收货时间", "到货日期", "送货日期", "安装日期", "安装时间"}

// purchaseLeadIns before a date make it the purchase date: "购买于2024年5月".
var purchaseLeadIns = []string{
	"购买于", "购于", "买于", "购买日期", "购买时间", "购买", "购入", "发票", "买的时候",
	"入手于", "购机", "购买是", "下单时间", "下单于",
	// "买的时间是2019年5月", "购买的日子": the purchase named before its date
	"买的时间", "买的日期", "买的日子", "购买的时间", "购买的日期", "买机时间",
}

// faultAfterTime after a time expression make it the time the fault started: "昨天开始".
var faultAfterTime = []string{
	"开始", "突然", "就", "出现", "坏", "不", "没", "起", "以来", "之后", "以后", "后", "时候",
	"一直", "又", "老是", "总是", "发现", "有", "出", "用着", "无法", "自动", "漏", "响",
}

// unrelatedAfterTime after a time expression make it neither the purchase nor the start of
// the fault: "上个月刚过保", "去年修过一次".
var unrelatedAfterTime = append(append([]string{}, upkeepAfterTime...), []string{
	"过保", "出保", "保修到期", "到期", "修过", "换过", "维修", "报修", "来修", "上门", "修了", "换了",
	// a repair's date is no purchase nor the fault's start: "第二次是上个月20号修的", "上周三刚修好"
	"修的", "修好", "修完", "刚修", "修理", "师傅来", "师傅上门",
	// a visit wished for, not when the fault began: "师傅能今天来吗", "明天过来看看"
	"来吗", "来不", "来嘛", "来么", "能来", "能不能来", "可以来", "过来", "来一趟", "来看", "来人", "到吗",
}...)

// upkeepAfterTime after a time expression tell a check or upkeep done then, never the purchase
// nor the start of the fault: "滤网上周刚洗过的", "上个月刚换的电池", "滤芯上个月才换的".
var upkeepAfterTime = []string{
	"刚洗", "才洗", "洗过", "洗了", "清洗", "清理", "除垢", "除过垢", "刚换", "才换", "换的电池", "换的滤",
	"刚清", "才清", "刚充", "刚除",
}

// hedgesBefore and hedgesAfter mark a date as approximate: "大概2023年", "2023年左右".
var hedgesBefore = []string{
	"大概", "大约", "约", "差不多", "应该是", "应该", "好像是", "好像", "估计", "可能",
	"记得是", "印象中", "大致", "将近", "快",
}
var hedgesAfter = []string{"左右", "前后", "的样子", "吧", "多"}

// timeWords are relative time expressions. days and months count back from today; noDate
// words ("一直") say how long without naming a day; role says whether the word alone means
// the purchase ("刚买") or the start of the fault ("刚才").
var timeWords = []struct {
	word         string
	days, months int
	prec         DatePrecision
	approx       bool
	role         dateRole
	noDate       bool
	yearRelative bool // 今年/去年…: may be followed by a month
	yearOffset   int
}{
	{word: "今天", prec: PrecisionDay, role: roleStarted},
	{word: "今日", prec: PrecisionDay, role: roleStarted},
	{word: "今早", prec: PrecisionDay, role: roleStarted},
	{word: "今朝", prec: PrecisionDay, role: roleStarted},
	{word: "今儿", prec: PrecisionDay, role: roleStarted},
	{word: "今儿个", prec: PrecisionDay, role: roleStarted},
	{word: "今晚", prec: PrecisionDay, role: roleStarted},
	{word: "今天早上", prec: PrecisionDay, role: roleStarted},
	{word: "今天上午", prec: PrecisionDay, role: roleStarted},
	{word: "今天下午", prec: PrecisionDay, role: roleStarted},
	{word: "今天晚上", prec: PrecisionDay, role: roleStarted},
	{word: "早上", prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "上午", prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "中午", prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "下午", prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "晚上", prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "刚才", prec: PrecisionDay, role: roleStarted},
	{word: "刚刚", prec: PrecisionDay, role: roleStarted},
	{word: "刚开始", prec: PrecisionDay, role: roleStarted},
	{word: "昨天", days: 1, prec: PrecisionDay, role: roleStarted},
	{word: "昨日", days: 1, prec: PrecisionDay, role: roleStarted},
	{word: "昨晚", days: 1, prec: PrecisionDay, role: roleStarted},
	{word: "昨天晚上", days: 1, prec: PrecisionDay, role: roleStarted},
	{word: "昨天早上", days: 1, prec: PrecisionDay, role: roleStarted},
	{word: "昨天下午", days: 1, prec: PrecisionDay, role: roleStarted},
	{word: "前天", days: 2, prec: PrecisionDay, role: roleStarted},
	{word: "前天晚上", days: 2, prec: PrecisionDay, role: roleStarted},
	{word: "大前天", days: 3, prec: PrecisionDay, role: roleStarted},
	{word: "前几天", days: 3, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "这几天", days: 3, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "前两天", days: 2, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "前两日", days: 2, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "前些天", days: 7, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "前些日子", days: 7, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "这段时间", days: 7, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "这阵子", days: 7, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "近来", days: 7, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "这两天", days: 2, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "最近", days: 7, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "近期", days: 7, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "前段时间", days: 14, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "前阵子", days: 14, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "前一阵", days: 14, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "上周", days: 7, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "上星期", days: 7, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "上个星期", days: 7, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "上礼拜", days: 7, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "上个礼拜", days: 7, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "这周", days: 0, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "本周", days: 0, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "这个星期", days: 0, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "周末", days: 3, prec: PrecisionDay, role: roleStarted, approx: true},
	{word: "一直", role: roleStarted, noDate: true},
	{word: "一直都", role: roleStarted, noDate: true},
	{word: "从买来就", role: roleStarted, noDate: true},
	{word: "买来就", role: roleStarted, noDate: true},
	{word: "一买回来就", role: roleStarted, noDate: true},
	{word: "经常", role: roleStarted, noDate: true},
	{word: "时不时", role: roleStarted, noDate: true},
	{word: "偶尔", role: roleStarted, noDate: true},
	{word: "刚买", prec: PrecisionDay, role: rolePurchase, approx: true},
	{word: "刚买的", prec: PrecisionDay, role: rolePurchase, approx: true},
	{word: "新买的", prec: PrecisionDay, role: rolePurchase, approx: true},
	{word: "才买", prec: PrecisionDay, role: rolePurchase, approx: true},
	{word: "刚入手", prec: PrecisionDay, role: rolePurchase, approx: true},
	{word: "刚到货", prec: PrecisionDay, role: roleDelivered, approx: true},
	{word: "刚收到", prec: PrecisionDay, role: roleDelivered, approx: true},
	{word: "刚装", prec: PrecisionDay, role: roleDelivered, approx: true},
	{word: "刚安装", prec: PrecisionDay, role: roleDelivered, approx: true},
	{word: "刚买没多久", prec: PrecisionDay, role: rolePurchase, approx: true},
	{word: "刚买没几天", days: 3, prec: PrecisionDay, role: rolePurchase, approx: true},
	{word: "这个月", prec: PrecisionMonth, role: roleEither},
	{word: "本月", prec: PrecisionMonth, role: roleEither},
	{word: "上个月", months: 1, prec: PrecisionMonth, role: roleEither},
	{word: "上月", months: 1, prec: PrecisionMonth, role: roleEither},
	{word: "上上个月", months: 2, prec: PrecisionMonth, role: roleEither},
	{word: "今年", prec: PrecisionYear, role: roleEither, yearRelative: true},
	{word: "去年", prec: PrecisionYear, role: roleEither, yearRelative: true, yearOffset: 1},
	{word: "前年", prec: PrecisionYear, role: roleEither, yearRelative: true, yearOffset: 2},
	{word: "大前年", prec: PrecisionYear, role: roleEither, yearRelative: true, yearOffset: 3},
	{word: "明年", prec: PrecisionYear, role: roleEither, yearRelative: true, yearOffset: -1},
}

// yearParts follow a year: "去年年底" or "去年底" is December of last year, roughly.
var yearParts = []struct {
	word  string
	month int
}{
	{"年初", 1}, {"年头", 1}, {"上半年", 3}, {"年中", 6}, {"下半年", 9}, {"年底", 12}, {"年末", 12}, {"年尾", 12},
	{"初", 1}, {"底", 12}, {"末", 12}, {"尾", 12}, {"双十一", 11}, {"双11", 11}, {"双十二", 12}, {"双12", 12}, {"618", 6},
	{"六一八", 6}, {"年货节", 1}, {"春节", 2}, {"过年", 2}, {"过春节", 2}, {"国庆节", 10}, {"国庆", 10}, {"十一", 10},
	{"五一", 5}, {"劳动节", 5}, {"元旦", 1}, {"中秋", 9}, {"端午", 6}, {"春天", 4}, {"夏天", 7}, {"秋天", 10},
	{"开春", 3}, {"暑假", 7}, {"寒假", 1}, {"年前", 1}, {"年后", 2},
	{"圣诞节", 12}, {"圣诞", 12}, {"平安夜", 12}, {"黑五", 11}, {"黑色星期五", 11}, {"情人节", 2}, {"七夕", 8},
	{"母亲节", 5}, {"父亲节", 6}, {"儿童节", 6}, {"开学", 9},
}

// standaloneYearParts name a part of the current year without the year: "上半年买的".
var standaloneYearParts = []struct {
	word  string
	month int
}{
	{"上半年", 3}, {"下半年", 9}, {"年初", 1}, {"年中", 6}, {"年底", 12}, {"年末", 12},
}

// lunarFestivals are festivals of the lunar calendar, whose month moves from year to year:
// the month each fell in, 2018 to 2028 (中秋 of 2025 was in October, of 2024 in September).
// Other years take the month of yearParts and shoppingFestivals.
var lunarFestivals = map[string][11]int{
	"中秋":  {9, 9, 10, 9, 9, 9, 9, 10, 9, 9, 10},
	"春节":  {2, 2, 1, 2, 2, 1, 2, 1, 2, 2, 1},
	"过年":  {2, 2, 1, 2, 2, 1, 2, 1, 2, 2, 1},
	"过春节": {2, 2, 1, 2, 2, 1, 2, 1, 2, 2, 1},
	"端午":  {6, 6, 6, 6, 6, 6, 6, 5, 6, 6, 5},
	"七夕":  {8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8},
}

// festivalMonth is the month of a festival word in year: the lunar calendar's where it
// moves, month otherwise.
func festivalMonth(word string, year, month int) int {
	if ms, ok := lunarFestivals[word]; ok && year >= 2018 && year < 2018+len(ms) {
		return ms[year-2018]
	}
	return month
}

// shoppingFestivals name a month on their own: "双十一买的" is last November, roughly.
var shoppingFestivals = []struct {
	word  string
	month int
}{
	{"双十一", 11}, {"双11", 11}, {"双十二", 12}, {"双12", 12}, {"618", 6}, {"六一八", 6}, {"国庆", 10},
	{"五一", 5}, {"劳动节", 5}, {"元旦", 1}, {"春节", 2}, {"过年", 2}, {"年货节", 1},
	{"圣诞节", 12}, {"圣诞", 12}, {"平安夜", 12}, {"黑五", 11}, {"黑色星期五", 11}, {"情人节", 2}, {"七夕", 8},
	{"母亲节", 5}, {"父亲节", 6}, {"儿童节", 6},
}

// durationVerbs before a length of time make it the age of the product: "买了两年".
var durationVerbs = []string{
	"买了", "买来", "买回来", "买回家", "拿回来", "装上", "装好", "用了", "入手", "到手", "买", "用", "刚买", "才买", "装了", "安装了", "已经用了", "使用了",
	"买咗", "用咗", "装咗", "买嘅", // Cantonese 咗 is 了
}

// durationFillers may stand between a duration verb and the number: "买了快两年".
var durationFillers = []string{
	"快", "将近", "差不多", "大概", "有", "才", "刚", "都", "已经", "大约", "约", "了", "好", "才刚", "不到", "刚好", "整整", "没", "还没", "还不到",
}

// negations deny what follows: "没进水", "不是摔的". A bare "不" is not one: "不小心摔了".
var negations = []string{"没", "没有", "未", "不是", "并非", "无", "从没", "从未", "从来没", "别", "并没", "冇", "冇有", "唔系", "唔曾", "未曾"}

// negationFillers may stand between a negation and what it denies: "没有被摔过".
var negationFillers = []string{"也", "都", "有", "被", "让", "给", "再", "曾", "从来", "还", "并", "可", "真", "曾经", "任何"}

// spilledDrinks are drinks customers spill into devices; "进了点可乐", "咖啡洒了" are water
// damage like 进水.
var spilledDrinks = []string{"可乐", "咖啡", "奶茶", "饮料", "茶水", "果汁", "牛奶", "啤酒", "汽水", "雪碧", "豆浆", "红酒", "酸奶"}

// triggerWords name a likely cause of the fault.
var triggerWords = []struct {
	word    string
	trigger Trigger
}{
	{"电压不稳", TriggerVoltage}, {"电压不稳定", TriggerVoltage}, {"电压低", TriggerVoltage},
	{"电压高", TriggerVoltage}, {"电压过高", TriggerVoltage}, {"电压过低", TriggerVoltage},
	{"电压波动", TriggerVoltage}, {"停电", TriggerVoltage}, {"断电后", TriggerVoltage},
	{"突然断电", TriggerVoltage}, {"来电后", TriggerVoltage}, {"来电之后", TriggerVoltage},
	{"跳闸后", TriggerVoltage}, {"跳闸之后", TriggerVoltage}, {"跳闸以后", TriggerVoltage},
	{"跳了闸", TriggerVoltage}, {"打雷", TriggerVoltage}, {"雷击", TriggerVoltage}, {"雷劈", TriggerVoltage},
	{"雷雨", TriggerVoltage}, {"电涌", TriggerVoltage}, {"浪涌", TriggerVoltage}, {"插座烧", TriggerVoltage},

	{"插错电压", TriggerWrongVoltage}, {"电压不对", TriggerWrongVoltage}, {"接错电", TriggerWrongVoltage},
	{"接错电压", TriggerWrongVoltage}, {"110v", TriggerWrongVoltage}, {"110伏", TriggerWrongVoltage},
	{"380v", TriggerWrongVoltage}, {"380伏", TriggerWrongVoltage}, {"没用变压器", TriggerWrongVoltage},
	{"国外电压", TriggerWrongVoltage}, {"插到380", TriggerWrongVoltage}, {"接了380", TriggerWrongVoltage},

	{"进水", TriggerWater}, {"进了水", TriggerWater}, {"进过水", TriggerWater}, {"泡水", TriggerWater},
	{"泡了水", TriggerWater}, {"泡过水", TriggerWater}, {"水泡", TriggerWater}, {"淋雨", TriggerWater},
	{"淋了雨", TriggerWater}, {"被雨淋", TriggerWater}, {"掉水里", TriggerWater}, {"掉进水", TriggerWater},
	{"掉进水里", TriggerWater}, {"掉到水里", TriggerWater}, {"掉在水里", TriggerWater}, {"掉进了水里", TriggerWater},
	{"掉马桶", TriggerWater}, {"掉进马桶", TriggerWater}, {"掉到马桶", TriggerWater}, {"掉进了马桶", TriggerWater},
	{"一起洗了", TriggerWater}, {"跟衣服一起洗", TriggerWater}, {"和衣服一起洗", TriggerWater}, {"扔洗衣机", TriggerWater}, {"放洗衣机里洗", TriggerWater}, {"进了洗衣机", TriggerWater}, {"洗衣机里洗了", TriggerWater}, {"被洗了", TriggerWater},
	{"洒了水", TriggerWater}, {"洒水", TriggerWater}, {"水洒", TriggerWater}, {"泼了水", TriggerWater},
	{"泼水", TriggerWater}, {"打翻了水", TriggerWater}, {"水杯打翻", TriggerWater}, {"浸水", TriggerWater},
	{"受潮", TriggerWater}, {"溅水", TriggerWater}, {"溅到水", TriggerWater}, {"沾水", TriggerWater},
	{"洒了咖啡", TriggerWater}, {"洒了饮料", TriggerWater}, {"掉游泳池", TriggerWater},

	{"摔", TriggerDrop}, {"掉地上", TriggerDrop}, {"掉在地上", TriggerDrop}, {"掉到地上", TriggerDrop},
	{"掉了地上", TriggerDrop}, {"跌落", TriggerDrop}, {"磕到", TriggerDrop}, {"磕了", TriggerDrop},
	{"磕碰", TriggerDrop}, {"碰撞", TriggerDrop}, {"撞到", TriggerDrop}, {"撞了", TriggerDrop},
	{"砸到", TriggerDrop}, {"砸了", TriggerDrop}, {"压到", TriggerDrop}, {"压坏", TriggerDrop},
	{"从桌上掉", TriggerDrop}, {"从床上掉", TriggerDrop}, {"掉下来", TriggerDrop}, {"掉下去", TriggerDrop},

	{"异物", TriggerForeignObject}, {"掉进去", TriggerForeignObject}, {"掉进", TriggerForeignObject},
	{"掉了东西进去", TriggerForeignObject}, {"卡了东西", TriggerForeignObject}, {"卡住东西", TriggerForeignObject},
	{"东西卡住", TriggerForeignObject}, {"有东西卡", TriggerForeignObject}, {"卡了个", TriggerForeignObject},
	{"塞进", TriggerForeignObject}, {"进了虫", TriggerForeignObject}, {"进虫", TriggerForeignObject},
	{"蟑螂", TriggerForeignObject}, {"老鼠", TriggerForeignObject}, {"硬币", TriggerForeignObject},
	{"头发缠", TriggerForeignObject}, {"缠住", TriggerForeignObject}, {"进了东西", TriggerForeignObject},

	{"自己拆", TriggerSelfDisassembly}, {"自己拆过", TriggerSelfDisassembly}, {"自己拆开", TriggerSelfDisassembly},
	{"拆开过", TriggerSelfDisassembly}, {"拆过", TriggerSelfDisassembly}, {"拆开了", TriggerSelfDisassembly},
	{"自行拆", TriggerSelfDisassembly}, {"私自拆", TriggerSelfDisassembly}, {"拆机", TriggerSelfDisassembly},
	{"自己修", TriggerSelfDisassembly}, {"找人修过", TriggerSelfDisassembly}, {"外面修过", TriggerSelfDisassembly},
	{"第三方维修", TriggerSelfDisassembly}, {"非官方维修", TriggerSelfDisassembly}, {"外面修", TriggerSelfDisassembly},
	{"维修店修", TriggerSelfDisassembly}, {"路边店修", TriggerSelfDisassembly},
}

// noTriggerWords say there was no particular cause; a free message needs one of these,
// an answer to "was there a cause?" may also just say noTriggerAnswers.
var noTriggerWords = []string{
	"无缘无故", "莫名其妙", "没什么原因", "没有原因", "没啥原因", "什么都没做", "什么也没做", "没做什么",
	"没干什么", "正常使用", "正常用着", "好好的", "用着用着", "没动过", "没碰过",
}
var noTriggerAnswers = []string{
	"没有什么", "没什么", "没有", "没", "不知道", "不清楚", "不晓得", "无", "都没有", "没有啊", "没有的", "正常用", "否", "不是",
}

// warrantyWords name an extended warranty.
var warrantyWords = []string{"延保", "延长保修", "延保服务", "延保卡", "延长保"}

// serialCues introduce a serial number.
var serialCues = []string{
	"序列号", "sn码", "sn号", "sn", "s/n", "机身码", "机器码", "条形码", "条码", "imei", "imei号",
	"串号", "出厂编号", "机身编号", "产品编号", "机器编号", "序号", "编码",
}

// unknownWords say the customer cannot give something: "序列号找不到".
var unknownWords = []string{
	"没有", "找不到", "不知道", "看不清", "看不到", "没找到", "磨掉", "模糊", "不清楚", "没了",
	"丢了", "不见了", "忘了", "不记得", "没看到", "找不着", "不会看", "不懂", "跳过", "算了", "不晓得", "没",
}

// modelCues introduce a model number.
var modelCues = []string{"型号", "机型", "型号是", "型号为", "产品型号", "规格型号", "model", "Model", "MODEL", "型號"}

// errorCodeCuesBefore and errorCodeCuesAfter surround an error code: "显示E1", "e1故障".
var errorCodeCuesBefore = []string{
	"显示", "屏幕显示", "显示屏", "报", "报错", "提示", "出现", "亮", "闪", "代码", "故障码", "错误码",
	"报警", "跳", "出", "弹出", "显",
}
var errorCodeCuesAfter = []string{"故障", "错误", "代码", "报警", "报错", "故障码", "错误码", "的错", "码"}

// phoneCues introduce a phone number.
var phoneCues = []string{
	"电话", "手机号", "手机", "号码", "联系方式", "联系电话", "座机", "固话", "tel", "电话号码", "手机号码", "打我",
}

// nameCues introduce the customer's name; surname cues only a surname. After a loose cue
// ("我叫", which also opens "我叫了好几次") a free message needs the name to start with a
// known surname; after a label ("姓名") anything name-like counts.
var nameCues = []struct {
	word    string
	surname bool
	loose   bool
}{
	{"我叫", false, true}, {"我的名字是", false, false}, {"我的名字叫", false, false}, {"名字是", false, false},
	{"名字叫", false, false}, {"姓名", false, false}, {"姓名是", false, false}, {"联系人", false, true},
	{"联系人是", false, false}, {"我姓", true, false}, {"姓", true, true}, {"俺姓", true, false}, {"俺叫", false, false}, {"额叫", false, false}, {"偶叫", false, false}, {"本人叫", false, false}, {"我的名字是", false, false}, {"我名字叫", false, false}, {"额姓", true, false}, {"偶姓", true, false}, {"本人姓", true, false}, {"鄙人姓", true, false}, {"咱姓", true, false}, {"我们姓", true, false}, {"我屋姓", true, false},
	// a relative's name, when the customer writes for them: "我爸叫殷德明", "我妈姓陈 陈玉梅"
	{"我爸叫", false, true}, {"我爸姓", true, false}, {"我妈叫", false, true}, {"我妈姓", true, false}, {"我爸爸叫", false, true}, {"我爸爸姓", true, false}, {"我妈妈叫", false, true}, {"我妈妈姓", true, false}, {"我父亲叫", false, true}, {"我父亲姓", true, false}, {"我母亲叫", false, true}, {"我母亲姓", true, false}, {"我老公叫", false, true}, {"我老公姓", true, false}, {"我老婆叫", false, true}, {"我老婆姓", true, false}, {"我爱人叫", false, true}, {"我爱人姓", true, false}, {"我媳妇叫", false, true}, {"我媳妇姓", true, false}, {"我妻子叫", false, true}, {"我妻子姓", true, false}, {"我丈夫叫", false, true}, {"我丈夫姓", true, false}, {"我爷爷叫", false, true}, {"我爷爷姓", true, false}, {"我奶奶叫", false, true}, {"我奶奶姓", true, false}, {"我外公叫", false, true}, {"我外公姓", true, false}, {"我外婆叫", false, true}, {"我外婆姓", true, false}, {"我婆婆叫", false, true}, {"我婆婆姓", true, false}, {"我公公叫", false, true}, {"我公公姓", true, false}, {"我岳父叫", false, true}, {"我岳父姓", true, false}, {"我岳母叫", false, true}, {"我岳母姓", true, false}, {"我老爸叫", false, true}, {"我老爸姓", true, false}, {"我老妈叫", false, true}, {"我老妈姓", true, false}, {"老人家叫", false, true}, {"老人家姓", true, false}, {"我家老人叫", false, true}, {"我家老人姓", true, false}, {"他姓", true, false}, {"她姓", true, false}, {"免贵姓", true, false}, {"敝姓", true, false},
	{"吾姓", true, false}, {"我系姓", true, false}, {"阿拉姓", true, false},
	// a label as typed in a form or in English: "Name: 陆一鸣", "名字：刘琳"
	{"名字 是", false, false}, {"名字 叫", false, false}, {"我 叫", false, true}, // typed with spaces between words
	{"name:", false, false}, {"name：", false, false}, {"名字:", false, false}, {"名字：", false, false}, {"姓名:", false, false}, {"姓名：", false, false},
	// the customer names whom the ticket is for: "写我的名字吧 刘琳", "登记我的名字 王芳"
	{"写我的名字吧", false, false}, {"写我的名字", false, false}, {"写我名字", false, false}, {"填我的名字", false, false},
	{"登记我的名字", false, false}, {"留我的名字", false, false}, {"写我的吧", false, false},
	{"名字写", false, false}, {"名字就写", false, false}, {"称呼写", false, false}, {"写名字", false, false}, // "名字写小雨就行"
}

// kinWords are the relatives a customer may be writing for, whose name the ticket carries.
var kinWords = []string{"爸", "爸爸", "妈", "妈妈", "父亲", "母亲", "老爸", "老妈", "老公", "老婆", "爱人", "媳妇", "妻子",
	"丈夫", "老伴", "爷爷", "奶奶", "外公", "外婆", "姥姥", "姥爷", "婆婆", "公公", "岳父", "岳母", "老丈人", "丈母娘",
	"爹", "娘", "老人家", "家老人", "家里老人"}

// honorifics follow a surname: "王先生".
var honorifics = []string{"先生", "女士", "小姐", "师傅", "老师", "阿姨", "大姐", "大哥", "同学", "太太",
	// in dialect: Wu/Cantonese 阿婆, 阿伯, Cantonese 李生 (Mr) and 陈太 (Mrs), Sichuan 嬢嬢 (auntie), northern 大爷
	"阿婆", "阿公", "阿伯", "阿叔", "阿嬷", "嬢嬢", "孃孃", "婆婆", "奶奶", "爷爷", "大爷", "大妈", "大娘", "叔叔", "伯伯",
	"姐", "哥", "生", "太"}

// commonSurnames are the usual single-character surnames, and compoundSurnames the
// two-character ones. A name found without a cue ("王先生") must start with one.
const commonSurnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"

var compoundSurnames = []string{"欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "司徒", "令狐", "夏侯", "端木", "宇文", "独孤"}

// nameStops cannot be part of a name: "我叫张三电话…" ends the name before "电话".
var nameStops = []string{
	"电话", "手机", "号码", "住", "地址", "联系", "的", "在", "我", "是", "家", "今年", "先生", "女士",
	"小姐", "空调", "冰箱", "买", "想", "要", "请", "麻烦", "谢谢", "你好", "啊", "呀", "哦", "吧", "呢",
	"就行", "就好", "就可以", "即可",
}

// notNames are answers to "what is your name" that are not a name.
var notNames = []string{
	"不知道", "不想说", "不告诉", "保密", "没有", "你好", "您好", "好的", "可以", "谢谢", "是的", "不是",
	"客服", "人工", "转人工", "算了", "不用", "没必要", "为什么", "干嘛", "什么",
	// words of the phone number: "电话尾号是 5566 全号13655665566" names nobody
	"全号", "尾号", "电话", "号码", "手机", "座机", "单号", "全号码", "完整号码",
	// times and words around a correction: "哦不对 刚才型号说错了" names nobody
	"刚才", "刚刚", "现在", "之前", "后来", "然后", "型号", "地址", "写错", "说错", "错了", "错",
}

// notBareNames are everyday words that start with a surname's character: beside a phone
// number they are no name ("方便 13812345678", "苏宁 买的"); see nameBesideContact.
var notBareNames = []string{
	"全号", "尾号", "号码", "单号", "方便", "谢谢", "周末", "周一", "周二", "周三", "周四", "周五", "周六", "周日", "马上", "安装", "安全",
	"温度", "高温", "黄色", "白色", "金色", "白天", "常用", "程序", "毛病", "于是", "任何", "何时", "余额",
	"夏天", "秋天", "关机", "关闭", "全部", "全是", "石头", "万一", "钱包", "左边", "左右", "钟头", "苏宁",
	"国美", "天猫", "江苏", "江西", "湖南", "湖北", "山东", "山西", "河南", "河北", "广东", "广西", "云南",
	"贵州", "四川", "福建", "浙江", "安徽", "辽宁", "吉林", "黑龙江", "海南", "甘肃", "青海", "宁夏", "新疆",
	"西藏", "内蒙古", "香港", "澳门", "台湾", "北京", "上海", "天津", "重庆", "武汉", "郑州", "常州", "温州",
	"杭州", "苏州", "南京", "成都", "长沙", "东莞", "佛山", "宁波", "厦门", "汕头", "石家庄", "太原", "贺卡",
	"师傅", "工程师", "客服", "老板", "老婆", "老公", "孩子", "家里", "单位", "公司", "宿舍", "学校", "尽快",
	"麻烦", "赶紧", "快点", "随时", "全天", "平时", "晚点", "明天", "后天", "下周", "龙头", "水龙头", "严重",
	"全号", "全称", "号码", "尾号", "手机号", "电话号", "全名", "姓名",
}

// addressCues introduce an address; the address runs from after the cue to the clause end.
var addressCues = []string{
	"地址是", "地址", "住址", "住在", "家住", "家在", "我家在", "我住在", "我在", "上门地址", "收货地址",
	"送货地址", "位置在", "地点", "上门到", "维修地址", "安装地址",
}

// addressDetails are the street-level parts an address needs before a technician can find it.
var addressDetails = []string{
	"路", "街", "道", "巷", "弄", "胡同", "号", "村", "组", "小区", "社区", "栋", "幢", "座", "单元",
	"室", "楼", "层", "苑", "园", "庭", "府", "大厦", "广场", "公寓", "花园", "新村", "里", "屯",
	"大院", "宿舍", "院", "城", "湾", "苑", "居", "阁", "坊", "期",
}

// addressAreas are the administrative parts of an address.
var addressAreas = []string{"省", "市", "区", "县", "镇", "乡", "旗", "州", "自治区", "街道", "开发区", "新区"}

// addressStops end an address inside a clause: "…88号电话1380…".
var addressStops = []string{"电话", "手机", "联系", "我叫", "姓名", "找", "谢谢", "麻烦", "师傅", "上门", "空调", "冰箱"}

// provinces are China's province-level divisions, short name first.
var provinces = []string{
	"北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
	"福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
	"甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
}

// cities are common prefecture-level cities with their province. Not exhaustive: an address
// naming only a smaller city yields no region unless it names its province too.
var cities = []struct{ city, province string }{
	{"石家庄", "河北"}, {"唐山", "河北"}, {"保定", "河北"}, {"邯郸", "河北"}, {"廊坊", "河北"},
	{"太原", "山西"}, {"大同", "山西"}, {"沈阳", "辽宁"}, {"大连", "辽宁"}, {"鞍山", "辽宁"},
	{"长春", "吉林"}, {"哈尔滨", "黑龙江"}, {"大庆", "黑龙江"}, {"南京", "江苏"}, {"苏州", "江苏"},
	{"无锡", "江苏"}, {"常州", "江苏"}, {"南通", "江苏"}, {"徐州", "江苏"}, {"扬州", "江苏"},
	{"盐城", "江苏"}, {"杭州", "浙江"}, {"宁波", "浙江"}, {"温州", "浙江"}, {"绍兴", "浙江"},
	{"嘉兴", "浙江"}, {"金华", "浙江"}, {"台州", "浙江"}, {"湖州", "浙江"}, {"义乌", "浙江"},
	{"合肥", "安徽"}, {"芜湖", "安徽"}, {"福州", "福建"}, {"厦门", "福建"}, {"泉州", "福建"},
	{"南昌", "江西"}, {"赣州", "江西"}, {"济南", "山东"}, {"青岛", "山东"}, {"烟台", "山东"},
	{"潍坊", "山东"}, {"临沂", "山东"}, {"淄博", "山东"}, {"济宁", "山东"}, {"郑州", "河南"},
	{"洛阳", "河南"}, {"南阳", "河南"}, {"武汉", "湖北"}, {"宜昌", "湖北"}, {"襄阳", "湖北"},
	{"长沙", "湖南"}, {"株洲", "湖南"}, {"衡阳", "湖南"}, {"广州", "广东"}, {"深圳", "广东"},
	{"东莞", "广东"}, {"佛山", "广东"}, {"珠海", "广东"}, {"中山", "广东"}, {"惠州", "广东"},
	{"汕头", "广东"}, {"江门", "广东"}, {"湛江", "广东"}, {"海口", "海南"}, {"三亚", "海南"},
	{"成都", "四川"}, {"绵阳", "四川"}, {"贵阳", "贵州"}, {"遵义", "贵州"}, {"昆明", "云南"},
	{"西安", "陕西"}, {"兰州", "甘肃"}, {"西宁", "青海"}, {"呼和浩特", "内蒙古"}, {"包头", "内蒙古"},
	{"南宁", "广西"}, {"桂林", "广西"}, {"柳州", "广西"}, {"拉萨", "西藏"}, {"银川", "宁夏"},
	{"乌鲁木齐", "新疆"}, {"台北", "台湾"},
}

// symptomCues are words that describe a fault; a clause with one is part of the symptom.
var symptomCues = append(degreeCues(), []string{
	"不制冷", "冷水", "凉水", "变凉", "变冷", "不制热", "不冷", "不热", "不凉", "不启动", "不工作", "不转", "不亮", "不出水", "不排水",
	"不脱水", "不加热", "不充电", "充不进", "充不上", "不出风", "不通电", "不显示", "不响", "不动",
	"不开机", "不运行", "不好用", "不灵", "不稳", "不准", "不能", "不了", "无法", "没法", "没反应",
	"没有反应", "没声音", "没有声音", "没画面", "没有画面", "没图像", "没有图像", "无图像", "不出图像", "没影像", "没电", "没信号", "没网", "没水", "没风", "打不开",
	"开不了", "关不了", "关不掉", "连不上", "识别不", "用不了", "坏", "故障", "问题", "毛病", "异常",
	"异响", "噪音", "噪声", "响声", "声音大", "声音很大", "嗡嗡", "咔咔", "吱吱", "滋滋", "哒哒",
	"漏水", "漏电", "漏氟", "漏油", "滴水", "渗水", "流水", "结冰", "结霜", "发热", "发烫", "烫手",
	"过热", "冒烟", "焦味", "异味", "臭味", "烧焦", "烧了", "烧坏", "黑屏", "花屏", "白屏", "蓝屏",
	"闪屏", "屏幕", "死机", "卡顿", "很卡", "卡死", "重启", "关机", "断电", "掉电", "耗电", "续航",
	"信号差", "报错", "报警", "显示", "代码", "错误", "闪烁", "跳闸", "失灵", "失效", "停机", "停止",
	"效果差", "变慢", "震动", "振动", "抖动", "晃动", "裂", "碎", "破", "松动", "掉漆", "划痕",
	"变形", "鼓包", "进水", "摔", "停了", "停转", "转不动", "乱码", "闪退", "失去", "不出", "不进",
	"不吸", "吸力", "跳", "慢", "太吵", "很吵", "嗡", "亮红灯", "红灯", "闪灯", "温度", "不保温",
	"声音", "响", "散架", "点不着", "打不着", "不着火", "不行了", "不好使", "没用了", "不出热水",
	"进不去", "进不了", "锁在外面", "关在外面", "回不了家", "黑了", "全黑", "变黑", "吹冷风", "冷风", "吹热风", "不暖",
	// a picture's colour or brightness: "画面发暗 还有点发黄"
	"发暗", "变暗", "偏暗", "好暗", "很暗", "太暗", "暗了", "发黄", "偏黄", "偏色", "发红", "偏红", "发绿", "偏绿", "发紫", "偏紫", "色差", "重影",
	// a sound that is wrong or missing: "右耳有沙沙的杂音", "左边冇声"
	"杂音", "电流声", "沙沙", "底噪", "没声", "无声", "单边", "一边没",
	// dialect: Cantonese, Hakka, Wu (冇 is read as 没)
	"唔行", "唔会行", "唔郁", "唔动", "没动", "停咗", "滴滴声", "唔着", "唔转", "唔亮", "唔出", "唔得", "勿灵", "勿动", "勿会动", "一开就叫",
}...)

// degreeCues are faults with the degree words customers put before them: "不太冷", "不怎么
// 制热", "不够凉", "不是很灵" say as much as "不冷".
func degreeCues() []string {
	var out []string
	for _, deg := range []string{"不太", "不怎么", "不够", "不是很", "不咋", "不大", "没那么", "不那么"} {
		for _, adj := range []string{"冷", "凉", "热", "制冷", "制热", "亮", "稳", "准", "清晰", "干净", "转"} {
			out = append(out, deg+adj)
		}
	}
	return out
}

// symptomFillers open a clause without saying anything about the fault; they are trimmed
// from the front of a symptom ("现在突然不制冷" → "不制冷").
var symptomFillers = []string{
	"我的", "我家的", "我家", "俺家的", "俺家", "俺的", "咱家的", "咱家", "家里的", "家里", "这个", "这台", "那台", "这部", "我这", "我这个", "的",
	"是", "就系", "在", "买的", "现在", "目前", "突然", "突然间", "突然就", "就", "又", "也", "还", "但是",
	"但", "可是", "不过", "结果", "然后", "开始", "出现", "出现了", "发现", "发现了", "了", "它",
	"用着", "使用", "使用中", "用的时候", "时候", "之后", "后来", "现在是", "已经", "有", "的时候",
	"你好", "您好", "hello", "哈喽", "在吗", "请问", "麻烦", "一下", "客服", "没几天", "没多久", "不久", "才几天", "不知道为什么",
	"不知道怎么回事", "不知为何", "莫名其妙", "无缘无故", "莫名", "和",
	// courtesy before the fault, said without a pause: "您好打扰了我想问一下我家热水器老是自己熄火"
	"打扰了", "打扰一下", "打扰您了", "打扰你了", "打扰", "不好意思", "真不好意思", "我想问一下", "想问一下", "我想问下", "想问下",
	"问一下", "问下", "请问一下", "麻烦问一下", "冒昧问一下", "冒昧问下", "劳驾",
}

// hanAdverbsBeforeBrand stop a Chinese brand alias from matching inside a phrase: "完美的"
// is not the brand 美的.
const hanAdverbsBeforeBrand = "很真太挺最超完甜优更蛮柔精唯审赞"

// yesWords and noWords answer a yes/no question; unsureWords answer neither.
var yesWords = []string{
	"没问题", "没错", "不错", "可不是", "是", "是的", "对", "对的", "有", "有的", "有啊", "买了", "买过", "办了", "嗯", "嗯嗯", "恩", "好",
	"好的", "可以", "行", "要", "需要", "没错", "确认", "确定", "正确", "当然", "对呀", "是啊",
	"yes", "y", "ok", "okay", "好滴", "是滴", "必须", "买的有",
	"系啊", "系呀", "系嘅", "系咯", "系喇", "系咁", "就系咁", "系的", "系滴", "是额", "对额", "着啊", // Cantonese, Wu, Minnan yes
	"有嘅", "有㗎", "有喔", "有嘞", "有哇", "有滴", "嗯呐", "对头", // Cantonese, Sichuan, Dongbei yes
}
var noWords = []string{
	"否", "不", "不是", "没有", "没", "无", "没买", "没办", "不要", "不用", "不需要", "不对", "错",
	"no", "n", "算了", "没有的", "没得", "木有", "米有", "并没有", "没买过", "不是的", "不行",
	"没要", "没让", "没弄", "没加", "没整", "没搞", "没开", "没开通", "没办理", "没舍得", "没必要", "冇买", "冇要", // "店员推销我没要"
	"冇", "唔系", "唔使", "唔要", "米得", "莫得", "冒得", "么得", "木得", "呒没", "呒么", "勿是", "伐是", "没滴", // dialect no
}
var unsureWords = []string{
	"不知道", "不清楚", "不确定", "忘了", "记不清", "不记得", "不晓得", "说不好", "不太清楚", "不懂", "可能",
}
