package bot

import (
	"strings"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
)

// A brand corrected before filing, to a brand no list may know: "不是极米，是当贝的" at the
// model question, "牌子说错了 是小度的" during a check, "不对不对 是个杂牌子 叫威斯汀". The
// brand as told replaces the case's, is confirmed in one line, and the pending question is
// asked again.

var (
	// cueBrandWrong says the brand was told wrongly: "牌子说错了", "品牌写错咗", "牌子不对".
	cueBrandWrong = knowledge.MustFilter(`(牌子|品牌|牌)(说|写|记|搞|弄|打|讲|填|选)?(错|唔啱|不对)(了|咗|啦)?|(说|写|记|搞|弄|讲)错(了|咗|啦)?[，, ]*(牌子|品牌)`)
	// brandDenied is "不是X，是Y的": the old brand denied, the new one told.
	brandDenied = knowledge.MustFilter(`(不是|唔系|勿是)([\p{Han}A-Za-z]{2,8}?)(的|牌的|牌子)?[，,、 ]*(而)?(是|系)`)
	// brandNotAfter tells the brand meant, then denies the one recorded: "讲错了 是美的 不是格力".
	brandNotAfter = knowledge.MustFilter(`(?:^|[ ,，。!！]|错了|错咗|错啦)是([\p{Han}A-Za-z]{2,8}?)(?:牌子的|牌的|的|牌)?[ ,，、]*(?:不是|唔系|勿是)([\p{Han}A-Za-z]{2,8}?)(?:牌子的|牌的|的|牌)?(?:$|[ ,，。!！])`)
	// brandToldAs is the brand after the cue: "是小度的", "叫威斯汀", "是个杂牌子 叫威斯汀".
	brandToldAs  = knowledge.MustFilter(`(是|系|叫|叫做|牌子是|品牌是)(个|一个)?(杂牌子?|小牌子?|山寨的?)?[，,、 ]*(叫|叫做|牌子叫)?([\p{Han}A-Za-z][\p{Han}A-Za-z0-9]{1,7}?)(的|牌的|牌子|牌)?($|[，,。!！?？ ])`)
	cueJunkBrand = knowledge.MustFilter(`杂牌|小牌子|山寨`)
	// brandNotRight opens a correction with a denial alone: "不对不对 是个杂牌子".
	brandNotRight = knowledge.MustFilter(`^(不对|不是|错了)+[，, ]*`)
	// toldBrandNot are the characters no brand told after "是"/"叫" has ("是我家的", "是在
	// 京东"), but for 小, 大, 新 and 老, which brands have (小度, 大金, 新飞, 老板).
	toldBrandNot = strings.Map(func(r rune) rune {
		if strings.ContainsRune("小大新老", r) {
			return -1
		}
		return r
	}, notBrandRunes+placeRunes)
)

// correctedBrand returns the brand a message corrects the case's to, or "".
func (d *Dialog) correctedBrand(t *step) string {
	c, lx := t.c, d.lexicon()
	canon := strings.TrimSpace(t.u.Canon)
	text := compact(canon)
	var tail string
	if m := brandNotAfter.FindStringSubmatch(canon); m != nil && c.Case.Brand != "" {
		// "讲错了 是美的 不是格力 屋里空调才是格力": the brand meant, then the case's denied
		if old := Extract(m[2], t.in.At, lx); strings.Contains(m[2], c.Case.Brand) || old.Brand == c.Case.Brand {
			if b := Extract(m[1], t.in.At, lx).Brand; b != "" && b != c.Case.Brand {
				return b
			}
			if brandWordOK(m[1], t.in.At, lx) {
				return m[1]
			}
		}
	}
	if m := brandDenied.FindStringSubmatchIndex(canon); m != nil {
		old := canon[m[4]:m[5]]
		oldF := Extract(old, t.in.At, lx)
		if oldF.Category != "" && oldF.Brand == "" {
			return "" // "不是冰箱，是冰柜": the product, not the brand
		}
		// the case's brand, a brand the lists know, or (none known) a name like one: "不是极米"
		unknown := c.Case.Brand == "" && oldF == (Facts{}) && !strings.ContainsAny(old, notBrandRunes+placeRunes)
		if !(c.Case.Brand != "" && (strings.Contains(old, c.Case.Brand) || oldF.Brand == c.Case.Brand) || oldF.Brand != "" || unknown || cueBrandWrong.MatchString(text)) {
			return ""
		}
		tail = "是" + canon[m[1]:]
	} else if loc := cueBrandWrong.FindStringIndex(canon); loc != nil {
		tail = canon[loc[1]:]
	} else if c.Case.Brand != "" && brandNotRight.MatchString(canon) && cueJunkBrand.MatchString(text) {
		tail = canon // "不对不对 是个杂牌子 叫威斯汀"
	} else {
		return ""
	}
	told := Extract(tail, t.in.At, lx)
	if told.Product != "" || told.Category != "" && told.Brand == "" || told.Phone.Number != "" || told.Address != "" {
		return "" // another product, or a contact told after "不对"
	}
	if told.Brand != "" {
		return told.Brand
	}
	for _, m := range brandToldAs.FindAllStringSubmatch(tail, -1) {
		w := strings.TrimSuffix(m[5], "牌")
		if w == "" || strings.ContainsAny(w, toldBrandNot) || reduplicated(w) || cueJunkBrand.MatchString(w) || Extract(w, t.in.At, lx) != (Facts{}) {
			continue
		}
		return w
	}
	return ""
}

// brandCorrection takes a brand corrected before filing (see above): replaced, confirmed,
// the pending question asked again.
func (d *Dialog) brandCorrection(t *step) bool {
	c := t.c
	if c.Ticket != "" || len(t.u.Hazards) > 0 || t.u.Suspect != "" || c.Case.Category == "" {
		return false
	}
	f := t.u.Facts
	f.Brand, f.Category, f.Product = "", "", ""
	if f != (Facts{}) || beforeCorrection(t.u.Canon) != "" {
		return false // "姓赵，赵大刚。哦对了…不是海尔，是容声的": the correction with the rest, as one
	}
	brand := d.correctedBrand(t)
	if brand == "" || brand == c.Case.Brand {
		return false
	}
	c.Case.Brand = brand
	t.sayKey("bot.corrected", "changes", catalog.T("bot.slot."+string(SlotBrand))+" "+brand)
	switch {
	case c.State == StateConfirm || c.State == StateEdit:
		d.summary(t)
	case c.State == StateCollect && c.Asking == SlotBrand:
		d.advance(t)
	default:
		d.reask(t)
	}
	return true
}
