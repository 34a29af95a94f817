package bot

import (
	"errors"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/wxintake/intake/catalog"
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
		return c.PurchaseDate.IsZero() && !c.PurchaseUnknown
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
		c.Category, c.Brand = "", ""
	case SlotSymptom:
		c.Symptom, c.ErrorCode = "", ""
	case SlotBrand:
		c.Brand = ""
	case SlotModel:
		c.Model, c.ModelUnknown = "", false
	case SlotPurchase:
		c.PurchaseDate, c.PurchaseApprox, c.PurchaseUnknown = Date{}, false, false
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
func (d *Dialog) answer(c *Case, s Slot, text string, now time.Time) (ok bool, retryKey string) {
	lx := d.lexicon()
	switch s {
	case SlotCategory:
		if i, ok := choice(text, len(lx.categories)); ok {
			c.Category = lx.categories[i].id
			return true, ""
		}
		if f := Extract(text, now, lx); f.Category != "" {
			c.Category = f.Category
			if c.Brand == "" {
				c.Brand = f.Brand
			}
			return true, ""
		}
	case SlotSymptom:
		if utf8.RuneCountInString(strings.TrimSpace(text)) < 2 {
			return false, ""
		}
		if sym := ParseSymptom(text, now, lx); sym != "" {
			c.Symptom = sym
		}
		if f := Extract(text, now, lx); f.ErrorCode != "" {
			c.ErrorCode = f.ErrorCode
		}
		return !c.missing(SlotSymptom), ""
	case SlotBrand:
		brands := d.brands(c.Category)
		if i, ok := choice(text, len(brands)+1); ok {
			if i == len(brands) { // 其他: ask them to type it
				return false, "bot.ask.brand.other"
			}
			c.Brand = brands[i]
			return true, ""
		}
		if f := Extract(text, now, lx); f.Brand != "" {
			c.Brand = f.Brand
			return true, ""
		}
		// A brand the knowledge base does not know yet: a short answer that says nothing
		// else the extractor understands ("去年" is a date, "李女士" a name).
		if t := strings.TrimSpace(text); utf8.RuneCountInString(t) >= 2 && utf8.RuneCountInString(t) <= 8 &&
			!isUnknown(t) && !isFiller(t) && !strings.ContainsAny(t, "0123456789") && Extract(t, now, lx) == (Facts{}) {
			c.Brand = t
			return true, ""
		}
	case SlotModel:
		if isUnknown(text) {
			c.ModelUnknown = true
			return true, ""
		}
		if m, ok := ParseModel(text, lx); ok {
			c.Model = m
			return true, ""
		}
	case SlotPurchase:
		if isUnknown(text) {
			c.PurchaseUnknown = true
			return true, ""
		}
		if dt, approx, ok := ParsePurchaseDate(text, now); ok {
			c.PurchaseDate, c.PurchaseApprox = dt, approx
			return true, ""
		}
	case SlotSerial:
		serial, unknown, err := ParseSerial(text, lx.SerialPattern(c.Brand))
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
		if i, ok := choice(text, len(channelChoices)); ok {
			c.Channel = channelChoices[i]
			return true, ""
		}
		if ch, ok := ParseChannel(text); ok {
			c.Channel = ch
			return true, ""
		}
	case SlotWarranty:
		if yes, ok := ParseYesNo(text); ok {
			c.ExtendedWarranty = YesNoNo
			if yes {
				c.ExtendedWarranty = YesNoYes
			}
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
		if t := strings.TrimSpace(text); utf8.RuneCountInString(t) >= 2 && utf8.RuneCountInString(t) <= 20 {
			c.StartedPhrase = t
			return true, ""
		}
	case SlotTrigger:
		if i, ok := choice(text, len(triggerChoices)); ok {
			c.Trigger = triggerChoices[i]
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
	case SlotPhone:
		p, err := ParsePhone(text)
		if err == nil {
			c.Phone, c.PhoneErr = p, nil
			return true, ""
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
		names := make([]string, len(d.lexicon().categories))
		for i, cat := range d.lexicon().categories {
			names[i] = cat.name
		}
		return catalog.T("bot.ask.category", "options", numbered(names))
	case SlotBrand:
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
	return catalog.T("bot.ask." + string(s))
}

// show renders the answer for slot s in the confirmation summary.
func (d *Dialog) show(c *Case, s Slot) string {
	unknown := catalog.T("bot.value.unknown")
	switch s {
	case SlotCategory:
		return d.lexicon().CategoryName(c.Category)
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
		if c.PurchaseUnknown {
			return unknown
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
	if err != nil || k < 1 || k > n {
		return 0, false
	}
	return k - 1, true
}

// isUnknown reports answers that mean "I don't know / can't find it".
func isUnknown(text string) bool {
	t := strings.Trim(normalizeText(text), clauseBreaks+" .啊呀哦了")
	for _, w := range dontKnowAnswers {
		if t == w {
			return true
		}
	}
	return false
}

var dontKnowAnswers = []string{"不知道", "不清楚", "不记得", "忘了", "记不清", "记不得", "找不到", "没有", "没", "不晓得", "不确定", "看不到", "看不清", "不懂", "不会看", "无", "跳过"}

// isFiller reports answers made only of interjections ("嗯嗯", "啊啊啊", "哈哈").
func isFiller(text string) bool {
	for _, r := range text {
		if !strings.ContainsRune("嗯啊哦呃额唔哈呀吧了的呵嘿哎噢喔诶欸～~ ", r) {
			return false
		}
	}
	return true
}
