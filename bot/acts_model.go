package bot

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wxintake/intake/bot/textmodel"
	"github.com/wxintake/intake/knowledge"
)

// actPriority is the order in which the dialog acts on a message's acts (dialog_acts.go):
// the first act of this list the message does decides what happens.
var actPriority = []ActKind{ActHandoff, ActComplaint, ActCancel, ActChangeProduct, ActCorrection,
	ActSolved, ActNotSolved, ActQuestion, ActProgress, ActGoodbye, ActThanks, ActGreeting,
	ActSmallTalk, ActVague, ActReport}

// Decisive is the act the dialog acts on in state st: the first of actPriority the
// message does (a verdict on a self-service step only counts at one), else ActAnswer.
func (u *Understanding) Decisive(st State) Act {
	for _, k := range actPriority {
		if (k == ActSolved || k == ActNotSolved) && st != StateSelf {
			continue
		}
		if a, ok := u.Has(k); ok {
			return a
		}
	}
	return Act{Kind: ActAnswer}
}

// modelActs are the acts the learned model may decide (a question with a named topic it
// may add to, never take away: the customer asked it). A verdict that closes a case
// (solved), a cancel, a correction or a change of product needs the patterns' evidence:
// a wrong one loses what the customer said. The model does not overrule those either.
var modelActs = map[ActKind]bool{
	ActAnswer: true, ActReport: true, ActVague: true, ActSmallTalk: true, ActGreeting: true,
	ActThanks: true, ActGoodbye: true, ActProgress: true, ActQuestion: true, ActNotSolved: true,
	ActComplaint: true, ActHandoff: true,
}

// cueAnger marks a customer's anger in words or marks: "太差了", "垃圾", "！！".
var cueAnger = knowledge.MustGate(`!!|！！|太差|真差|垃圾|坑人|坑爹|骗人|骗子|气死|什么破|破玩意|破东西|差评|退钱|无语|太失望|失望|恶心|火大|烦死|服了|离谱|过分`)

// cueHowTo asks how to do something to the product ("镁棒怎么换", "油网咋清洗"): a question
// the model may not take away when no fault is told with it.
var cueHowTo = knowledge.MustGate(`(怎么|咋|如何|怎样)(样)?(才能|才)?(换|装|拆|洗|清洗|清理|清洁|开|关|用|设置|设|调|倒|除|操作|安装|连接|连|切换|重置|复位|保养|维护|打开|取|放)|用(什么|啥)(洗|擦|清洗|清理|泡)|(换|买|用)(哪种|哪个|什么样的|啥样的)`)

// minModelRunes is the shortest message the model weighs.
const minModelRunes = 3

// minModelP is the least probability at which the model's reading counts.
const minModelP = 0.6

// softActs are the model's readings that pass over what a message says: a shrug, chat,
// courtesy, or a verdict. They are taken only from messages that carry no detail.
var softActs = map[ActKind]bool{
	ActVague: true, ActSmallTalk: true, ActGreeting: true, ActThanks: true, ActGoodbye: true, ActNotSolved: true,
}

// noFacts reports a message with no detail of a case in it but perhaps the product:
// "空调有点毛病" is vague, "海尔的 波轮" is not.
func noFacts(f *Facts) bool {
	return f.Brand == "" && f.Model == "" && f.PurchaseDate.IsZero() &&
		f.Serial == "" && f.Channel == "" && f.Symptom == "" && f.ErrorCode == "" && f.StartedAt.IsZero() &&
		f.StartedPhrase == "" && f.Trigger == "" && f.Name == "" && f.Phone.IsZero() && f.ExtendedWarranty == 0
}

// brandLike reports a message that opens with what reads as a brand's name: two to four
// Chinese characters, none about people, places or time, then a particle, a break or the end.
func brandLike(t string) bool {
	head, _, _ := strings.Cut(strings.TrimSpace(t), " ")
	head = strings.TrimRight(head, clauseBreaks+".!~")
	head = strings.TrimRight(strings.TrimSuffix(strings.TrimRight(head, "啊呀吧哦嘛呢啦哈咯噢"), "的"), "牌")
	n := utf8.RuneCountInString(head)
	if n < 2 || n > 4 || strings.ContainsAny(head, notBrandRunes) {
		return false
	}
	for _, r := range head {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// cueAddition opens a detail added to what was told: "哦还有", "对了", "补充一下".
var cueAddition = knowledge.MustGate(`^(哦|噢|喔|啊|嗯)?(还有|对了|补充|另外|顺便说|忘了说|忘记说|漏了)`)

// cueChase is what a chase for one's own case is said with: when, how far, still nothing,
// someone coming, the ticket. A guessed progress request needs one of them.
var cueChase = knowledge.MustGate(`什么时候|啥时候|什么时间|几时|几点|多久|多长时间|几天|进度|到哪|怎么还|咋还|怎么没|咋没|还没|还冇|仲未|未有|催|快点|快些|等了|等到|还要等|要等|情况|处理|有人|来不来|到了没|到没|安排|结果|怎么样了|咋样了|点样|回复|回个|联系|打电话|电话呢|状态|单号|工单|师傅|上门|人呢|没人|冇人|几耐|几多日|搞掂未|好了没|修好没|修好了吗|查一下|查下|问一下|问下|咋回事|怎么回事|呢[?？]?$`)

// leavingOnly reports a message that answers nothing but says goodbye in a word of parting: no
// detail, no product, no digit that could be part of a number ("ok fine 就这样 bye", "好啦 先按
// 呢 再会"). ("搬家之后就这样了" tells how long a fault has been; it is no parting.)
func leavingOnly(u *Understanding, t string) bool {
	return cueParting.MatchString(t) && noFacts(&u.Facts) && u.Facts.Category == "" && u.Facts.Product == "" &&
		u.Facts.Address == "" && !strings.ContainsAny(t, "0123456789")
}

// cueParting are the words of parting among the goodbye cues.
var cueParting = knowledge.MustGate(`再见|再会|拜拜|拜了|白白|bye|回见|回聊|回头(再说|聊)|改天(再说|聊)|下次(再说|聊)|晚安|就这样吧|先这样`)

// sureRule is the confidence from which the patterns' reading stands whatever the model
// reads: commands, "0 转人工", 12315.
const sureRule = 0.9

// weighActs lets the learned act model (package textmodel) decide between the patterns'
// weaker readings. The patterns' act is one of the model's features, so where they know
// better the model follows them; where they read nothing or only a weak act, the
// characters of the message and the state decide.
func weighActs(acts []Act, u *Understanding, ctx Context, t string, m *textmodel.Model) []Act {
	rule := u.Decisive(ctx.State)
	if rule.Confidence >= sureRule {
		return acts
	}
	if cueResumeCase.MatchString(t) {
		return acts // "等等 还是修吧": the dialog reads it (dialog_acts.go)
	}
	if (ctx.State == StateConfirm || ctx.State == StateEdit) && isConfirm(u.Canon) {
		return acts // "确认 thx" at the summary confirms it; the model's guess does not outweigh that
	}
	if utf8.RuneCountInString(strings.Trim(t, clauseBreaks+" .!?~…")) < minModelRunes {
		return acts // "确认", "好", "2": too few characters to weigh; the dialog reads them
	}
	kind, p := m.PredictText(string(ctx.State), string(ctx.Asking), t, string(rule.Kind))
	got := ActKind(kind)
	if got == rule.Kind || !modelActs[got] || p < minModelP {
		return acts
	}
	if softActs[got] && !noFacts(&u.Facts) {
		return acts // "海尔的 波轮" after a step: a detail given, not a shrug
	}
	if softActs[got] && ctx.State == StateCollect && ctx.Asking == SlotBrand && brandLike(u.Canon) {
		return acts // "爱普生啊 刚说了" at the brand question: a brand no list knows, then a remark
	}
	if got == ActComplaint && u.Facts.Symptom != "" && !cueComplaint.MatchString(t) && !cueAnger.MatchString(t) {
		return acts // "空气炸锅不热了 买了三个月": a fault told plainly is a report, not a complaint
	}
	if got == ActComplaint && cueNoComplaint.MatchString(t) {
		return acts // "我没投诉啊 就想换个新的": says it is no complaint
	}
	if got == ActComplaint && rule.Kind == ActQuestion && p < 0.99 {
		return acts // "能不能免费修啊 刚买仨月": a question about rights is not a complaint, unless the model is all but certain
	}
	if got == ActComplaint && !noFacts(&u.Facts) && u.Facts.Symptom == "" && utf8.RuneCountInString(t) <= 10 && !cueComplaint.MatchString(t) {
		return acts // "上个月买的": a detail given, with no word of a complaint in it
	}
	if got == ActProgress && cueAddition.MatchString(t) && !cueChase.MatchString(t) {
		return acts // "哦还有 这台是二手的" after filing: a detail added, not a chase
	}
	if got == ActHandoff && ctx.State == StateHuman {
		return acts // already waiting for a person: a guessed "转人工" would swallow what is asked
	}
	if got == ActThanks && !cueThanksSign.MatchString(t) {
		return acts // "今天好热", "中午吃啥好呢": no word of thanks or assent, whatever the state
	}
	if got == ActThanks && rule.Kind == ActGoodbye {
		return acts // "谢谢 再见": thanks on the way out is still a goodbye
	}
	if rule.Kind == ActGoodbye && (ctx.State == StateCollect || ctx.State == StateConfirm) && leavingOnly(u, t) {
		return acts // "ok fine 就这样 bye" at the phone question: no number, no detail, leaving
	}
	if (got == ActNotSolved || got == ActSolved) && rule.Kind == ActSmallTalk && rule.Confidence >= 0.7 {
		return acts // "吃饭了没得" at a check: a greeting the patterns named, not a verdict
	}
	if got == ActNotSolved && cueQuestion.MatchString(t) {
		return acts // "行不行啊 到底" asks; a verdict needs the customer's word
	}
	rank := slices.Index(actPriority, got)
	if rank < 0 {
		rank = len(actPriority) // an answer: nothing outranks it
	}
	out := acts[:0:0]
	for _, a := range acts {
		r := slices.Index(actPriority, a.Kind)
		verdictOutside := (a.Kind == ActSolved || a.Kind == ActNotSolved) && ctx.State != StateSelf
		// a question with a named topic, or one the customer marked "？" ("遥控器电池怎么换？")
		namedQuestion := a.Kind == ActQuestion && (a.Topic != TopicOther && a.Topic != "" || strings.ContainsAny(u.Canon, "?？") ||
			u.Facts.Symptom == "" && cueHowTo.MatchString(t))
		// a fault told beside a named question ("画面发紫 你们什么时候能来"): both are read
		besideQuestion := a.Kind == ActReport && rule.Kind == ActQuestion && rule.Topic != TopicOther && rule.Topic != ""
		if a.Confidence < sureRule && r >= 0 && r < rank && !verdictOutside && modelActs[a.Kind] && !namedQuestion && !besideQuestion {
			continue // a weaker reading the model decided against
		}
		out = append(out, a)
	}
	if got == ActAnswer || got == ActReport {
		return out // the facts carry a report; the model adds no words of its own
	}
	if got == ActQuestion && !cueQuestion.MatchString(t) {
		return acts // nothing in it asks
	}
	a := Act{Kind: got, Confidence: 0.75, Evidence: "≈" + t}
	if got == ActQuestion {
		a.Topic = TopicOther
	}
	i := 0
	for i < len(out) && out[i].Confidence >= a.Confidence {
		i++
	}
	return slices.Insert(out, i, a)
}
