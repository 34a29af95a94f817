package bot

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/wxintake/intake/catalog"
)

// A photo is read after the turn that received it (the service feeds the reading back as
// an Inbound of KindPhoto). What it read is offered for a one-word confirmation, and only
// "对" puts it into the case: a value the customer typed is never replaced without that
// answer, and the question says which value it would replace. Photos stay on the case
// either way. An unreadable photo gets one hint per case.

// onPhotoRead offers what a photo showed, or hints once when it showed nothing.
func (d *Dialog) onPhotoRead(t *step) {
	c := t.c
	if t.in.Photo == nil || !slices.Contains(c.Case.Photos, t.in.MediaID) {
		return // a photo of an earlier case
	}
	if c.Paused || c.State == StateHuman || !c.State.inProgress() || c.State == StateVisit {
		return // a person is chatting, or the case is filed: staff see the photo on it
	}
	r := ReadPhoto(d.lexicon(), c.Case.Brand, *t.in.Photo)
	r.Media = t.in.MediaID
	if r.Empty() {
		if c.Case.PhotoHinted || c.Photo != nil {
			return
		}
		c.Case.PhotoHinted = true
		key := "bot.photo.unreadable"
		if !t.in.Photo.OCR {
			key = "bot.photo.unreadable_codes" // barcodes only: the text is for staff
		}
		t.sayKey(key)
		d.reask(t)
		return
	}
	if c.Photo != nil && c.Photo.Media != r.Media {
		r = mergeReading(*c.Photo, r) // a second photo before the answer: one question
	}
	offer := d.photoOffer(&c.Case, r)
	if offer.Empty() {
		// Everything agrees with what the customer typed: the photo backs it.
		c.Case.Evidence = appendEvidence(c.Case.Evidence, evidenceOf(r)...)
		return
	}
	c.Photo = &offer
	t.sayKey("bot.photo.offer", "what", d.photoLine(&c.Case, offer))
}

// photoOffer keeps of r the facts that would change the case.
func (d *Dialog) photoOffer(c *Case, r PhotoReading) PhotoReading {
	if r.Model != "" && strings.EqualFold(r.Model, c.Model) {
		r.Model = ""
	}
	if r.Serial != "" && strings.EqualFold(r.Serial, c.Serial) {
		r.Serial = ""
	}
	if r.Made == c.Made {
		r.Made = Date{}
	}
	if !r.Bought.IsZero() && r.Bought == c.PurchaseDate && (r.Channel == "" || r.Channel == c.Channel) {
		r.Bought, r.Channel = Date{}, ""
	}
	if r.Bought.IsZero() && r.Channel == c.Channel {
		r.Channel = ""
	}
	return r
}

// mergeReading adds the facts of newer to older's; newer wins where both have one.
func mergeReading(older, newer PhotoReading) PhotoReading {
	out := older
	out.Media = newer.Media
	if newer.Source != "" {
		out.Source = newer.Source
	}
	out.Brand = first(newer.Brand, older.Brand)
	out.Model = first(newer.Model, older.Model)
	out.Serial = first(newer.Serial, older.Serial)
	if !newer.Made.IsZero() {
		out.Made = newer.Made
	}
	if !newer.Bought.IsZero() {
		out.Bought, out.Channel = newer.Bought, newer.Channel
	}
	return out
}

// photoLine lists an offer: 型号 KFR-35GW/N8MXA3、购买日期 2025-06-18（京东）, with the
// customer's own value beside any it would replace.
func (d *Dialog) photoLine(c *Case, r PhotoReading) string {
	var parts []string
	add := func(key, value, typed string) {
		p := catalog.T(key, "value", value)
		if typed != "" {
			p += catalog.T("bot.photo.typed", "value", typed)
		}
		parts = append(parts, p)
	}
	if r.Model != "" {
		add("bot.photo.field.model", r.Model, c.Model)
	}
	if r.Serial != "" {
		add("bot.photo.field.serial", r.Serial, c.Serial)
	}
	if !r.Bought.IsZero() {
		v := r.Bought.String()
		if r.Channel != "" {
			v += catalog.T("bot.photo.channel", "channel", string(r.Channel))
		}
		typed := ""
		if !c.PurchaseDate.IsZero() && c.PurchaseDate != r.Bought {
			typed = c.PurchaseDate.String()
		}
		if c.Channel != "" && r.Channel != "" && c.Channel != r.Channel {
			if typed == "" {
				typed = string(c.Channel)
			} else {
				typed += catalog.T("bot.photo.channel", "channel", string(c.Channel))
			}
		}
		add("bot.photo.field.bought", v, typed)
	} else if r.Channel != "" {
		add("bot.photo.field.channel", string(r.Channel), string(c.Channel))
	}
	if !r.Made.IsZero() {
		add("bot.photo.field.made", r.Made.String(), "")
	}
	return strings.Join(parts, "、")
}

// photoAnswer takes the answer to the photo's question. Anything but a short yes or no
// lets the offer go and the message is read as usual.
func (d *Dialog) photoAnswer(t *step, text string) bool {
	c := t.c
	if c.Photo == nil {
		return false
	}
	offer := *c.Photo
	c.Photo = nil
	if utf8.RuneCountInString(text) > 6 || c.State == StateHuman {
		return false
	}
	yes, ok := photoYesNo[strings.ToLower(strings.Trim(normalizeText(text), clauseBreaks+" .!?~"))]
	if !ok {
		return false
	}
	if !yes {
		t.sayKey("bot.photo.rejected")
		d.reask(t)
		return true
	}
	d.fillFromPhoto(&c.Case, offer)
	t.sayKey("bot.photo.filled")
	d.reask(t) // asks the next question when the pending one is now answered
	return true
}

// photoYesNo are the one-word answers to the photo's question; anything longer is a
// message of its own ("不制冷" is no "不").
var photoYesNo = map[string]bool{
	"1": true, "对": true, "对的": true, "是": true, "是的": true, "没错": true, "正确": true, "嗯": true,
	"好": true, "好的": true, "可以": true, "ok": true, "yes": true, "y": true, "对了": true, "没问题": true,
	"2": false, "不对": false, "不是": false, "错": false, "错了": false, "不正确": false, "no": false, "n": false,
	"不": false, "否": false,
}

// fillFromPhoto puts a confirmed reading into the case, with its evidence.
func (d *Dialog) fillFromPhoto(c *Case, r PhotoReading) {
	if r.Model != "" {
		c.Model, c.ModelUnknown = r.Model, false
		if c.Brand == "" && r.Brand != "" {
			c.Brand = r.Brand
		}
	}
	if r.Serial != "" {
		c.Serial, c.SerialUnknown = r.Serial, false
	}
	if !r.Bought.IsZero() {
		c.PurchaseDate, c.PurchaseApprox, c.PurchaseUnknown = r.Bought, false, false
	}
	if r.Channel != "" {
		c.Channel = r.Channel
	}
	if !r.Made.IsZero() {
		c.Made = r.Made
	}
	c.Evidence = appendEvidence(c.Evidence, evidenceOf(r)...)
}

// evidenceOf lists the facts of r as evidence. A purchase date is evidence only from an
// order or invoice; a production date becomes the 三包 start's evidence (plus 90 days,
// 待核实) when there is no purchase date, which the ticket decides (effects).
func evidenceOf(r PhotoReading) []Evidence {
	var out []Evidence
	add := func(f Slot, v string, verify bool) {
		if v != "" {
			out = append(out, Evidence{Field: f, Value: v, Media: r.Media, Source: r.Source, Verify: verify})
		}
	}
	add(SlotModel, r.Model, false)
	add(SlotSerial, r.Serial, false)
	if !r.Bought.IsZero() {
		add(SlotPurchase, r.Bought.String(), false)
	}
	add(SlotChannel, string(r.Channel), false)
	if !r.Made.IsZero() {
		add(SlotMade, r.Made.String(), false)
	}
	return out
}

// appendEvidence adds evidence, replacing an older piece for the same field.
func appendEvidence(have []Evidence, more ...Evidence) []Evidence {
	for _, e := range more {
		have = slices.DeleteFunc(have, func(h Evidence) bool { return h.Field == e.Field })
		have = append(have, e)
	}
	return have
}
