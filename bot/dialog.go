package bot

import (
	"cmp"
	"github.com/wxintake/intake/triage"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
)

// Dialog decides the bot's side of the conversation. It holds only read-only inputs (the
// knowledge snapshot and settings), so its Step is a pure function of the conversation and
// the message.
type Dialog struct {
	KB Knowledge
	// ResumeAfter is the silence after which a customer coming back mid-case is asked
	// whether to continue (default 30 minutes).
	ResumeAfter time.Duration
	// AckEvery is how often a customer waiting for a person is told so (default 10 minutes).
	AckEvery time.Duration
	// MaxFails is the number of unclear answers to one question after which the bot offers
	// a person (default 3).
	MaxFails int
	// Reader understands messages; nil means RuleReader.
	Reader Understander
	// HandoffWait is how long a customer who asked for a person with nothing reported
	// waits in the queue before the bot takes the intake back and files the ticket
	// (default 10 minutes; handoff.go).
	HandoffWait time.Duration
	// Opens returns when staff are next on duty at or after the given time (the time
	// itself during service hours); nil: always.
	Opens func(time.Time) time.Time
	// StaffHours is the staff's working day as customers read it ("9:00–18:00"), from the
	// same business calendar as Opens, so every reply names the same hours.
	StaffHours string
}

// NewDialog returns a Dialog with default settings on kb (nil: no knowledge).
func NewDialog(kb Knowledge) *Dialog {
	if kb == nil {
		kb = noKnowledge{}
	}
	return &Dialog{KB: kb, ResumeAfter: 30 * time.Minute, AckEvery: 10 * time.Minute, MaxFails: 3, HandoffWait: 10 * time.Minute,
		StaffHours: defaultStaffHours}
}

func (d *Dialog) lexicon() *Lexicon { return d.KB.Lexicon() }

// brands lists the brands the lexicon knows for a category, in lexicon order.
func (d *Dialog) brands(category string) []string {
	lx := d.lexicon()
	if lx == nil {
		return nil
	}
	var out []string
	for _, b := range lx.brands {
		for _, c := range lx.BrandCategories(b.name) {
			if c == category {
				out = append(out, b.name)
				break
			}
		}
	}
	return out
}

// step is one Step call in progress: the conversation being changed and the effects so far.
type step struct {
	d   *Dialog
	c   *Conversation
	in  Inbound
	u   Understanding
	out []Effect

	toldNormal  bool   // an editor's "is this normal" FAQ entry answered the message
	verdict     string // what the bot's last self-service reply asked (Conversation.Verdict)
	lockedOut   bool   // a first message about a door lock keeping someone out of their home
	answeredNow bool   // a practical question about the danger now was answered (sayDangerNow)
}

func (t *step) say(text string)              { t.out = append(t.out, Reply{Text: text}) }
func (t *step) sayKey(key string, kv ...any) { t.say(catalog.T(key, kv...)) }

// told reports a reply of this turn that holds the words.
func (t *step) told(words string) bool {
	return slices.ContainsFunc(t.out, func(e Effect) bool { r, ok := e.(Reply); return ok && strings.Contains(r.Text, words) })
}
func (t *step) do(e Effect) { t.out = append(t.out, e) }

// Step decides the answer to one inbound message: it returns the next conversation and the
// effects to carry out, in order. It performs no I/O and reads no clock (the time is in.At).
func (d *Dialog) Step(c Conversation, in Inbound) (cv Conversation, out []Effect) {
	// The customer's clock: "今天", "礼拜一送到" and the days of the 三包 periods are read in
	// the zone customers speak in, as triage reads the report day, whatever the server's.
	in.At = in.At.In(visitZone)
	t := &step{d: d, c: &c, in: in}
	if c.StartedAt.IsZero() {
		c.StartedAt = in.At
	}
	c.OpenID = in.OpenID
	if in.Kind == KindResult {
		d.onResult(t)
		return c, t.out
	}
	if in.Kind == KindPhoto { // not the customer's turn: no idle time, no turn counted
		d.onPhotoRead(t)
		return c, t.out
	}
	idle := in.At.Sub(c.UpdatedAt)
	c.Turns++
	c.UpdatedAt = in.At

	switch in.Kind {
	case KindEvent:
		d.onEvent(t)
		return c, t.out
	case KindUnknown:
		t.sayKey("bot.unsupported")
		d.reask(t)
		return c, t.out
	case KindVoice:
		if strings.TrimSpace(in.Text) == "" {
			t.sayKey("bot.voice_unrecognised")
			return c, t.out
		}
	case KindImage:
		d.onImage(t)
		return c, t.out
	case KindLocation:
		d.onLocation(t)
		return c, t.out
	}
	text := strings.TrimSpace(in.Text)
	if text == "" {
		t.sayKey("bot.empty")
		return c, t.out
	}
	t.u = d.understand(&c, text, in.At)
	t.verdict, c.Verdict = c.Verdict, ""
	if ParseCommand(t.u.Canon) == CmdHuman || t.u.Is(ActHandoff) {
		defer func() { cv.AskedHuman = true }() // after a new case this message may start
	}
	defer func() {
		if cv.Ticket == "" && cv.State.inProgress() {
			// "修了两次了，上次换板收了我300，我要退款": kept for the complaint it may become
			cv.Case.addNotes(complaintNotes(t.u.Canon))
		}
	}()
	if place := d.placeAbroad(t); place != "" {
		defer func() {
			// "我喺香港", "+852 9123 4567": said once, after the reply's own business (a
			// hazard's advice first), and the case goes on
			t.sayKey("bot.outside_mainland", "place", place)
			out = t.out
		}()
	}
	if line := d.takeDenials(t); line != "" {
		t.say(line) // "没进水！你别给我写成进水了", "没有焦味啊 你们别写错了": confirmed first
	}
	check := c.SafetyCheck
	c.SafetyCheck = ""
	if c.Ticket != "" && c.Case.Safety && (c.State == StateDone || c.State == StateHuman) && t.u.Facts.Address == "" &&
		t.u.Facts.Phone.IsZero() && !cueNoReschedule.MatchString(compact(t.u.Canon)) {
		// an urgent ticket: a purchase date or brand told beside the safety talk ("月份是七月底
		// 你给记准了 对了充电器壳子有点变形了", "拔了放阳台了 购买时间改成二零二五年七月 改了没")
		// goes onto the ticket, said after the safety advice
		if len(t.u.Hazards) == 0 && d.addDetailAfterFiling(t) {
			return c, t.out // "补充一下：是换了滤芯以后才开始漏的": the fault's detail, not a safety question
		}
		if line := d.detailsBesideSafety(t); line != "" {
			if len(t.u.Hazards) == 0 && (!t.u.Is(ActQuestion) || cueAskedUpdated.MatchString(compact(t.u.Canon))) {
				t.say(line)
				return c, t.out
			}
			defer func() {
				t.say(line)
				out = t.out
			}()
		}
	}
	if d.burnAid(t) {
		return c, t.out // "手腕那块红了有点疼 要紧吗" after the watch got hot: the person first
	}
	if d.healthAsk(t) {
		return c, t.out // "我爸72了 心脏不好 要不要带他去医院看看" after a shock: the person first
	}
	if rule, ok := d.hazardRule(t); ok {
		d.hazard(t, rule)
		return c, t.out
	}
	if !c.Case.Cared && len(t.u.Hazards) == 0 && cueFever.MatchString(compact(t.u.Canon)) {
		// "涨奶涨得发烧了38度5": the person before the product, said once, after the reply
		c.Case.Cared = true
		defer func() {
			t.sayKey("bot.care.fever")
			out = t.out
		}()
	}
	if leakAdvice(&c.Case, &t.u) && !(c.State == StateHuman && c.Paused) {
		// "柜子里一地的水 还在滴": stop the water first, said after the reply's own business
		c.Case.LeakAdvised = true
		defer func() {
			if !t.told("角阀") { // not when the check shown says it ("请先关掉洗碗机电源，关闭进水角阀")
				t.sayKey("bot.advice.leak_valve")
			}
			out = t.out
		}()
	}
	if !c.Case.Safety && !c.Case.Advised && chargesIndoors(&t.u, &c.Case) {
		// "平时我都是拎上楼放卧室床边充的": not a hazard yet, a habit that starts fires; said
		// once, after the reply's own business
		c.Case.Advised = true
		defer func() {
			t.sayKey("bot.advice.charge_indoors")
			out = t.out
		}()
	}
	if d.safetyCheck(t, check) {
		return c, t.out
	}
	if check != "" && c.SafetyCheck == "" && !c.Case.Safety && c.SafetyCheckLeft > 0 {
		c.SafetyCheck, c.SafetyCheckLeft = check, c.SafetyCheckLeft-1 // not answered yet: still open next turn
	}
	if d.stepBackWorry(t) {
		return c, t.out
	}
	if d.safetyFollowUp(t) {
		return c, t.out
	}
	if d.visitChoiceNote(t, text) {
		return c, t.out // "4，麻烦跟师傅说一下最好三点以后到": the window, and the words kept
	}
	if d.findTicket(t) {
		return c, t.out
	}
	if d.photoAnswer(t, text) {
		return c, t.out
	}
	if d.keepTicket(t) {
		return c, t.out
	}
	if availabilityTold(&t.u) {
		at := len(t.out)
		done, note := d.callWindow(t)
		if done {
			return c, t.out
		}
		if note != "" {
			// "13812345678 只有中午12点到1点能接": the window said first, then the number taken
			defer func() {
				t.out = slices.Insert(t.out, at, Effect(Reply{Text: note}))
				out = t.out
			}()
		}
	}
	if line, only := d.complaintNotesAfterFiling(t); line != "" {
		if only {
			return c, t.out
		}
		// "地址…，第三次、150、要换货都给我写上": the address taken first, then the notes confirmed
		defer func() {
			t.say(line)
			out = t.out
		}()
	}
	if c.State == StateHuman {
		d.waitForHuman(t, text)
		return c, t.out
	}
	if cmd := ParseCommand(t.u.Canon); cmd != CmdNone {
		d.command(t, cmd)
		return c, t.out
	}
	if c.State.inProgress() && idle > d.ResumeAfter && c.State != StateResume &&
		!(c.State == StateSelf && (t.u.Answer == knowledge.AnswerSolved || t.u.Answer == knowledge.AnswerNotSolved) && !hasNewProduct(&t.u, &c)) {
		// A reply that answers the pending check ("试了 没用") continues the case at once.
		c.Prev, c.State = c.State, StateResume
		t.sayKey("bot.resume.ask", "what", d.caseLine(&c.Case))
		return c, t.out
	}
	if c.Also != "" && c.State == StateDone && d.takeAlso(t) {
		return c, t.out
	}
	if (c.State == StateDone || c.State == StateVisit) && c.Ticket != "" && len(t.u.Hazards) == 0 && (d.readTicket(t) || d.faultFixAfterFiling(t)) {
		if c.State == StateVisit {
			d.reask(t) // the visit windows are still to choose
		}
		return c, t.out
	}
	if c.State == StateDone && c.Ticket != "" && availabilityTold(&t.u) {
		// "电话139…，白天我上班接不了，晚上六点半以后再打": when to call, with the number
		d.availabilityAfterFiling(t)
		return c, t.out
	}
	if (c.State == StateDone || c.State == StateVisit) && c.Ticket != "" && (d.doorFixAfterFiling(t) || d.addDetailAfterFiling(t) || d.contactAfterFiling(t)) {
		return c, t.out
	}
	if c.State == StateDone && c.Ticket != "" && len(t.u.Hazards) == 0 && t.u.Suspect == "" && confirmsFiled.MatchString(compact(t.u.Canon)) {
		// "确认", "信息没问题": the ticket just read back is right; it goes on
		t.sayKey("bot.question.ticket_goes_on", "number", c.Ticket)
		return c, t.out
	}
	if c.State == StateVisit && d.visitWords(t, text) {
		return c, t.out
	}
	if (c.State == StateCollect || c.State == StateSelf || c.State == StateConfirm) && c.Ticket == "" && len(t.u.Hazards) == 0 &&
		d.faultFixBeforeFiling(t) {
		return c, t.out
	}
	if (c.State == StateCollect || c.State == StateSelf || c.State == StateConfirm) && d.brandCorrection(t) {
		return c, t.out // "不是极米，是当贝的" at the model question: the brand as told, the question again
	}
	if (c.State == StateCollect || c.State == StateSelf) && d.submitNow(t) {
		return c, t.out
	}
	if c.State != StateRating && c.State != StateComment && d.interject(t) {
		return c, t.out
	}

	switch c.State {
	case StateNew, StateDone:
		if c.State == StateDone && len(c.Tickets) > 0 && idle > d.ResumeAfter {
			t.do(ListTickets{Intro: true}) // a customer with tickets sees their status first
		}
		d.start(t, text)
		if t.lockedOut && lockProduct(c.Case.Product) && c.Ticket == "" {
			// "我爸在门外进不去，外面零下二十度": the case is started, then what to try now; the
			// words that make the ticket urgent are on it
			if !cueLockedOut.MatchString(c.Case.Symptom) && runes(c.Case.Symptom) < maxSymptomRunes-6 {
				c.Case.Symptom = strings.TrimPrefix(c.Case.Symptom+symptomJoiner+"进不了门", symptomJoiner)
			}
			advice := Reply{Text: d.lockoutAdvice(t)}
			at := len(t.out) // before the question just asked: what to do now comes first
			for i := len(t.out) - 1; i >= 0; i-- {
				if _, ok := t.out[i].(Reply); ok {
					at = i
					break
				}
			}
			t.out = slices.Insert(t.out, at, Effect(advice))
		}
	case StateCollect:
		d.collect(t, text)
	case StateSelf:
		d.selfService(t, text)
	case StateConfirm:
		d.confirm(t, text)
	case StateEdit:
		d.edit(t, text)
	case StateVisit:
		d.visit(t, text)
	case StateResume:
		d.resume(t, text)
	case StateRating:
		d.rating(t, text)
	case StateComment:
		t.do(RateTicket{Number: c.RateTicket, Comment: truncateRunes(text, 500)})
		t.sayKey("bot.rating.comment_thanks")
		c.State, c.RateTicket = StateDone, ""
	}
	return c, t.out
}

// AskRating starts the follow-up survey of a completed ticket, unless the customer is in
// the middle of something else (then false: ask later).
func (d *Dialog) AskRating(c Conversation, number string) (Conversation, bool) {
	if c.State.inProgress() || c.State == StateResume || c.Paused || c.State == StateRating || c.State == StateComment || c.waiting() {
		return c, false // busy with something else, or a person is chatting: later
	}
	c.State, c.RateTicket, c.Fails = StateRating, number, 0
	return c, true
}

// rating reads a 1–5 score.
func (d *Dialog) rating(t *step, text string) {
	c := t.c
	score, ok := choice(text, 5)
	if !ok {
		score, ok = ratingWords[strings.Trim(normalizeText(text), clauseBreaks+" .!！")]
		score--
	}
	if !ok {
		c.Fails++
		if c.Fails >= 2 { // not a rating: drop the survey and treat the message as new
			c.State, c.RateTicket = StateDone, ""
			d.start(t, text)
			return
		}
		t.sayKey("bot.rating.retry")
		return
	}
	t.do(RateTicket{Number: c.RateTicket, Score: score + 1})
	t.sayKey("bot.rating.thanks", "score", score+1)
	c.State, c.Fails = StateComment, 0
}

var ratingWords = map[string]int{
	"非常满意": 5, "很满意": 5, "满意": 4, "还行": 3, "一般": 3, "不满意": 2, "很不满意": 1, "非常不满意": 1, "差": 1, "好": 4, "很好": 5,
}

// start opens a new case from the customer's first words.
func (d *Dialog) start(t *step, text string) {
	c := t.c
	first := c.State == StateNew
	if politeOpening(&t.u) {
		// "您好，打扰您了，真不好意思", "麻烦问一下": a courteous opening, answered in kind; the
		// case opens with what they say next
		t.sayKey("bot.welcome.polite")
		return
	}
	if !first && !hasSubstance(&t.u) && (t.u.Is(ActGreeting) || looksLikeGreeting(text)) {
		t.sayKey("bot.welcome") // a hello after a case opens nothing until they say what is wrong
		return
	}
	if !first && c.Ticket == "" && c.Case.Category != "" && cueResumeCase.MatchString(compact(t.u.Canon)) {
		// "等等 还是修吧" after a cancel: the case comes back as it was
		c.State = StateCollect
		t.sayKey("bot.case.back", "what", d.caseLine(&c.Case))
		d.absorb(t) // "还是登记一下吧 电话13916661234 我姓沈": what comes with it is kept
		d.advance(t)
		return
	}
	if !first && asksAfterCase(&t.u) && d.answerFAQ(t, TopicOther) && t.toldNormal {
		// "再问一句，是不是冬天天冷，除湿机本来就不大出水的？" after a cancel: answered, no
		// new draft with the question as its fault
		t.sayKey("bot.question.anything_else")
		return
	}
	prev := c.Case
	d.newCase(t)
	if !first && c.Ticket == "" && prev.Category != "" && t.u.Facts.Category == "" && t.u.Facts.Product == "" &&
		cueComesBack.MatchString(compact(t.u.Canon)) {
		// "又不制冷了" after it recovered or was left: the same product, as told before
		c.Case.Category, c.Case.Product, c.Case.Brand, c.Case.Model = prev.Category, prev.Product, prev.Brand, prev.Model
		c.Case.PurchaseDate, c.Case.PurchaseApprox, c.Case.Channel = prev.PurchaseDate, prev.PurchaseApprox, prev.Channel
	}
	before := c.Case
	d.absorb(t)
	if recoveredAtStart(&t.u) {
		// "路由器老掉线 重启一下就好了 没事了 谢谢": already fixed, nothing to file; what they
		// said stays with the case in case it comes back
		t.sayKey("bot.recovered.first", "what", d.categoryName(&c.Case))
		c.State, c.Asking = StateDone, ""
		return
	}
	learned := d.learned(&before, &c.Case)
	switch {
	case learned != "" && first:
		t.sayKey("bot.learned_first", "facts", learned)
	case learned != "":
		t.sayKey("bot.learned", "facts", learned)
	case first || looksLikeGreeting(text) || t.u.Is(ActGreeting):
		t.sayKey("bot.welcome")
	}
	if q, ok := t.u.Has(ActQuestion); ok {
		d.answerQuestions(t, q.Topic)
		howTo := q.Topic == TopicOther && c.Case.Symptom == "" && cueHowTo.MatchString(compact(t.u.Canon))
		if (t.toldNormal || howTo) && c.Case.ErrorCode == "" && !c.Case.Safety {
			// "冷冻室开门冒白雾 正常吗": answered; nothing is broken, so nothing is asked
			// ("热水器刚打开先出冷水 正常吗": the FAQ entry says it is normal, no fault). When
			// the answer could not tell ("为稳妥起见我帮您登记"), the case goes on as promised.
			c.Case.Symptom = ""
			t.sayKey("bot.question.anything_else")
			c.State = StateDone
			return
		}
	}
	d.advance(t)
}

// asksAfterCase reports a message that asks rather than reports, once a case has ended: a
// question mark or the words of a yes/no question, no error code, no hazard.
func asksAfterCase(u *Understanding) bool {
	tx := compact(u.Canon)
	return len(u.Hazards) == 0 && u.Facts.ErrorCode == "" && (strings.ContainsAny(tx, "?？") || cueAskedWhether.MatchString(tx))
}

// cueAskedWhether asks whether something is so: "是不是天冷的关系", "会不会是", "正常吗".
var cueAskedWhether = knowledge.MustGate(`是不是|会不会|是否|正常(吗|不|伐|吧)|系唔系|是唔是|正唔正常`)

// contactAfterFiling notes a name, phone number or address told after the ticket was filed
// ("电话改成15312345687", "地址写错了 是建国路86号…"): on the filed case and, through
// UpdateContact, on the ticket, confirmed in one line. false when the message tells no
// contact, or tells of a fault too (a new case then reads it).
func (d *Dialog) contactAfterFiling(t *step) (handled bool) {
	c := t.c
	picked := d.referredTickets(t)
	if len(picked) > 0 && t.u.Facts.Category != "" {
		// "热水器那单也是这个地址和电话啊": the product picks a ticket; it is no product edit
		u := t.u
		defer func() {
			if !handled {
				t.u = u
			}
		}()
		t.u.Facts.Category, t.u.Facts.Product = "", ""
		t.u.Acts = slices.DeleteFunc(slices.Clone(t.u.Acts), func(a Act) bool { return a.Kind == ActReport && t.u.Facts.Symptom == "" })
	}
	if t.u.Facts.Name == "" && len(t.u.Hazards) == 0 && cueNameLine.MatchString(compact(t.u.Canon)) {
		// "俩单子的名字都改成赵建华": the name after the line's word
		t.u.Facts.Name, t.u.Facts.NameSurname = d.toldName(t)
	}
	f := t.u.Facts
	if len(picked) > 0 && f.Phone.IsZero() && f.Address == "" && f.Name == "" && len(t.u.Hazards) == 0 &&
		cueContactNamed.MatchString(compact(t.u.Canon)) && !cueQuestion.MatchString(compact(t.u.Canon)) {
		// "热水器那单也是这个地址和电话 两个都改一下": the contact as it stands, on the tickets picked
		d.contactToTickets(t, &Case{}, picked)
		t.sayKey("bot.contact.updated", "number", ticketList(picked), "facts", strings.Join(d.readBackContact(&c.Case), " · "))
		return true
	}
	details, told := d.filedDetails(t)
	// "地址要改一下，我那周住我妈家，上门去：北京海淀区…": a new address for the filed ticket,
	// whatever else the words around it seem to report
	moved := f.Address != "" && cueAddressChange.MatchString(compact(t.u.Canon))
	if len(t.u.Hazards) > 0 || hasSubstance(&t.u) && !told && !moved || f.Phone.IsZero() && f.Address == "" && f.Name == "" && !told {
		return false
	}
	if f.Name == "" && told {
		f.Name = "" // a detail told: no name guessed from its words
	}
	before := c.Case
	c.Case.tellPhone(f, cueCorrection.MatchString(compact(t.u.Canon)))
	if f.Name != "" {
		c.Case.Name = f.Name
	}
	if f.Address != "" && addressOnItsOwn(f.Address) {
		c.Case.Address, c.Case.Region, c.Case.City = withPlace(f.Address, c.Case.Address), cmp.Or(f.Region, c.Case.Region), cmp.Or(f.City, c.Case.City)
	}
	var changed []string
	for _, slot := range []Slot{SlotName, SlotPhone, SlotAddress} {
		if v := d.show(&c.Case, slot); v != d.show(&before, slot) {
			changed = append(changed, v)
		}
	}
	var more []string
	if told {
		doubt := c.Case.ProofDoubt
		if details.Category != "" {
			// the product corrected: its name and the brand told with it replace the old ones
			c.Case.Category, c.Case.Product = details.Category, details.Product
			if details.Brand == "" && c.Case.Brand != "" && details.Category != OtherCategory && !d.brandMakes(c.Case.Brand, details.Category) {
				c.Case.Brand = "" // 小米 of the tablet is no brand of the gas stove
			}
		}
		c.Case.Facts = c.Case.Facts.Merge(details)
		if details.Category != "" {
			details.Brand = c.Case.Brand // with the product, the brand as it now stands ("" clears it)
		}
		if w := cueProofDoubt.FindString(compact(t.u.Canon)); w != "" && !hypothetical.MatchString(compact(t.u.Canon)) {
			c.Case.ProofDoubt = w
		}
		if !details.PurchaseDate.IsZero() {
			c.Case.PurchaseUnknown = false
		}
		for _, slot := range append([]Slot{SlotCategory}, productDetailSlots...) {
			if v := d.show(&c.Case, slot); v != d.show(&before, slot) && v != "" {
				more = append(more, v)
			}
		}
		if c.Case.ProofDoubt != doubt && len(more) == 0 {
			more = append(more, c.Case.ProofDoubt)
		}
	}
	targets := c.household(t.in.At)
	if len(picked) > 0 {
		targets = picked
	}
	if len(changed) == 0 && len(more) == 0 {
		return false // told again as it stands: nothing to write
	}
	learned := strings.Join(append(changed, more...), " · ")
	if len(changed) > 0 {
		d.contactToTickets(t, &before, targets)
		if !slices.Contains(targets, c.Ticket) {
			// "空调那单的地址写错了 是…202": that ticket's; this case's contact stays as filed
			c.Case.Name, c.Case.NameSurname, c.Case.Phone, c.Case.OtherPhone = before.Name, before.NameSurname, before.Phone, before.OtherPhone
			c.Case.Address, c.Case.Region, c.Case.City = before.Address, before.Region, before.City
		}
	}
	if len(more) > 0 {
		c.Case.modelOutOfFault(&details)
		t.do(UpdateDetails{Number: c.Ticket, Facts: details, ProofDoubt: c.Case.ProofDoubt})
		if len(changed) == 0 {
			t.sayKey("bot.details.updated", "number", c.Ticket, "facts", learned)
		}
	}
	if len(changed) > 0 {
		t.sayKey("bot.contact.updated", "number", ticketList(targets), "facts", learned)
	}
	if q, ok := t.u.Has(ActQuestion); ok && q.Topic != TopicOther {
		d.answerQuestions(t, q.Topic) // "记了没" is answered by the line above
	}
	switch {
	case t.u.Is(ActReturn):
		c.Case.Return = true
		d.sanbao(t) // "电话186… 退的话要我自己送回去吗": the rights for what is known
	case progressAsked(&t.u):
		t.do(ListTickets{Intro: true})
	}
	if c.State == StateVisit {
		d.reask(t) // the visit windows are still to choose
	}
	return true
}

// detailsToTicket writes onto the filed ticket, through UpdateDetails, the product details
// the case learned since before ("洗衣机是2023年5月买的" told with a complaint while waiting
// for a person): staff see them on the ticket, not only in the transcript.
func (d *Dialog) detailsToTicket(t *step, before *Case) {
	c := t.c
	if c.Ticket == "" {
		return
	}
	var f Facts
	for _, slot := range productDetailSlots {
		if d.show(&c.Case, slot) == d.show(before, slot) {
			continue
		}
		switch slot {
		case SlotBrand:
			f.Brand = c.Case.Brand
		case SlotModel:
			f.Model = c.Case.Model
		case SlotPurchase:
			f.PurchaseDate, f.PurchaseApprox, f.Delivered = c.Case.PurchaseDate, c.Case.PurchaseApprox, c.Case.Delivered
		case SlotSerial:
			f.Serial = c.Case.Serial
		case SlotChannel:
			f.Channel = c.Case.Channel
		case SlotWarranty:
			f.ExtendedWarranty, f.ExtendedMonths = c.Case.ExtendedWarranty, c.Case.ExtendedMonths
		}
	}
	if f != (Facts{}) {
		c.Case.modelOutOfFault(&f)
		t.do(UpdateDetails{Number: c.Ticket, Facts: f, ProofDoubt: c.Case.ProofDoubt})
	}
	if c.Case.Name != before.Name || c.Case.Phone != before.Phone || c.Case.Address != before.Address || c.Case.OtherPhone != before.OtherPhone {
		// "电话138… 地址郑州市…" told with a complaint while a person is awaited: on the
		// ticket staff call from, not only in the chat
		t.do(UpdateContact{Number: c.Ticket, Name: c.Case.Name, Phone: c.Case.Phone.Number, OtherPhone: c.Case.OtherPhone, Address: c.Case.Address})
	}
}

// cueAddressChange asks for the visit to go to another address: "地址要改一下", "上门去…",
// "换个地址", "新地址是".
var cueAddressChange = knowledge.MustGate(`地址[^,?]{0,4}(改|换|更新|不对|错了|写错)|(改|换)[^,?]{0,3}地址|新地址|上门(去|到|来)|(来|去|到)[^,?]{0,6}(这个|这边|这里)地址|搬(家|到)`)

// productDetailSlots are the product details a customer may tell after filing.
var productDetailSlots = []Slot{SlotBrand, SlotModel, SlotPurchase, SlotSerial, SlotChannel, SlotWarranty}

// filedDetails are the product details a message tells once the case is filed (brand,
// model, serial number, purchase date, channel, extended warranty), the value after a
// denial winning ("是前年买的 不是去年" is 2024, "品牌不是美的 是格力" 格力); told is false
// when it tells none, or tells a fault or another product (a new case reads that).
func (d *Dialog) filedDetails(t *step) (details Facts, told bool) {
	c, f := t.c, t.u.Facts
	// "工单写错咧！不是平板，是燃气灶", "产品改成燃气灶": the filed product corrected, not another
	// product reported
	product := f.Category != "" && f.Category != c.Case.Category && f.Symptom == "" && (t.u.Is(ActCorrection) || cueProductFix.MatchString(compact(t.u.Canon)))
	if f.Symptom != "" && !t.u.Is(ActCorrection) || f.ErrorCode != "" || f.Category != "" && f.Category != c.Case.Category && !product ||
		hypothetical.MatchString(compact(t.u.Canon)) || t.u.Is(ActVague) {
		return Facts{}, false
	}
	return d.detailsTold(t, product)
}

// detailsTold are the product details a message tells about the filed case, whatever else
// it tells (see filedDetails); with product, the product corrected too.
func (d *Dialog) detailsTold(t *step, product bool) (details Facts, told bool) {
	c, f := t.c, t.u.Facts
	if tail := afterDenial(t.u.Canon); tail != "" {
		told := Extract(tail, t.in.At, d.lexicon())
		if told.Brand == "" && (cueBrandWord.MatchString(t.u.Canon) || c.Case.Brand != "" && strings.Contains(denied(t.u.Canon), c.Case.Brand)) {
			told.Brand = unlistedBrand(tail, t.in.At, d.lexicon()) // "品牌不是老板 是威能": a brand no list knows
		}
		f = f.Merge(told)
	}
	roughOverExact := f.PurchaseApprox && !c.Case.PurchaseDate.IsZero() && !c.Case.PurchaseApprox && !cueCorrection.MatchString(t.u.Canon) &&
		refines(c.Case.PurchaseDate, f.PurchaseDate) // within a year of what the age counts back to: the same purchase
	monthOfYear := false
	if p, was := f.PurchaseDate, c.Case.PurchaseDate; !p.IsZero() && p.Month > 0 && !was.IsZero() && was.Month == 0 &&
		!strings.Contains(t.u.Canon, "年") && cueMonthWord.MatchString(t.u.Canon) {
		// "月份是七月底 你给记准了" after "去年七八月份": the month of the year told before
		f.PurchaseDate, f.PurchaseApprox, monthOfYear = Date{Year: was.Year, Month: p.Month, Day: p.Day}, false, true
	}
	if !monthOfYear && (!cuePurchaseWord.MatchString(t.u.Canon) || coarserOf(f.PurchaseDate, c.Case.PurchaseDate) || roughOverExact) {
		// ("买了还不到两年，修的话要我妈出钱吗" after 2025-02: a rough age, no correction)
		// "是周三下午 12月9号下午" is a visit, not a purchase; "2025年6月买的" after
		// 2025-06-18 says the same, less exactly
		f.PurchaseDate, f.PurchaseApprox = Date{}, false
	}
	if dv := f.Delivered; !dv.IsZero() && f.PurchaseDate == dv && !c.Case.PurchaseDate.IsZero() && !c.Case.PurchaseDate.after(dv) &&
		c.Case.PurchaseDate != c.Case.Delivered {
		// "签收是今朝": the delivery day the 三包 days count from; the purchase told before stands
		f.PurchaseDate, f.PurchaseApprox = Date{}, false
	}
	details = Facts{Brand: f.Brand, Model: modelAsTold(t.u.Canon, f.Model), PurchaseDate: f.PurchaseDate, PurchaseApprox: f.PurchaseApprox,
		Delivered: f.Delivered, Serial: f.Serial, Channel: f.Channel, ExtendedWarranty: f.ExtendedWarranty, ExtendedMonths: f.ExtendedMonths}
	if product {
		details.Category, details.Product = f.Category, f.Product
	}
	told = details.Category != "" || details.Brand != "" || details.Model != "" || !details.PurchaseDate.IsZero() || !details.Delivered.IsZero() || details.Serial != "" ||
		details.Channel != "" || details.ExtendedWarranty != YesNoUnset || cueProofDoubt.MatchString(compact(t.u.Canon))
	return details, told
}

// brandMakes reports a brand the lexicon knows to make the category, or knows nothing of.
func (d *Dialog) brandMakes(brand, category string) bool {
	cats := d.lexicon().BrandCategories(brand)
	return len(cats) == 0 || slices.Contains(cats, category)
}

// cueProductFix corrects the product on the ticket: "工单写错咧 不是平板 是燃气灶", "产品改成燃气灶",
// "搞错咗 系热水器".
var cueProductFix = knowledge.MustGate(`写错|搞错|弄错|记错|填错|登记错|错了|错咗|改成|改为|改一下|换成|不是[^,?]{1,6}(是|系)|唔系[^,?]{1,6}系|应该是|其实是`)

// cueMonthWord says a month is the detail meant: "月份是七月底", "是7月初", "几月买的".
var cueMonthWord = knowledge.MustFilter(`月份|月底|月初|月中|月尾|月头|[0-9一二三四五六七八九十]月(买|购|入手|下单)|(买|购).{0,3}[0-9一二三四五六七八九十]+月`)

// detailsBesideSafety applies the product details a message about an urgent ticket tells,
// on the case and the ticket, and returns the line that confirms them ("" when none).
func (d *Dialog) detailsBesideSafety(t *step) string {
	c := t.c
	if f := t.u.Facts; f.Category != "" && f.Category != OtherCategory && f.Category != c.Case.Category || hypothetical.MatchString(compact(t.u.Canon)) {
		return "" // ("插排拔了放阳台了 购买时间改成…": a thing named beside it, no other product)
	}
	details, told := d.detailsTold(t, false)
	if f := t.u.Facts; details.Brand != "" && (f.Brand == "" || f.Category != "" && f.Product != c.Case.Product) && !cueBrandWord.MatchString(t.u.Canon) {
		// a brand only where the brand of this product is named: "我不是买了三年延保吗 怎么说…" names none
		details.Brand, details.Model = "", ""
	}
	if !told || t.u.Facts.ErrorCode != "" || t.u.Is(ActVague) {
		return ""
	}
	before := c.Case
	c.Case.Facts = c.Case.Facts.Merge(details)
	if !details.PurchaseDate.IsZero() {
		c.Case.PurchaseUnknown = false
	}
	var more []string
	for _, slot := range productDetailSlots {
		if v := d.show(&c.Case, slot); v != d.show(&before, slot) {
			more = append(more, v)
		}
	}
	if len(more) == 0 {
		return ""
	}
	c.Case.modelOutOfFault(&details)
	t.do(UpdateDetails{Number: c.Ticket, Facts: details, ProofDoubt: c.Case.ProofDoubt})
	return catalog.T("bot.details.updated", "number", c.Ticket, "facts", strings.Join(more, " · "))
}

// cueDoorFix names the address or its door number as what is corrected: "地址写错了",
// "门牌号改一下", "房号是1302".
var cueDoorFix = knowledge.MustGate(`地址|门牌|房号|房间号|室号|几零几|门号|单元号|楼号`)

// doorNumber is a house or room number as written: "1302", "28".
var doorNumber = knowledge.MustFilter(`[0-9]{2,5}`)

// doorFixAfterFiling corrects the door number of the filed address: "地址写错了 是1302不是
// 1203", "门牌号改一下 1302", "不是1203 是1302" — the number denied, or else the last one of
// the address, becomes the one told, on the case and the ticket.
func (d *Dialog) doorFixAfterFiling(t *step) bool {
	c, u := t.c, &t.u
	addr, tx := c.Case.Address, u.Canon
	if addr == "" || len(u.Hazards) > 0 || u.Facts.Address != "" || !u.Facts.Phone.IsZero() || u.Facts.Category != "" {
		return false
	}
	nums := doorNumber.FindAllStringIndex(tx, -1)
	if len(nums) == 0 || len(nums) > 2 || !cueDoorFix.MatchString(tx) && !(len(nums) == 2 && strings.Contains(tx, "不是")) {
		return false
	}
	var newNum, oldNum string
	for _, loc := range nums {
		n := tx[loc[0]:loc[1]]
		if _, ok := endsWithAny(strings.TrimRight(tx[:loc[0]], " "), "不是", "唔系", "而不是", "不是在"); ok {
			oldNum = n
		} else if newNum == "" {
			newNum = n
		}
	}
	if newNum == "" {
		return false
	}
	if oldNum == "" {
		all := doorNumber.FindAllString(addr, -1)
		if len(all) == 0 {
			return false
		}
		oldNum = all[len(all)-1]
		if diff := len(oldNum) - len(newNum); diff > 1 || diff < -1 {
			return false
		}
	}
	k := strings.LastIndex(addr, oldNum)
	if k < 0 || oldNum == newNum {
		return false
	}
	before := c.Case
	c.Case.Address = addr[:k] + newNum + addr[k+len(oldNum):]
	targets := c.household(t.in.At) // the household's door: every ticket filed lately
	d.contactToTickets(t, &before, targets)
	t.sayKey("bot.contact.updated", "number", ticketList(targets), "facts", c.Case.Address)
	return true
}

// cueAddDetail adds to the fault told: "补充一下", "补充个情况", "还有个情况".
var cueAddDetail = knowledge.MustGate(`补充(一下|下|一点|个情况|一个情况|说明|两句|一句)?|再说(一下|一句)|还有个情况|另外说一下|追加(一下|个情况)?`)

// addedChatter are the words around an added detail that are no part of it: "我是说",
// "这个你记到工单里没有".
var addedChatter = knowledge.MustFilter(`^(我是说|我说|是说|就是|我要|我想|哦|对了|还有)$|工单|(记|写|加|补|登记)(到|在|进|上)?[^,，。]{0,6}(没有|没|吗|了吗|未|冇)$`)

// addDetailAfterFiling adds what the customer tells of the fault after filing ("补充一下：
// 是上周系统自动升级以后才开始蓝屏重启的", "是从滤芯那个接口漏出来的 补充一下") to the
// ticket's fault, confirmed in one line; a question asked with it is answered or noted.
func (d *Dialog) addDetailAfterFiling(t *step) bool {
	c, u := t.c, &t.u
	tx := compact(u.Canon)
	if !cueAddDetail.MatchString(tx) || len(u.Hazards) > 0 || u.Facts.Category != "" && u.Facts.Category != c.Case.Category ||
		!u.Facts.Phone.IsZero() || u.Facts.Address != "" {
		return false
	}
	if _, told := d.detailsTold(t, false); told {
		return false // "补充一下 是去年双十一买的": a detail of the product, taken as one
	}
	var kept []string
	asked := false
	for _, cl := range strings.FieldsFunc(u.Canon, isClauseBreak) {
		cl = strings.Trim(cueAddDetail.Regexp().ReplaceAllString(cl, ""), " ：:")
		cl = strings.TrimPrefix(cl, "是")
		switch {
		case runes(compact(cl)) < 3 || addedChatter.MatchString(compact(cl)):
		case cueQuestion.MatchString(compact(cl)):
			asked = true // "能不能远程帮我回退版本"
		default:
			kept = append(kept, strings.TrimSpace(cl))
		}
	}
	added := strings.Join(kept, "，")
	switch {
	case added == "":
		if parts := d.readBackParts(&c.Case); len(parts) > 0 && cueAskedUpdated.MatchString(tx) {
			t.sayKey("bot.readback.ticket", "number", c.Ticket, "facts", strings.Join(parts, " · "))
			return true
		}
		t.sayKey("bot.details.add_ask", "number", c.Ticket)
		return true
	case toldAlready(c.Case.Symptom, added):
		t.sayKey("bot.details.added", "number", c.Ticket, "detail", added) // told again: it is there
	default:
		c.Case.Symptom = truncateRunes(strings.TrimPrefix(c.Case.Symptom+"；"+added, "；"), maxSymptomRunes)
		t.do(UpdateDetails{Number: c.Ticket, Facts: Facts{Symptom: c.Case.Symptom}, ProofDoubt: c.Case.ProofDoubt})
		t.sayKey("bot.details.added", "number", c.Ticket, "detail", added)
	}
	if q, ok := u.Has(ActQuestion); ok && q.Topic != TopicOther {
		d.answerQuestions(t, q.Topic)
	} else if asked && !d.answerFAQ(t, TopicOther) {
		t.sayKey("bot.human.question_noted") // "能不能远程帮我回退版本": for the person who calls
	}
	return true
}

// toldAlready reports an added detail the fault already holds, in the same or nearly the
// same characters ("系统升级后才坏的" after "上周系统自动升级以后才开始蓝屏重启的").
func toldAlready(fault, added string) bool {
	if strings.Contains(fault, added) {
		return true
	}
	n, in := 0, 0
	for _, r := range compact(added) {
		n++
		if strings.ContainsRune(fault, r) {
			in++
		}
	}
	return n >= 4 && in*5 >= n*4
}

// cueBrandWord names the brand as the detail meant: "品牌不是…", "牌子写错了".
var cueBrandWord = knowledge.MustGate(`品牌|牌子`)

// unlistedBrand reads a brand no list knows as the words after a denial say it: "威能",
// "威能的", "林内牌" — two to four characters, none of people, places, kinds or faults.
func unlistedBrand(tail string, now time.Time, lx *Lexicon) string {
	w := strings.TrimSpace(brandWords(tail))
	if n := runes(w); n < 2 || n > 4 || strings.ContainsAny(w, notBrandRunes+placeRunes+faultRunes) || reduplicated(w) {
		return ""
	}
	for _, r := range w {
		if !unicode.Is(unicode.Han, r) {
			return ""
		}
	}
	if Extract(w, now, lx) != (Facts{}) {
		return ""
	}
	return w
}

// coarserOf reports whether date d says no more than known does, less exactly or the same:
// 2025-06 of 2025-06-18.
func coarserOf(d, known Date) bool {
	return !d.IsZero() && d.Year == known.Year && (d.Month == 0 || d.Month == known.Month) && (d.Day == 0 || d.Day == known.Day)
}

// addressOnItsOwn reports whether an address told after filing can replace the ticket's:
// it names a region or a street, not a part corrected in passing ("是B座不是A座", which the
// ticket's transcript keeps for staff).
func addressOnItsOwn(a string) bool {
	if region, _ := RegionOf(a); region != "" {
		return true
	}
	return cueStreet.MatchString(a)
}

// withPlace completes an address told from its street on ("建国路86号3栋1单元502") with the
// city and district of the one it corrects ("北京市朝阳区建国路88号…"), when that names the
// same street; otherwise it is the address as told. A street named after a city
// ("中山北路200号7栋502" in 南京) is a street still, when the old address has it after its city.
func withPlace(addr, old string) string {
	if old == "" {
		return addr
	}
	street := addr
	if i := strings.IndexAny(street, "0123456789"); i > 0 {
		street = street[:i]
	}
	if utf8.RuneCountInString(street) < 2 {
		return addr
	}
	if k := strings.Index(old, street); k > 0 {
		if region, _ := RegionOf(old[:k]); region != "" || !cueStreet.MatchString(old[:k]) {
			return old[:k] + addr
		}
	}
	return addr
}

// cueStreet is a street, road, lane or village with its number: "建国路86号", "幸福里3弄".
var cueStreet = knowledge.MustFilter(`(路|街|大道|道|巷|弄|里|胡同|村|镇|小区|花园|苑) ?[0-9一二三四五六七八九十百零〇]+(号|弄|巷|栋|幢|座)?`)

// cueComesBack says the fault is back: "又不制冷了", "又开始响了", "还是老问题".
var cueComesBack = knowledge.MustGate(`^(它|这)?(又|再次|又开始|又出现|又来了|还是老问题|老毛病又|毛病又)`)

func (d *Dialog) newCase(t *step) {
	c := t.c
	if c.Ticket != "" {
		// the filed case's contact as it stands, with what was told after filing ("我姓陈
		// 住…" while it waited for a person)
		c.Contact = c.Case.contact()
	}
	c.Case = withContact(c.Contact)
	c.Case.Outside = c.Outside
	c.CaseSeq++
	c.CaseAt = t.in.At
	c.Case.At = t.in.At
	c.State, c.Asking, c.Fails, c.History, c.Step = StateCollect, "", 0, nil, 0
	c.Ticket, c.Windows, c.Pending, c.Prev, c.AskedHuman = "", nil, "", "", false
}

// placeAbroad notes a place outside the mainland the message says the customer is in
// ("我喺香港", "我人在台中") or whose number it gives (+852, +853, +886) on the conversation
// and its case; it returns the place when it is new, "" otherwise.
func (d *Dialog) placeAbroad(t *step) string {
	c := t.c
	place := placeAbroad(compact(t.u.Canon))
	if p := t.u.Facts.Phone; place == "" && p.Kind == PhoneAbroad {
		for prefix, name := range map[string]string{"+852": "香港", "+853": "澳门", "+886": "台湾"} {
			if strings.HasPrefix(p.Number, prefix) {
				place = name
			}
		}
	}
	if place == "" || c.Outside != "" {
		return ""
	}
	c.Outside, c.Case.Outside = place, place
	return place
}

// absorb fills whatever the message says into the empty fields of the case; a fault
// told in other words than before is added to the symptom ("而且还漏水"). A vague "坏了"
// is no symptom: the bot asks what is wrong.
// cueNotXButY denies one thing and tells another: "勿是海尔 是西门子", "不是美的 是格力的".
var cueNotXButY = knowledge.MustGate(`(不是|勿是|唔系|唔是|弗是|不系)[^,，。 ]{1,8}[,，。 ]*(是|系)`)

func (d *Dialog) absorb(t *step) {
	c := t.c
	f := t.u.Facts
	notSolved := notSolvedOnly(t.u.Canon, t.in.At, d.lexicon())
	if t.u.Is(ActVague) || notSolved {
		f.Symptom = "" // "试了 没用": a verdict, never fault text
	} else if f.Symptom != "" {
		f.Symptom = withoutAsking(f.Symptom) // "我能不能插回去继续用啊" asks; it is no fault
		f.Symptom = faultWords(f.Symptom)    // "唉又黑了", "原地转圈圈 xswl，是不是轮子的问题啊": the fault alone
	}
	if !c.Case.PurchaseDate.IsZero() && hypothetical.MatchString(compact(t.u.Canon)) {
		f.PurchaseDate, f.PurchaseApprox = Date{}, false // "那13个月呢" asks, it does not correct
	}
	if c.State == StateCollect && f.Symptom != "" && (c.Case.Brand != "" && strings.Contains(f.Symptom, c.Case.Brand) ||
		c.Case.Model != "" && strings.Contains(strings.ToUpper(f.Symptom), c.Case.Model)) {
		f.Symptom = "" // "极米H6 今年618抢的" to the brand question: the answer's words, no fault
	}
	productFix := f.Category != "" && (cueCorrection.MatchString(compact(t.u.Canon)) || afterDenial(t.u.Canon) != "")
	told := (f.Brand != "" || !f.PurchaseDate.IsZero() || f.Model != "" || !f.Phone.IsZero() || f.Name != "" || f.Address != "" ||
		f.Serial != "" || f.Channel != "") && !c.Case.missing(SlotSymptom) &&
		(c.State == StateSelf || c.State == StateCollect && c.Asking != SlotSymptom && c.Asking != SlotFault)
	if a, ok := t.u.Has(ActReport); ok && f.Symptom == "" && f.ErrorCode == "" && !productFix && !told && !notSolved {
		// ("前年七月买的", "我姓符 住海口…" tell details, no fault: their leftover words are none)
		// ("不是冰箱是冰柜 卧式那种" names the product again: no fault in words)
		// a fault in words no list knows, in the customer's wording
		if f.Symptom = LooseSymptom(t.u.Canon, t.in.At, d.lexicon()); f.Symptom == "" {
			f.Symptom = truncateRunes(a.Evidence, maxSymptomRunes)
		}
	}
	if (cueCorrection.MatchString(compact(t.u.Canon)) || f.Brand != "" && c.Case.Brand != "" && f.Brand != c.Case.Brand && cueNotXButY.MatchString(compact(t.u.Canon))) &&
		!t.u.Is(ActChangeProduct) && !t.u.Is(ActCorrection) {
		// "…没解决。另外型号应该是BCD-529WD12HP，刚才打错了": a correction told beside an answer
		// (the act went to the answer) still replaces what it corrects
		d.correctBeside(t, f)
	}
	if f.Symptom != "" && c.Case.Symptom != "" && !t.u.Is(ActQuestion) && !strings.Contains(c.Case.Symptom, f.Symptom) &&
		!strings.Contains(f.Symptom, c.Case.Symptom) && runes(c.Case.Symptom)+runes(f.Symptom) < maxSymptomRunes {
		c.Case.Symptom += symptomJoiner + f.Symptom
	}
	if m := cmp.Or(f.Model, c.Case.Model); f.ErrorCode != "" && strings.HasPrefix(alnumKey(m), alnumKey(f.ErrorCode)) {
		f.ErrorCode = "" // "H12 Pro吧": the model's letters, no code on a display
	}
	if f.Model != "" && c.Case.Model != "" && !strings.ContainsAny(c.Case.Model, "0123456789") && strings.ContainsAny(f.Model, "0123456789") {
		c.Case.Model = "" // "MacBook Pro", then "底下刻的Model A2918": the code refines the series name
	}
	c.Case.fill(f)
	c.Case.dropModelFromFault() // "H12 Pro吧" taken into the fault before the model was known
	if f.someoneElses() && !c.Case.Phone.IsZero() && c.Case.Phone != f.Phone {
		c.Case.OtherPhone = f.OtherPhone // "上门打我儿子的 139…" told or changed: the latest, beside the phone
	}
	if w := cueProofDoubt.FindString(compact(t.u.Canon)); w != "" && c.Case.ProofDoubt == "" && !hypothetical.MatchString(compact(t.u.Canon)) &&
		!askedOf(compact(t.u.Canon), w) {
		c.Case.ProofDoubt = w // "朋友送的", "二手的", "在日本买的": the warranty is checked, never promised
	}
}

// correctBeside replaces the details a correction told beside another answer corrects: the
// product's details and contacts, not its fault or product.
func (d *Dialog) correctBeside(t *step, f Facts) {
	c := t.c
	g := f
	g.Category, g.Product, g.Symptom, g.ErrorCode, g.Also = "", "", "", "", ""
	if g.StartedPhrase == "刚才" || g.StartedPhrase == "刚刚" || !cueOnset.MatchString(t.u.Canon) {
		g.StartedAt, g.StartedPhrase, g.StartedApprox = Date{}, "", false
	}
	g.Model = modelAsTold(t.u.Canon, g.Model)
	brand, model := c.Case.Brand, c.Case.Model
	c.Case.Facts = c.Case.Facts.Merge(g)
	var changes []string
	if brand != "" && c.Case.Brand != brand {
		// "2 … 勿是海尔 是西门子" beside a check's answer: the brand changed, said in one line
		changes = append(changes, catalog.T("bot.slot."+string(SlotBrand))+" "+c.Case.Brand)
	}
	if model != "" && c.Case.Model != model {
		changes = append(changes, catalog.T("bot.slot."+string(SlotModel))+" "+c.Case.Model)
	}
	if len(changes) > 0 {
		t.sayKey("bot.corrected", "changes", strings.Join(changes, "，"))
	}
}

// confirmsFiled confirms the details a filed ticket was read back with: "确认", "确认无误",
// "信息没问题", "都对".
var confirmsFiled = knowledge.MustFilter(`^(好的?|嗯+|ok|对)?[,，。 ]*(确认(无误|过了|了)?|信息(都)?(没问题|正确|对的?|无误)|都对(的)?|核对(过了|无误)|没错(的)?)[,，。!！~ ]*(谢谢|辛苦了?)?[!！。~ ]*$`)

// partFine tells that the part a step checks is fine ("排水管没问题", "管子看了是好的", "滤网
// 干净的没问题"): the check's result, never "solved" for the machine. partFineNot are the
// words that make it the machine working again ("现在没问题了").
var (
	partFine    = knowledge.MustFilter(`^\p{Han}{1,10}?(没(有|啥|什么)?问题|是好的|好好的|正常的?|没毛病)(的|啊|呀|哦|吧)?$`)
	partFineNot = knowledge.MustFilter(`^(现在|已经|都|全|它|一切|暂时|目前|好像|应该)|了(的|啊|呀|哦|吧)?$`)
)

// faultWords is the fault as the ticket keeps it: the parts of the customer's words that ask
// ("是不是轮子的问题啊", "SN码在哪看"), call out or fill ("喂你好", "唉", "xswl", "说不准",
// "派个人来看看", "哈哈") are left out, and what leads a part in without telling anything
// ("对了", "唉", "还有个") is cut; the customer's words stay in the transcript. The symptom is
// kept as it is when nothing else would be left.
func faultWords(symptom string) string {
	parts := strings.FieldsFunc(symptom, func(r rune) bool { return r == ' ' || strings.ContainsRune(clauseBreaks, r) })
	kept := make([]string, 0, len(parts))
	changed := false
	for _, p := range parts {
		q := p
		for {
			cut := faultLeadIn.ReplaceAllString(q, "")
			cut = faultTrail.ReplaceAllString(cut, "")
			if cut == q {
				break
			}
			q = cut
		}
		if q != p {
			changed = true
		}
		if q == "" || faultFiller.MatchString(q) || faultAsks.MatchString(q) || len(parts) > 1 && faultOnlyBroken.MatchString(q) {
			changed = true
			continue
		}
		kept = append(kept, q)
	}
	if len(kept) == 0 || !changed {
		return symptom
	}
	return strings.Join(kept, "，")
}

var (
	// faultLeadIn opens a part without telling the fault: "唉又黑了", "对了冰箱也不制冷了", "个冰箱…".
	faultLeadIn = knowledge.MustFilter(`^(喂+|你好|您好|在吗|在不在|哎呀|哎哟|哎|唉|诶|欸|嗯+|呃|啊+|哈+|对了|还有个|还有|另外|然后|个)[,，!！~～ ]*`)
	// faultTrail closes a part without telling the fault: "不脱水了 唉", "不出热水了哈哈".
	faultTrail = knowledge.MustFilter(`(哈哈+|唉|哎|呜+|xswl|yyds|orz|emmm*)$`)
	// faultFiller is a part that tells nothing of the fault: slang, a sigh, a hedge, a call for help.
	faultFiller = knowledge.MustFilter(`^(?i:xswl|yyds|hhh+|orz|emm+|233+|awsl|nb|无语|绝了|服了|烦死了?|气死了?|烦人|好烦|麻烦了|谢谢|说不准|说不好|不好说|不知道|不清楚|(你们)?(派|找|叫)(个)?(人|师傅)(来|过来|上门)?(看看|看一下|修修|修一下)?(吧)?|帮(我|忙)(看看|看一下|修修|修一下)(吧)?|救命|怎么办|咋办|咋整)$`)
	// faultAsks is a part that asks: "是不是轮子的问题啊", "SN码在哪看", "要多久".
	faultAsks = knowledge.MustFilter(`(吗|嘛|么|呢)$|是不是|会不会|是否|为什么|为啥|在哪|哪里看|怎么办|咋办|多少钱|多久|能不能|可不可以|要不要`)
	// faultOnlyBroken says only that it broke, beside parts that tell how: "冰箱也坏了 不制冷".
	faultOnlyBroken = knowledge.MustFilter(`^((都|也|又)?坏(了|掉了)|\p{Han}{1,4}(也|都)坏(了|掉了))$`)
)

// withoutAsking drops the parts of a symptom that ask rather than tell ("当时就黑屏了 我能不能
// 先插上充电器开机" keeps "当时就黑屏了"); "" when every part asks.
func withoutAsking(symptom string) string {
	asks := func(p string) bool { return cueMayI.MatchString(compact(p)) || cueAskDo.MatchString(compact(p)) }
	if !asks(symptom) {
		return symptom
	}
	parts := strings.FieldsFunc(symptom, func(r rune) bool { return r == ' ' || strings.ContainsRune(clauseBreaks, r) })
	kept := parts[:0]
	for _, p := range parts {
		if !asks(p) {
			kept = append(kept, p)
		}
	}
	if len(kept) == len(parts) {
		return "" // the question runs across the parts: none of it is the fault
	}
	return strings.Join(kept, "，")
}

// cueProofDoubt tells a purchase the customer cannot prove as an ordinary one: a gift,
// second-hand, bought abroad, no invoice.
var cueProofDoubt = knowledge.MustGate(`送的|送我的|礼物|别人给的|人家给的|二手|闲鱼|转手|转卖|国外买|海外买|在(日本|美国|韩国|香港|澳门|台湾|欧洲|德国|英国|国外|海外)买|(香港|澳门|台湾|日本|美国|韩国|国外|海外|境外|欧洲|德国|英国|新加坡|泰国|港澳)[^,，。!?？]{0,6}(买|带回|带过来|寄回|寄过来|代购|购入|入手)|港版|港行|美版|日版|欧版|韩版|海淘|境外|代购|水货|没(有)?发票|发票(丢|没了|找不到)`)

// askedOf reports a question about the words w themselves: "是二手的吗", "送的可以吗".
func askedOf(t, w string) bool {
	i := strings.Index(t, w)
	if i < 0 {
		return false
	}
	after := t[i+len(w):]
	for _, q := range []string{"吗", "么", "嘛", "呢", "?", "的吗", "的话"} {
		if strings.HasPrefix(after, q) {
			return true
		}
	}
	return strings.HasSuffix(t[:i], "是不是") || strings.HasSuffix(t[:i], "如果是")
}

// hypothetical is a what-if question: "那13个月呢", "如果是去年买的呢".
var hypothetical = knowledge.MustGate(`^那[^,，。!?？]{0,12}呢|如果|要是|假如|假设|万一`)

// collect takes the answer to the question asked, and every other fact the message holds.
func (d *Dialog) collect(t *step, text string) {
	c := t.c
	before, asking := c.Case, c.Asking
	ok, retry := d.answer(&c.Case, c.Asking, t.u.Canon, t.in.At)
	if c.Case.Model != before.Model && strings.EqualFold(strings.ReplaceAll(c.Case.Model, " ", ""), t.u.Facts.ErrorCode) {
		t.u.Facts.ErrorCode = "" // "追觅的 H12" at the brand question: the model, not a code on the display
	}
	d.absorb(t)
	late := false
	if ok {
		unknownDetails(&c.Case, t.u.Canon) // "不知道型号 牌子是万和": the model is not asked next
	} else {
		late = d.latePurchase(&c.Case, c.Asking, t.u.Canon, t.in.At) // "去年" after "不知道" to the date
		if slots := unknownDetails(&c.Case, t.u.Canon); !late && len(slots) > 0 && !slices.Contains(slots, c.Asking) {
			// "不记得什么时候买的了" to the brand question: that one is noted, this one asked again
			labels := make([]string, len(slots))
			for i, s := range slots {
				labels[i] = catalog.T("bot.slot." + string(s))
			}
			t.sayKey("bot.unknown_noted.collect", "label", strings.Join(labels, "、"))
			d.reask(t)
			return
		}
		if !late && c.Asking != SlotBrand && before.Brand == "" && brandTail.MatchString(strings.TrimRight(normalizeText(t.u.Canon), clauseBreaks+" .!~")) {
			// "奥佳华的" to the model question: the brand, told late
			if c.Case.Brand == "" {
				d.answer(&c.Case, SlotBrand, t.u.Canon, t.in.At)
			}
			if c.Case.Brand != "" {
				c.Case.Skipped = slices.DeleteFunc(c.Case.Skipped, func(s Slot) bool { return s == SlotBrand })
				learned := d.learned(&before, &c.Case)
				if !strings.Contains(learned, c.Case.Brand) {
					learned = c.Case.Brand // the brand was passed: learned does not list it
				}
				t.sayKey("bot.learned", "facts", learned)
				d.reask(t)
				return
			}
		}
	}
	if !ok && !late && !d.filledAny(&before, &c.Case) && c.Case.Symptom == before.Symptom && d.answerToldAlready(t) {
		return // "型号我刚说了啊": what is held is told, and the question asked again
	}
	q, asked := t.u.Has(ActQuestion)
	if asked && ok && (asking == SlotFault || asking == SlotSymptom) && q.Topic == TopicOther && menuAsk.MatchString(t.u.Canon) {
		asked = false // "原地转圈算哪个？应该是5吧": the menu's own question, answered by the number
	}
	if asked {
		d.answerQuestions(t, q.Topic)
	}
	if !ok && !late && !d.filledAny(&before, &c.Case) && c.Case.Symptom == before.Symptom {
		if c.Case.OtherPhone != before.OtherPhone && !asked {
			// "师傅上门的话打我儿子电话139…" at another question: the second contact, acknowledged
			t.sayKey("bot.learned", "facts", c.Case.OtherPhone)
			d.reask(t)
			return
		}
		if asked {
			d.reask(t)
			return
		}
		if retry == "bot.retry.phone.refused" && c.Fails >= 1 {
			// asked twice and still no number: the case is filed and a person follows up here
			t.sayKey("bot.phone.wechat_only")
			d.escalate(t, EscalateHuman)
			return
		}
		if d.nameAside(t) {
			return
		}
		if n := t.u.Facts.Name; n != "" && c.Case.Name != "" && n != c.Case.Name && !strings.HasPrefix(c.Case.Name, n) {
			// "名字写我媳妇吧 孙晓梅" after "我叫于海波": the name for the ticket is the one told now
			c.Case.Name = n
			t.sayKey("bot.corrected", "changes", catalog.T("bot.slot."+string(SlotName))+" "+n)
			d.reask(t)
			return
		}
		aside := ""
		if !cueQuestion.MatchString(compact(t.u.Canon)) && !notSolvedOnly(t.u.Canon, t.in.At, d.lexicon()) {
			// "工单上写的故障是啥" asks, "试了 没用" is a verdict; neither adds a detail
			aside = asideNote(t.u.Canon)
		}
		if aside == "" && c.Asking == SlotPhone && len(t.u.Acts) == 0 && (retry == "" || retry == "bot.retry.phone.none") {
			aside = contactAside(t.u.Canon) // (a number with a digit too many is asked again, never "记下了")
		}
		if aside != "" && runes(c.Case.Symptom)+runes(aside) < maxSymptomRunes {
			// "对了我那个是燃气的": a detail told on the way is kept for the engineer
			c.Case.Symptom += symptomJoiner + aside
			t.sayKey("bot.learned", "facts", aside)
			d.reask(t)
			return
		}
		d.unclear(t, retry)
		return
	}
	if late {
		t.sayKey("bot.learned", "facts", d.show(&c.Case, SlotPurchase))
	} else if learned := d.learned(&before, &c.Case); strings.Count(learned, "·") >= 1 || !ok && utf8.RuneCountInString(learned) >= 2 ||
		learned != "" && c.Case.Safety && c.Asking == SlotPhone && c.Case.missing(SlotPhone) {
		t.sayKey("bot.learned", "facts", learned)
	} else if c.Case.Symptom != before.Symptom && !before.missing(SlotSymptom) {
		t.sayKey("bot.learned", "facts", c.Case.Symptom)
	}
	if !ok && !late && c.Asking != "" && (optionalSlot(c.Asking) || c.Asking == SlotName && !c.Case.Phone.IsZero()) && c.Case.missing(c.Asking) {
		// (the name too, once a number to call is known: the engineer asks it on the phone)
		// the customer gave something else instead: twice, and the detail is left for staff
		// rather than asked a third time ("请提供产品型号" after every other fact)
		if c.Fails++; c.Fails >= 2 {
			c.Case.Skipped = append(c.Case.Skipped, c.Asking)
			t.sayKey("bot.skip_slot", "label", catalog.T("bot.slot."+string(c.Asking)))
		}
	}
	if !ok && c.Asking == SlotFault && c.Case.RuleID == "" && !c.Case.SelfDone {
		// "西门子的 SJ236W01JC" to the menu of faults: the details are kept and the menu is
		// asked again (it was dropped, and the next "2" read as a purchase date)
		d.reask(t)
		return
	}
	d.advance(t)
}

// nameAside takes a name told at one of the contact questions instead of the number or the
// address ("王建国" again at the phone question, "刘女士" after "我姓刘"): the name is kept —
// it replaces the one given unless it is a shorter form of it — and the question is asked
// again without calling the name a wrong number. It reports whether the message was such a name.
func (d *Dialog) nameAside(t *step) bool {
	c := t.c
	switch c.Asking {
	case SlotPhone, SlotAddress, SlotStarted, SlotTrigger, SlotSerial, SlotChannel, SlotWarranty, SlotPurchase:
		// questions no name answers ("王芳" to "when did it start"); the brand and the model
		// are not among them: "方太", "小熊" read as names
	default:
		return false
	}
	if len(t.u.Acts) > 0 && !t.u.Is(ActSmallTalk) && !t.u.Is(ActAnswer) {
		return false
	}
	name, ok := contactName(t.u.Canon)
	if !ok {
		return false
	}
	if closedQuestion(c.Asking) && !nameToldPlainly(t.u.Canon, name) {
		return false // "mei" (没), "米得" to the extended-warranty question: an answer misread, asked again
	}
	if old := c.Case.Name; !(firstRune(name) == firstRune(old) && runes(name) < runes(old)) {
		c.Case.Name = name // "王" → "王建国"; another name is the one to call (the summary shows it)
	}
	t.sayKey("bot.learned", "facts", c.Case.Name)
	d.reask(t)
	return true
}

// closedQuestion reports a question answered from a short list (yes or no, a numbered
// cause): a short reply to it that no answer reads is a misread answer, never a detail for
// another slot.
func closedQuestion(s Slot) bool { return s == SlotWarranty || s == SlotTrigger }

// nameToldPlainly reports a name told as one, not a bare word that starts with a surname: a
// title ("刘女士", "小李", "老王") or a cue ("我叫王建国", "我姓刘"), in Chinese characters.
func nameToldPlainly(canon, name string) bool {
	for _, r := range name {
		if r < utf8.RuneSelf {
			return false // "mei", "you": pinyin words, whatever surname they spell
		}
	}
	if _, end, titled := readTitledSurname(name, 0); titled && end == len(name) {
		return true
	}
	if r, size := utf8.DecodeRuneInString(name); (r == '小' || r == '老' || r == '阿') && len(name) > size {
		if s, _ := utf8.DecodeRuneInString(name[size:]); surnameSet[s] && size+utf8.RuneLen(s) == len(name) {
			return true // "小李", "老王", "阿陈"
		}
	}
	return cueNameTold.MatchString(canon)
}

// cueNameTold tells a name: "我叫", "我姓", "叫我", "我是".
var cueNameTold = knowledge.MustGate(`我叫|我姓|叫我|我是|本人姓|免贵姓|鄙人`)

// contactName reads a message that is only a name, in a form no other answer takes: a surname
// with a title ("刘女士"), a name after a cue ("我叫王建国"), or two to four Chinese characters
// starting with a common surname ("王建国").
func contactName(canon string) (string, bool) {
	s := strings.Trim(normalizeText(canon), clauseBreaks+" .!~")
	if s == "" || strings.ContainsAny(s, "0123456789") || runes(s) > 8 {
		return "", false
	}
	name, ok := ParseName(s)
	if !ok || noValue(s) {
		return "", false
	}
	if _, end, titled := readTitledSurname(name, 0); titled && end == len(name) {
		return name, true
	}
	if name != s && !strings.HasSuffix(s, name) && !strings.Contains(s, name) {
		return "", false
	}
	if runes(name) >= 2 && runes(name) <= 4 && startsWithSurname(name, 0) {
		return name, true
	}
	return "", false
}

// cueAside opens a detail added on the way: "对了", "补充一下", "忘了说".
var cueAside = knowledge.MustFilter(`^(哦|噢|啊|诶|欸)?,?(对了|另外|还有|补充一下|补充|忘了说|忘记说|顺便说一下|顺便说|说一下|再说一下)[,：:]?`)

// cueTriedAlready tells what the customer already tried: "换插座也试过了 没用", "重启过了还是不行".
var cueTriedAlready = knowledge.MustFilter(`试过|试了|换了|换过|刚换|才换|重启过|重启了|拔过|插过|洗过|刚洗|才洗|清洗过|清理过|除过垢|都不行|也不行|没用|不管用`)

// asideNote returns the detail of a message that adds one on the way ("对了我那个是燃气的"
// → "我那个是燃气的"), or "" when the message is no such thing.
func asideNote(canon string) string {
	t := strings.TrimSpace(normalizeText(canon))
	loc := cueAside.FindStringIndex(t)
	if loc == nil {
		if !cueTriedAlready.MatchString(t) {
			return ""
		}
		loc = []int{0, 0} // "充电座换插座也试过了 没用": what was tried, kept for the engineer
	}
	rest := strings.Trim(t[loc[1]:], clauseBreaks+" ")
	if n := runes(rest); n < 2 || n > 40 || cueQuestion.MatchString(rest) {
		return ""
	}
	return rest
}

// contactAside returns a statement told at the phone question instead of a number ("没放金属
// 东西啊 就热个饭" after sparks in a microwave): more of the story, kept for the engineer rather
// than called a wrong number. "" when it holds a digit (a number mistyped) or is too short.
func contactAside(canon string) string {
	t := strings.Trim(normalizeText(canon), clauseBreaks+" ")
	if strings.ContainsAny(t, "0123456789") || cuePhoneRefused.MatchString(compact(t)) {
		return ""
	}
	han := 0
	for _, r := range t {
		if unicode.Is(unicode.Han, r) {
			han++
		}
	}
	if han < 5 || runes(t) > 40 || cueQuestion.MatchString(t) {
		return ""
	}
	return t
}

// latePurchase takes a bare date that answers the purchase question after it was passed
// ("不知道" to the date, then "去年" to the next question): the customer remembered. It
// reports whether it took one.
func (d *Dialog) latePurchase(c *Case, asking Slot, canon string, now time.Time) bool {
	passed := c.PurchaseUnknown || slices.Contains(c.Skipped, SlotPurchase)
	if asking == SlotPurchase || !passed || utf8.RuneCountInString(compact(canon)) > 12 {
		return false
	}
	try := *c
	try.clear(SlotPurchase)
	try.Skipped = slices.DeleteFunc(slices.Clone(c.Skipped), func(s Slot) bool { return s == SlotPurchase })
	if ok, _ := d.answer(&try, SlotPurchase, canon, now); !ok || try.PurchaseDate.IsZero() {
		return false
	}
	c.PurchaseDate, c.PurchaseApprox, c.PurchaseUnknown, c.Skipped = try.PurchaseDate, try.PurchaseApprox, false, try.Skipped
	return true
}

// unclear re-asks the current question with an example. The same question is never
// asked a third time in the same words: an optional detail is skipped after two unclear
// answers (staff ask for it later), and a required one offers a person.
func (d *Dialog) unclear(t *step, retryKey string) {
	c := t.c
	c.Fails++
	if c.Fails >= 2 && c.Asking == SlotPhone && c.Case.Safety && c.Ticket == "" {
		// a hazard never waits for a number we can read: filed now, a person answers here
		t.sayKey("bot.safety.no_phone")
		d.escalate(t, EscalateSafety)
		return
	}
	if c.Fails >= 2 && c.Asking == SlotFault { // no choice from the menu: a person looks at it
		c.Case.SelfDone = true
		d.advance(t)
		return
	}
	if c.Fails >= 2 && optionalSlot(c.Asking) {
		c.Case.Skipped = append(c.Case.Skipped, c.Asking)
		t.sayKey("bot.skip_slot", "label", catalog.T("bot.slot."+string(c.Asking)))
		d.advance(t)
		return
	}
	if c.Fails >= d.MaxFails {
		t.sayKey("bot.offer_human")
	}
	if retryKey == "" {
		retryKey = "bot.retry." + string(c.Asking)
		if c.Fails >= 2 && catalog.Has(retryKey+".again") {
			retryKey += ".again"
		}
		if !catalog.Has(retryKey) {
			retryKey = "bot.retry.generic"
		}
	}
	t.say(catalog.T(retryKey) + "\n" + d.question(&c.Case, c.Asking))
}

// optionalSlot reports details a ticket can do without: staff confirm them on the phone.
func optionalSlot(s Slot) bool {
	switch s {
	case SlotBrand, SlotModel, SlotPurchase, SlotSerial, SlotChannel, SlotWarranty, SlotStarted, SlotTrigger:
		return true
	}
	return false
}

// advance asks for the next missing thing, runs self-service when it is due, and ends in
// the confirmation summary.
func (d *Dialog) advance(t *step) {
	c := t.c
	if c.Case.Safety && c.Ticket == "" {
		if c.Case.missing(SlotPhone) {
			d.ask(t, SlotPhone) // a hazard: the number to call back, before any detail
			return
		}
		d.escalate(t, EscalateSafety) // a hazard: call back first, details later
		return
	}
	if c.Case.Return && c.Ticket == "" {
		if c.Case.missing(SlotPurchase) {
			d.ask(t, SlotPurchase) // the days since purchase decide the rights
			return
		}
		d.sanbao(t)
		d.escalate(t, EscalateHuman)
		return
	}
	if d.askMissing(t, productSlots) {
		return
	}
	if !c.Case.SelfDone {
		rule, ok := d.KB.Rule(c.Case.RuleID)
		if !ok || rule.Safety {
			rule, ok = d.KB.Match(&c.Case)
			if (!ok || !rule.Confident) && !c.Case.Guided && c.Case.Symptom != "" {
				t.do(NoteUnmatched{Kind: "unmatched", Text: c.Case.Symptom, Category: c.Case.Category, RuleID: rule.ID, Score: rule.Score})
			}
			if (!ok || !rule.Confident) && !c.Case.Guided && d.guide(t) {
				return
			}
		}
		if ok && c.Case.Trigger == TriggerWater && portable[c.Case.Category] && !d.wetRule(rule.ID) {
			// "手机泡了一晚上水 开不了机": a device that took water gets no dry device's checks
			// (a restart, a charge): the advice for a wet device, then an engineer
			t.sayKey("bot.safety.water_device")
			ok = false
		}
		c.Case.SelfDone = true
		if ok {
			c.Case.RuleID, c.Case.RuleTitle = rule.ID, rule.Title
			if len(rule.Steps) > 0 {
				c.State, c.Step, c.Fails, c.SelfDoubt = StateSelf, 0, 0, false
				t.do(RecordOutcome{RuleID: rule.ID, Outcome: OutcomeShown})
				if tx := compact(t.u.Canon); cueSubmitNow.MatchString(tx) && cueSkipFirst.MatchString(tx) && !cueCancel.MatchString(tx) && !c.Case.SubmitNow && d.submitNow(t) {
					return // "…别问了 直接提交" in the report itself: no checks offered, filed as asked
				}
				told := c.Case.Symptom + "，" + t.u.Canon
				for c.Step < len(rule.Steps) && alreadyTried(told, rule.StepText(c.Step, c.Case.Fuel)) {
					c.Step++ // "遥控器没反应了，换了电池也不行": the check told as done is not shown
				}
				cause, said, isCause := causeStep(t.u.Canon, rule, c.Case.Fuel, c.Step)
				if isCause {
					c.Step = cause // "新装的 晃得很厉害 运输螺栓没拆": the step that deals with it first
				}
				if c.Step < len(rule.Steps) {
					t.sayKey("bot.self.intro", "title", rule.Title)
					switch {
					case isCause:
						t.sayKey("bot.self.likely_cause", "said", said)
					case c.Step > 0:
						t.sayKey("bot.self.skip_tried")
					}
					c.Case.StepsTried = c.Step
					d.showStep(t, rule)
					return
				}
				c.Case.StepsTried = c.Step // every check told as done already: the engineer next
				t.do(RecordOutcome{RuleID: rule.ID, Outcome: OutcomeEscalated})
				t.sayKey("bot.self.unsolved")
			}
		}
	}
	if !d.askMissing(t, detailSlots) {
		d.summary(t)
	}
}

// askMissing asks for the first of slots the case still lacks; false when it has them all.
func (d *Dialog) askMissing(t *step, slots []Slot) bool {
	for _, s := range slots {
		if t.c.Case.missing(s) {
			d.ask(t, s)
			return true
		}
	}
	return false
}

// ask puts question s to the customer.
func (d *Dialog) ask(t *step, s Slot) {
	c := t.c
	if s == SlotCategory && c.State == StateCollect && c.Asking == s {
		// the menu of every product was shown and the customer told other things: asked
		// again in one line, not the whole menu once more
		t.sayKey("bot.ask.category.again")
		return
	}
	if c.Asking != s {
		if c.State == StateCollect && c.Asking != "" && c.Asking != SlotFault && !c.Case.missing(c.Asking) {
			c.pushHistory(c.Asking)
		}
		c.Fails = 0
	}
	c.State, c.Asking = StateCollect, s
	t.say(d.question(&c.Case, s))
}

func (d *Dialog) showStep(t *step, rule Rule) {
	c := t.c
	t.sayKey("bot.self.step", "i", c.Step+1, "n", len(rule.Steps), "text", rule.StepText(c.Step, c.Case.Fuel))
	c.Verdict = verdictStep
	c.Reminded = 0
}

// remindStep asks again for the verdict on the step shown just before, without pasting its
// text once more: the customer answered something else in between ("海尔的", a question).
// A short step is shown again whole.
func (d *Dialog) remindStep(t *step, rule Rule) {
	c := t.c
	reminded := c.Reminded + 1
	if utf8.RuneCountInString(rule.StepText(c.Step, c.Case.Fuel)) <= 30 {
		d.showStep(t, rule)
		c.Verdict = "" // said after something else: an "嗯" may answer that
	} else {
		t.sayKey("bot.self.remind", "i", c.Step+1)
	}
	c.Reminded = reminded
}

// selfService reads the customer's verdict on a self-service step.
func (d *Dialog) selfService(t *step, text string) {
	c := t.c
	rule, ok := d.KB.Rule(c.Case.RuleID)
	if !ok || c.Step >= len(rule.Steps) { // the rule was unpublished meanwhile
		d.advance(t)
		return
	}
	if fuel := c.Case.Fuel; t.u.Facts.Fuel != "" && t.u.Facts.Fuel != fuel && fuel != FuelGas && t.u.Answer != knowledge.AnswerSolved &&
		t.u.Answer != knowledge.AnswerHuman && !t.u.Is(ActQuestion) && runes(compact(t.u.Canon)) <= 20 {
		// "对了我那个是燃气的": the kind, not the check's result; the step again, for that kind
		d.absorb(t)
		if c.Case.Fuel != fuel && rule.StepText(c.Step, c.Case.Fuel) != rule.StepText(c.Step, fuel) {
			t.sayKey("bot.self.fuel." + c.Case.Fuel)
			d.showStep(t, rule)
			return
		}
	}
	if d.ackVerdict(t, t.verdict) {
		return // "嗯 行 没毛病" after a doubt or a detail noted: asked plainly first
	}
	if a := t.u.Answer; (a == knowledge.AnswerUnclear || a == knowledge.AnswerNotSolved) && !t.u.Is(ActQuestion) {
		if cause, said, ok := causeStep(t.u.Canon, rule, c.Case.Fuel, c.Step); ok {
			// "没放运输螺栓" at the step about the load: the likely cause, and the step that
			// deals with it next; nothing is recorded as the fault
			if cause > c.Step {
				c.Step = cause
				c.Case.StepsTried = c.Step
			}
			t.sayKey("bot.self.likely_cause", "said", said)
			d.showStep(t, rule)
			return
		}
	}
	lacked := ""
	if a := t.u.Answer; (a == knowledge.AnswerUnclear || a == knowledge.AnswerNotSolved) && !t.u.Is(ActQuestion) {
		if lacked = lacking(t.u.Canon, rule.Steps[c.Step]); lacked != "" {
			// "还没换，手头没滤芯": the step cannot be done; it and the later steps that need
			// the same thing are passed over, never asked again
			t.u.Answer = knowledge.AnswerNotSolved
			t.u.Facts.Symptom = ""
			t.u.Acts = slices.DeleteFunc(t.u.Acts, func(a Act) bool { return a.Kind == ActReport || a.Kind == ActVague })
			t.sayKey("bot.self.lacking", "thing", lacked)
		}
	}
	did, echoed := checkedFine(t.u.Canon, rule.Steps[c.Step])
	if lacked != "" {
		did, echoed = false, false
	}
	if f := t.u.Facts; f.Brand != "" || f.Model != "" || !f.Phone.IsZero() || !f.PurchaseDate.IsZero() || f.Serial != "" {
		did, echoed = false, false // "洗碗机是西门子的": a detail, not the check's result
	}
	if did && t.u.Answer != knowledge.AnswerNotSolved && t.u.Answer != knowledge.AnswerHuman {
		t.sayKey("bot.self.did") // "滤网洗好了": done, but did it help?
		c.Verdict = verdictPlain
		return
	}
	if echoed && t.u.Answer == knowledge.AnswerSolved && partFine.MatchString(compact(t.u.Canon)) && !partFineNot.MatchString(compact(t.u.Canon)) {
		t.u.Answer = knowledge.AnswerUnclear // "排水管没问题": the part the step checks is fine, not the machine
	}
	if echoed && t.u.Answer == knowledge.AnswerUnclear && !t.u.Is(ActQuestion) && !knowledge.Pending(t.u.Canon) {
		// "遥控器上显示的是制冷模式": the check finds nothing wrong, so it did not help; the
		// words describe the check, not the fault, and no date in them is a purchase
		t.u.Facts.Symptom, t.u.Facts.PurchaseDate, t.u.Facts.PurchaseApprox = "", Date{}, false
		t.u.Facts.Product, t.u.Facts.Category = "", "" // "风扇在转" names a part, not a product
		t.u.Acts = slices.DeleteFunc(t.u.Acts, func(a Act) bool { return a.Kind == ActReport || a.Kind == ActVague })
		if sawFault.MatchString(compact(t.u.Canon)) && !mootState.MatchString(compact(t.u.Canon)) {
			// ("一直是零下18度 没动过": never touched, nothing found wrong)
			// "外机风扇没转 也没挡": the check found something wrong; kept for the engineer
			noteResult(t)
		} else {
			t.sayKey("bot.self.checked")
		}
		t.u.Answer = knowledge.AnswerNotSolved
	}
	skipAll := false
	if f := t.u.Facts; t.u.Answer == knowledge.AnswerUnclear && !t.u.Is(ActQuestion) && f.Brand == "" && f.Model == "" &&
		f.Phone.IsZero() && f.PurchaseDate.IsZero() && f.Serial == "" && f.Category == "" {
		switch tx := compact(t.u.Canon); {
		case cueSkipChecks.MatchString(tx):
			// "第三个也不用说了 直接报修": no more checks, the engineer's details next
			t.u.Answer, skipAll = knowledge.AnswerNotSolved, true
		case t.u.Is(ActNotSolved) && !knowledge.Pending(t.u.Canon):
			// "地上啥都没有", "设了制冷的 26度": the check was done and found nothing; the
			// learned act model reads it as not solved, the safe reading (the case goes on);
			// what they saw is kept for the engineer
			noteResult(t)
			t.u.Answer = knowledge.AnswerNotSolved
		}
	}
	switch t.u.Answer {
	case knowledge.AnswerSolved:
		c.Case.StepsTried = c.Step + 1
		t.do(RecordOutcome{RuleID: rule.ID, Outcome: OutcomeSolved})
		t.sayKey("bot.self.solved")
		c.State, c.Asking = StateDone, ""
		d.offerAlso(t)
	case knowledge.AnswerNotSolved:
		if knowledge.PartlyBetter(t.u.Canon) {
			c.SelfDoubt = true // "好一点了吧": a later bare "行" does not close it
		}
		c.Step++
		if skipAll || triedAll(t.u.Canon) {
			c.Step = len(rule.Steps)
		}
		skipped := false
		for c.Step < len(rule.Steps) && (alreadyTried(t.u.Canon, rule.Steps[c.Step]) || lacked != "" && strings.Contains(rule.Steps[c.Step], lacked)) {
			// "电池换过了 没用" before the step that says to change the battery: not asked again
			c.Step++
			skipped = true
		}
		if skipped && c.Step < len(rule.Steps) {
			t.sayKey("bot.self.skip_tried")
		}
		c.Case.StepsTried = c.Step
		c.Fails = 0
		d.absorb(t)
		if c.Step < len(rule.Steps) {
			d.showStep(t, rule)
			return
		}
		t.do(RecordOutcome{RuleID: rule.ID, Outcome: OutcomeEscalated})
		t.sayKey("bot.self.unsolved")
		d.advance(t)
	case knowledge.AnswerHuman:
		c.Case.StepsTried = c.Step + 1
		t.do(RecordOutcome{RuleID: rule.ID, Outcome: OutcomeEscalated})
		d.absorb(t) // "帮我搵师傅啦，我叫陈太，手机…": the details told with it go on the ticket
		d.escalate(t, EscalateHuman)
	default:
		if slots := unknownDetails(&c.Case, t.u.Canon); len(slots) > 0 {
			// "型号不知道" during a check: noted, the check goes on; staff look it up later.
			// What else the message tells is kept too: "型号不知道 去年买的" gives the date.
			before := c.Case
			d.absorb(t)
			labels := make([]string, len(slots))
			for i, s := range slots {
				labels[i] = catalog.T("bot.slot." + string(s))
			}
			if learned := d.learned(&before, &c.Case); learned != "" {
				t.sayKey("bot.unknown_noted.learned", "facts", learned, "label", strings.Join(labels, "、"))
			} else {
				t.sayKey("bot.unknown_noted", "label", strings.Join(labels, "、"))
			}
			d.showStep(t, rule)
			c.Verdict = ""
			return
		}
		if t.u.Is(ActVague) {
			if knowledge.Unsure(t.u.Canon) {
				t.sayKey("bot.self.unsure") // "说不好 再用几天看": watch it, the case waits
				c.SelfDoubt = true
				return
			}
			t.sayKey("bot.self.later") // not tried yet ("晚上回去再弄"): no failure, the case waits
			return
		}
		before := c.Case
		d.absorb(t)
		if learned := d.learned(&before, &c.Case); learned != "" { // details given early: kept
			t.sayKey("bot.learned", "facts", learned)
			d.remindStep(t, rule)
			return
		}
		if grown := strings.TrimPrefix(c.Case.Symptom, before.Symptom); grown != "" && before.Symptom != "" {
			// "那内机也在滴水呢 滴到地板上了": more of the fault, kept for the engineer
			t.sayKey("bot.learned", "facts", strings.TrimPrefix(grown, symptomJoiner))
			d.remindStep(t, rule)
			return
		}
		c.Fails++
		if c.Fails >= d.MaxFails {
			t.sayKey("bot.offer_human")
		}
		c.Verdict = verdictStep // the choices again, nothing else said
		if c.Fails >= 2 {
			t.sayKey("bot.self.retry.again")
			return
		}
		t.sayKey("bot.self.retry")
	}
}

// triedAll reports a customer who already tried every check: "2个方法都试了没用".
// noteResult keeps what the customer saw at a check for the engineer ("外机风扇没转") and says so.
func noteResult(t *step) {
	c := t.c
	t.sayKey("bot.self.noted_result")
	if note := truncateRunes(strings.TrimSpace(t.u.Text), 30); runes(c.Case.Symptom)+runes(note) < maxSymptomRunes && !strings.Contains(c.Case.Symptom, note) {
		c.Case.Symptom += symptomJoiner + note
	}
}

// sawFault is a check's result that finds something wrong: "风扇没转", "不亮", "不出风".
var sawFault = knowledge.MustGate(`(没|不)(转|亮|动|响|出风|出水|加热|启动|反应)|停(了|着)|坏了|断了|裂了|烧了`)

// cueSkipChecks asks to skip the remaining checks and file the repair: "直接报修",
// "不用试了 派人来吧".
// cueSkipFirst, in the report itself, declines the checks before any is shown: "别问了 直接
// 提交", "不用排查了直接报修" (not "帮租客报修", which only asks for the repair).
var cueSkipFirst = knowledge.MustGate(`别问了|不要问了|不用问了|别问那么多|不用排查|不要排查|别排查|不用试|不想试|别让我试|不用检查|直接提交|直接派单|直接派人|直接报修|直接登记|直接上门|直接安排`)

var cueSkipChecks = knowledge.MustGate(`直接(报修|派人|安排|上门|找师傅|叫师傅|登记|修)|不(用|想|要)(再)?试了|别(让我)?试了|不试了|不用说了|别说了|直接来人`)

func triedAll(canon string) bool {
	t := compact(canon)
	for _, w := range []string{"都试了", "都试过", "全试了", "全试过", "全部试", "都做了", "都弄了", "都检查了", "都照做", "都按", "试遍"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// summary shows the numbered record and waits for 确认 or a number.
func (d *Dialog) summary(t *step) {
	c := t.c
	if c.Case.SubmitNow && c.Ticket == "" {
		d.escalate(t, EscalateConfirmed) // asked to file: filed now, and read back to correct
		return
	}
	c.State, c.Asking, c.Fails = StateConfirm, "", 0
	var b strings.Builder
	for i, s := range summarySlots {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(catalog.T("bot.summary.line", "n", i+1, "label", catalog.T("bot.slot."+string(s)), "value", d.show(&c.Case, s)))
	}
	t.sayKey("bot.summary", "lines", b.String())
}

func (d *Dialog) confirm(t *step, text string) {
	c := t.c
	if isConfirm(t.u.Canon) {
		d.escalate(t, EscalateConfirmed)
		return
	}
	if i, ok := choice(text, len(summarySlots)); ok {
		s := summarySlots[i]
		c.State, c.Asking, c.Fails = StateEdit, s, 0
		t.sayKey("bot.edit", "label", catalog.T("bot.slot."+string(s)))
		t.say(d.question(&c.Case, s))
		return
	}
	if d.fieldEdit(t) {
		return
	}
	if t.u.Facts != (Facts{}) && d.correct(t) {
		return
	}
	if name, ok := contactName(t.u.Canon); ok && t.u.Facts == (Facts{}) && !isConfirm(t.u.Canon) && name != c.Case.Name &&
		(nameToldPlainly(t.u.Canon, name) || c.Case.Name == "") && len(t.u.Acts) == 0 {
		// "小李" at the summary, alone after the name was read wrong ("称呼：mei"): the name
		// to call, told instead of the number to change it
		c.Case.Name, c.Case.NameSurname = name, false
		t.sayKey("bot.corrected", "changes", catalog.T("bot.slot."+string(SlotName))+" "+name)
		d.summary(t)
		return
	}
	c.Fails++
	if c.Fails >= d.MaxFails {
		t.sayKey("bot.offer_human")
	}
	if cueSaysWrong.MatchString(compact(t.u.Canon)) && len(t.u.Hazards) == 0 {
		t.sayKey("bot.confirm.which") // "这个不对": which line, rather than the same prompt again
		return
	}
	t.sayKey("bot.confirm.retry")
}

// edit takes the new value of one summary field, then shows the summary again.
func (d *Dialog) edit(t *step, text string) {
	c := t.c
	var probe Case = c.Case
	probe.clear(c.Asking)
	ok, retry := d.answer(&probe, c.Asking, text, t.in.At)
	if !ok {
		d.unclear(t, retry)
		if c.State != StateConfirm && c.State != StateHuman && c.Asking != "" {
			c.State = StateEdit // asked again; a detail skipped after two tries went back to the summary
		}
		return
	}
	if c.Asking == SlotCategory {
		if probe.Category == c.Case.Category {
			probe.Brand = c.Case.Brand
		} else {
			probe.RuleID, probe.RuleTitle = "", "" // a different product
		}
	}
	c.Case = probe
	if !d.askMissing(t, summarySlots) { // a changed category may need a brand again
		d.summary(t)
	}
}

// escalate opens the ticket; the outcome comes back as a Result.
func (d *Dialog) escalate(t *step, why Escalation) {
	c := t.c
	if c.CaseAt.IsZero() {
		c.CaseSeq++
		c.CaseAt = t.in.At
	}
	c.Pending = why
	c.Contact = c.Case.contact()
	t.do(OpenTicket{Key: c.CaseKey(), Case: c.Case, Reason: why})
}

// readBack tells in one line what an urgent ticket, filed with no summary to confirm, holds
// (product · brand · purchase · fault · phone), and that a correction is welcome: a brand or
// date misread goes to the engineer otherwise (contactAfterFiling applies what they send).
func (d *Dialog) readBack(t *step) {
	if parts := d.readBackParts(&t.c.Case); len(parts) > 0 {
		t.sayKey("bot.readback", "facts", strings.Join(parts, " · "))
	}
}

// readBackParts are what a filed case holds, as the read-back says it: product · brand ·
// model · purchase · danger · fault · phone.
func (d *Dialog) readBackParts(c *Case) []string { return d.readBackOf(c, false) }

// readBackOf is readBackParts, and with full (the customer asked what the ticket holds)
// the name and the address at the end: every detail told.
func (d *Dialog) readBackOf(c *Case, full bool) []string {
	var parts []string
	add := func(s Slot, key string) {
		if c.missing(s) {
			return
		}
		if v := d.show(c, s); v != "" && v != catalog.T("bot.value.skipped") && v != catalog.T("bot.value.unknown") {
			if key != "" {
				v = catalog.T(key, "value", v)
			}
			parts = append(parts, v)
		}
	}
	add(SlotCategory, "")
	add(SlotBrand, "")
	add(SlotModel, "bot.readback.model") // the customer checks what is hard to type right
	add(SlotPurchase, "bot.readback.bought")
	if r, ok := d.KB.Rule(c.SafetyRule); c.Safety && ok && r.Title != "" {
		// the danger first, as the ticket files it: "安全隐患：燃气泄漏"; every hazard told
		title := func(id string) string { h, _ := d.KB.Rule(id); return h.Title }
		parts = append(parts, catalog.T("effects.hazard_note", "title", cmp.Or(HazardTitles(c, title), hazardTitleOf(c, r.Title))))
	}
	if v := d.show(c, SlotSymptom); v != "" {
		if w := truncateRunes(v, 30); w != v {
			v = w + "…"
		}
		parts = append(parts, v)
	}
	add(SlotPhone, "bot.readback.phone")
	if c.CallWindow != "" {
		parts = append(parts, catalog.T("bot.readback.call_window", "window", c.CallWindow))
	}
	if full {
		if c.Name != "" && (c.NameSurname || utf8.RuneCountInString(c.Name) == 1) {
			parts = append(parts, catalog.T("bot.readback.surname", "value", c.Name)) // "姓王"
		} else {
			add(SlotName, "bot.readback.name")
		}
		if c.Address != "" {
			parts = append(parts, catalog.T("bot.readback.address", "value", c.Address))
		}
	}
	return parts
}

// cueFever is the customer or someone at home with a fever: "发烧了38度5", "高烧", "烧到39度".
var cueFever = knowledge.MustGate(`发烧|发高烧|高烧|低烧|烧到3[89]|发热到3[89]|体温3[89]|3[89](度|℃)[0-9五半]*[^,，。!?？]{0,4}(烧|热)`)

// cueRideBattery names a ridden vehicle's battery: an e-bike, a scooter, its 电瓶.
var cueRideBattery = knowledge.MustGate(`电动车|电瓶车|电动自行车|电单车|电摩|电瓶|滑板车|平衡车|锂电池|电池`)

// chargesIndoors reports a customer who charges a ridden vehicle's battery indoors: in the
// bedroom, by the bed, in the hallway.
func chargesIndoors(u *Understanding, c *Case) bool {
	t := compact(u.Canon)
	if !cueChargeIndoors.MatchString(t) && !cueChargeByBed.MatchString(t) {
		return false
	}
	return cueRideBattery.MatchString(t) || cueRideBattery.MatchString(c.Product+c.Symptom)
}

// cueChargeByBed is charging in a room people sleep or pass through: "放卧室床边充的".
var cueChargeByBed = knowledge.MustGate(`(卧室|床边|床头|床底|房间|屋里|屋头|家里|客厅|楼道|楼梯|过道|电梯)[^,?]{0,6}充`)

// onResult continues after an effect with an outcome.
func (d *Dialog) onResult(t *step) {
	c, r := t.c, t.in.Result
	switch {
	case r == nil:
	case r.Lookup && !r.Failed && len(r.Tickets) == 0:
		c.Lookups++
		t.sayKey("bot.find.none")
	case r.Listed && r.Failed:
		if !r.Intro {
			t.sayKey("bot.status.failed")
			d.reask(t)
		}
	case r.Listed:
		d.showTickets(t, r.Tickets, !r.Intro)
	case r.Failed && c.Pending != "":
		why := c.Pending
		c.Pending = ""
		if why == EscalateConfirmed {
			c.State = StateConfirm
			t.sayKey("bot.ticket.failed")
			return
		}
		c.State = StateHuman
		t.sayKey("bot.human.no_ticket")
	case r.Opened != nil:
		why := c.Pending
		c.Pending = ""
		c.addTicket(r.Opened.Number, t.in.At)
		t.say(r.Opened.Commitment)
		if why == EscalateSafety || why == EscalateConfirmed && c.Case.SubmitNow {
			d.readBack(t) // filed fast, with no summary: what went on the ticket, to correct
		}
		switch {
		case why == EscalateHuman || why == EscalateSafety:
			c.State, c.AckedAt = StateHuman, t.in.At
			if opens, closed := d.closedUntil(t.in.At); closed {
				// at night nobody answers "请稍候": when someone will, and the promise stands
				t.sayKey("bot.human.handed_over_closed", "opens", clockLabel(opens))
			} else {
				t.sayKey("bot.human.handed_over")
			}
			if AlsoFault(c.Case.Also, d.KB.Lexicon()) {
				// "洗衣机和热水器都坏了": the second one is on the ticket for the person too
				t.sayKey("bot.also.with_staff", "what", c.Case.Also)
			}
			if c.Case.missing(SlotPhone) {
				// the promise says someone will contact them: a number makes that a call
				t.sayKey("bot.human.phone_please")
			}
		case len(r.Opened.Windows) > 0:
			c.State, c.Windows, c.VisitAsk = StateVisit, r.Opened.Windows, false
			if r.Opened.VisitLate != "" {
				offerLate(t, r.Opened.VisitLate)
			}
			d.offerWindows(t)
		default:
			c.State = StateDone
			d.offerAlso(t)
		}
	}
}

// sayWaiting tells a customer waiting for a person that someone will answer here: soon in
// service hours, and when staff are back outside them (key + "_closed").
func (d *Dialog) sayWaiting(t *step, key string) {
	if opens, closed := d.closedUntil(t.in.At); closed {
		t.sayKey(key+"_closed", "opens", clockLabel(opens))
		return
	}
	t.sayKey(key)
}

// closedUntil reports whether staff are off duty at at, and when they are back.
// lockoutAdvice is what to try now for a customer a door lock keeps out of their home, with
// the truth about when someone calls: at night nobody does before opening time.
func (d *Dialog) lockoutAdvice(t *step) string {
	if opens, closed := d.closedUntil(t.in.At); closed {
		return catalog.T("bot.lockout.advice_closed", "opens", clockLabel(opens))
	}
	return catalog.T("bot.lockout.advice")
}

func (d *Dialog) closedUntil(at time.Time) (time.Time, bool) {
	if d.Opens == nil {
		return at, false
	}
	opens := d.Opens(at)
	return opens, opens.After(at)
}

// defaultStaffHours is the working day of triage's default business calendar.
var defaultStaffHours = func() string {
	cal, err := triage.NewCalendar(triage.CalendarConfig{})
	if err != nil {
		return ""
	}
	return cal.WorkHours()
}()

// AlsoFault reports whether the words kept about a second appliance tell a fault of it
// ("冰箱 不凉了"), not only its name ("那电视和路由器还能用吗" asks about one).
func AlsoFault(also string, lx *Lexicon) bool {
	if also == "" {
		return false
	}
	f := Extract(also, time.Time{}, lx)
	return f.Symptom != "" || f.ErrorCode != ""
}

// offerAlso offers to report the second appliance the customer mentioned ("还有冰箱也不太
// 冷") once the first case is done; a yes starts it with their words (takeAlso).
func (d *Dialog) offerAlso(t *step) {
	c := t.c
	if c.Case.Also == "" {
		return
	}
	c.Also, c.Case.Also = c.Case.Also, ""
	t.sayKey("bot.also.offer", "what", c.Also)
}

// anotherReport starts the report of another appliance told while a filed ticket waits for
// a person: a new product with its fault or a request to report it ("还有个空调也坏了",
// "再帮我报一个冰箱"), or the second appliance already noted on the ticket asked for again
// ("油烟机也帮我报修，老板的"). The ticket stays with the person; the new case keeps the
// contact already given (newCase) and goes through the usual checks and questions. false
// for anything else, so the waiting goes on as before.
func (d *Dialog) anotherReport(t *step) bool {
	c, u := t.c, &t.u
	if len(u.Hazards) > 0 || u.Is(ActChangeProduct) || u.Is(ActCorrection) {
		return false
	}
	tx := compact(u.Canon)
	asked := cueReportAnother.MatchString(tx)
	// "还有 电视也没图像了": a fault the words of the symptom list may not hold is told all the same
	// (a product of the list: "你们也得来看看炉子" names no other appliance)
	told := u.Facts.Symptom != "" || u.Facts.ErrorCode != "" || u.Facts.Category != "" && u.Facts.Category != OtherCategory && u.Is(ActReport)
	alsoCat := d.alsoCategory(c.Case.Also, t.in.At)
	noted := c.Case.Also != "" && AlsoFault(c.Case.Also, d.lexicon()) &&
		(u.Facts.Category != "" && u.Facts.Category == alsoCat || u.Facts.Category == "" && cueAlsoBoth.MatchString(tx))
	fresh := hasNewProduct(u, c) && (told && cueAlsoProduct.MatchString(tx) || asked)
	pointsBack := noted && u.Facts.Category != "" && cueToldAlready.MatchString(tx) // "洗衣机呢 我说了两个都坏了"
	if !(noted && (asked || told || pointsBack) || fresh) {
		return false
	}
	text := u.Text
	if noted && (!told || u.Facts.Category == "" || cueToldAlready.MatchString(tx)) {
		// the fault told earlier, with what is said now ("洗衣机呢 我说了两个都坏了" points back at it)
		text = c.Case.Also + "，" + text
	}
	number := c.Ticket
	c.State, c.AckedAt = StateDone, t.in.At
	t.u = d.understand(c, text, t.in.At)
	if noted {
		// "洗衣机呢": the question is the report itself, answered by starting it
		t.u.Acts = slices.DeleteFunc(t.u.Acts, func(a Act) bool { return a.Kind == ActQuestion && a.Topic == TopicOther })
	}
	t.sayKey("bot.also.own_report", "number", number)
	d.start(t, text)
	return true
}

// cueReportAnother asks for another report: "再帮我报一个", "也帮我报修", "单独报修", "也要修".
var cueReportAnother = knowledge.MustGate(`(再|也|单独|另外|一起|顺便|顺带)(帮我|给我|帮忙|麻烦)?(报|登记|修|弄|看)|再报|报一个|报一下|也要修|也得修|要修|报修|也坏|也出(问题|毛病)|也不(行|好使|灵)`)

// takeAlso answers the offer of offerAlso: a yes reports the second appliance as if the
// customer had just said it, a no is acknowledged; anything else drops the offer and is
// read as usual.
func (d *Dialog) takeAlso(t *step) bool {
	c := t.c
	also := c.Also
	c.Also = ""
	yes, ok := ParseYesNo(t.u.Text)
	if !ok || hasSubstance(&t.u) {
		return false
	}
	if !yes {
		t.sayKey("bot.also.declined")
		return true
	}
	t.u = d.understand(c, also, t.in.At)
	d.start(t, also)
	return true
}

func (d *Dialog) showTickets(t *step, tickets []TicketSummary, reask bool) {
	if len(tickets) == 0 {
		switch {
		case reask && t.c.waiting():
			// queued for a person already: they look into it, no new request is needed
			t.sayKey("bot.status.none")
			d.sayWaiting(t, "bot.human.still_waiting")
		case reask && !t.c.State.inProgress():
			// "上周报修的 到现在没人联系": perhaps filed by phone or from another account
			t.sayKey("bot.status.none_help")
		case reask:
			t.sayKey("bot.status.none")
		}
	} else {
		var b strings.Builder
		for i, tk := range tickets {
			if i > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(catalog.T("bot.status.line", "number", tk.Number, "status", tk.Status, "next", tk.Next, "promise", tk.Promise))
			if tk.Visit != "" {
				b.WriteString("\n" + catalog.T("bot.status.visit", "window", tk.Visit))
			}
			if tk.Link != "" {
				b.WriteString("\n" + catalog.T("bot.status.link", "link", tk.Link))
			}
		}
		t.sayKey("bot.status.list", "tickets", b.String())
	}
	if reask {
		d.reask(t)
	}
}

// resume continues or restarts an interrupted case.
func (d *Dialog) resume(t *step, text string) {
	c := t.c
	yes, yesNo := ParseYesNo(text)
	if hasSubstance(&t.u) {
		yesNo = false // a message about a fault is no answer to "continue?"
	}
	if i, ok := choice(text, 2); ok {
		yes, yesNo = i == 0, true
	}
	switch {
	case yesNo && !yes:
		d.restart(t)
	case yesNo || isContinue(text):
		c.State, c.Prev = c.Prev, ""
		d.reask(t)
	case t.u.Facts.Category != "" && c.Case.Category != "" && t.u.Facts.Category != c.Case.Category && hasSubstance(&t.u):
		// Another product's fault: the interrupted case is left, this one starts.
		c.State, c.Prev = StateDone, ""
		d.start(t, text)
	default:
		// Anything else carries on with the case, this message included.
		c.State, c.Prev = c.Prev, ""
		if c.State == StateCollect {
			d.collect(t, text)
			return
		}
		d.reask(t)
	}
}

// waitForHuman keeps the bot quiet while a person has the chat, with an occasional
// reassurance that the message arrived.
func (d *Dialog) waitForHuman(t *step, text string) {
	c := t.c
	switch ParseCommand(text) {
	case CmdRestart:
		d.restart(t)
		return
	case CmdStatus:
		t.do(ListTickets{})
		return
	}
	if c.waiting() && d.waitingTurn(t) {
		return
	}
	if a, ok := t.u.Has(ActComplaint); ok && a.Confidence >= 0.95 && c.Ticket != "" && !c.Paused {
		// "再不来人我就打12315" while waiting for the person the ticket promised
		before := c.Case
		d.absorb(t)
		t.sayKey("bot.complaint.escalate")
		if learned := d.learned(&before, &c.Case); learned != "" {
			d.detailsToTicket(t, &before)
			t.sayKey("bot.human.noted", "facts", learned)
		}
		c.Case.Complaint = cmp.Or(c.Case.Complaint, complaintWords(&t.u, a))
		c.Case.addNotes(complaintNotes(t.u.Canon))
		t.do(FlagComplaint{Number: c.Ticket, Words: complaintWords(&t.u, a), Notes: slices.Clone(c.Case.ComplaintNotes)})
		c.AckedAt = t.in.At
		return
	}
	if c.Paused {
		return // a staff member is answering: say nothing
	}
	if c.Ticket != "" && d.anotherReport(t) {
		return // "还有个空调也坏了": its own report starts while the ticket waits for a person
	}
	if (strings.TrimSpace(text) == "0" || ParseCommand(t.u.Canon) == CmdHuman) && len(t.u.Hazards) == 0 {
		// "0", "转人工" again while waiting: it is done already; a word back, never silence
		if c.Ticket != "" {
			t.sayKey("bot.human.already", "number", c.Ticket)
		} else {
			t.sayKey("bot.human.already_no_ticket")
		}
		d.sayWaiting(t, "bot.human.still_waiting")
		c.AckedAt = t.in.At
		return
	}
	// Nobody has answered yet: stay useful while the customer waits.
	if c.Ticket != "" && cueBotUseless.MatchString(compact(t.u.Canon)) && !cueClearCancel.MatchString(compact(t.u.Canon)) {
		// "算了算了，跟机器人说有什么用": frustration, not a cancel; the ticket stays with a person
		t.sayKey("bot.human.frustrated", "number", c.Ticket)
		d.sayWaiting(t, "bot.human.still_waiting")
		c.AckedAt = t.in.At
		return
	}
	if (ParseCommand(t.u.Canon) == CmdCancel || t.u.Is(ActCancel) && (!hasSubstance(&t.u) || t.u.Facts.Category == "" && fixedNow(t.u.Canon))) && c.Ticket != "" {
		// "不用了 不修了" while waiting: noted on the ticket; staff confirm before cancelling
		if fixedNow(t.u.Canon) && !c.Case.Safety {
			t.sayKey("bot.cancel.filed_fixed", "number", c.Ticket) // "不用来了 已经好了"
		} else {
			t.sayKey("bot.cancel.filed", "number", c.Ticket)
		}
		d.safetyBrief(t) // "算了 好麻烦 不修了吧" about a swollen battery: the hazard is still there
		c.AckedAt = t.in.At
		return
	}
	if d.visitAfterFiling(t) {
		c.AckedAt = t.in.At
		return
	}
	if c.Ticket != "" && len(t.u.Hazards) == 0 && (d.readTicket(t) || d.faultFixAfterFiling(t)) {
		// "把我工单登记的内容发一下", "问题描述改一下：…" while waiting: as after filing
		c.AckedAt = t.in.At
		return
	}
	if c.Ticket != "" && (d.doorFixAfterFiling(t) || d.addDetailAfterFiling(t) || d.contactAfterFiling(t)) {
		// "电话13505718899" after a person was asked for: on the ticket staff call from
		c.AckedAt = t.in.At
		return
	}
	if t.u.Is(ActReturn) && (!c.Case.Return || cueQuestion.MatchString(compact(t.u.Canon))) {
		// "我就想知道能不能退": the 三包 rights for what is known, noted for the person who calls
		before := c.Case
		d.absorb(t)
		c.Case.Return = true
		d.sanbao(t)
		if learned := d.learned(&before, &c.Case); learned != "" {
			t.sayKey("bot.human.noted", "facts", learned)
		} else {
			d.sayWaiting(t, "bot.human.still_waiting")
		}
		c.AckedAt = t.in.At
		return
	}
	if c.Ticket != "" && d.whenVisit(t) {
		c.AckedAt = t.in.At // "师傅今天能来不 一家人等着洗澡": what can be said of the time, no "不客气"
		return
	}
	if (t.u.Is(ActThanks) || t.u.Is(ActGoodbye)) && !hasSubstance(&t.u) && noFacts(&t.u.Facts) &&
		!(cueQuestion.MatchString(compact(t.u.Canon)) && !strings.Contains(t.u.Canon, "谢")) { // "我没要投诉啊 就是问问 是不是…": asked, not thanked
		t.sayKey("bot.human.thanks") // "好的 谢谢", "那我等着": a word back, not silence
		c.AckedAt = t.in.At
		return
	}
	if d.confirmNoted(t) {
		d.sayWaiting(t, "bot.human.still_waiting")
		c.AckedAt = t.in.At
		return
	}
	if q, ok := t.u.Has(ActQuestion); ok {
		if q.Topic == TopicOther && !d.answerFAQ(t, q.Topic) {
			t.sayKey("bot.human.question_noted") // "要从头说吗": the person who takes the chat answers it
		} else if q.Topic != TopicOther {
			d.answerQuestions(t, q.Topic)
		}
		d.sayWaiting(t, "bot.human.still_waiting")
		c.AckedAt = t.in.At
		return
	}
	if t.u.Is(ActProgress) {
		t.do(ListTickets{})
		return
	}
	before := c.Case
	d.absorb(t)
	if learned := d.learned(&before, &c.Case); learned != "" {
		d.detailsToTicket(t, &before)
		t.sayKey("bot.human.noted", "facts", learned)
		c.AckedAt = t.in.At
		return
	}
	// a short "嗯" is acknowledged now and then; anything longer or asked gets a word back,
	// so a customer writing while they wait is never met with silence
	said := runes(compact(t.u.Canon)) > 6 || cueQuestion.MatchString(compact(t.u.Canon))
	if since := t.in.At.Sub(c.AckedAt); since >= d.AckEvery || said {
		c.AckedAt = t.in.At
		d.sayWaiting(t, "bot.human.waiting")
	}
}

// command carries out a command typed at any point.
func (d *Dialog) command(t *step, cmd Command) {
	c := t.c
	switch cmd {
	case CmdHuman:
		if d.queueForPerson(t) {
			return // nothing reported: queued for a person, no ticket
		}
		if c.State == StateSelf {
			t.do(RecordOutcome{RuleID: c.Case.RuleID, Outcome: OutcomeEscalated})
		}
		if !c.State.inProgress() && c.State != StateResume {
			d.newCase(t)
		}
		d.absorb(t) // "转人工 美的空调不制冷": the fault told with the request goes on the ticket
		d.escalate(t, EscalateHuman)
	case CmdRestart:
		d.restart(t)
	case CmdBack:
		d.back(t)
	case CmdCancel:
		if c.State == StateRating || c.State == StateComment {
			c.State, c.RateTicket = StateDone, ""
			t.sayKey("bot.rating.skipped")
			return
		}
		if c.State == StateSelf {
			t.do(RecordOutcome{RuleID: c.Case.RuleID, Outcome: OutcomeAbandoned})
		}
		if c.Ticket != "" && (c.State.inProgress() || c.State == StateDone) {
			// A filed ticket is not cancelled by a chat line: staff confirm it (the line is in
			// its transcript) and a change of mind keeps it.
			c.State, c.Asking, c.Windows = StateDone, "", nil
			if fixedNow(t.u.Canon) && !c.Case.Safety {
				// "没事了 重启一下就好了": glad, and staff close it after a word with them
				t.sayKey("bot.cancel.filed_fixed", "number", c.Ticket)
				return
			}
			t.sayKey("bot.cancel.filed", "number", c.Ticket)
			d.safetyBrief(t)
			return
		}
		if c.State.inProgress() || c.State == StateResume {
			c.State, c.Asking, c.Windows = StateDone, "", nil
			if fixedNow(t.u.Canon) && !c.Case.Safety {
				t.sayKey("bot.recovered") // "不用了 我老公鼓捣了一下 好了": solved, not given up
				c.Case.Recovered = true
				return
			}
			t.sayKey("bot.cancelled")
			return
		}
		if t.u.Is(ActThanks) || t.u.Is(ActGoodbye) || strings.Contains(compact(t.u.Canon), "谢") {
			t.sayKey("bot.thanks") // "不用了 谢谢 我自己再琢磨一下": a polite close, not a cancel of nothing
			return
		}
		t.sayKey("bot.nothing_to_cancel")
	case CmdStatus:
		t.do(ListTickets{})
	case CmdHelp:
		t.sayKey("bot.help")
		d.reask(t)
	}
}

func (d *Dialog) restart(t *step) {
	c := t.c
	if c.State == StateSelf {
		t.do(RecordOutcome{RuleID: c.Case.RuleID, Outcome: OutcomeAbandoned})
	}
	d.newCase(t)
	t.sayKey("bot.restarted")
	d.advance(t)
}

// back goes back one question, forgetting its answer.
func (d *Dialog) back(t *step) {
	c := t.c
	switch c.State {
	case StateCollect, StateEdit, StateConfirm:
	default:
		t.sayKey("bot.back.none")
		d.reask(t)
		return
	}
	if c.State == StateConfirm {
		last := summarySlots[len(summarySlots)-1]
		c.Case.clear(last)
		d.ask(t, last)
		return
	}
	if c.State == StateEdit {
		d.summary(t)
		return
	}
	if len(c.History) == 0 {
		t.sayKey("bot.back.none")
		d.reask(t)
		return
	}
	prev := c.History[len(c.History)-1]
	c.History = c.History[:len(c.History)-1]
	c.Case.clear(prev)
	c.Asking, c.Fails = prev, 0
	t.say(d.question(&c.Case, prev))
}

// reask repeats what the conversation is waiting for, after an interruption.
func (d *Dialog) reask(t *step) {
	c := t.c
	switch c.State {
	case StateCollect, StateEdit:
		if c.State == StateCollect && c.Asking != "" && c.Asking != SlotFault && !c.Case.missing(c.Asking) {
			d.advance(t) // the message answered it on the way ("买了11个月了 还在保修期吗")
			return
		}
		if c.Asking == SlotFault {
			// the menu of faults is shown at most twice: then a person looks at the
			// customer's own words ("never three identical re-asks")
			if c.Fails++; c.Fails >= 2 {
				c.Case.SelfDone = true
				d.advance(t)
				return
			}
		}
		if c.Asking == SlotCategory && c.State == StateCollect {
			t.sayKey("bot.ask.category.again") // the whole menu once is enough
		} else if c.Asking != "" {
			t.say(d.question(&c.Case, c.Asking))
		}
	case StateSelf:
		if rule, ok := d.KB.Rule(c.Case.RuleID); ok && c.Step < len(rule.Steps) {
			d.remindStep(t, rule)
		}
	case StateConfirm:
		d.summary(t)
	case StateVisit:
		d.offerWindows(t)
	}
}

// offerWindows lists the visit windows on offer, numbered.
func (d *Dialog) offerWindows(t *step) {
	labels := make([]string, len(t.c.Windows))
	for i, w := range t.c.Windows {
		labels[i] = w.Label
	}
	t.sayKey("bot.visit.ask", "options", numbered(labels))
}

// onEvent handles follow, unfollow and menu clicks.
func (d *Dialog) onEvent(t *step) {
	c := t.c
	switch strings.ToLower(t.in.Event) {
	case "subscribe":
		t.sayKey("bot.subscribe")
	case "unsubscribe":
		*c = Conversation{OpenID: c.OpenID}
	case EventHandoffTimeout:
		d.handoffTimeout(t)
	case EventStaffTakeover:
		d.staffTakeover(t)
	case "click":
		switch t.in.EventKey {
		case MenuReport:
			if c.State.inProgress() {
				t.sayKey("bot.menu.report_in_progress")
				d.reask(t)
				return
			}
			d.newCase(t)
			d.advance(t)
		case MenuProgress:
			t.do(ListTickets{})
		case MenuHuman:
			d.command(t, CmdHuman)
		default:
			t.sayKey("bot.help")
		}
	}
	// Other events (VIEW, SCAN, LOCATION reports, template receipts) need no answer.
}

// onImage attaches a photo to the case.
func (d *Dialog) onImage(t *step) {
	c := t.c
	if !c.State.inProgress() && c.State != StateHuman {
		d.newCase(t)
	}
	if t.in.MediaID != "" && len(c.Case.Photos) < 9 {
		c.Case.Photos = append(c.Case.Photos, t.in.MediaID)
	}
	if c.State == StateHuman {
		return
	}
	t.sayKey("bot.photo.received", "n", len(c.Case.Photos))
	if c.State == StateCollect && c.Asking == "" {
		d.advance(t)
		return
	}
	d.reask(t)
}

// onLocation takes a location message as the address.
func (d *Dialog) onLocation(t *step) {
	c := t.c
	label := strings.TrimSpace(t.in.Label)
	if label == "" {
		t.sayKey("bot.location.unnamed")
		d.reask(t)
		return
	}
	before := c.Case
	c.Case.Address, c.Case.Lat, c.Case.Lng = label, t.in.Lat, t.in.Lng
	c.Case.Region, c.Case.City = RegionOf(label)
	if c.Ticket != "" && (c.State == StateDone || c.State == StateHuman || c.State == StateVisit) {
		// after filing: the location is where the visit goes, on the tickets as well as here
		targets := c.household(t.in.At)
		d.contactToTickets(t, &before, targets)
		t.sayKey("bot.contact.updated", "number", ticketList(targets), "facts", label)
		if c.State == StateVisit {
			d.reask(t) // the visit windows are still to choose
		}
		return
	}
	t.sayKey("bot.location.received", "address", label)
	switch {
	case c.State == StateCollect && c.Asking == SlotAddress, c.State == StateEdit && c.Asking == SlotAddress:
		d.advance(t)
	case c.State.inProgress():
		d.reask(t)
	}
}

// learned lists, briefly, what a message filled in, so the customer sees they were
// understood: "空调 · 美的 · KFR-35GW".
func (d *Dialog) learned(before, after *Case) string {
	var parts []string
	for _, s := range summarySlots {
		refined := s == SlotModel && before.Model != "" && after.Model != before.Model // "Model A2918" after "MacBook Pro"
		if (before.missing(s) || refined) && !after.missing(s) && s != SlotSymptom {
			v := d.show(after, s)
			if s == SlotStarted && after.StartedAt.IsZero() || v == catalog.T("bot.value.skipped") {
				continue // "一直" or "未提供" alone says nothing back to the customer
			}
			parts = append(parts, v)
		}
	}
	if before.missing(SlotSymptom) && !after.missing(SlotSymptom) {
		parts = append(parts, d.show(after, SlotSymptom))
	}
	return strings.Join(parts, " · ")
}

func (d *Dialog) filledAny(before, after *Case) bool {
	for _, s := range summarySlots {
		if before.missing(s) && !after.missing(s) {
			return true
		}
	}
	return false
}

// caseLine describes the case in a few words for the resume question.
func (d *Dialog) caseLine(c *Case) string {
	parts := []string{}
	if c.Category != "" {
		parts = append(parts, d.lexicon().CategoryName(c.Category))
	}
	if c.Symptom != "" {
		parts = append(parts, truncateRunes(c.Symptom, 20))
	}
	if len(parts) == 0 {
		return catalog.T("bot.resume.unnamed")
	}
	return strings.Join(parts, " ")
}

func isConfirm(text string) bool {
	t := strings.Trim(normalizeText(text), clauseBreaks+" .!！")
	if confirmWord(t) {
		return true
	}
	// "算了 确认吧", "确认 thx", "都对 提交吧": the confirmation with words around it, when
	// nothing in it corrects or asks
	if cueCorrection.MatchString(compact(t)) || strings.ContainsAny(t, "0123456789?？") || strings.Contains(strings.ReplaceAll(t, "差不多", ""), "不") {
		return false
	}
	if m := confirmHurry.FindStringIndex(t); m != nil && m[0] > 0 {
		// "确认 请火速派人", "对对对就是这样你们快点来": agreed, and in a hurry
		if rest := strings.Trim(t[:m[0]], clauseBreaks+" .!！~"); rest != "" && isConfirm(rest) {
			return true
		}
	}
	t = strings.Trim(confirmAround.ReplaceAllString(t, ""), clauseBreaks+" .!！~")
	if confirmWord(t) {
		return true
	}
	parts := strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || strings.ContainsRune(clauseBreaks, r) })
	conceded := false
	for _, p := range parts {
		if confirmWord(strings.Trim(confirmAround.ReplaceAllString(p, ""), clauseBreaks+" .!！~")) || confirmSubmit.MatchString(p) && !confirmConcession.MatchString(p) {
			continue // "你帮我报上去好了" beside "对呀" submits
		}
		if !confirmConcession.MatchString(p) {
			return false
		}
		conceded = true
	}

	if conceded {
		// "行吧冰柜也算冰箱吧 确认", "差不多就这样 提交": a concession beside a word that
		// submits; a concession alone ("就这样吧") is no confirmation
		return confirmSubmit.MatchString(compact(t))
	}
	return len(parts) > 1 // "都对 提交吧": every word of it confirms
}

// confirmConcession is a clause that gives in rather than corrects: "冰柜也算冰箱吧", "差不多",
// "无所谓了", "凑合吧".
var confirmConcession = knowledge.MustFilter(`也算|算是|凑合|将就|差不多|无所谓|随便|就当|也行|也可以|也没事|得了|就这样|就这么|这样吧|行吧|好吧|嗯嗯|^嗯$|^好$|^行$|^那$|^那就$`)

// confirmHurry is a request to be quick at the end of an agreement: "请火速派人", "你们快点来",
// "尽快安排吧".
var confirmHurry = knowledge.MustFilter(`[ ,，]*(请|麻烦|那|你们|赶紧)*(火速|尽快|快点|快些|赶紧|抓紧|早点|马上|速度)(派人|来人|来|安排|上门|处理|过来|修)?(吧|啊|哈|哦|呀|一下)*$`)

// confirmSubmit is a word that submits, not only agrees: what a concession needs beside it.
var confirmSubmit = knowledge.MustFilter(`确认|确定|提交|报上去|帮我报|报吧|报了吧|就这么报|就这样报|照这个报|按这个报|按这个来|照这个来|就这么办|就这么定|可以提交|发吧|交吧`)

func confirmWord(t string) bool {
	if half := len(t) / 2; half > 0 && len(t)%2 == 0 && t[:half] == t[half:] && t != "对对" && t != "好好" {
		t = t[:half] // "对的对的", "可以可以": said twice
	}
	switch t {
	case "确认", "确定", "确认提交", "提交", "对", "没问题", "是的", "对的", "好的", "可以", "没错", "ok", "OK", "确认无误", "正确",
		"都对", "都对的", "信息没错", "没问题提交", "提交吧", "确认吧", "就这样提交", "就这样",
		"就这么报", "就这样报", "照这个报", "按这个报", "就这么办", "就这么定", "这样就行", "这样可以", "可以提交", "没啥问题",
		// in other words and other tongues: "没毛病", "对对对", "嗯呐" (northeast), "著/按呢就好"
		// (Minnan), "系/啱" (Cantonese), "要得/对头" (Sichuan), "中" (Henan)
		"没毛病", "没啥毛病", "没有问题", "都没问题", "没问题的", "对对", "对对对", "对对对对", "是是", "是是是", "嗯呐", "嗯哪",
		"就是这样", "就是这个", "没错就是这样", "对就是这样", "对对对就是这样", "是这样", "着", "按呢就好", "按呢", "按呢着", "着啦",
		"系", "系啊", "系呀", "啱", "啱晒", "全部啱", "要得", "对头", "中", "妥", "妥了", "是滴", "对滴", "好滴", "可以的", "行的",
		"可以可以", "发", "发吧", "报", "报吧", "冇问题", "冇错", "对呀", "对啊", "对额", "著", "著啦", "对的呀", "就迭能", "就迭能报", "迭能就好",
		"报上去", "报上去吧", "帮我报上去", "你帮我报上去", "你帮我报上去好了", "帮我报", "帮我提交", "提交上去", "行行", "行行行", "好好", "好好好", "ok的", "ok了", "都可以", "都行", "全对", "全都对", "信息都对", "都没错":
		return true
	}
	return false
}

// confirmAround are the words customers put around a confirmation: "算了", "那就", "吧", "thx".
var confirmAround = knowledge.MustFilter(`(?i)^(算了|那就|那|好吧|行吧|行|好|嗯嗯|嗯呐|嗯|ok)[ ,，]*|[ ,，]*(吧|啊|呀|哈|啦|了|哦|thx|thanks|谢谢|谢了|多谢)+$`)

func isContinue(text string) bool {
	switch strings.Trim(normalizeText(text), clauseBreaks+" .!！") {
	case "继续", "接着", "继续报修", "继续吧", "接着来", "1":
		return true
	}
	return false
}

func isNone(text string) bool {
	switch strings.Trim(normalizeText(text), clauseBreaks+" .!！") {
	case "都不行", "都不方便", "没有合适的", "其他时间", "再说", "以后再约", "不方便", "都不合适", "0":
		return true
	}
	return false
}

// isThanks reports whether text only thanks or acknowledges: "好的，谢谢", "嗯嗯 收到",
// "谢谢师傅！" — words of thanksWords, in any order, with punctuation and spaces between.
func isThanks(text string) bool {
	t := strings.ToLower(normalizeText(text))
	t = strings.Map(func(r rune) rune {
		if strings.ContainsRune(clauseBreaks+" .!！~～、", r) {
			return -1
		}
		return r
	}, t)
	thanked := false
	for t != "" {
		word := ""
		for _, w := range thanksWords {
			if strings.HasPrefix(t, w) && len(w) > len(word) {
				word = w
			}
		}
		if word == "" {
			return false
		}
		thanked = thanked || !slices.Contains(thanksFillers, word)
		t = t[len(word):]
	}
	return thanked
}

// thanksWords are what a thanks or an acknowledgement is made of (isThanks).
var thanksWords = []string{
	"谢谢", "多谢", "感谢", "辛苦了", "辛苦", "好的", "好", "ok", "嗯", "知道了", "收到", "明白",
	"thanks", "thx", "👍", "行", "你", "您", "啦", "了", "哈", "师傅", "客服",
}

// thanksFillers may come with a thanks but are none on their own.
var thanksFillers = []string{"你", "您", "啦", "了", "哈", "师傅", "客服"}

// politeOpening reports a message that only greets with courtesy ("不好意思打搅一下", "冒昧问下",
// "唔好意思 打扰下"): no fact, no question, no other act.
func politeOpening(u *Understanding) bool {
	g, ok := u.Has(ActGreeting)
	return ok && u.Main().Kind == ActGreeting && g.Confidence >= 0.75 && len(u.Hazards) == 0 && u.Suspect == "" &&
		!hasSubstance(u) && noFacts(&u.Facts) && cuePolite.MatchString(compact(u.Canon))
}

// cuePolite are the words of courtesy that open a polite greeting.
var cuePolite = knowledge.MustGate(`好意思|打扰|打搅|叨扰|冒昧|麻烦|劳驾|请问|问一下|问下|问哈|借问|请教|sorry|抱歉|歹势|拍谢`)

func looksLikeGreeting(text string) bool {
	t := strings.ToLower(strings.Trim(normalizeText(text), clauseBreaks+" .!！~"))
	return greetingWord(t) || utf8.RuneCountInString(t) <= 2
}

// greetingWord reports a message, normalised, that is one of the words customers open with.
func greetingWord(t string) bool {
	switch t {
	case "你好", "您好", "在吗", "在不在", "hi", "hello", "哈喽", "嗨", "有人吗", "你好在吗", "喂", "客服你好", "报修", "我要报修", "维修", "售后":
		return true
	}
	return false
}

// progressAsked reports a progress question the patterns read, not one only the act model
// guessed ("地址记了没有 …" asks whether the address was noted, not how the ticket goes).
func progressAsked(u *Understanding) bool {
	p, ok := u.Has(ActProgress)
	return ok && !guessed(p)
}

// cueSubmitNow is a customer who wants the report filed now, without more questions:
// "就这些 提交吧", "别问了 直接报修", "帮我登记一下", "没别的了 派单吧".
var cueSubmitNow = knowledge.MustGate(`(提交|登记|报修|报上去|下单|派单|报单|建单|开单|报个修|报一下修)(一下|下|上|好)?(吧|啦|了吧|呗|嘛|就行|就好|好了|$)|` +
	`就这些|就这么多|没(有)?(别的|其他|其它|啥)(了|的了|要说的)|别问了|不用问了|不要问了|问(那么|这么)多|` +
	`直接(提交|登记|报修|派单|下单|安排|派人|派师傅|报上去)|赶紧(派|安排|提交|登记)|先(提交|登记|报)(上去)?(吧|再说)|` +
	`(帮我|给我|麻烦|你就)(登记|提交|报修|报一下|报个|安排|派个|派人|约个)|(请|麻烦)?(帮我|给我|帮忙)(修|维修)(一下|下|修)?(吧|嘛|呗|谢谢|,|$)|登记个|(寄修|上门|维修|修)(吧|就行|就好|好了)$|` +
	// a visit asked for: "请登记上门维修", "安排师傅上门吧", "能否直接带泵上门"
	`(请|麻烦|帮忙|帮我)?(登记|安排|预约|约)(一下|个)?(上门|师傅|工程师|维修|寄修|售后)|派(个|一个)?(师傅|人|工程师)(来|过来|上门)|(能否|能不能|可不可以|直接|干脆)[^,?]{0,6}(上门|派人|派师傅)`)

// submitNow takes a customer's wish to file now while optional details are still asked:
// what the message tells is kept, the optional details still missing are left for staff,
// and only the contact details are asked before the ticket is filed (summary). A refusal
// ("先不提交了") is a cancel, and a hazard is filed at once anyway.
func (d *Dialog) submitNow(t *step) bool {
	c := t.c
	inSelf := c.State == StateSelf
	if !inSelf && !optionalSlot(c.Asking) || c.Case.Safety || c.Case.SubmitNow {
		return false
	}
	canon := compact(t.u.Canon)
	if q, ok := t.u.Has(ActQuestion); ok && q.Topic != "" && q.Topic != TopicOther && q.Topic != TopicService && q.Topic != TopicIsNormal &&
		!(q.Topic == TopicDuration && !cueQuestion.MatchString(canon)) {
		// ("前年买的，你们尽快派人来啊" hurries, it asks nothing: the answer taken, filed now)
		return false // "派师傅上门要多少钱": the question first
	}
	if cueCancel.MatchString(canon) || t.u.Is(ActCancel) || t.u.Is(ActSolved) || inSelf && t.u.Answer == knowledge.AnswerSolved {
		return false
	}
	lead := ""
	switch {
	case cueSubmitNow.MatchString(canon):
	case inSelf && contactTold(t) && (c.Reminded > 0 || t.u.Facts.Address != "" || t.u.Facts.Name != "") &&
		t.u.Answer == knowledge.AnswerUnclear && !knowledge.Pending(t.u.Canon):
		// "电话139… 大同平城区云中路 姓乔" while a check waits, or a number after the check
		// was already asked about once and passed over: nobody leaves their contact details
		// to fix it themselves; the repair is filed and the check stays on offer
		lead = "bot.self.file_contact"
	default:
		return false
	}
	if q, ok := t.u.Has(ActQuestion); ok && (q.Topic == TopicService || q.Topic == TopicIsNormal) {
		d.answerQuestions(t, q.Topic) // "你们是寄过去修还是上门修 俺都中 给俺登记上吧": answered, then filed
	}
	if lead != "" {
		t.sayKey(lead)
	}
	d.fileNow(t)
	return true
}

// contactTold reports a message that gives a phone number or an address the case lacks.
func contactTold(t *step) bool {
	f, c := &t.u.Facts, &t.c.Case
	return !f.Phone.IsZero() && c.Phone.IsZero() || f.Address != "" && c.Address == ""
}

// fileNow files the case without more optional questions: what the message tells is kept,
// the optional details still missing are left for staff, and only the purchase date and
// the contact details are asked before the ticket is filed (summary). In self-service the
// checks end unsolved.
func (d *Dialog) fileNow(t *step) {
	c := t.c
	before := c.Case
	if c.State == StateSelf {
		// "好的 就这样 帮我登记一下嘛" during the checks: no more checks, filed as unsolved
		c.Case.StepsTried, c.Case.SelfDone = c.Step, true
		t.do(RecordOutcome{RuleID: c.Case.RuleID, Outcome: OutcomeEscalated})
	} else {
		d.answer(&c.Case, c.Asking, t.u.Canon, t.in.At) // "型号KFR-35GW 就这些": the answer with it
	}
	if t.u.Is(ActCorrection) {
		d.correctBeside(t, t.u.Facts) // "电话是139… 哦不对 刚才型号说错了 是EG100MATE2S"
		if f := &t.u.Facts; f.StartedPhrase == "刚才" || f.StartedPhrase == "刚刚" {
			f.StartedAt, f.StartedPhrase, f.StartedApprox = Date{}, "", false // when it was said wrongly
		}
		before = c.Case
	}
	d.absorb(t)
	if learned := d.learned(&before, &c.Case); learned != "" {
		t.sayKey("bot.learned", "facts", learned)
	}
	c.Case.SubmitNow = true
	var left []string
	for _, s := range detailSlots {
		// the purchase date is still asked: it decides whether the repair is free
		if optionalSlot(s) && s != SlotPurchase && c.Case.missing(s) {
			c.Case.Skipped = append(c.Case.Skipped, s)
			left = append(left, catalog.T("bot.slot."+string(s)))
		}
	}
	key := "bot.submit_now"
	if c.Case.missing(SlotPurchase) && !slices.Contains(c.Case.Skipped, SlotPurchase) {
		key = "bot.submit_now.purchase"
	} else if c.Case.missing(SlotPurchase) {
		left = append(left, catalog.T("bot.slot."+string(SlotPurchase)))
	}
	if len(left) > 0 {
		t.sayKey(key, "left", strings.Join(left, "、"))
	}
	d.advance(t)
}
