package bot

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
)

// Slot is one field of the intake record the bot may ask for.
type Slot string

// The slots, in the order the bot asks for them. Category and symptom come first, because
// self-service needs them; contact details come last, once the case is worth a ticket.
const (
	SlotCategory Slot = "category"
	SlotSymptom  Slot = "symptom"
	SlotBrand    Slot = "brand"
	SlotModel    Slot = "model"
	SlotPurchase Slot = "purchase"
	SlotSerial   Slot = "serial"
	SlotChannel  Slot = "channel"
	SlotWarranty Slot = "warranty"
	SlotStarted  Slot = "started"
	SlotTrigger  Slot = "trigger"
	SlotName     Slot = "name"
	SlotPhone    Slot = "phone"
	SlotAddress  Slot = "address"
)

// productSlots are asked before self-service; detailSlots after it. summarySlots is the
// numbered order of the confirmation summary.
var (
	productSlots = []Slot{SlotCategory, SlotSymptom}
	detailSlots  = []Slot{SlotBrand, SlotModel, SlotPurchase, SlotSerial, SlotChannel, SlotWarranty,
		SlotStarted, SlotTrigger, SlotName, SlotPhone, SlotAddress}
	summarySlots = append(append([]Slot{}, productSlots...), detailSlots...)
)

// missing reports whether the case still needs an answer for s.
func (c *Case) missing(s Slot) bool {
	return c.lacks(s) && !slices.Contains(c.Skipped, s)
}

// lacks reports whether the case holds no answer for s, skipped or not.
func (c *Case) lacks(s Slot) bool {
	switch s {
	case SlotCategory:
		return c.Category == ""
	case SlotSymptom:
		return c.Symptom == "" && c.ErrorCode == ""
	case SlotBrand:
		return c.Brand == ""
	case SlotModel:
		return c.Model == "" && !c.ModelUnknown
	case SlotPurchase:
		return c.PurchaseDate.IsZero() && !c.PurchaseUnknown && !c.PurchaseVague
	case SlotSerial:
		return c.Serial == "" && !c.SerialUnknown
	case SlotChannel:
		return c.Channel == ""
	case SlotWarranty:
		return c.ExtendedWarranty == YesNoUnset
	case SlotStarted:
		return c.StartedPhrase == "" && !c.StartedUnknown
	case SlotTrigger:
		return c.Trigger == ""
	case SlotName:
		return c.Name == ""
	case SlotPhone:
		return c.Phone.IsZero()
	case SlotAddress:
		return c.Address == ""
	}
	return false
}

// clear forgets the answer for s, so it is asked again (返回, or a correction).
func (c *Case) clear(s Slot) {
	switch s {
	case SlotCategory:
		c.Category, c.Product, c.Brand = "", "", ""
	case SlotSymptom:
		c.Symptom, c.ErrorCode = "", ""
	case SlotBrand:
		c.Brand = ""
	case SlotModel:
		c.Model, c.ModelUnknown = "", false
	case SlotPurchase:
		c.PurchaseDate, c.PurchaseApprox, c.PurchaseUnknown, c.PurchaseVague = Date{}, false, false, false
	case SlotSerial:
		c.Serial, c.SerialUnknown = "", false
	case SlotChannel:
		c.Channel = ""
	case SlotWarranty:
		c.ExtendedWarranty = YesNoUnset
	case SlotStarted:
		c.StartedAt, c.StartedPhrase, c.StartedApprox, c.StartedUnknown = Date{}, "", false, false
	case SlotTrigger:
		c.Trigger = ""
	case SlotName:
		c.Name, c.NameSurname = "", false
	case SlotPhone:
		c.Phone, c.PhoneErr = Phone{}, nil
	case SlotAddress:
		c.Address, c.Region, c.City, c.Lat, c.Lng = "", "", "", 0, 0
	}
}

// answer interprets text as the answer to slot s, more liberally than Extract does for a
// message in general. It returns false, with the catalog key of a specific re-ask when
// there is one, when the text does not answer the question.
// otherDetail reports facts that answer another question than when the fault started: a
// phone number, a name, an address.
func otherDetail(f Facts) bool {
	return !f.Phone.IsZero() || f.Name != "" || f.Address != ""
}

// cueOnset says a date is when the fault began, not when the product was bought:
// "前天开始的", "上周出现的", "昨天发现的", "从去年冬天起".
var cueOnset = knowledge.MustFilter(`开始|出现|发现|起就|起来就|以后就|之后就|后就|就这样|就不|就坏|坏的|坏了`)

// cuePurchaseWord names the purchase itself: "买", "购", "入手", "下单", "安装".
var cuePurchaseWord = knowledge.MustFilter(`买|购|入手|到手|下单|收到|送的|装的|安装`)

// brandAndModel is a brand in Chinese characters followed by a model: "极米H3".
var brandAndModel = knowledge.MustFilter(`^(\p{Han}{2,6})[ ]?([A-Za-z][A-Za-z0-9\-. ]{0,14}[0-9][A-Za-z0-9\-.]{0,6}|[0-9][A-Za-z0-9\-.]{1,12})$`)

// notInBrands are characters of sentences about people and places, not of brand names:
// "我家在北京朝阳区" answers no brand question.
const notInBrands = "我你他她在住市区县镇村路街号楼省"

// unlistedAnswer reports an answer to the brand question that can be a brand no list
// knows: two to eight characters that say nothing else the extractor understands ("去年" is
// a date, "李女士" a name), no question, greeting or pointing word.
func unlistedAnswer(t string, now time.Time, lx *Lexicon) bool {
	return utf8.RuneCountInString(t) >= 2 && utf8.RuneCountInString(t) <= 8 &&
		!isUnknown(t) && !isFiller(t) && !strings.ContainsAny(t, "0123456789") && Extract(t, now, lx) == (Facts{}) &&
		!cueQuestion.MatchString(t) && !greetingWord(strings.ToLower(t)) && !strings.ContainsAny(t, notInBrands) &&
		!pointsAtBrand.MatchString(t) && !notBrandWord.MatchString(t) && !notBrandKind.MatchString(t) && !notBrandPlain.MatchString(t)
}

// notBrandWord are words of the other questions and of faults, never in a brand's name.
var notBrandWord = knowledge.MustFilter(`电话|電話|手机|手機|号码|號碼|地址|型号|型號|序列号|名字|称呼|买|購|购|坏|壞|修|问题|毛病|不行|没用|知道|发现|看到|觉得|开始|出现|听到|闻到`)

// unlistedBrandFirst reads a brand no list knows at the head of an answer to the brand
// question, before the product's words or other details: "杜亚的电机", "贝亲的电动双边",
// "舒华 家用的", "新日的 今年六月份买的" (the date is kept by collect), "台铃哩".
func unlistedBrandFirst(text string, now time.Time, lx *Lexicon) (brand, model string, ok bool) {
	parts := strings.FieldsFunc(strings.TrimSpace(text), func(r rune) bool { return r == ' ' || strings.ContainsRune(clauseBreaks, r) })
	if len(parts) == 0 {
		return "", "", false
	}
	head := strings.TrimSpace(brandWords(parts[0]))
	if m := brandAndModel.FindStringSubmatch(head); m != nil && len(parts) > 1 { // "极米H6 今年618抢的"
		head, model = m[1], strings.ToUpper(m[2])
	}
	if i := strings.Index(head, "的"); i >= 6 { // two Han characters, then 的 and the product's words
		head = head[:i]
	}
	rest := strings.Join(parts[1:], " ")
	if !unlistedAnswer(head, now, lx) || cueQuestion.MatchString(rest) {
		return "", "", false
	}
	if model == "" && len(parts) > 1 && (plausibleModel(parts[1], 2) || shortCuedModel(parts[1])) && !yearWritten(rest, parts[1]) {
		model = canonicalModel(parts[1]) // "雅迪的 DE3 前年买的": the model right after the brand
	}
	if rest == "" || runes(rest) <= 8 || Extract(rest, now, lx) != (Facts{}) {
		return head, model, true
	}
	return "", "", false
}

// pointsAtBrand are words that point at a brand without naming it: "就是那个牌子",
// "跟上次一样的", "说过了啊".
var pointsAtBrand = knowledge.MustFilter(`那个|这个|牌子|品牌|就是|什么|啥|哪个|一样|同一|说过|讲过`)

// brandTail are the words customers put after a brand's name: "德龙的", "方太的嘛", "小米牌子的".
// notProductName is an answer to "which product" that names none: a word of the conversation
// ("嗯 也洗了", "调了 没啥变化"), never a product nobody configured.
var notProductName = knowledge.MustFilter(`^(嗯|哦|噢|啊|呃|额|唉|哎|好的|行吧|对|没|也|还|都|就|又|刚|试|弄)|了|也|没啥|啥|变化|牌子|品牌|买的|购买|电话|手机号|地址|姓|叫我|型号`)

// brandLead are the words before a brand named in an answer: "是极米的", "好像是小熊的",
// "牌子是坚果".
var brandLead = knowledge.MustFilter(`^(好像是|应该是|可能是|大概是|估计是|貌似是|品牌是|牌子是|牌子叫|品牌叫|叫|是)`)

// brandBeforeModel is a brand with 的 and its model written on: "极米的H3S".
var brandBeforeModel = knowledge.MustFilter(`^(\p{Han}{2,6})(的|牌的|牌)([A-Za-z0-9])`)

var brandTail = knowledge.MustFilter(`(牌子的|牌的|家的|牌子|牌|的)(嘛|啊|呀|哦|吧|呢|哈|啦|咯|噢|哩|咧|嘞|喔|呗)?$|(哩|咧|嘞|呗)$`)

// selfCorrection is a customer taking back what they just typed: "5KQ7 不对 是5KQ8Z1",
// "KFR-26GW 哦不对 是KFR-32GW", "138…打错了 139…".
var selfCorrection = knowledge.MustFilter(`(哦不对|不对不对|不对|哦不是|不是不是|说错了|打错了|写错了|输错了|搞错了|错了|唔啱|讲错)[,，。 ]*(应该是|应该|是|系)?`)

// lastSaid is the part of an answer after the customer's last correction of it, when a
// value follows; else the whole answer.
func lastSaid(text string) string {
	locs := selfCorrection.FindAllStringIndex(text, -1)
	if len(locs) == 0 {
		return text
	}
	tail := strings.TrimSpace(text[locs[len(locs)-1][1]:])
	if strings.Trim(tail, "吗嘛呢吧啊呀哦哈啦咯嘞喔噢哟?？!！。~ ") == "" {
		return text // "KFR-35GW 不对吗": a question, nothing taken back
	}
	if strings.IndexFunc(tail, func(r rune) bool {
		return r < utf8.RuneSelf && (unicode.IsDigit(r) || unicode.IsLetter(r)) || unicode.Is(unicode.Han, r)
	}) < 0 {
		return text
	}
	return tail
}

// brandWords strips what customers add around a brand's name in an answer: particles and
// "的" after it, also before a model ("德龙的 ECAM22.110").
func brandWords(text string) string {
	t := strings.TrimSpace(normalizeText(text))
	t = brandLead.ReplaceAllString(strings.TrimRight(t, clauseBreaks+" .!~"), "")
	t = brandBeforeModel.ReplaceAllString(t, "$1 $3") // "极米的H3S": the brand, then its model
	if i := strings.IndexAny(t, " "); i > 0 {
		head, rest := t[:i], t[i:]
		return brandTail.ReplaceAllString(head, "") + rest
	}
	return brandTail.ReplaceAllString(t, "")
}

func (d *Dialog) answer(c *Case, s Slot, text string, now time.Time) (ok bool, retryKey string) {
	lx := d.lexicon()
	switch s {
	case SlotSerial, SlotModel, SlotPhone, SlotPurchase:
		text = lastSaid(text)
	}
	switch s {
	case SlotBrand, SlotModel, SlotName, SlotSymptom, SlotAddress:
		if noValue(text) {
			return false, "" // "确认", "好滴 谢谢🙏", "嗯": a word of the conversation, never a value
		}
	}
	switch s {
	case SlotCategory:
		if i, ok := choice(text, len(lx.categories)+1); ok {
			if i == len(lx.categories) { // 其他: ask them to name it
				return false, "bot.ask.category.other"
			}
			c.Category = lx.categories[i].id
			return true, ""
		}
		f := Extract(text, now, lx)
		if f.Category != "" {
			c.Category, c.Product = f.Category, f.Product
			if c.Brand == "" {
				c.Brand = f.Brand
			}
			return true, ""
		}
		// A product nobody configured: a short name that says nothing else ("电动牙刷").
		if p := strings.Trim(normalizeText(text), clauseBreaks+" .!?"); utf8.RuneCountInString(p) >= 2 &&
			utf8.RuneCountInString(p) <= 12 && f.Symptom == "" && f.ErrorCode == "" && !isUnknown(p) && !isFiller(p) && !notProductName.MatchString(p) &&
			!strings.ContainsAny(p, "0123456789") && !cueQuestion.MatchString(p) && !looksLikeGreeting(p) {
			c.Category, c.Product = OtherCategory, p
			return true, ""
		}
	case SlotFault:
		return d.answerFault(c, text, now)
	case SlotSymptom:
		if utf8.RuneCountInString(strings.TrimSpace(text)) < 2 && len(c.Offered) == 0 {
			return false, ""
		}
		if notSolvedOnly(text, now, lx) {
			return false, "bot.retry.symptom.vague" // "没用": a verdict, no fault in words
		}
		if len(c.Offered) > 0 {
			if i, _, ok := menuChoice(text, len(c.Offered)+1); ok {
				if i == len(c.Offered) {
					return false, "bot.ask.symptom.free"
				}
				if r, ok := d.KB.Rule(c.Offered[i]); ok {
					c.Symptom, c.RuleID, c.RuleTitle = r.Title, r.ID, r.Title
					return true, ""
				}
			}
		}
		if isVague(text, lx) {
			return false, "bot.retry.symptom.vague"
		}
		if t := strings.Trim(normalizeText(text), clauseBreaks+" .!?"); isFiller(t) || isUnknown(t) || isThanks(t) || t == "随便" {
			return false, ""
		}
		if f := Extract(text, now, lx); f.Symptom == "" && f.ErrorCode == "" && (f.Brand != "" || !f.PurchaseDate.IsZero() ||
			f.Model != "" || f.Channel != "" || f.Name != "" || !f.Phone.IsZero() || f.Address != "") {
			return false, "" // "海尔 2021年买的": other details, kept by collect; the fault is still to come
		}
		if sym := ParseSymptom(text, now, lx); sym != "" {
			c.Symptom = sym
		}
		if f := Extract(text, now, lx); f.ErrorCode != "" {
			c.ErrorCode = f.ErrorCode
		}
		return !c.missing(SlotSymptom), ""
	case SlotBrand:
		if isUnknown(text) && !aboutOther(text, SlotBrand) { // a brand they cannot name: staff ask later, no re-ask
			c.Skipped = append(c.Skipped, SlotBrand)
			return true, ""
		}
		brands := d.brands(c.Category)
		if i, ok := choice(text, len(brands)+1); ok && len(brands) > 0 {
			if i == len(brands) { // 其他: ask them to type it
				return false, "bot.ask.brand.other"
			}
			c.Brand = brands[i]
			return true, ""
		}
		suggested := "" // a brand only a model's shape suggests: the one written wins ("德施曼 Q5M")
		if f := Extract(text, now, lx); f.Brand != "" {
			if lx == nil || lx.NamesBrand(text, f.Brand) {
				c.Brand = f.Brand
				if m := brandAndModel.FindStringSubmatch(strings.TrimSpace(normalizeText(brandWords(text)))); m != nil && c.Model == "" && f.Model == "" {
					c.Model = strings.ToUpper(strings.Join(strings.Fields(m[2]), " ")) // "追觅的 H12": the model beside it
				}
				return true, ""
			}
			suggested = f.Brand
		}
		text = brandWords(text) // "德龙的 ECAM22.110" → "德龙 ECAM22.110", "方太的嘛" → "方太"
		// A brand with its model, neither known to the knowledge base: "极米H3", "坚果 J10S".
		if m := brandAndModel.FindStringSubmatch(strings.TrimSpace(normalizeText(text))); m != nil &&
			!isUnknown(m[1]) && !isFiller(m[1]) && Extract(m[1], now, lx) == (Facts{}) {
			c.Brand = m[1]
			if c.Model == "" {
				c.Model = strings.ToUpper(strings.Join(strings.Fields(m[2]), " "))
			}
			return true, ""
		}
		if b, m, ok := brandAmongChatter(text, now, lx); ok {
			// "爱普生啊 刚说了", "我第一句就说了啊 戴森", "荣泰的，RT6810。多少钱能修？": the one
			// part that names something, beside words of the conversation and its model
			c.Brand = b
			if c.Model == "" && m != "" {
				c.Model = m
			}
			return true, ""
		}
		// A brand the knowledge base does not know yet: a short answer that says nothing
		// else the extractor understands ("去年" is a date, "李女士" a name).
		if t := strings.TrimSpace(text); unlistedAnswer(t, now, lx) && !strings.ContainsAny(t, " 的") {
			c.Brand = t // two characters are enough: "极米", "德龙"
			return true, ""
		}
		if b, m, ok := unlistedBrandFirst(text, now, lx); ok {
			c.Brand = b
			if c.Model == "" {
				c.Model = m
			}
			return true, ""
		}
		if suggested != "" {
			c.Brand = suggested // only the model was told, and its shape names the maker
			return true, ""
		}
	case SlotModel:
		if isUnknown(text) && !aboutOther(text, SlotModel) {
			c.ModelUnknown = true
			return true, ""
		}
		if Extract(text, now, lx).Address != "" {
			return false, "" // "朝阳区幸福路8号": an address, kept by collect; no model
		}
		if m, ok := modelAsWritten(text); ok && !yearWritten(text, m) {
			c.Model = m
			return true, ""
		}
		if m, ok := ParseModel(text, lx); ok && !isPhoneLike(m) && !yearWritten(text, m) {
			c.Model = m
			return true, ""
		}
	case SlotPurchase:
		if isUnknown(text) && !aboutOther(text, SlotPurchase) {
			c.PurchaseUnknown = true
			return true, ""
		}
		if cueOnset.MatchString(text) && !cuePurchaseWord.MatchString(text) && Extract(text, now, lx).StartedPhrase != "" {
			return false, "" // "前天开始的": when the fault started, kept by collect; the purchase is still to come
		}
		if f := Extract(text, now, lx); f.PurchaseVague || vagueAge(text) {
			c.PurchaseVague = true // "好几年了": years, no date; the warranty is checked, never guessed
			return true, ""
		}
		if dt, approx, ok := ParsePurchaseDate(compactDate(text), now); ok {
			approx = approx || dt.Month == 0 // a year alone is a rough date
			c.PurchaseDate, c.PurchaseApprox = dt, approx
			// "上礼拜五下的单 礼拜一送到": the 三包 days count from the delivery
			if f := Extract(text, now, lx); !f.Delivered.IsZero() {
				c.Delivered = f.Delivered
				if f.PurchaseDate != f.Delivered {
					c.PurchaseDate, c.PurchaseApprox = f.PurchaseDate, f.PurchaseApprox
				}
			} else {
				c.Delivered = Date{}
			}
			return true, ""
		}
	case SlotSerial:
		if isUnknown(text) && !aboutOther(text, SlotSerial) {
			c.SerialUnknown = true // "無", "冇啊", "莫得": none, in any dialect
			return true, ""
		}
		if f := Extract(text, now, lx); !f.Phone.IsZero() && precededByPhoneWord(text) {
			return false, "" // "电话 021-66668888": a phone number, not the serial
		}
		if asksInstead(text) && !serialCue.MatchString(text) {
			return false, "" // "battery health得82% 係咪要換電池": a question, no serial; it is answered
		}
		serial, unknown, err := ParseSerial(text, lx.SerialPattern(c.Brand))
		if err == nil && !unknown && !plausibleSerial(serial) {
			return false, "bot.retry.serial.shape"
		}
		switch {
		case unknown:
			c.SerialUnknown = true
			return true, ""
		case err == nil:
			c.Serial = serial
			return true, ""
		case errors.Is(err, ErrSerialFormat):
			return false, "bot.retry.serial_format"
		}
	case SlotChannel:
		if isUnknown(text) && !aboutOther(text, SlotChannel) { // "不清楚 我儿子买的": staff ask later
			c.Skipped = append(c.Skipped, SlotChannel)
			return true, ""
		}
		if i, ok := choice(text, len(channelChoices)); ok {
			c.Channel = channelChoices[i]
			return true, ""
		}
		if f := Extract(text, now, lx); f.Address != "" {
			// "北京东城区东四十条…" at the channel question: an address ("东四" is no 京东); a
			// shop told beside it is read where the address leaves it
			if f.Channel != "" {
				c.Channel = f.Channel
				return true, ""
			}
			return false, ""
		}
		if ch, ok := ParseChannel(text); ok {
			c.Channel = ch
			return true, ""
		}
	case SlotWarranty:
		if months, ok := ParseExtendedTotal(text); ok {
			// "有，加了三年延保，一共保五年": the cover ends five years after the purchase
			c.ExtendedWarranty, c.ExtendedMonths, c.ExtendedTotal = YesNoYes, months, true
			return true, ""
		}
		if months, ok := ParseExtendedMonths(text); ok {
			c.ExtendedWarranty, c.ExtendedMonths, c.ExtendedTotal = YesNoYes, months, false
			return true, ""
		}
		if t := normalizeText(text); (extendedUntil.MatchString(t) || coverUntil.MatchString(t)) && !setNegations.contains(t, 0, len(t)) {
			// "延保到2029年6月": a cover until a date is an extended warranty; staff read its
			// end on the card, the length is not guessed
			c.ExtendedWarranty, c.ExtendedMonths, c.ExtendedTotal = YesNoYes, 0, false
			return true, ""
		}
		if yes, ok := ParseYesNo(text); ok && !asksInstead(text) {
			if !yes || c.ExtendedWarranty != YesNoYes {
				c.ExtendedMonths, c.ExtendedTotal = 0, false // a yes keeps a length told before
			}
			c.ExtendedWarranty = YesNoNo
			if yes {
				c.ExtendedWarranty = YesNoYes
			}
			return true, ""
		}
		if isUnknown(text) || setUnsure.contains(normalizeText(text), 0, len(normalizeText(text))) {
			c.Skipped = append(c.Skipped, SlotWarranty) // staff check it with the invoice
			return true, ""
		}
	case SlotStarted:
		if isUnknown(text) {
			c.StartedUnknown = true
			return true, ""
		}
		if f := Extract(text, now, lx); f.StartedPhrase != "" {
			c.StartedAt, c.StartedPhrase, c.StartedApprox = f.StartedAt, f.StartedPhrase, f.StartedApprox
			return true, ""
		}
		if _, isName := contactName(text); isName {
			return false, "" // "王芳": the name, told early (nameAside keeps it); no start time
		}
		if t := strings.TrimSpace(text); utf8.RuneCountInString(t) >= 2 && utf8.RuneCountInString(t) <= 20 && !cueQuestion.MatchString(t) &&
			!otherDetail(Extract(t, now, lx)) {
			c.StartedPhrase = t // words no date reader knows ("冬天一开暖气就"), but not another detail: a phone, a name
			return true, ""
		}
	case SlotTrigger:
		if i, words, ok := menuChoice(text, len(triggerChoices)); ok {
			c.Trigger = triggerChoices[i]
			c.addSymptomDetail(words) // "1，上周刚升级了系统之后开始的": kept for the engineer
			return true, ""
		}
		if tr, ok := ParseTrigger(text); ok {
			c.Trigger = tr
			return true, ""
		}
	case SlotName:
		if n, ok := ParseName(text); ok {
			c.Name = n
			return true, ""
		}
		// "蒋勇 13400005555 长沙市…": the name beside the other details, which collect keeps
		for _, part := range strings.FieldsFunc(normalizeText(text), func(r rune) bool {
			return r == ' ' || strings.ContainsRune(clauseBreaks, r)
		}) {
			if f := Extract(part, now, lx); f.Phone.IsZero() && f.Address == "" && f.Region == "" {
				if n, ok := ParseName(part); ok && !noValue(part) {
					if full := fullNameBeside(normalizeText(text), n); full != "" && strings.HasPrefix(part, "姓") {
						n = full // "姓赵，赵大刚": the whole name
					}
					c.Name = n
					return true, ""
				}
			}
		}
	case SlotPhone:
		if f := Extract(text, now, lx); f.OtherPhone != "" && !f.Phone.IsZero() {
			// "租客电话135…，我的电话136…，上门请联系租客": the visit's number, the other a note
			c.Phone, c.PhoneErr, c.OtherPhone = f.Phone, nil, f.OtherPhone
			return true, ""
		}
		p, err := ParsePhone(dottedDigits.ReplaceAllString(text, "$1$2"))
		if err == nil {
			c.Phone, c.PhoneErr = p, nil
			return true, ""
		}
		if cuePhoneRefused.MatchString(compact(text)) {
			return false, "bot.retry.phone.refused" // "我不想留电话": why we ask, and the other way
		}
		if !strings.ContainsAny(normalizeText(text), "0123456789幺一二三四五六七八九零〇") {
			return false, "bot.retry.phone.none" // "里面就放了几个鸡翅": no number was wrong
		}
		return false, phoneRetryKey(err)
	case SlotAddress:
		if a, ok := ParseAddress(text); ok {
			c.Address = a
			c.Region, c.City = RegionOf(a)
			return true, ""
		}
	}
	return false, ""
}

// cuePhoneRefused is a customer who would rather not give a number: "不想留电话", "微信联系就行".
var cuePhoneRefused = knowledge.MustFilter(`不想(留|给|说)|不(留|给)(电话|号码|手机)|不方便(留|给)|不愿(意)?(留|给)|隐私|(微信|这里|这儿|网上|线上)[^,]{0,4}(联系|沟通|说|聊)|别打(电话)?|不要打(电话)?|不接电话|不用(留)?电话|为什么要(留)?(电话|号码)|凭什么`)

func phoneRetryKey(err error) string {
	switch {
	case errors.Is(err, ErrPhoneTooShort):
		return "bot.retry.phone_short"
	case errors.Is(err, ErrPhoneTooLong):
		return "bot.retry.phone_long"
	case errors.Is(err, ErrPhoneNoAreaCode):
		return "bot.retry.phone_area"
	}
	return ""
}

// channelChoices and triggerChoices are the numbered options of their questions.
var (
	channelChoices = []Channel{ChannelJD, ChannelTmall, ChannelTaobao, ChannelPinduoduo, ChannelSuning,
		ChannelGome, ChannelDouyin, ChannelOfficial, ChannelOffline, ChannelOther}
	triggerChoices = []Trigger{TriggerNone, TriggerVoltage, TriggerForeignObject, TriggerWater, TriggerDrop,
		TriggerSelfDisassembly}
)

// question renders the question for slot s, with its numbered options.
func (d *Dialog) question(c *Case, s Slot) string {
	switch s {
	case SlotCategory:
		names := append(d.lexicon().CategoryNamesAll(), catalog.T("bot.option.other_product"))
		return catalog.T("bot.ask.category", "options", numbered(names))
	case SlotSymptom:
		if c.Category == "" || c.Category == OtherCategory || len(d.KB.Faults(c.Category)) < minMenu {
			c.Offered = nil
			return catalog.T("bot.ask.symptom")
		}
		options := d.offer(c) + "\n" + itoa(len(c.Offered)+1) + " " + catalog.T("bot.option.describe")
		c.Guided = true // the menu was offered: no second one
		return catalog.T("bot.ask.symptom.menu", "category", d.categoryName(c), "options", options)
	case SlotFault:
		options := d.offer(c) + "\n" + itoa(len(c.Offered)+1) + " " + catalog.T("bot.option.none_of_these")
		return catalog.T("bot.ask.fault", "options", options)
	case SlotBrand:
		if len(d.brands(c.Category)) == 0 { // a product outside the brands known: no one-line menu
			product := c.Product
			if product == "" {
				product = d.lexicon().CategoryName(c.Category)
			}
			return catalog.T("bot.ask.brand.free", "product", product)
		}
		brands := append(d.brands(c.Category), catalog.T("bot.option.other_brand"))
		return catalog.T("bot.ask.brand", "category", d.lexicon().CategoryName(c.Category), "options", numbered(brands))
	case SlotChannel:
		names := make([]string, len(channelChoices))
		for i, ch := range channelChoices {
			names[i] = string(ch)
		}
		return catalog.T("bot.ask.channel", "options", numbered(names))
	case SlotTrigger:
		names := make([]string, len(triggerChoices))
		for i, t := range triggerChoices {
			names[i] = catalog.T("bot.trigger." + string(t))
		}
		return catalog.T("bot.ask.trigger", "options", numbered(names))
	}
	if key := "bot.ask." + string(s) + "." + c.Category; c.Category != "" && catalog.Has(key) {
		return catalog.T(key) // an example that fits the product
	}
	return catalog.T("bot.ask." + string(s))
}

// show renders the answer for slot s in the confirmation summary.
func (d *Dialog) show(c *Case, s Slot) string {
	unknown := catalog.T("bot.value.unknown")
	if c.lacks(s) && slices.Contains(c.Skipped, s) {
		return catalog.T("bot.value.skipped")
	}
	switch s {
	case SlotCategory:
		return d.categoryName(c)
	case SlotSymptom:
		v := c.Symptom
		if c.ErrorCode != "" && !strings.Contains(strings.ToUpper(v), c.ErrorCode) {
			v = strings.TrimSpace(v + " " + catalog.T("bot.value.error_code", "code", c.ErrorCode))
		}
		if len(c.Photos) > 0 {
			v += catalog.T("bot.value.photos", "n", len(c.Photos))
		}
		return v
	case SlotBrand:
		return c.Brand
	case SlotModel:
		if c.ModelUnknown {
			return unknown
		}
		return c.Model
	case SlotPurchase:
		if c.PurchaseVague && c.PurchaseDate.IsZero() {
			return catalog.T("bot.value.vague_age")
		}
		if c.PurchaseUnknown {
			return unknown
		}
		if dv := c.Delivered; !dv.IsZero() && dv == c.PurchaseDate {
			return catalog.T("bot.value.delivered", "date", dv.String()) // "2026-12-07 收货"
		} else if !dv.IsZero() {
			return catalog.T("bot.value.bought_delivered", "bought", c.PurchaseDate.String(), "delivered", dv.String())
		}
		return c.PurchaseDate.String()
	case SlotSerial:
		if c.SerialUnknown {
			return catalog.T("bot.value.none")
		}
		return c.Serial
	case SlotChannel:
		return string(c.Channel)
	case SlotWarranty:
		if c.ExtendedWarranty == YesNoYes && c.ExtendedMonths > 0 && c.ExtendedTotal {
			return catalog.T("bot.value.yes_total", "months", c.ExtendedMonths)
		}
		if c.ExtendedWarranty == YesNoYes && c.ExtendedMonths > 0 {
			return catalog.T("bot.value.yes_months", "months", c.ExtendedMonths)
		}
		if c.ExtendedWarranty == YesNoYes {
			return catalog.T("bot.value.yes")
		}
		return catalog.T("bot.value.no")
	case SlotStarted:
		if c.StartedUnknown {
			return unknown
		}
		return c.StartedPhrase
	case SlotTrigger:
		return catalog.T("bot.trigger." + string(c.Trigger))
	case SlotName:
		return c.Name
	case SlotPhone:
		if c.OtherPhone != "" && c.Phone.Number != "" && !strings.Contains(c.OtherPhone, c.Phone.Number) {
			// "租客电话…，我的电话…，上门请联系租客": which one the visit goes to, and the other kept
			return catalog.T("bot.value.phone_other", "phone", c.Phone.Number, "other", c.OtherPhone)
		}
		return c.Phone.Number
	case SlotAddress:
		return c.Address
	}
	return ""
}

// numbered renders options as "1 空调\n2 冰箱…".
func numbered(options []string) string {
	var b strings.Builder
	for i, o := range options {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(strconv.Itoa(i + 1))
		b.WriteByte(' ')
		b.WriteString(o)
	}
	return b.String()
}

// choice reads a numbered answer "2", "２", "2。", "选2", "第2个" among n options.
func choice(text string, n int) (int, bool) {
	t := strings.TrimSpace(normalizeText(text))
	t = strings.TrimPrefix(t, "选")
	t = strings.TrimPrefix(t, "第")
	t = strings.TrimRight(t, "个号项。.，,！!")
	k, err := strconv.Atoi(t)
	if err != nil {
		// "3吧 门锁", "2 下午吧", "就选2": the number first, then a particle or the option's words
		m := looseChoice.FindStringSubmatch(t)
		if m == nil || strings.ContainsAny(m[2], "0123456789") || runes(m[2]) > 12 {
			return 0, false
		}
		k, err = strconv.Atoi(m[1])
	}
	if err != nil || k < 1 || k > n {
		return 0, false
	}
	return k - 1, true
}

// menuChoice reads a numbered menu's answer that carries words beside the number: "1，上周刚
// 升级了系统之后开始的", "原地转圈算哪个？应该是5吧". It returns the choice and the words that
// are a detail of the fault ("" when none); ok is false when no single number is chosen.
func menuChoice(text string, n int) (k int, words string, ok bool) {
	if k, ok := choice(text, n); ok {
		if m := looseChoice.FindStringSubmatch(strings.TrimSpace(normalizeText(text))); m != nil {
			words = m[2]
		}
		return k, detailWords(words), true
	}
	t := strings.TrimSpace(normalizeText(text))
	if m := longChoice.FindStringSubmatch(t); m != nil {
		if k, err := strconv.Atoi(m[1]); err == nil && k >= 1 && k <= n {
			return k - 1, detailWords(m[2]), true
		}
	}
	if m := lastChoice.FindStringSubmatch(t); m != nil {
		if k, err := strconv.Atoi(m[2]); err == nil && k >= 1 && k <= n {
			return k - 1, detailWords(m[1]), true
		}
	}
	return 0, "", false
}

// detailWords are the words told beside a menu's number that say something of the fault:
// not a question about the menu ("算哪个"), nor a particle.
func detailWords(w string) string {
	w = strings.Trim(w, clauseBreaks+" .!?")
	w = strings.TrimSpace(menuAsk.ReplaceAllString(w, ""))
	if runes(w) < 3 || strings.ContainsAny(w, "0123456789") {
		return ""
	}
	return w
}

var (
	// longChoice is the number first, then a separator and words: "1，上周刚升级了系统之后开始的".
	longChoice = knowledge.MustFilter(`^(?:就选|就|我选|选|第)?([0-9]{1,2})(?:吧|啊|呀|哦|哈|嘛|呗|号|个)?[ ,，、。：:]+([^0-9]{1,40})$`)
	// lastChoice is words, then the number as the last clause: "原地转圈算哪个？应该是5吧".
	lastChoice = knowledge.MustFilter(`^([^0-9]{0,40}?)[ ,，、。？?！!]*(?:应该是|应该|那就是|那就|就是|就选|选|算|我觉得是|大概是|估计是)([0-9]{1,2})(?:吧|啊|呀|哦|哈|嘛|呗|号|个)?[。.!！?？]*$`)
	// menuAsk asks which option fits: "算哪个", "是哪一个".
	menuAsk = knowledge.MustFilter(`(算|是|属于|选)(哪个|哪一个|哪种|哪一种|几)[？?]?`)
)

// looseChoice is a numbered choice with words after it: the number, a particle, then a
// separator and the words ("3吧 门锁"); never a number with a unit ("2个月", "3号楼").
var looseChoice = knowledge.MustFilter(`^(?:就|我选|选|第)?([0-9]{1,2})(?:吧|啊|呀|哦|哈|嘛|呗|号|个)?(?:[ ,，、。：:]+(.*))?$`)

// isUnknown reports answers that mean "I don't know / can't find it": one of
// dontKnowAnswers alone, or a short answer that says so and gives no value ("儿子给买的，
// 不知道什么型号", "铭牌被水汽糊了 看不清", "想不起来了😅").
// noValue reports an answer that is a word of the conversation itself — confirming,
// thanking, agreeing, a greeting or a command — and so the value of no field.
func noValue(text string) bool {
	t := strings.ToLower(strings.Trim(normalizeText(text), clauseBreaks+" .!！~～?？"))
	t = strings.TrimFunc(t, func(r rune) bool { return isDecoration(string(r)) })
	if t == "" || isConfirm(t) || isThanks(t) || isFiller(t) || greetingWord(t) || ParseCommand(t) != CmdNone {
		return true
	}
	return slices.Contains(yesWords, t) // "没有" still says a detail is missing
}

// precededByPhoneWord reports an answer that names a phone: "电话 021-…", "手机号138…".
func precededByPhoneWord(text string) bool {
	t := compact(text)
	for _, w := range []string{"电话", "手机", "号码", "座机", "联系方式", "打我"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// aboutOther reports an answer that names another detail than s ("不记得什么时候买的了" to
// the brand question): what it does not know is that one, not s.
func aboutOther(text string, s Slot) bool {
	t := compact(text)
	named := false
	for _, n := range slotNames {
		if n.re.MatchString(t) {
			if n.slot == s {
				return false
			}
			named = true
		}
	}
	return named
}

func isUnknown(text string) bool {
	t := strings.Trim(normalizeText(text), clauseBreaks+" .啊呀哦了")
	lower := strings.ToLower(t)
	for _, w := range dontKnowAnswers {
		if t == w || lower == w {
			return true
		}
	}
	if strings.ContainsAny(t, "0123456789") {
		return false
	}
	if first := strings.FieldsFunc(t, func(r rune) bool { return strings.ContainsRune(".。,，!！?？;；~", r) }); len(first) > 1 &&
		slices.Contains(dontKnowAnswers, strings.Trim(first[0], " 啊呀哦了")) {
		return true // "不知道. please quick, baby is crying": the answer, then something else
	}
	if runes(t) > 30 {
		return false
	}
	for _, w := range dontKnowPhrases {
		if strings.Contains(strings.ToLower(t), w) {
			return true
		}
	}
	return false
}

// dontKnowPhrases say, inside a longer answer, that the customer cannot tell.
var dontKnowPhrases = []string{"不知道", "不清楚", "不记得", "忘了", "忘记", "记不清", "记不得", "记不住", "想不起", "找不到",
	"找不着", "没找到", "不晓得", "不确定", "看不到", "看不清", "看不见", "没印象", "唔知", "唔记得", "冇印象", "磨掉", "模糊",
	"糊了", "不懂", "不会看", "没注意", "没留意", "晓得啥", "哪个晓得", "谁晓得", "鬼晓得", "天晓得", "不造", "唔清楚", "冇睇",
	"don't know", "dont know", "do not know", "idk", "no idea", "not sure"}

var dontKnowAnswers = []string{"忘", "不知道", "不清楚", "不记得", "忘了", "记不清", "记不得", "找不到", "没有", "没", "不晓得", "不确定", "看不到", "看不清", "不懂", "不会看", "无", "跳过", "米有",
	"no", "none", "nope", "n/a", "idk", "dont know", "don't know", "not sure", "no idea", "unknown", "buzhidao", "bu zhidao"} // English and pinyin: "no" is no serial number

// isFiller reports answers made only of interjections ("嗯嗯", "啊啊啊", "哈哈").
func isFiller(text string) bool {
	for _, r := range text {
		if !strings.ContainsRune("嗯啊哦呃额唔哈呀吧了的呵嘿哎噢喔诶欸～~ ", r) {
			return false
		}
	}
	return true
}

// AnswerSlot reads text as the answer to the question for slot s, into c, as the dialog
// does; false when the bot would ask again. It serves evaluation (intake kb eval).
func (d *Dialog) AnswerSlot(c *Case, s Slot, text string, now time.Time) bool {
	ok, _ := d.answer(c, s, knowledge.Canon(text), now)
	return ok
}

// brandAmongChatter reads an answer to the brand question in parts (split at breaks, spaces
// and emoji): it holds a brand no list knows when exactly one part can be a brand's name and
// every other part is a word of the conversation — "said it already", a question, an
// interjection — or the model. It returns the brand and the model, if one was written.
func brandAmongChatter(text string, now time.Time, lx *Lexicon) (brand, model string, ok bool) {
	parts := strings.FieldsFunc(normalizeText(text), func(r rune) bool {
		return r == ' ' || strings.ContainsRune(clauseBreaks+".!~？?！。，,、；;", r) || isDecoration(string(r))
	})
	if len(parts) < 2 {
		return "", "", false
	}
	// "雅迪的 平时我都是拎上楼放卧室床边充的": the brand first, then a sentence about something else
	if w := strings.TrimRight(brandTail.ReplaceAllString(brandLead.ReplaceAllString(parts[0], ""), ""), "啊呀哦嘛吧呢啦哈"); brandLike(w) &&
		!isFiller(parts[0]) && !isUnknown(w) && !greetingWord(w) && Extract(w, now, lx) == (Facts{}) && !cueNotBrandWord.MatchString(w) &&
		runes(strings.Join(parts[1:], "")) > 6 && !strings.ContainsAny(strings.Join(parts[1:], ""), "0123456789") {
		return w, "", true
	}
	for _, p := range parts {
		w := strings.TrimRight(brandTail.ReplaceAllString(brandLead.ReplaceAllString(p, ""), ""), "啊呀哦嘛吧呢啦哈")
		switch {
		case w == "" || isFiller(p) || cueSaidBefore.MatchString(p) || cueQuestion.MatchString(p) || noValue(p):
			continue
		case model == "" && strings.ContainsAny(w, "0123456789") && (hanCount(w) == 0 || hanCount(w) <= 4 && hasLatin(w)):
			// "RT6810", and a series named in Chinese before its code: "雅迪 冠能DE8"
			if m, ok := modelAsWritten(w); ok {
				model = m
				continue
			}
			return "", "", false
		case otherFact(Extract(p, now, lx)):
			continue // "前年父亲节给他买的 奥佳华的": the date is kept by collect; the brand is the other part
		case runes(w) < 2 || runes(w) > 8 || strings.ContainsAny(w, "0123456789"+notInBrands+"买送用了不没这那个年月") ||
			reduplicated(w) || isUnknown(w) || Extract(w, now, lx) != (Facts{}) || greetingWord(strings.ToLower(w)):
			return "", "", false
		case brand != "" && (hanCount(brand) > 0) == (hanCount(w) > 0):
			return "", "", false // two names: ask
		case brand != "" && hanCount(brand) > 0:
			continue // "Nintendo 任天堂": the name in Chinese is kept
		}
		brand = w
	}
	return brand, model, brand != ""
}

// otherFact reports facts that are a date, a phone, an address or a name, and no product or
// brand: a part of a message that says something other than the brand.
func otherFact(f Facts) bool {
	return f.Brand == "" && f.Product == "" && f.Category == "" && (!f.PurchaseDate.IsZero() || otherDetail(f))
}

func hasLatin(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r < 0x80 && unicode.IsLetter(r) }) >= 0
}

// cueNotBrandWord are words of the form, not brands: "电话 9123 4567", "型号 不知道".
var cueNotBrandWord = knowledge.MustFilter(`电话|号码|手机号|型号|地址|名字|称呼|品牌|牌子|时间|日期|发票|机器|东西`)

// cueSaidBefore is the customer saying a detail was given already: "刚说了", "我第一句就说了啊",
// "说过了", "上面写了".
var cueSaidBefore = knowledge.MustFilter(`说了|说过|讲了|讲过|告诉过|写了|发过|提过`)

// modelRe is a model as customers write it: a product line or brand in Chinese or Latin
// followed by letters, digits, spaces and the marks model numbers use ("小新Pro16",
// "iPhone 15 Pro Max", "KFR-35GW/BP3DN8Y-PH200(B1)", "华为Mate60 Pro").
var (
	modelRe      = knowledge.MustFilter(`[\p{Han}A-Za-z0-9][\p{Han}A-Za-z0-9 ()（）/+@._-]*[A-Za-z0-9)）+]`)
	modelLeadIn  = knowledge.MustFilter(`^(嗯+|额|呃|哦)?[…,，. ]*(我的|我家的?|我那?个|手机|电脑|机器|灶具|冰箱|空调|洗衣机|热水器|电视)?(型号应该是|型号好像是|型号是|型号为|型号系|型号|机型是|机型|是不是叫|好像是叫|好像叫|应该叫|叫做|叫|好像是|应该是|大概是|可能是|写的是|上面写的是|写着|就是|是|系)?[:：]?\s*`)
	modelTrailer = knowledge.MustFilter(`\s*(吧|啊|呀|呢|啦|哦|嘛|的|来着|这个|那个|好像|应该|我记得|吧我记得)+$`)
	// modelHedge ends a model told with a hedge before more words: "H12 Pro吧 保修是一年还是两年啊"
	modelHedge   = knowledge.MustFilter(`[A-Za-z0-9)）+](吧|啊|呀|呢|嘛|来着)\s`)
	dottedDigits = knowledge.MustFilter(`(\d)[.·](\d)`)
	shortDate    = knowledge.MustFilter(`^(\d{2})[./-](\d{1,2})[./-](\d{1,2})$`)
)

// modelAsWritten reads the answer to "what model is it?" keeping it as the customer wrote
// it, Chinese product names included: the part after a label ("冰箱门里面贴的：…") or
// lead-in ("型号是"), without trailing particles. false when the answer holds no letter or
// digit, is a phone number, or is a long sentence.
func modelAsWritten(text string) (string, bool) {
	t := strings.TrimSpace(normalizeText(text))
	if i := strings.LastIndexAny(t, ":："); i >= 0 {
		t = t[i+utf8.RuneLen(rune(t[i])):]
		if t != "" && t[0] >= 0x80 { // "：" is three bytes
			t = strings.TrimLeft(t, "：")
		}
	}
	t = modelLeadIn.ReplaceAllString(t, "")
	t = dropSaidBefore(t)
	if loc := otherFieldAfter.FindStringIndex(t); loc != nil && loc[0] > 0 {
		t = t[:loc[0]] // "65V8E 电话13312345678": the model ends where another field starts
	}
	if i := strings.IndexAny(t, "，,。!！?？"); i >= 0 {
		t = t[:i]
	}
	if loc := modelHedge.FindStringIndex(t); loc != nil {
		t = t[:loc[1]] // the model and its particle; what follows is another sentence
	}
	t = strings.TrimSpace(modelTrailer.ReplaceAllString(t, ""))
	m := modelRe.FindString(t)
	if m == "" || !strings.ContainsAny(m, "0123456789") && !hasLatinWord(m) || isPhoneLike(m) || runes(m) > 40 {
		return "", false
	}
	if hanCount(m) > 8 || strings.Contains(m, " ") && hanCount(m) > 5 {
		return "", false
	}
	if !strings.ContainsAny(m, "0123456789") && englishChatter.MatchString(m) {
		return "", false // "please quick", "I don't know": words, not a model
	}
	if quantityWritten.MatchString(m) {
		return "", false // "38度5", "3年2个月", "1米8": a measure, not a model
	}
	return strings.Join(strings.Fields(m), " "), true
}

// otherFieldAfter is another detail's label after a model: "电话…", "地址…", "序列号…".
var otherFieldAfter = knowledge.MustFilter(`\s*(电话|手机号|手机|号码|联系方式|地址|住址|序列号|购买|买的|发票|姓)`)

// quantityWritten is a number with a Chinese unit inside or after it: a temperature, an age,
// a length, a price.
var quantityWritten = knowledge.MustFilter(`[0-9](度|℃|年|个月|月|天|岁|米|厘米|公分|斤|公斤|块|元|小时|分钟|寸|升|瓦|匹)`)

// yearWritten reports a "model" of digits only that the answer writes as a year or an age:
// "卖家说是22年的机子", "用了3年", or a shopping festival ("今年618抢的").
func yearWritten(text, m string) bool {
	if dateWords.MatchString(m) {
		return true // "去年6" of "去年6月装的": a date, no product line
	}
	if strings.Trim(m, "0123456789") != "" {
		return false
	}
	if m == "618" || m == "1111" || m == "1212" {
		return true // "今年618抢的": the shopping festival, a date
	}
	i := strings.Index(text, m)
	return i >= 0 && strings.HasPrefix(strings.TrimLeft(text[i+len(m):], " "), "年")
}

// dateWords in a model read from an answer make it a date: "去年6", "今年3".
var dateWords = knowledge.MustFilter(`去年|今年|前年|明年|上个?月|这个?月|年初|年底|号|月份`)

// englishChatter are English words of the conversation, never part of a model without digits.
var englishChatter = knowledge.MustFilter(`(?i)\b(please|quick|quickly|hurry|help|know|don'?t|dont|sorry|hello|thanks?|what|where|which|baby|urgent|idk|not|have|no)\b`)

// saidBefore are characters that mark Chinese words before a model as the customer's own
// words, not part of the model: "俺看了 是JSQ25-13WN3S", "油烟机上面写CXW-260-27A5",
// "公司配的ThinkPad E14". A product line written before its number ("小新Pro16",
// "华为Mate60") has none of them.
const saidBefore = "是写看标印贴配叫示面下后牌的了着说查号"

// dropSaidBefore drops the customer's own words before the first letter or digit.
func dropSaidBefore(t string) string {
	i := strings.IndexFunc(t, func(r rune) bool { return r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) })
	if i <= 0 || !strings.ContainsAny(t[:i], saidBefore) {
		return t
	}
	return t[i:]
}

func hasLatinWord(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if isASCIILetter(s[i]) {
			n++
		}
	}
	return n >= 2
}

func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x2E80 {
			n++
		}
	}
	return n
}

// isPhoneLike reports an 11-digit mobile number.
func isPhoneLike(s string) bool {
	d := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		if r == ' ' || r == '-' {
			return -1
		}
		return 'x'
	}, s)
	return len(d) == 11 && d[0] == '1' && !strings.Contains(d, "x")
}

// plausibleSerial reports whether a token can be a serial number: long enough, with a digit,
// and not a phone number.
func plausibleSerial(s string) bool {
	return len(strings.ReplaceAll(s, "-", "")) >= 7 && strings.ContainsAny(s, "0123456789") && !isPhoneLike(s)
}

// compactDate prepares a purchase-date answer: "2025 年 3 月 8 日" without the spaces,
// "24.3.5" as "2024年3月5日".
// cueVagueAge is an answer to "when did you buy it?" that names no time: "好久了", "老早买的",
// "有年头了" (the years themselves, "好几年", are read by Extract).
var cueVagueAge = knowledge.MustFilter(`很久|好久|老早|早就买|有年头|年头了|好些年|好多年|很多年`)

// vagueAge reports an answer that says the product is old without a date.
func vagueAge(text string) bool { return cueVagueAge.MatchString(compact(normalizeText(text))) }

func compactDate(text string) string {
	t := strings.TrimSpace(normalizeText(text))
	if m := shortDate.FindStringSubmatch(t); m != nil {
		return "20" + m[1] + "年" + m[2] + "月" + m[3] + "日"
	}
	if strings.ContainsAny(t, "年月日号") {
		t = strings.ReplaceAll(t, " ", "")
	}
	return t
}

// extendedLength reads the length of an extended warranty: "延保三年", "买了两年延保",
// "18个月延保", "延保一年半".
var extendedLength = knowledge.MustFilter(`([0-9零一二两三四五六七八九十]+)(年半|年|个月|月)`)

// distanceToWarranty is how many bytes separate t[start:end] from the nearest mention of
// an extended warranty in t.
func distanceToWarranty(t string, start, end int) int {
	best := len(t)
	for _, name := range []string{"延保", "延长保修", "延長保修"} {
		for i := 0; ; {
			j := strings.Index(t[i:], name)
			if j < 0 {
				break
			}
			at := i + j
			switch {
			case at >= end:
				best = min(best, at-end)
			case at+len(name) <= start:
				best = min(best, start-(at+len(name)))
			default:
				best = 0
			}
			i = at + len(name)
		}
	}
	return best
}

// warrantyClauses are the clauses of t that name the extended warranty, where a denial of it
// stands: "买了三年延保" of "联想小新 前年买的 买了三年延保 开不了机".
func warrantyClauses(t string) string {
	var kept []string
	for _, cl := range strings.FieldsFunc(t, func(r rune) bool { return strings.ContainsRune(" ,，。;；!！", r) }) {
		if strings.Contains(cl, "延保") || strings.Contains(cl, "延长保修") || strings.Contains(cl, "延長保修") {
			kept = append(kept, cl)
		}
	}
	if len(kept) == 0 {
		return t
	}
	return strings.Join(kept, " ")
}

// extendedTotal is a warranty's whole length told from the purchase: "一共保五年", "总共包
// 5年", "整机保五年", "保修加起来五年", "延保到第五年", "保到5年".
var extendedTotal = knowledge.MustFilter(`(?:(?:一共|总共|共|合计|加起来|加一起|整机)(?:是|能|可以)?(?:保修?|包修?|质保)了?|(?:延保|保修|保|包|质保)到第?)([0-9零一二两三四五六七八九十]+)(年半|年|个月)`)

// extendedUntil is an extended warranty told by the day it ends: "延保到2029年6月", "延保到29年底".
var extendedUntil = knowledge.MustFilter(`(延保|延长保修|保修|质保)[^0-9零一二三四五六七八九]{0,3}(到|至)[ ]?(20)?[0-9]{2}(年|-|/|\.|$)`)

// coverUntil is a cover's end told in answer to the extended-warranty question, which
// names what is covered: "延保卡上写着保到2029年", "包到28年底".
var coverUntil = knowledge.MustFilter(`(保|包)修?(到|至)[ ]?(20)?[0-9]{2}(年|-|/|\.|$)`)

// ParseExtendedTotal reads a warranty told as its whole length from the purchase, the
// standard period included ("加了三年延保，一共保五年" is 60 months in all, not 36 added);
// ok only when such a total is told and not denied.
func ParseExtendedTotal(text string) (int, bool) {
	t := normalizeText(text)
	m := extendedTotal.FindStringSubmatchIndex(t)
	if m == nil {
		return 0, false
	}
	if _, ok := precededBy(setNegations, t, m[0], 3); ok {
		return 0, false
	}
	n, end, _, ok := readCount(t[m[2]:m[3]], 0)
	if !ok || end != m[3]-m[2] || n <= 0 || n > 120 {
		return 0, false
	}
	switch t[m[4]:m[5]] {
	case "年":
		return n * 12, true
	case "年半":
		return n*12 + 6, true
	}
	return n, true
}

// ParseExtendedMonths reads an answer that gives the extended warranty's length; ok only
// when the answer speaks of an extended warranty (延保, 延长保修) and is not a denial.
func ParseExtendedMonths(text string) (int, bool) {
	t := normalizeText(text)
	if !strings.Contains(t, "延保") && !strings.Contains(t, "延长保修") && !strings.Contains(t, "延長保修") {
		return 0, false
	}
	if i := strings.Index(t, "不是"); i > 0 && extendedLength.MatchString(t[:i]) {
		t = t[:i] // a correction: "延保是3年的不是24个月" tells three years
	}
	if yes, ok := ParseYesNo(warrantyClauses(t)); ok && !yes {
		return 0, false // "没买延保"; "买了三年延保 开不了机" denies nothing of the warranty
	}
	// The length is the one told nearest the warranty's name: in "买了两年了 不过当时买了3年延保"
	// two years is the machine's age and three the warranty's.
	var m []string
	best := len(t) + 1
	for _, loc := range extendedLength.FindAllStringSubmatchIndex(t, -1) {
		if d := distanceToWarranty(t, loc[0], loc[1]); d < best {
			best, m = d, []string{t[loc[0]:loc[1]], t[loc[2]:loc[3]], t[loc[4]:loc[5]]}
		}
	}
	if m == nil {
		return 0, false
	}
	n, end, _, ok := readCount(m[1], 0)
	if !ok || end != len(m[1]) || n <= 0 || n > 120 {
		return 0, false
	}
	switch m[2] {
	case "年":
		return n * 12, true
	case "年半":
		return n*12 + 6, true
	}
	return n, true
}

// asksInstead reports a reply to a yes-or-no question that asks something of its own and opens
// with no yes or no: "可以直接寄修吗 帮我登记" to "did you buy an extended warranty?".
func asksInstead(text string) bool {
	t := compact(normalizeText(text))
	return cueQuestion.MatchString(t) && !leadingYesNo.MatchString(t)
}

var leadingYesNo = knowledge.MustFilter(`^(有|没|无|冇|木有|米有|买了|买过|没买|不|否|是|对|嗯|恩|yes|no)`)

// serialCue names the serial number in a reply: "序列号是…吗" still gives one.
var serialCue = knowledge.MustFilter(`(?i)序列号|sn|s/n|串号|机身码|条码`)
