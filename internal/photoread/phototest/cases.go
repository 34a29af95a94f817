package phototest

import (
	"golang.org/x/image/font/sfnt"

	"github.com/wxintake/intake/bot"
)

// Case is one test photo and the facts it must give.
type Case struct {
	Name  string
	Kind  string // sticker, qr, datamatrix, ean, nameplate, order, invoice, none
	Brand string // the case's brand when the photo arrives
	Photo []byte
	Want  Want
	// Miss, when set, says why the reading is known to fail today: the test reports it,
	// the evaluation counts it, neither hides it.
	Miss string
}

// Want is the facts a photo must give; empty fields are not checked, except that a Want
// with None set expects nothing at all.
type Want struct {
	Model, Serial string
	Made, Bought  bot.Date
	Channel       bot.Channel
	None          bool
}

// Matches reports whether r gives the wanted facts.
func (w Want) Matches(r bot.PhotoReading) bool {
	if w.None {
		return r.Empty()
	}
	return (w.Model == "" || w.Model == r.Model) && (w.Serial == "" || w.Serial == r.Serial) &&
		(w.Made.IsZero() || w.Made == r.Made) && (w.Bought.IsZero() || w.Bought == r.Bought) &&
		(w.Channel == "" || w.Channel == r.Channel)
}

const (
	serial = "3400B8N2K7A15G0012345Z" // Midea's shipped pattern: 22 letters and digits
	model  = "KFR-35GW/N8MXA3"
)

// missDigits: Debian's chi_sim model reads a 0 beside Chinese characters, or in a tilted
// line, as 6 or 9 ("2025年06月20日" → "2025年66月26日"); the date is then invalid and not
// offered, or (rarely) valid and wrong, which the customer's 对 / 不对 catches.
const missDigits = "chi_sim misreads 0 beside Chinese or in a tilted line"

// Cases are the photos of the tests and of the evaluation: each kind, turned and
// compressed like a phone photo.
func Cases(f *sfnt.Font) []Case {
	d := func(y, m, day int) bot.Date { return bot.Date{Year: y, Month: m, Day: day} }
	return []Case{
		{"serial sticker, turned 18°", "sticker", "美的", Phone(SerialSticker(f, serial), 18, 70), Want{Serial: serial}, ""},
		{"serial sticker, turned -7°", "sticker", "", Phone(SerialSticker(f, "1A2B3C4D5E6F7G8H9J0K1L"), -7, 60), Want{Serial: "1A2B3C4D5E6F7G8H9J0K1L"}, ""},
		{"QR sticker, turned 25°", "qr", "", Phone(QRSticker(f, "型号:"+model+";SN:"+serial), 25, 70), Want{Model: model, Serial: serial}, ""},
		{"QR link, turned 90°", "qr", "", Phone(QRSticker(f, "https://sn.example.com/q?sn="+serial+"&model="+model), 90, 70), Want{Model: model, Serial: serial}, ""},
		{"DataMatrix", "datamatrix", "美的", Phone(DataMatrixSticker(f, "SN:"+serial), 8, 75), Want{Serial: serial}, ""},
		{"EAN box label", "ean", "", Phone(BoxLabel(f, "6901234567892"), 5, 75), Want{None: true}, ""},
		{"nameplate", "nameplate", "", Phone(Nameplate(f, "美的", model, "2025-03-12"), 4, 70), Want{Model: model, Made: d(2025, 3, 12)}, ""},
		{"nameplate, 年月日", "nameplate", "", Phone(Nameplate(f, "美的", "KFR-26GW/N8XHC1", "2024年11月05日"), -3, 70), Want{Model: "KFR-26GW/N8XHC1", Made: d(2024, 11, 5)}, missDigits},
		{"JD order screenshot", "order", "", Phone(JDOrder(f, "美的新一级能效 "+model, "2025-06-18 20:14:33"), 0, 80), Want{Model: model, Bought: d(2025, 6, 18), Channel: bot.ChannelJD}, ""},
		{"JD order photographed, turned 5°", "order", "", Phone(JDOrder(f, "美的新一级能效 "+model, "2025-07-02 09:30:12"), 5, 70), Want{Bought: d(2025, 7, 2), Channel: bot.ChannelJD}, missDigits},
		{"invoice", "invoice", "", Phone(Invoice(f, "苏宁易购集团股份有限公司", "2025-06-20"), 2, 75), Want{Bought: d(2025, 6, 20), Channel: bot.ChannelSuning}, ""},
		{"invoice, 年月日", "invoice", "", Phone(Invoice(f, "北京京东世纪信息技术有限公司", "2025年06月20日"), 2, 75), Want{Bought: d(2025, 6, 20), Channel: bot.ChannelJD}, missDigits},
		{"scenery", "none", "", Phone(Scenery(f), 0, 70), Want{None: true}, ""},
	}
}
