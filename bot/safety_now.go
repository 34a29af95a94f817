package bot

import (
	"slices"

	"github.com/wxintake/intake/knowledge"
)

// A practical question about a danger happening now ("孩子还戴着上学呢 要不要马上去学校给他摘了",
// "我现在在开车 要不要马上停下来拔", "鼓起来的能寄快递不", "插头拔了 总闸也要关吗 冰箱里还有肉",
// "放冰箱里降温行不行") gets its own direct answer, before what is pending: not the family's
// advice again, not "这个问题我暂时回答不了". Each answer is one catalog text, for the hazard
// families it is right for; they are tried in order and at most two are said.

// nowAnswer is one practical question during a hazard and the text that answers it.
type nowAnswer struct {
	families []string         // the hazard families it answers for
	cue      *knowledge.Gated // what the question asks about (on the compact canonical text)
	unless   *knowledge.Gated // words that make it another question (nil: none)
	key      string           // the answer's catalog key
}

var (
	electricFamilies = []string{knowledge.HazardSparks, knowledge.HazardBurning, knowledge.HazardSmoke, knowledge.HazardShock}
	batteryFamilies  = []string{knowledge.HazardBattery}
	heatFamilies     = []string{knowledge.HazardBattery, knowledge.HazardBurning, knowledge.HazardSmoke, knowledge.HazardSparks, knowledge.HazardFire}
)

var nowAnswers = []nowAnswer{
	// driving with it plugged into the car, or leaving it in the car: pull over first
	{heatFamilies, knowledge.MustGate(`开车|开着车|驾驶|高速上|点烟器|汽车充|车载|(^|[^动])车充([^电]|$)|(放|留|搁|丢|扔|撂)(在)?(车里|车上|车内|后备箱)|车里(放|搁|留)|后备箱`), nil, "bot.safety.now.car"},
	// someone still wearing or carrying it: take it off now
	{heatFamilies, knowledge.MustGate(`戴着|戴起|戴倒|在戴|戴在[^,?]{0,3}(手|身|耳|头)|揣(着|在)|兜里|口袋里|身上|书包里|包里|(学校|老师)[^?]{0,12}(摘|取|拿)|摘(不)?(摘|下|掉|了)`),
		knowledge.MustGate(`(已经|刚|刚刚)(摘|取|拿)|摘(下来|掉)了|取下来了|拿(下来|出来)了|摘下来[^,?]{0,6}(了|后|以后)|(还能|能不能|能|可以|还可以)(再)?戴|再戴`), "bot.safety.now.worn"},
	// cooling it in a fridge, a freezer or water
	{batteryFamilies, knowledge.MustGate(`冰箱|冰柜|冷冻|冷藏|冰块|冰袋|(泡|浸|放|扔|丢)[^,?]{0,3}(水里|水中|水桶|水盆|盆里)|冲(冷|凉)?水|浇水|淋水|降温|冷却`), nil, "bot.safety.now.cool"},
	// posting it, or taking it on a plane or a train
	{batteryFamilies, knowledge.MustGate(`快递|寄(过去|回|修|走|给|到|出)|邮寄|寄件|邮过去|顺丰|中通|圆通|韵达|申通|邮政|物流|托运|飞机|高铁|火车|安检`), nil, "bot.safety.now.post"},
	// the main switch, with a fridge or other appliances to keep running
	{[]string{knowledge.HazardSparks, knowledge.HazardBurning, knowledge.HazardSmoke}, knowledge.MustGate(`总闸|电闸|拉闸|关闸|空开|断路器|总开关|总电源|总掣|电掣|(关|断|拉)[^,?]{0,3}(闸|总电)`), nil, "bot.safety.now.breaker"},
	// using it with no power as a plain thing: "不插电了当个褥子铺着睡行不"
	{electricFamilies, knowledge.MustGate(`(不插电|不通电|不开电|断(了)?电|拔(了|掉)(电|插头|插销)?)[^,?]{0,6}(当|铺着|盖着|垫着|睡|坐着|躺)|当(个|成|作|做)(褥子|被子|垫子|毯子|毛毯|床垫|坐垫|靠垫|枕头|普通)`), nil, "bot.safety.now.unpowered"},
	// the socket it used, or something new plugged into it (the device moved to another socket
	// is a question of the device: followUpKey and the family's answer)
	{electricFamilies, knowledge.MustGate(`(那个|这个|原来的?|该)(插座|插排|排插|插线板|插孔)[^,?]{0,6}(还能|能不能|能|可以|可不可以|行不行|还|要不要)|(插座|插排|排插|插线板|插孔)[^,?]{0,2}(还能|能不能|还可以|可不可以|能)[^,?]{0,2}(用|插|接)|(新的|新买|别的|其他|其它)[^,?]{0,10}插(在|到|上)?(那个|这个|原来的?)(插座|插排|排插|插线板|插孔)`),
		knowledge.MustGate(`换(个|一个|了|到)?(别的|另一个|其他|其它)?(插座|插排|排插|插线板|插孔)|(别的|另一个|其他|其它)(插座|插排|排插|插线板|插孔)`), "bot.safety.now.socket"},
}

// cueAskNow is a question or a request for leave in any words: "要不要马上", "行不", "能寄快递不",
// "使不用" (the canonical form of Cantonese 使唔使).
var cueAskNow = knowledge.MustGate(`要不要|用不用|需不需要|使不用|要(马上|立刻|赶紧|现在)?[^,?]{0,6}(吗|么|嘛|不)$|该不该|应不应该|怎么办|咋办|咋整|咋个(弄|办|整)|怎么弄|可以|能不能|行不|行吗|得不|得行|中不中|可不可以`)

// dangerNowKeys returns the answers to the practical questions the message asks about the
// danger of the case (or of the message itself, before the case has one), at most two.
func dangerNowKeys(u *Understanding, c *Case) []string {
	tx := compact(u.Canon)
	if !(cueQuestion.MatchString(tx) || tagQuestion(tx) || cueMayI.MatchString(tx) || cueAskNow.MatchString(tx)) {
		return nil
	}
	families := []string{hazardFamilyOf(c.SafetyRule)}
	for _, h := range u.Hazards {
		families = append(families, h.Family)
	}
	var keys []string
	for _, a := range nowAnswers {
		if len(keys) == 2 {
			break
		}
		if !slices.ContainsFunc(families, func(f string) bool { return f != "" && slices.Contains(a.families, f) }) {
			continue
		}
		if a.cue.MatchString(tx) && (a.unless == nil || !a.unless.MatchString(tx)) {
			keys = append(keys, a.key)
		}
	}
	return keys
}

// sayDangerNow says the answers to the practical questions about the danger the message asks,
// and reports whether it said any. The turn's question is then answered: no "这个问题我暂时回答
// 不了" after it.
func (d *Dialog) sayDangerNow(t *step) bool {
	keys := dangerNowKeys(&t.u, &t.c.Case)
	for _, k := range keys {
		t.sayKey(k)
	}
	t.answeredNow = t.answeredNow || len(keys) > 0
	return len(keys) > 0
}
