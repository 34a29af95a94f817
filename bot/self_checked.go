package bot

import (
	"strings"
	"unicode"

	"github.com/wxintake/intake/knowledge"
)

// didStep is a reply that says the check was carried out without saying whether the fault is
// gone: 好 completes the verb of the check ("滤网洗好了", "门关好了的", "插头插好了"). "弄好了",
// "修好了" and "现在好了" say it works and are not here.
var didStep = knowledge.MustFilter(`^[^,]{0,8}?(洗|清洗|清理|清|擦|关|插|拔|设置|设|调|换|装|接|拧|打开|重启|复位|重置|放|按|拆|晾|检查|对)好(了|啦|咯|喽|啰)?[的啊呀哦吧嘛哈~!.]*$`)

// stepStopBigrams are pairs of characters every step shares with any reply; they say nothing
// about the check itself.
var stepStopBigrams = map[string]bool{}

func init() {
	for _, w := range []string{"一下", "如果", "然后", "是否", "请您", "确认", "可以", "看看", "看一", "没有", "有没", "这个",
		"我们", "您的", "的是", "是不", "不是", "再看", "一个", "了一", "不要", "请不", "之后", "以后", "时候", "一般", "已经"} {
		stepStopBigrams[w] = true
	}
}

// echoesStep reports a reply that restates the step's condition as already met, the way a
// customer tells a check's result in their own words: "遥控器上显示的是制冷模式" to "请确认遥控器
// 设为“制冷”模式…", "滤网上个月刚洗过" to "请取下过滤网，用清水冲洗…". Two pairs of Han characters
// of the step, not counting the ones every step has, must come back in the reply.
func echoesStep(canon, step string) bool {
	words := hanBigrams(step)
	seen := map[string]bool{}
	for b := range hanBigrams(stepSynonyms.Replace(canon)) {
		if words[b] && !stepStopBigrams[b] {
			seen[b] = true
		}
	}
	if len(seen) >= 2 || len(seen) == 1 && checkDone.MatchString(canon) {
		return true
	}
	// "一直是零下18度 没动过" to "请把冷冻室温度设到 -18℃": a temperature told as it always was
	// answers a step that sets one, whatever words it is told in
	return mootState.MatchString(canon) && tempTold.MatchString(canon) && strings.ContainsAny(step, "℃度")
}

// mootState tells that what a step checks was never touched or already is as the step wants
// it: "没动过", "温度我冇郁過" (canon 没郁过), "一直都係4度", "本来就是开着的", "用的就是专用洗碗
// 块". Said at a step, the step is moot: tried, not solved.
var mootState = knowledge.MustFilter(`没(有)?(动|碰|郁|调|改|变|弄|摸|开)过|一直(都)?(是|系|在|开着|关着|插着|用)|本来(就)?(是|系|开着|关着|插着|就)|本身就|用的(就|都|一直)(是|系)|用嘅就系|从来没(动|调|改|碰|关)`)

// tempTold is a temperature in a reply: "零下18度", "4度", "-18℃".
var tempTold = knowledge.MustFilter(`零下|-?[0-9]{1,2}(度|℃)|[一二三四五六七八九十]{1,3}度`)

// lackedThing is a thing the customer says they do not have at hand, which a step needs:
// "手头没滤芯", "家里没电池 换不了", "冇洗碗块".
var lackedThing = knowledge.MustFilter(`(没|没有|冇|缺|莫得|没得|买不到|找不到|找不着)(新的?|备用的?|多余的?|替换的?|可换的?|合适的?)?(滤芯|电池|滤网|洗涤剂|洗碗块|洗碗粉|软水盐|漂洗剂|亮碟剂|清洁剂|除垢剂|柠檬酸|螺丝刀|工具|扳手|梯子|充电器|充电线|数据线|保险丝|说明书|RO膜|膜)`)

// lacking is the thing a reply says is not at hand, when the step needs it: "" otherwise.
func lacking(canon, step string) string {
	m := lackedThing.FindStringSubmatch(compact(canon))
	if m == nil || !strings.Contains(step, m[len(m)-1]) {
		return ""
	}
	return m[len(m)-1]
}

// stepSynonyms are customers' words for what the steps name otherwise: the clothes they
// "重新放了" are the step's 衣物.
var stepSynonyms = strings.NewReplacer("衣服", "衣物", "衣裳", "衣物", "被子", "衣物")

// checkDone says a check was already done or found nothing: "滤网上个月刚洗过", "管子没有被压",
// "换了电池也不行", "油网上礼拜刚洗的", "门也关严了", "温度一直是3度没动过".
var checkDone = knowledge.MustFilter(`没(有)?(动|碰|郁|调|改|变)过|(刚|刚刚)[^,]{0,4}(洗|清洗|清理|换|擦|调|设|检查)(的|了|过)|(关|插|拧|盖|推)(严|紧|牢|到底|到位)了|一直(都)?(是|系)|本来(就)?(是|系|开着|关着|插着)|用的(就|都)(是|系)|(洗|清|擦|换|试|弄|检查|看|查|调|调平|放平|设|插|关|翻|找|掏|摸|拆|拔|拧|按|重启)过|没(有)?(啥|什么|任何)?(硬东西|硬物|异物|杂物|东西卡着)|(洗|清|擦|换|试|检查|查|调|设|插|拔|关|重启|重置|复位|放|摊|摆|调平|抖散)了[^,]{0,10}(也|还|都|依然|仍然)(是|不行|没用|不管用|一样|没反应|不好|不亮|不转|没变化)|是对的|没(有)?问题|正常的|好好的|干净的|都是好的|没(有)?[^,]{0,3}(堵|压|挡|弯|折|卡)`)

// checkedShort is a check told done in a short reply ("翻过了", "没啥硬东西"): a deed with 过 or
// nothing found. Bare "正常的" may mean it works again and is asked plainly instead.
var checkedShort = knowledge.MustFilter(`(翻|找|掏|摸|拆|拔|拧|按|检查|看|查|洗|清|擦|换|试|弄|调|设|插|关|重启)过|没(有)?(啥|什么|任何)?(硬东西|硬物|异物|杂物)`)

// faultish are the marks of a fault told again rather than a check found fine: a negation,
// a leak, a noise, heat.
var faultish = knowledge.MustFilter(`不|没|坏|漏|滴|异|烫|冒|卡|停|跳|慢|差|吵|臭|黑|响`)

// hanBigrams are the pairs of adjacent Han characters in s.
func hanBigrams(s string) map[string]bool {
	out := map[string]bool{}
	var prev rune
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			prev = 0
			continue
		}
		if prev != 0 {
			out[string([]rune{prev, r})] = true
		}
		prev = r
	}
	return out
}

// checkedFine reports a reply at a step that tells the check's result without a verdict: the
// step was done ("洗好了") or its condition already holds ("模式是对的", "滤网刚洗过"). A question
// about the step is not a result.
func checkedFine(canon, step string) (did, echoed bool) {
	t := compact(canon)
	if strings.ContainsAny(t, "?？吗") || strings.Contains(t, "怎么") {
		return false, false
	}
	if didStep.MatchString(t) {
		return true, false
	}
	if faultish.MatchString(t) && !checkDone.MatchString(t) {
		return false, false // "冷藏室一点都不冷": the fault told again, not the check found fine
	}
	if checkedShort.MatchString(t) && !faultish.MatchString(strings.TrimPrefix(checkedShort.ReplaceAllString(t, ""), "了")) && len([]rune(t)) <= 12 {
		return false, true // "翻过了 没啥硬东西": short, the check done and nothing else told
	}
	return false, echoesStep(t, step)
}

// alreadyTried reports a reply that says the customer already did what a later step asks:
// "电池换过了 没用" to "请更换灶具底部的电池". A question is no such report.
func alreadyTried(canon, step string) bool {
	t := compact(doneClauses(canon))
	if t == "" || !echoesStep(t, step) {
		return false
	}
	// "排水管没有问题" to the drain hose check: a part found fine, no deed; a later step that
	// only shares a word with it ("排水泵过滤器") is another check, still to do
	return !stateOnly.MatchString(t) || sharedBigrams(t, step) >= 2
}

// stateOnly is a clause that tells a part's state and no deed: "排水管没问题", "滤网是好的".
var stateOnly = knowledge.MustFilter(`^\p{Han}{1,10}?(没(有|啥|什么)?问题|是对的|正常的?|好好的|干净的|都是好的)(的|啊|呀|哦)?$`)

// sharedBigrams counts the pairs of Han characters of step, not counting the ones every step
// has, that come back in canon.
func sharedBigrams(canon, step string) int {
	words := hanBigrams(step)
	n := 0
	for b := range hanBigrams(canon) {
		if words[b] && !stepStopBigrams[b] {
			n++
		}
	}
	return n
}

// doneClauses are the clauses of a message that tell a check already done and ask nothing
// ("空调遥控器没反应了，换了电池也不行" gives "换了电池也不行"; "滤网洗了还是滴。师傅多久能来？"
// gives "滤网洗了还是滴"): only they are compared with the rule's steps, so the product's name
// in the rest ("遥控器", "小米平板6") makes no step look done.
func doneClauses(text string) string {
	var out []string
	for _, cl := range spokenParts(text) {
		if !strings.ContainsAny(cl, "?？吗") && !strings.Contains(cl, "怎么") && checkDone.MatchString(compact(cl)) {
			out = append(out, cl)
		}
	}
	return strings.Join(out, "，")
}

// notRemoved is a clause telling that something a step deals with was never taken off or put
// in: "运输螺栓没拆", "后面那几个运输螺丝好像没拆", "没放运输螺栓", "保护膜还没撕".
var notRemoved = knowledge.MustFilter(`(没|没有|未|忘了|忘记|还没)(拆|取|卸|去掉|拿掉|拧下|拿下|撕|放)|(没|没有|未|还没|忘了|忘记)[^,]{0,4}(拆|取|卸|去掉|拿掉|拧下|拿下|撕)(下来|掉|了)?$`)

// causeStep is the step, from the first one on, that deals with what the customer says was never
// taken off or put in ("运输螺栓没拆" finds "新机器请确认已经拆下机身背面的运输螺栓"): the
// likely cause, so that step comes next. The clause quoted is returned with it.
func causeStep(text string, rule Rule, fuel string, from int) (int, string, bool) {
	for _, cl := range spokenParts(text) {
		t := compact(cl)
		loc := notRemoved.FindStringIndex(t)
		if strings.ContainsAny(t, "?？吗") || loc == nil || deniedBefore.MatchString(t[:loc[0]]) {
			continue // ("不是没放洗涤块 放了的" rules the cause out)
		}
		// the words around the deed name the thing, not the product's name earlier on
		before, after := []rune(t[:loc[0]]), []rune(t[loc[1]:])
		near := string(before[max(0, len(before)-8):]) + t[loc[0]:loc[1]] + string(after[:min(len(after), 8)])
		for i := from; i < len(rule.Steps); i++ {
			if sharedBigrams(near, rule.StepText(i, fuel)) >= 2 {
				return i, cl, true
			}
		}
	}
	return 0, "", false
}

// deniedBefore ends in a denial of what follows: "不是", "又不是", "唔系".
var deniedBefore = knowledge.MustFilter(`(不是|唔系|不系|勿是|并非)$`)
