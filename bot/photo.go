package bot

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/wxintake/intake/knowledge"
)

// PhotoCode is one barcode or QR code read from a photo.
type PhotoCode struct {
	Format string `json:"f"` // gozxing's name: CODE_128, EAN_13, QR_CODE, DATA_MATRIX
	Text   string `json:"t"`
}

// PhotoText is what the service read in a photo the customer sent, uninterpreted: the
// codes, and the printed lines when OCR ran. ReadPhoto finds the case's facts in it.
type PhotoText struct {
	Codes  []PhotoCode `json:"codes,omitempty"`
	Lines  []string    `json:"lines,omitempty"`
	OCR    bool        `json:"ocr,omitempty"`    // text was read, not only codes
	Failed bool        `json:"failed,omitempty"` // the file could not be read at all
}

// PhotoSource is the kind of document a photo showed, which says how far its facts are
// evidence: an order or invoice proves the purchase date, a nameplate the model and the
// production date, a sticker the serial.
type PhotoSource string

// The sources of a photo's facts.
const (
	SourceLabel     PhotoSource = "label"     // a barcode or QR sticker
	SourceNameplate PhotoSource = "nameplate" // the printed nameplate of the product
	SourceOrder     PhotoSource = "order"     // an online shop's order (screenshot)
	SourceInvoice   PhotoSource = "invoice"   // an invoice (发票)
)

// PhotoReading is what the facts of one photo are.
type PhotoReading struct {
	Media   string      `json:"m"`
	Source  PhotoSource `json:"src,omitempty"`
	Brand   string      `json:"brand,omitempty"` // named by the model's pattern
	Model   string      `json:"model,omitempty"`
	Serial  string      `json:"serial,omitempty"`
	Made    Date        `json:"made,omitzero"`   // production date (出厂日期)
	Bought  Date        `json:"bought,omitzero"` // purchase date, from an order or invoice only
	Channel Channel     `json:"channel,omitempty"`
}

// Empty reports whether the photo gave no fact.
func (r PhotoReading) Empty() bool {
	return r.Model == "" && r.Serial == "" && r.Made.IsZero() && r.Bought.IsZero() && r.Channel == ""
}

// Evidence is a fact of the case taken from a photo: the console shows the photo beside
// the field. Verify marks a fact the agent must check (待核实), such as a warranty start
// derived from the production date.
type Evidence struct {
	Field  Slot        `json:"f"` // SlotModel, SlotSerial, SlotPurchase, SlotChannel, or SlotMade
	Value  string      `json:"v"`
	Media  string      `json:"m"`
	Source PhotoSource `json:"src"`
	Verify bool        `json:"verify,omitempty"`
}

// SlotMade is the production date read from a nameplate: no question asks it, but it is
// evidence for the warranty when there is no invoice.
const SlotMade Slot = "made"

// ReadPhoto finds the case's facts in what a photo showed. brand is the case's brand so
// far, whose serial pattern a serial must match; lx supplies the brands' model and serial
// patterns.
func ReadPhoto(lx *Lexicon, brand string, p PhotoText) PhotoReading {
	var r PhotoReading
	var serials []string
	for _, c := range p.Codes {
		if strings.HasPrefix(c.Format, "EAN") || strings.HasPrefix(c.Format, "UPC") {
			continue // the retail code of the product type, not of this unit
		}
		kv := codeFields(c.Text)
		if len(kv) == 0 {
			tok := strings.TrimSpace(c.Text)
			if m, b, ok := photoModel(lx, tok, true); ok {
				r.Model, r.Brand = first(r.Model, m), first(r.Brand, b)
			} else {
				serials = append(serials, tok)
			}
			continue
		}
		for k, v := range kv {
			switch k {
			case "model":
				if m, b, ok := photoModel(lx, v, false); ok {
					r.Model, r.Brand = first(r.Model, m), first(r.Brand, b)
				}
			case "serial":
				serials = append(serials, v)
			case "made":
				if d, ok := photoDate(v); ok && r.Made.IsZero() {
					r.Made = d
				}
			}
		}
	}
	text := strings.Join(p.Lines, "\n")
	lines := make([]string, len(p.Lines))
	for i, l := range p.Lines {
		lines[i] = normalizeText(l)
	}
	for _, l := range lines {
		if r.Model == "" {
			if m := labelModel.FindStringSubmatch(l); m != nil {
				if mm, b, ok := photoModel(lx, m[1], false); ok {
					r.Model, r.Brand = mm, first(r.Brand, b)
				}
			}
		}
		if m := labelSerial.FindStringSubmatch(l); m != nil {
			serials = append(serials, m[1])
		}
		if m := labelMade.FindStringSubmatch(l); m != nil && r.Made.IsZero() {
			r.Made, _ = photoDate(m[1])
		}
		if m := labelBought.FindStringSubmatch(l); m != nil && r.Bought.IsZero() {
			r.Bought, _ = photoDate(m[1])
		}
	}
	if r.Model == "" { // a model of a known brand's shape anywhere in the text
		for _, l := range lines {
			if m, b, ok := scanModel(lx, l); ok {
				r.Model, r.Brand = m, first(r.Brand, b)
				break
			}
		}
	}
	if brand == "" {
		brand = r.Brand
	}
	for _, s := range serials {
		if s = photoSerial(lx, brand, s); s != "" {
			r.Serial = s
			break
		}
	}
	switch {
	case invoiceWords.MatchString(text):
		r.Source = SourceInvoice
	case orderWords.MatchString(text) || !r.Bought.IsZero():
		r.Source = SourceOrder
	case len(lines) > 0 && (r.Model != "" || !r.Made.IsZero()):
		r.Source = SourceNameplate
	case r.Model != "" || r.Serial != "":
		r.Source = SourceLabel
	}
	if r.Source == SourceOrder || r.Source == SourceInvoice {
		r.Channel = photoChannel(text)
	} else {
		r.Bought = Date{} // a date on a nameplate is never the purchase
	}
	return r
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// The labels of a nameplate's and an order's lines. Tesseract reads a colon as ":" or
// "：", and may drop it.
var (
	labelModel  = knowledge.MustFilter(`(?i)(?:型号|MODEL(?:\s*NO\.?)?)\s*[:：.]?\s*([A-Z0-9][A-Z0-9\-/()+.@]{2,40})`)
	labelSerial = knowledge.MustFilter(`(?i)(?:序列号|出厂编号|机身编号|产品编码|条码|S/?N(?:\s*CODE)?)\s*[:：.]?\s*([A-Z0-9]{8,32})`)
	labelMade   = knowledge.MustFilter(`(?i)(?:出[厂广三]日期|生产日期|制造日期|生产年月|出[厂广三]年月|MFG\.?\s*DATE)\s*[:：.]?\s*(2[069]\d\d[-./年]\s*\d{1,2}(?:[-./月]\s*\d{1,2}日?)?|2[069]\d{6})`)
	labelBought = knowledge.MustFilter(`(?:下单时间|下单日期|开票日期|付款时间|支付时间|成交时间|购买日期|订单时间|创建时间)\s*[:：.]?\s*(2[069]\d\d[-./年]\s*\d{1,2}[-./月]\s*\d{1,2}日?|2[069]\d{6})`)
	photoDateRe = knowledge.MustFilter(`(2[069]\d\d)\s*[-./年]?\s*(\d{1,2})(?:\s*[-./月]?\s*(\d{1,2}))?`)

	invoiceWords = knowledge.MustFilter(`发票|开票日期|价税合计`)
	orderWords   = knowledge.MustFilter(`订单编号|订单号|下单时间|实付款|付款时间|订单详情|商品总价|实付`)
)

// photoDate reads 2025-06-18, 2025.6.18, 2025年6月18日, 20250618 or 2025-06.
func photoDate(s string) (Date, bool) {
	m := photoDateRe.FindStringSubmatch(s)
	if m == nil {
		return Date{}, false
	}
	y, _ := strconv.Atoi(zeroed(m[1][:2]) + m[1][2:])
	mo, _ := strconv.Atoi(fixDigit(m[2], 12))
	d := 0
	if m[3] != "" {
		d, _ = strconv.Atoi(fixDigit(m[3], 31))
	}
	if mo < 1 || mo > 12 || d < 0 || d > daysIn(y, mo) {
		return Date{}, false
	}
	return Date{Year: y, Month: mo, Day: d}, true
}

// fixDigit mends OCR's commonest misreading of a date: Tesseract's Chinese model reads a
// 0 beside 年 or 月 as 6 or 9 ("2025年66月26日" for 2025年06月20日). Only a number that
// cannot be a month or day (over most) is mended, so a right one never changes.
func fixDigit(s string, most int) string {
	if n, _ := strconv.Atoi(s); n <= most || len(s) != 2 || s[0] != '6' && s[0] != '9' {
		return s
	}
	return "0" + s[1:]
}

// zeroed mends the century of a year read as 26 or 29 (for 20).
func zeroed(century string) string {
	if century == "26" || century == "29" {
		return "20"
	}
	return century
}

// photoModel reads tok as a model: of a known brand's or category's shape when shaped is
// set (text anywhere on a photo), or of any plausible shape after a 型号 label.
func photoModel(lx *Lexicon, tok string, shaped bool) (model, brand string, ok bool) {
	s := normalizeText(tok)
	if s == "" {
		return "", "", false
	}
	if n, b, _, ok := matchModel(lx, s, -1, -1); ok {
		if b < 0 { // a category's shape fits too: the brand whose own shape fits, if one
			for i := range lx.brands {
				if k, bi, _, ok := matchModel(lx, s, i, -1); ok && k == n && bi == i {
					if b >= 0 {
						b = -1
						break
					}
					b = i
				}
			}
		}
		if b >= 0 {
			brand = lx.brands[b].name
		}
		return canonicalModel(s[:n]), brand, true
	}
	if shaped {
		return "", "", false
	}
	m := canonicalModel(strings.Fields(s)[0])
	if plausibleModel(m, 3) {
		return m, "", true
	}
	return "", "", false
}

// scanModel finds the first model of a known shape among the Latin tokens of line.
func scanModel(lx *Lexicon, line string) (model, brand string, ok bool) {
	for i := 0; i < len(line); i += runeLen(line, i) {
		if isTokenStart(line, i) {
			if m, b, ok := photoModel(lx, line[i:compactTokenEnd(line, i)], true); ok {
				return m, b, true
			}
		}
	}
	return "", "", false
}

// photoSerial returns s as a serial number when it is one: the brand's pattern when it
// has one, else 8 to 32 letters and digits.
func photoSerial(lx *Lexicon, brand, s string) string {
	s = asciiUpper(strings.TrimSpace(s))
	if len(s) < 8 || len(s) > 32 {
		return ""
	}
	for i := 0; i < len(s); i++ {
		if !isASCIIAlnum(s[i]) {
			return ""
		}
	}
	if re := lx.SerialPattern(brand); re != nil && !re.MatchString(s) {
		return ""
	}
	return s
}

// codeFields reads the fields of a code that carries several: a URL's query
// (…?sn=…&model=…), or "型号:…;SN:…" pairs. Keys are model, serial and made.
func codeFields(text string) map[string]string {
	out := map[string]string{}
	put := func(k, v string) {
		v = strings.TrimSpace(v)
		if v == "" {
			return
		}
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "model", "型号", "产品型号", "mdl", "m":
			out["model"] = v
		case "sn", "serial", "序列号", "条码", "s/n", "barcode", "code":
			out["serial"] = v
		case "date", "mfd", "生产日期", "出厂日期":
			out["made"] = v
		}
	}
	if u, err := url.Parse(strings.TrimSpace(text)); err == nil && u.Scheme != "" && u.Host != "" {
		for k, vs := range u.Query() {
			if len(vs) > 0 {
				put(k, vs[0])
			}
		}
		return out
	}
	for _, part := range strings.FieldsFunc(text, func(r rune) bool { return r == ';' || r == '；' || r == '\n' || r == '|' || r == ',' || r == '&' }) {
		k, v, ok := strings.Cut(part, ":")
		if !ok {
			k, v, ok = strings.Cut(part, "：")
		}
		if !ok {
			k, v, ok = strings.Cut(part, "=")
		}
		if ok {
			put(k, v)
		}
	}
	return out
}

// photoChannel names the shop of an order or invoice.
func photoChannel(text string) Channel {
	t := strings.ToLower(text)
	switch {
	case strings.Contains(t, "京东") || strings.Contains(t, "jd.com") || strings.Contains(t, "京 东"):
		return ChannelJD
	case strings.Contains(t, "天猫") || strings.Contains(t, "tmall"):
		return ChannelTmall
	case strings.Contains(t, "拼多多") || strings.Contains(t, "多多"):
		return ChannelPinduoduo
	case strings.Contains(t, "苏宁"):
		return ChannelSuning
	case strings.Contains(t, "淘宝") || strings.Contains(t, "taobao"):
		return ChannelTaobao
	case strings.Contains(t, "国美"):
		return ChannelGome
	case strings.Contains(t, "抖音"):
		return ChannelDouyin
	case strings.Contains(t, "官方商城") || strings.Contains(t, "官网") || strings.Contains(t, "官方旗舰"):
		return ChannelOfficial
	}
	return ""
}
