package bot

import (
	"cmp"
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/wxintake/intake/bot/textmodel"
	"github.com/wxintake/intake/knowledge"
)

// How a message is understood. Every text message goes through one pipeline of small,
// pure stages before the dialog decides anything:
//
//  1. knowledge.Canon: NFKC, invisible characters dropped, repeated punctuation collapsed,
//     typos, homophones and pinyin of the words that matter corrected.
//  2. Questions the customer asks and denies at once ("有火花吗？没有 …") are settled and
//     read no further (settleSelfAnswered).
//  3. Hazards (knowledge.Hazards): every hazard family, with negation and question scope;
//     a suspected hazard counts.
//  4. Facts (Extract) from the canonical text: product, brand, model, dates, symptom…
//  5. Dialogue acts (acts.go): what the message does — answers, reports, corrects, asks,
//     complains, cancels, says goodbye… — each with a confidence and the words it came from.
//
// The dialog (dialog.go) reads the Understanding, never the raw text, so a different
// Understander (a model-backed classifier, say) can be put in its place.

// ActKind names a dialogue act.
type ActKind string

// The dialogue acts.
const (
	ActAnswer        ActKind = "answer"         // a plain answer to the question asked
	ActReport        ActKind = "report"         // describes a fault
	ActReturn        ActKind = "return"         // asks to return or exchange the product: "我要退货", "能换新的吗"
	ActVague         ActKind = "vague"          // something is broken, without saying what: "坏了"
	ActSolved        ActKind = "solved"         // the self-service step fixed it
	ActNotSolved     ActKind = "not_solved"     // tried, still broken
	ActHandoff       ActKind = "handoff"        // wants a person
	ActCancel        ActKind = "cancel"         // does not want the repair any more
	ActGoodbye       ActKind = "goodbye"        // ends the chat
	ActThanks        ActKind = "thanks"         // thanks or acknowledges, nothing else
	ActProgress      ActKind = "progress"       // asks about an existing ticket or visit
	ActComplaint     ActKind = "complaint"      // angry, or names 12315, 消协, the media…
	ActQuestion      ActKind = "question"       // asks something the bot should answer (Topic)
	ActCorrection    ActKind = "correction"     // corrects a fact given earlier
	ActChangeProduct ActKind = "change_product" // the faulty product is another one
	ActSmallTalk     ActKind = "smalltalk"      // chit-chat
	ActGreeting      ActKind = "greeting"       // hello, nothing else
)

// Question topics.
const (
	TopicPrice      = "price"        // how much will the repair cost
	TopicWarranty   = "warranty"     // in warranty? free?
	TopicIsNormal   = "is_normal"    // is this normal?
	TopicKeepUsing  = "keep_using"   // may I go on using it until it is repaired?
	TopicBotOrHuman = "bot_or_human" // am I talking to a person?
	TopicHours      = "hours"        // when do you work
	TopicDuration   = "duration"     // how long, when will someone come (before a ticket)
	TopicWhereModel = "where_model"  // where is the model or serial number
	TopicCoverage   = "coverage"     // do you repair this product at all?
	TopicService    = "service"      // does someone come, or do I bring it in? must I wait at home?
	TopicPrepare    = "prepare"      // what to have ready: proof of purchase, model, room to work
	TopicOther      = "other"
)

// Act is one dialogue act found in a message.
type Act struct {
	Kind       ActKind
	Topic      string  // for ActQuestion
	Confidence float64 // 0..1: how sure the reading is
	Evidence   string  // the words it was read from
}

// Understanding is everything one message means to the dialog.
type Understanding struct {
	Text    string                // the message as received
	Canon   string                // its understanding form (knowledge.Canon)
	Hazards []knowledge.HazardHit // hazard families found, suspected ones included
	// HazardExplained is set when a hazard word in the message is denied or explained
	// away ("没闻到煤气味", "冒白烟 是蒸汽吧"): an editor's looser safety trigger stays quiet.
	HazardExplained bool
	Facts           Facts            // facts read from Canon
	Acts            []Act            // strongest first
	Answer          knowledge.Answer // the reading as a reply to a self-service step (read in StateSelf only)

	// Suspect is a hazard family the hazard model (package textmodel) reads in a message
	// where the patterns read none: the dialog asks about it rather than pass over it.
	Suspect string
}

// HazardNone is the hazard model's class of a message that speaks of no hazard.
const HazardNone = "none"

// minSuspectP is the least probability at which the hazard model's reading is asked about.
const minSuspectP = 0.9

// suspectHazard is the family the hazard model reads in canon (t is its ActText), if it
// is likely, the message holds a character the family is written with, and the patterns
// found no hazard word in it denied or explained away ("没闻到煤气味", "冒白烟 是蒸汽吧").
func suspectHazard(canon, t string, explained bool, m *textmodel.Model) string {
	if explained {
		return ""
	}
	if heaterSmell.MatchString(canon) && !noSmell.MatchString(canon) {
		return knowledge.HazardBurning // "电热毯开着 闻着有点怪味 像烤什么东西": ask before the form goes on
	}
	family, p := m.PredictText("", "", t, "")
	canon = knowledge.WithoutNumbLookAlikes(canon) // "麻烦师傅看一下 锅边那个金属圈松了" tingles nowhere
	if family == "" || family == HazardNone || p < minSuspectP || !knowledge.Touches(family, canon) || knowledge.DeniedOnly(family, canon) {
		return ""
	}
	if needs, ok := suspectNeeds[family]; ok && !needs.MatchString(canon) {
		return ""
	}
	if family == knowledge.HazardWaterElectric && waterBoiled.MatchString(canon) && !knowledge.Wet(canon) {
		return "" // "插好了能烧了 水开了": the kettle's water boiled, none was spilt
	}
	if family == knowledge.HazardBurning && knowledge.FoodBurntOnly(canon) {
		return "" // "电饭煲的饭有点糊了": the rice burnt, not the cooker
	}
	if family == knowledge.HazardGas && smellElsewhere.MatchString(canon) && !gasNamed.MatchString(canon) {
		return "" // "冰箱里的鸡蛋坏了 一股臭味", "厨房下水道有股臭味": the smell has a cause, and no gas is near
	}
	return family
}

// withoutName drops a surname the customer tells and spells out from what the hazard model's
// suspicion must touch: "我姓焦 焦急的焦" burns nothing. Any other use of the character stays
// ("我姓焦 插座有股焦味").
func withoutName(canon, name string) string {
	if utf8.RuneCountInString(name) != 1 || !strings.Contains(canon, name) {
		return canon
	}
	canon = strings.ReplaceAll(canon, "姓"+name, "姓")
	return nameSpelled.ReplaceAllStringFunc(canon, func(m string) string {
		if strings.HasSuffix(m, "的"+name) && strings.Contains(strings.TrimSuffix(m, "的"+name), name) {
			return ""
		}
		return m
	})
}

// nameSpelled is a character spelled out by a word it is in: "焦急的焦", "弓长张的张".
var nameSpelled = regexp.MustCompile(`\p{Han}{1,3}的\p{Han}`)

// smellElsewhere puts a smell down to something that is no gas: a drain, rubbish, food gone
// off, a fridge; gasNamed is gas or a gas appliance, which keeps the question.
var (
	smellElsewhere = knowledge.MustGate(`下水道|下水口|地漏|马桶|厕所|垃圾|(鸡蛋|蛋|菜|肉|鱼|剩饭|饭菜|水果)[^,?]{0,4}(坏|臭|馊|烂|放久|变质)|冰箱|冷藏|冷冻|雪柜`)
	gasNamed       = knowledge.MustGate(`燃气|煤气|天然气|液化气|瓦斯|灶|热水器|壁挂炉|气管|阀门|报警`)
)

// heaterSmell is a smell from something that heats by a hot element, which may be a scorch:
// the customer is asked about burning before the form goes on. noSmell denies the smell.
var (
	heaterSmell = knowledge.MustGate(`(消毒器|消毒柜|烘干机|暖风机|电热水壶|烧水壶|电热毯|电褥子|取暖器|电暖器|电暖气|小太阳|油汀|暖风机|暖风|暖脚|烤火炉|电火炉|电热炉|浴霸|电热膜|暖手宝|电热扇|踢脚线|` +
		`电磁炉|电陶炉|电饭煲|电饭锅|电压力锅|空气炸锅|电烤箱|烤箱|微波炉|充电器|充电头|电动车|电瓶车|吹风机|电吹风|卷发棒|直板夹|插座|插排|插线板|主机|显卡)` +
		`[^?]{0,16}(塑料味|胶味|怪味|异味|有点味|一股味|有股味|有味|味儿|味道|怪怪|像(在)?烤|烤(什么|啥|东西)|臭味|气味)`)
	noSmell = knowledge.MustGate(`(没|没有|无|不)[^,?]{0,3}(怪味|异味|味)`)
)

// waterBoiled is water a kettle or cooker brought to the boil: "水开了", "烧开了".
var waterBoiled = knowledge.MustGate(`水(烧)?开(了|啦|咯|喇)|烧开|水滚(了|咗)|开水`)

// suspectNeeds are words a family's suspicion needs besides the model's reading: water
// is a hazard near electricity ("冰箱漏水" is an everyday fault), gas when it is smelt,
// heard or leaks ("万和的 燃气的" names a kind of heater).
var suspectNeeds = map[string]*knowledge.Gated{
	knowledge.HazardWaterElectric: knowledge.MustGate(`电|插|充|开着|亮着|通着|开起|运行|在转`),
	knowledge.HazardGas:           knowledge.MustGate(`味|闻|臭|漏|泄|嘶|呲|滋|报警|冲|呛|晕|头`), // "燃气的" names a kind
	// a smell is a burning one when something burns, melts or scorches ("有一种霉味" is not)
	knowledge.HazardBurning: knowledge.MustGate(`焦|糊|煳|燶|烧|熔|融|化了|塑料|胶|电线|线|烫|黑|冒烟|烟|火|刺鼻|呛`),
	// a shock is felt on touch, as electricity ("我要打12315" calls a number)
	knowledge.HazardShock: knowledge.MustGate(`电|麻|触|摸|碰|手|刺|扎|咬|蜇|疼|痛|酥`),
	// sparks are seen or heard ("重新插了一下电就好了" is neither)
	knowledge.HazardSparks: knowledge.MustGate(`火|花|闪|光|亮|啪|噼|滋|吱|呲|弧|焊|蓝|炸|爆|响`),
	// a battery swells, heats or leaks ("包装盒扔了还能退吗" holds a 包 and no battery)
	knowledge.HazardBattery: knowledge.MustGate(`鼓|胀|顶|撑|胖|凸|拱|烫|热|漏液|膨|变形|翘|厚|隆|冒泡|泡泡|滋|嘶|咝|电池|电瓶|充|后盖|屏幕`),
}

// Has returns the act of the kind, if the message does it.
func (u *Understanding) Has(k ActKind) (Act, bool) {
	for _, a := range u.Acts {
		if a.Kind == k {
			return a, true
		}
	}
	return Act{}, false
}

// Is reports whether the message does the act.
func (u *Understanding) Is(k ActKind) bool {
	_, ok := u.Has(k)
	return ok
}

// Main is the strongest act, or an ActAnswer with no evidence when none was found.
func (u *Understanding) Main() Act {
	if len(u.Acts) == 0 {
		return Act{Kind: ActAnswer}
	}
	return u.Acts[0]
}

// Context is what understanding may know of the conversation: where it is and what the
// case holds already. It never decides anything; it disambiguates ("师傅什么时候来" is a
// progress request once a ticket exists, a question before).
type Context struct {
	State     State
	Asking    Slot
	Category  string // the case's product category so far
	HasTicket bool
	Safety    bool // the case is a hazard's: its own advice answers "还能用吗"
	Now       time.Time
	Lexicon   *Lexicon
}

// Understander reads a customer's message. Implementations must be pure and safe for
// concurrent use: the same text and context always give the same Understanding.
type Understander interface {
	Understand(text string, ctx Context) Understanding
}

// RuleReader is the shipped Understander: lexicons and patterns, offline and deterministic.
type RuleReader struct {
	// NoModel reads from the patterns alone, without the learned models (package
	// textmodel): no act is weighed, no hazard suspected. The act model is trained on
	// such readings.
	NoModel bool
}

var _ Understander = RuleReader{}

// Understand implements Understander.
// leadingChoice reads the number of the step's menu (1 solved, 2 not solved) standing
// alone at the start of a longer message, before a space or a break: "2 这个还能凑合用吗".
// "2个方法都试了" is no such thing.
func leadingChoice(canon string) (knowledge.Answer, bool) {
	if len(canon) < 3 || (canon[0] != '1' && canon[0] != '2') || !strings.ContainsAny(firstRune(canon[1:]), " ,，。!！~") {
		return knowledge.AnswerUnclear, false
	}
	if canon[0] == '1' {
		return knowledge.AnswerSolved, true
	}
	return knowledge.AnswerNotSolved, true
}

func (r RuleReader) Understand(text string, ctx Context) Understanding {
	u := Understanding{Text: text, Canon: knowledge.CanonMemo(text)}
	read := knowledge.ReadHazards(u.Canon)
	rest, asked := settleSelfAnswered(u.Canon)
	if asked != "" {
		// "里面有火花吗？没有 就是不转": the question the customer answered with a denial is
		// read no further; a hazard it named is denied, and one told elsewhere still counts
		settled := knowledge.ReadHazards(rest)
		settled.Explains = settled.Explains || len(settled.Hits) < len(read.Hits) || read.Explains
		u.Canon, read = rest, settled
	}
	u.Hazards, u.HazardExplained = read.Hits, read.Explains
	var guessed bool
	u.Facts, guessed = extractGuess(u.Canon, ctx.Now, ctx.Lexicon, false)
	if ctx.Category != "" && guessed {
		u.Facts.Category = "" // "格力的" for a dehumidifier: a brand alone never changes the product
	}
	if cat := cmp.Or(u.Facts.Category, ctx.Category); u.Facts.Trigger == TriggerWater && fillsWithWater[cat] && !cueWetInside.MatchString(u.Canon) {
		u.Facts.Trigger = "" // "进水以后就不动了" of a washer: its filling, no water damage
	}
	if asked != "" {
		keepNamedInAsked(&u.Facts, asked, ctx.Now, ctx.Lexicon)
	}
	if ctx.State == StateSelf {
		u.Answer = knowledge.ParseAnswer(u.Canon) // a verdict on a check means something only there
		if a, ok := leadingChoice(u.Canon); ok {
			u.Answer = a // "2 这个还能凑合用吗？": the menu's number, then a question
		}
	}
	t := ActText(u.Canon) // read once: the act cues and both models read this form
	u.Acts = readActs(&u, ctx, t)
	if !r.NoModel {
		u.Acts = weighActs(u.Acts, &u, ctx, t, textmodel.Acts())
		if len(u.Hazards) == 0 {
			u.Suspect = suspectHazard(withoutName(u.Canon, u.Facts.Name), t, u.HazardExplained, textmodel.Hazards())
			if u.Suspect == knowledge.HazardBurning && waterTastes.MatchString(u.Canon) && !cueBurnt.MatchString(u.Canon) {
				u.Suspect = "" // "净水器出来的水有股塑料味": what the water tastes of, nothing burning
			}
		}
	}
	return u
}

// runes is the length of s in characters.
func runes(s string) int { return utf8.RuneCountInString(s) }

// compact is s lower-cased without spaces, for the act cues.
func compact(s string) string {
	s = lower(normalizeText(s))
	if strings.IndexByte(s, ' ') >= 0 {
		s = strings.ReplaceAll(s, " ", "")
	}
	return s
}

// lower is strings.ToLower, without its rune-by-rune rewrite when no rune of s has a lower
// case: Chinese characters (the CJK ideographs are looked at by range, not in the case
// tables), digits and lower-case letters come back as they are.
func lower(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				return strings.ToLower(s)
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || (r < 0x4E00 || r > 0x9FFF) && unicode.ToLower(r) != r {
			return strings.ToLower(s) // and invalid bytes, which ToLower replaces
		}
		i += n
	}
	return s
}

// HazardReading returns the hazard reading the understanding made of the message.
func (u *Understanding) HazardReading() knowledge.HazardReading {
	return knowledge.HazardReading{Hits: u.Hazards, Explains: u.HazardExplained}
}

// Warm loads the learned models and reads one message through every stage, so that the
// first customer's turn does not pay for decoding the models (about a second on a busy
// machine) inside WeChat's five seconds. The service calls it before it listens.
func Warm() {
	textmodel.Acts()
	textmodel.Hazards()
	RuleReader{}.Understand("空调不制冷了 插头有点烫 怎么办", Context{State: StateNew, Now: time.Now()})
}

// fillsWithWater are the products that take in water to work: 进水 is their filling.
var fillsWithWater = map[string]bool{"washing_machine": true, "dishwasher": true, "water_purifier": true, "water_heater": true}

// cueWetInside is water where it damages even a machine that fills with water: its boards,
// buttons, plug or motor, or the whole machine soaked or rained on.
var cueWetInside = knowledge.MustGate(`(电路板|主板|电脑板|控制板|板子|显示屏|屏幕|面板|按键|插头|插座|电机|线路|电源|里面的电)[^,，。!?？]{0,4}(进水|进了水|进过水|泡水|受潮|湿)|(进水|进了水|进过水)[^,，。!?？]{0,3}(电路板|主板|电脑板|控制板|板子|面板|按键|插头|电机)|泡水|泡了水|泡过水|淋雨|淋了雨|被雨淋|水淹|被淹|淹了|泡坏`)

// waterTastes tells what drinking water tastes or smells of: "出来的水有股塑料味".
var waterTastes = knowledge.MustGate(`(出来的|出的|接的|喝的|滤的|过滤的|过滤后的|净化的|纯净|烧开的|开)水[^,，。!?？]{0,6}(味|口感)|(喝|尝)(起来|着)[^,，。!?？]{0,4}味`)

// cueBurnt tells of burning: 烧, 焦, 糊, smoke.
var cueBurnt = knowledge.MustGate(`烧|焦|糊|燶|冒烟|烟`)
