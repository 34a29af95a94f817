package bot

import (
	"time"

	"github.com/wxintake/intake/knowledge"
)

// How the extractors read a message. Each extractor scans the normalised text for the words
// of its own lists (lexicon_words.go, or the Lexicon for products) and marks the part of
// the text it read as a span. They run in a fixed order, and each skips the spans marked
// before it: a serial number ("序列号1234567890123") is read before phone numbers, so its
// digits are never a phone; a phone number ("手机号…") before products, so "手机" there is
// not the category; a model ("KFR-35GW") before dates and error codes. The symptom comes
// last: it is what remains of the clauses that hold a fault word once the other facts'
// spans are cut away. Clauses, split at Chinese and Latin punctuation, bound most searches:
// "买" makes a date the purchase date only in the date's own clause.

// Facts is what one customer message said about the case. Every field is optional: its zero
// value means the message did not say. Extract fills as many as the message allows, so
// "美的空调KFR-35GW去年6月京东买的，今天突然不制冷，显示E1" fills seven at once and the bot
// asks only for the rest.
type Facts struct {
	Category string `json:"cat,omitempty"`     // category ID from the Lexicon, or OtherCategory
	Product  string `json:"product,omitempty"` // the product as the customer named it, when Category is OtherCategory
	Brand    string `json:"brand,omitempty"`   // canonical brand name from the Lexicon
	Model    string `json:"model,omitempty"`   // model number, ASCII upper-cased, single spaces

	PurchaseDate   Date `json:"bought,omitzero"`
	PurchaseApprox bool `json:"bought_approx,omitempty"` // "大概", "三个月前", "刚买": not to the day
	// PurchaseVague is an age told without a number that means many years ("好几年了",
	// "用了好些年"): no date is read from it, and the warranty is left to be checked.
	PurchaseVague bool `json:"bought_vague,omitempty"`
	// Delivered is the day the product reached the customer (delivered, signed for,
	// installed), told to the day: the 三包 return and exchange days count from it.
	Delivered Date `json:"delivered,omitzero"`

	Serial        string `json:"serial,omitempty"`
	SerialUnknown bool   `json:"serial_unknown,omitempty"` // "序列号找不到"

	Channel          Channel `json:"channel,omitempty"`
	ExtendedWarranty YesNo   `json:"ext_warranty,omitempty"`
	ExtendedMonths   int     `json:"ext_months,omitempty"` // the extended warranty's length when said: "延保三年" is 36
	// ExtendedTotal: ExtendedMonths is the whole cover from the purchase, standard period
	// included ("一共保五年", "整机包五年", "延保到第五年"), not months added to it.
	ExtendedTotal bool `json:"ext_total,omitempty"`

	Symptom   string `json:"symptom,omitempty"`    // the customer's words for the fault
	ErrorCode string `json:"error_code,omitempty"` // "E1", "F3", "UNB": upper-case

	StartedAt     Date   `json:"started,omitzero"`         // when the fault began, when a day can be named
	StartedPhrase string `json:"started_phrase,omitempty"` // the customer's words: "昨天", "一直"
	StartedApprox bool   `json:"started_approx,omitempty"`

	Trigger Trigger `json:"trigger,omitempty"` // likely cause

	Name        string `json:"name,omitempty"`
	NameSurname bool   `json:"name_surname,omitempty"` // Name is a surname, maybe with a title: "王", "王先生"

	Phone    Phone `json:"phone,omitzero"`
	PhoneErr error `json:"-"` // a number was given but is not valid (one of the ErrPhone… errors)
	// OtherPhone is a second number told with the one kept, in the customer's words ("我的电话
	// 13600001111" beside "租客电话…，上门请联系租客"): a note for staff, never dropped.
	OtherPhone string `json:"other_phone,omitempty"`

	// Fuel is what the appliance runs on when the customer says so (FuelGas: "燃气壁挂炉",
	// "是燃气的"; FuelElectric: "电热水器"): the self-service steps that fit it. Gas, once
	// said, stays: a gas appliance never gets an electric one's steps.
	Fuel string `json:"fuel,omitempty"`

	// Also is a second appliance told with its own trouble, in the customer's words ("冰箱也不太
	// 冷"): filed after this one, never mixed into it.
	Also string `json:"also,omitempty"`

	Address string `json:"address,omitempty"`
	Region  string `json:"region,omitempty"` // province-level division: "北京", "广东"
	City    string `json:"city,omitempty"`   // city when recognised: "深圳"; the municipality for 北京 etc.
}

// Merge returns f with every field that newer sets replaced by newer's value, so a later
// message can correct an earlier one ("不对，是格力").
func (f Facts) Merge(newer Facts) Facts {
	set := func(dst *string, v string) {
		if v != "" {
			*dst = v
		}
	}
	if newer.Category != "" {
		f.Category, f.Product = newer.Category, newer.Product
	}
	set(&f.Brand, newer.Brand)
	set(&f.Model, newer.Model)
	if !newer.PurchaseDate.IsZero() {
		f.PurchaseDate, f.PurchaseApprox, f.PurchaseVague = newer.PurchaseDate, newer.PurchaseApprox, false
	} else if newer.PurchaseVague && f.PurchaseDate.IsZero() {
		f.PurchaseVague = true
	}
	if !newer.Delivered.IsZero() {
		f.Delivered = newer.Delivered
	} else if p := newer.PurchaseDate; !p.IsZero() && !f.Delivered.IsZero() && (f.Delivered.Start(time.UTC).Before(p.Start(time.UTC)) ||
		f.Delivered.Start(time.UTC).After(p.Start(time.UTC).AddDate(0, 3, 0))) {
		f.Delivered = Date{} // "不对 是去年买的": a delivery day that story cannot have
	}
	if newer.Serial != "" || newer.SerialUnknown {
		f.Serial, f.SerialUnknown = newer.Serial, newer.SerialUnknown
	}
	if newer.Channel != "" {
		f.Channel = newer.Channel
	}
	if newer.ExtendedWarranty != YesNoUnset {
		months, total := newer.ExtendedMonths, newer.ExtendedTotal
		if months == 0 && newer.ExtendedWarranty == YesNoYes && f.ExtendedWarranty == YesNoYes {
			months, total = f.ExtendedMonths, f.ExtendedTotal // "有延保的" again keeps the length told before
		}
		f.ExtendedWarranty, f.ExtendedMonths, f.ExtendedTotal = newer.ExtendedWarranty, months, total
	}
	set(&f.Symptom, newer.Symptom)
	set(&f.ErrorCode, newer.ErrorCode)
	if newer.StartedPhrase != "" {
		f.StartedAt, f.StartedPhrase, f.StartedApprox = newer.StartedAt, newer.StartedPhrase, newer.StartedApprox
	}
	if newer.Trigger != "" {
		f.Trigger = newer.Trigger
	}
	if newer.Name != "" {
		f.Name, f.NameSurname = newer.Name, newer.NameSurname
	}
	if !newer.Phone.IsZero() {
		f.Phone, f.PhoneErr = newer.Phone, nil
	} else if newer.PhoneErr != nil && f.Phone.IsZero() {
		f.PhoneErr = newer.PhoneErr
	}
	set(&f.Also, newer.Also)
	set(&f.OtherPhone, newer.OtherPhone)
	if newer.Fuel != "" && f.Fuel != FuelGas {
		f.Fuel = newer.Fuel
	}
	if newer.Address != "" {
		f.Address, f.Region, f.City = newer.Address, newer.Region, newer.City
	}
	return f
}

// Extract reads every fact it can from one customer message. now is the time the message
// was sent, in the customer's time zone (Asia/Shanghai): relative dates ("去年6月", "三天前")
// count from it, and a date after it is never a purchase date. lx supplies the product
// vocabulary; with a nil lx no category, brand or model is recognised by name.
//
// Extract is pure and cheap (a few microseconds for a typical message); it never fails:
// what it cannot read stays zero.
func Extract(text string, now time.Time, lx *Lexicon) Facts {
	return extract(text, now, lx, false)
}

// LooseSymptom is the symptom of a message whose fault is told in words no list knows
// ("出水越来越小 滴答滴答的"): the customer's own clauses, less the parts read as other facts
// (product, brand, model, dates, contacts), in their own wording. "" when nothing is left.
func LooseSymptom(text string, now time.Time, lx *Lexicon) string {
	f := extract(text, now, lx, true)
	return f.Symptom
}

func extract(text string, now time.Time, lx *Lexicon, loose bool) Facts {
	f, _ := extractGuess(text, now, lx, loose)
	return f
}

// extractGuess is extract, also reporting a category the message did not name: its brand or
// model suggested it.
func extractGuess(text string, now time.Time, lx *Lexicon, loose bool) (f Facts, guessed bool) {
	var x extraction
	x.init(text)
	x.lx = lx
	x.loose = loose
	x.ticketRef()
	x.serial()
	x.phone()
	x.products(lx)
	x.otherProduct()
	x.settleDenied(lx)
	x.alsoProduct(lx)
	x.model(lx)
	x.writtenBrand()
	x.partHint(lx)
	x.brandCategory(lx)
	x.namedByForm()
	x.otherBrand()
	x.saidBrand()
	x.brandAfterProduct()
	x.fuel()
	x.address()
	x.name()
	x.dates(now)
	x.channel()
	x.warranty()
	x.errorCode()
	x.trigger()
	x.symptom()
	return x.f, x.f.Category != "" && x.catGuessed && !x.hasSpan(spanCategory)
}

// hasSpan reports whether a span of the kind was read.
func (x *extraction) hasSpan(kind spanKind) bool {
	for _, sp := range x.spans[:x.n] {
		if sp.kind == kind {
			return true
		}
	}
	return false
}

const (
	spanCategory spanKind = iota + 1
	spanBrand
	spanModel
	spanSerial
	spanPhone
	spanAddress
	spanName
	spanPurchase
	spanStarted
	spanChannel
	spanWarranty
	spanErrorCode
	spanTrigger
	spanAlso
	spanTicket
)

// The fuels of Facts.Fuel.
const (
	FuelGas      = knowledge.FuelGas
	FuelElectric = knowledge.FuelElectric
)

// cueGas and cueElectric name what an appliance runs on: "燃气壁挂炉", "天然气的", "电热水器",
// a gas heater's model.
var (
	// JSQ and JSG begin the model of every gas water heater sold in China (GB 6932): "万和
	// JSQ25-13ET16 不出热水" is a gas heater
	cueGas      = knowledge.MustGate(`燃气|煤气|天然气|液化气|壁挂炉|燃热|瓦斯|石油气|JSQ\d|jsq\d|JSG\d|jsg\d`)
	cueElectric = knowledge.MustGate(`电热水器|储水式|电加热|电热的|插电的|是电的|用电的`)
)

// fuel reads what the appliance runs on; gas wins when both are said.
func (x *extraction) fuel() {
	switch {
	case cueGas.MatchString(x.s):
		x.f.Fuel = FuelGas
	case cueElectric.MatchString(x.s):
		x.f.Fuel = FuelElectric
	}
}

// brandCategory names the product by its brand when the brand makes only one kind of the
// products known ("华硕 FA507NV 开不了机" is a laptop) and nothing else names it.
func (x *extraction) brandCategory(lx *Lexicon) {
	if lx == nil || x.f.Category != "" || x.f.Brand == "" || x.deniedCat >= 0 {
		return
	}
	if cats := lx.BrandCategories(x.f.Brand); len(cats) == 1 {
		x.f.Category, x.catGuessed = cats[0], true
	}
}
