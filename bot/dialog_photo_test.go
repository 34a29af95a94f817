package bot

import (
	"strings"
	"testing"
)

// photoInbound reads the test notation of a photo's reading: "m1 ocr | CODE_128=… | line"
// — the media id, then parts separated by " | ": "ocr" (text was read), FORMAT=text for a
// code, anything else a printed line.
func photoInbound(s string) Inbound {
	media, rest, _ := strings.Cut(s, " ")
	p := &PhotoText{}
	for _, part := range strings.Split(rest, " | ") {
		part = strings.TrimSpace(part)
		f, text, ok := strings.Cut(part, "=")
		switch {
		case part == "":
		case part == "ocr":
			p.OCR = true
		case ok && f != "" && strings.Trim(f, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789") == "":
			p.Codes = append(p.Codes, PhotoCode{Format: f, Text: text})
		default:
			p.Lines, p.OCR = append(p.Lines, part), true
		}
	}
	return Inbound{Kind: KindPhoto, MediaID: media, Photo: p}
}

// photoKB is the test knowledge with the shipped shapes of Midea's air-conditioner models
// and serial numbers.
func photoKB(t *testing.T) *testKB {
	kb := newTestKB(t)
	lx, err := NewLexicon(LexiconData{
		Categories: []CategoryTerms{
			{ID: "air_conditioner", Name: "空调", Aliases: []string{"挂机", "柜机"}, ModelPatterns: []string{`KF[RD]?-\d{2,3}[A-Z]{1,4}(/[A-Z0-9()@+-]+)?`}},
			{ID: "refrigerator", Name: "冰箱", ModelPatterns: []string{`BCD-\d{3}[A-Z]*`}},
			{ID: "mobile_phone", Name: "手机"},
		},
		Brands: []BrandTerms{
			{Name: "美的", Aliases: []string{"Midea"}, Categories: []string{"air_conditioner", "refrigerator"},
				ModelPatterns: []string{`(?i)KFR-\d{2,3}[GLTW]{1,2}/[A-Z0-9]*N\d[A-Z0-9]*(-[A-Z0-9]+)?`}, SerialPattern: `^[0-9A-Z]{22}$`},
			{Name: "格力", Aliases: []string{"Gree"}, Categories: []string{"air_conditioner"}},
			{Name: "海尔", Aliases: []string{"Haier"}, Categories: []string{"refrigerator", "air_conditioner"}, SerialPattern: `^[0-9A-Z]{20}$`},
			{Name: "华为", Aliases: []string{"Huawei"}, Categories: []string{"mobile_phone"}, SerialPattern: `^[0-9A-Z]{16}$`},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	kb.lx = lx
	return kb
}

// TestPhotoTranscripts replays the photo conversations of testdata/photo: a photo's
// reading offered at each state, confirmed, refused, ignored, and the one hint.
func TestPhotoTranscripts(t *testing.T) {
	replay(t, "testdata/photo", 1, photoKB(t))
}

// ReadPhoto finds the facts of stickers, nameplates, orders and invoices.
func TestReadPhoto(t *testing.T) {
	lx := photoKB(t).lx
	for _, tc := range []struct {
		name, brand string
		p           PhotoText
		want        PhotoReading
	}{
		{"code128 serial of the case's brand", "美的",
			PhotoText{Codes: []PhotoCode{{"CODE_128", "3400B8N2K7A15G0012345Z"}}},
			PhotoReading{Source: SourceLabel, Serial: "3400B8N2K7A15G0012345Z"}},
		{"a serial that breaks the brand's pattern is not taken", "海尔",
			PhotoText{Codes: []PhotoCode{{"CODE_128", "3400B8N2K7A15G0012345Z"}}},
			PhotoReading{}},
		{"EAN is the product type's code, not a serial", "",
			PhotoText{Codes: []PhotoCode{{"EAN_13", "6901234567892"}}},
			PhotoReading{}},
		{"QR with model and serial", "",
			PhotoText{Codes: []PhotoCode{{"QR_CODE", "型号:KFR-35GW/N8MXA3;SN:3400B8N2K7A15G0012345Z;生产日期:2025-03-12"}}},
			PhotoReading{Source: SourceLabel, Brand: "美的", Model: "KFR-35GW/N8MXA3", Serial: "3400B8N2K7A15G0012345Z", Made: Date{2025, 3, 12}}},
		{"QR URL", "",
			PhotoText{Codes: []PhotoCode{{"QR_CODE", "https://sn.example.com/q?sn=3400B8N2K7A15G0012345Z&model=KFR-35GW/N8MXA3"}}},
			PhotoReading{Source: SourceLabel, Brand: "美的", Model: "KFR-35GW/N8MXA3", Serial: "3400B8N2K7A15G0012345Z"}},
		{"nameplate", "",
			PhotoText{OCR: true, Lines: []string{"美的 分体挂壁式空调器", "型号：KFR-35GW/N8MXA3", "额定电压 220V~", "出厂日期：2025年03月12日"}},
			PhotoReading{Source: SourceNameplate, Brand: "美的", Model: "KFR-35GW/N8MXA3", Made: Date{2025, 3, 12}}},
		{"nameplate, English label and full-width colon", "",
			PhotoText{OCR: true, Lines: []string{"MODEL： KFR-26GW/N8XHC1", "生产日期 2024.11"}},
			PhotoReading{Source: SourceNameplate, Brand: "美的", Model: "KFR-26GW/N8XHC1", Made: Date{2024, 11, 0}}},
		{"JD order", "",
			PhotoText{OCR: true, Lines: []string{"京东", "订单详情", "美的（Midea）新一级能效 KFR-35GW/N8MXA3", "订单编号：312345678901", "下单时间：2025-06-18 20:14:33", "实付款 ¥2699.00"}},
			PhotoReading{Source: SourceOrder, Brand: "美的", Model: "KFR-35GW/N8MXA3", Bought: Date{2025, 6, 18}, Channel: ChannelJD}},
		{"invoice", "",
			PhotoText{OCR: true, Lines: []string{"电子发票（普通发票）", "开票日期：2025年06月20日", "销售方名称：苏宁易购集团股份有限公司"}},
			PhotoReading{Source: SourceInvoice, Bought: Date{2025, 6, 20}, Channel: ChannelSuning}},
		{"a date on a nameplate is never the purchase", "",
			PhotoText{OCR: true, Lines: []string{"型号 KFR-35GW/N8MXA3", "2025-01-02 检验合格"}},
			PhotoReading{Source: SourceNameplate, Brand: "美的", Model: "KFR-35GW/N8MXA3"}},
		{"a 0 read as 6 beside 年 or 月 is mended where no month or day can be", "",
			PhotoText{OCR: true, Lines: []string{"电子发票", "开票日期: 2625年68月17日"}},
			PhotoReading{Source: SourceInvoice, Bought: Date{2025, 8, 17}}},
		{"nothing", "", PhotoText{OCR: true, Lines: []string{"风景 很好看"}}, PhotoReading{}},
	} {
		got := ReadPhoto(lx, tc.brand, tc.p)
		if got != tc.want {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, got, tc.want)
		}
	}
}
