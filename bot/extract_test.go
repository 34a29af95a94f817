package bot

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestExtractIssueExample is the example of the issue: one message fills seven facts.
func TestExtractIssueExample(t *testing.T) {
	f := Extract("美的空调KFR-35GW去年6月京东买的，今天突然不制冷，显示E1", testNow, testLexicon(t))
	checks := []struct {
		field     string
		got, want any
	}{
		{"Category", f.Category, "air_conditioner"},
		{"Brand", f.Brand, "美的"},
		{"Model", f.Model, "KFR-35GW"},
		{"PurchaseDate", f.PurchaseDate, Date{2024, 6, 0}},
		{"Channel", f.Channel, ChannelJD},
		{"Symptom", f.Symptom, "不制冷，显示E1"},
		{"ErrorCode", f.ErrorCode, "E1"},
		{"StartedAt", f.StartedAt, Date{2025, 6, 15}},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.field, c.got, c.want)
		}
	}
}

// TestExtractCombined checks whole messages as customers write them, several facts at once.
// Every field not listed must stay zero.
func TestExtractCombined(t *testing.T) {
	tests := []struct {
		text string
		want Facts
	}{
		{"我叫张三，电话13800138000，地址北京市朝阳区建国路88号SOHO现代城A座1201", Facts{
			Name: "张三", Phone: Phone{"13800138000", PhoneMobile},
			Address: "北京市朝阳区建国路88号SOHO现代城A座1201", Region: "北京", City: "北京"}},
		{"格力空调KFR-35GW/BP3DN8Y，2024年5月1日在苏宁买的，昨天开始有异响", Facts{
			Category: "air_conditioner", Brand: "格力", Model: "KFR-35GW/BP3DN8Y",
			PurchaseDate: Date{2024, 5, 1}, Channel: ChannelSuning, Symptom: "异响",
			StartedAt: Date{2025, 6, 14}, StartedPhrase: "昨天"}},
		{"海尔冰箱BCD-215TMPS不制冷了，买了两年多，没买延保", Facts{
			Category: "refrigerator", Brand: "海尔", Model: "BCD-215TMPS",
			PurchaseDate: Date{2022, 12, 0}, PurchaseApprox: true, ExtendedWarranty: YesNoNo, Symptom: "不制冷了"}},
		{"iPhone 15 Pro 屏幕碎了，上周摔了一下", Facts{
			Category: "phone", Brand: "苹果", Model: "IPHONE 15 PRO", Symptom: "屏幕碎了",
			StartedAt: Date{2025, 6, 8}, StartedPhrase: "上周", StartedApprox: true, Trigger: TriggerDrop}},
		{"华为Mate60充电时发热严重且自动关机，三个月前在官网买的", Facts{
			Category: "phone", Brand: "华为", Model: "MATE60", PurchaseDate: Date{2025, 3, 0}, PurchaseApprox: true,
			Channel: ChannelOfficial, Symptom: "充电时发热严重且自动关机"}},
		{"联想小新Pro14开不了机", Facts{ // a product line in Chinese before its number: as written
			Category: "laptop", Brand: "联想", Model: "小新Pro14", Symptom: "开不了机"}},
		{"挂机kfr-35gw不制冷", Facts{ // a kind of unit before a model is not part of it
			Category: "air_conditioner", Model: "KFR-35GW", Symptom: "不制冷"}},
		{"联想拯救者Y9000P开不了机，序列号PF2ABCDE", Facts{
			Category: "laptop", Brand: "联想", Model: "Y9000P", Serial: "PF2ABCDE", Symptom: "开不了机"}},
		{"空调不制冷，没有延保，序列号找不到", Facts{
			Category: "air_conditioner", SerialUnknown: true, ExtendedWarranty: YesNoNo, Symptom: "不制冷"}},
		{"王先生，空调不制冷，地址上海市浦东新区张江路100弄5号302室", Facts{
			Category: "air_conditioner", Symptom: "不制冷", Name: "王先生", NameSurname: true,
			Address: "上海市浦东新区张江路100弄5号302室", Region: "上海", City: "上海"}},
		{"我是李女士，地址是杭州市西湖区文三路200号3幢2单元501室，电话0571-88889999", Facts{
			Name: "李女士", NameSurname: true, Phone: Phone{"0571-88889999", PhoneLandline},
			Address: "杭州市西湖区文三路200号3幢2单元501室", Region: "浙江", City: "杭州"}},
		{"冰箱e1故障，24年5月买的", Facts{
			Category: "refrigerator", PurchaseDate: Date{2024, 5, 0}, Symptom: "e1故障", ErrorCode: "E1"}},
		{"手机在闲鱼买的二手，电池鼓包", Facts{Category: "phone", Channel: ChannelOther, Symptom: "电池鼓包"}},
		{"空调一直有异响，买了三年了", Facts{
			Category: "air_conditioner", PurchaseDate: Date{2022, 6, 0}, PurchaseApprox: true,
			Symptom: "异响", StartedPhrase: "一直"}},
		{"小米手机Redmi K60 自己拆过后屏幕不亮", Facts{
			Category: "phone", Brand: "小米", Model: "REDMI K60", Symptom: "自己拆过后屏幕不亮",
			Trigger: TriggerSelfDisassembly}},
		{"", Facts{}},
		{"你好", Facts{}},
	}
	lx := testLexicon(t)
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := Extract(tt.text, testNow, lx)
			if got.PhoneErr != nil {
				t.Errorf("PhoneErr = %v, want none", got.PhoneErr)
			}
			if !reflect.DeepEqual(got, tt.want) {
				g, _ := json.Marshal(got)
				w, _ := json.Marshal(tt.want)
				t.Errorf("Extract(%q)\n got %s\nwant %s", tt.text, g, w)
			}
		})
	}
}

func TestFactsMerge(t *testing.T) {
	old := Facts{Brand: "美的", Category: "air_conditioner", PhoneErr: ErrPhoneTooShort, Symptom: "不制冷"}
	got := old.Merge(Facts{Brand: "格力", Phone: Phone{"13800138000", PhoneMobile}, ErrorCode: "E1"})
	want := Facts{Brand: "格力", Category: "air_conditioner", Phone: Phone{"13800138000", PhoneMobile},
		Symptom: "不制冷", ErrorCode: "E1"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Merge = %+v, want %+v", got, want)
	}
	if got := (Facts{}).Merge(Facts{PhoneErr: ErrPhoneLetters}); !errors.Is(got.PhoneErr, ErrPhoneLetters) {
		t.Errorf("Merge keeps a new phone error when no phone is known: %v", got.PhoneErr)
	}
}

// TestFactsJSON checks that Facts survive the trip through JSON, as when the conversation
// is saved between messages.
func TestFactsJSON(t *testing.T) {
	f := Extract("美的空调KFR-35GW去年6月京东买的，今天突然不制冷，显示E1，电话13800138000", testNow, testLexicon(t))
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	var back Facts
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, f) {
		t.Errorf("round trip changed the facts:\n%+v\n%+v", back, f)
	}
}

func TestNormalizeText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ＫＦＲ－３５ＧＷ", "KFR-35GW"},
		{"  电话：１３８  ", "电话:138"},
		{"不制冷，显示E1", "不制冷，显示E1"}, // Chinese punctuation stays
		{"a\xffb", "ab"}, // invalid UTF-8 is dropped
		{"a\u3000b", "a b"},
	}
	for _, tt := range tests {
		if got := normalizeText(tt.in); got != tt.want {
			t.Errorf("normalizeText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	long := strings.Repeat("空", maxExtractBytes) // cut on a rune boundary
	if got := normalizeText(long); len(got) > maxExtractBytes || !utf8.ValidString(got) {
		t.Errorf("a long text must be cut to %d bytes of valid UTF-8, got %d bytes", maxExtractBytes, len(got))
	}
}

// benchMessages are typical customer messages, from a single word to the issue's example.
var benchMessages = []struct{ name, text string }{
	{"issue_example", "美的空调KFR-35GW去年6月京东买的，今天突然不制冷，显示E1"},
	{"contact", "我叫张三，电话13800138000，地址北京市朝阳区建国路88号SOHO现代城A座1201"},
	{"short_symptom", "空调不制冷"},
	{"trigger", "手机掉水里了，现在黑屏"},
	{"purchase", "海尔冰箱BCD-215TMPS不制冷了，买了两年多，没买延保"},
	{"answer_yes", "好的"},
	{"long", strings.Repeat("空调外机一直有嗡嗡的异响，晚上吵得睡不着，", 6) + "去年在苏宁买的，电话0755-88886666"},
}

func BenchmarkExtract(b *testing.B) {
	lx := testLexicon(b)
	for _, m := range benchMessages {
		b.Run(m.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Extract(m.text, testNow, lx)
			}
		})
	}
}

// BenchmarkExtractBigLexicon runs the issue's example against a lexicon of 60 brands with
// three model patterns each, to show the cost of a larger knowledge base.
func BenchmarkExtractBigLexicon(b *testing.B) {
	data := testLexiconData
	data.Brands = append([]BrandTerms(nil), data.Brands...)
	for i := range 60 {
		data.Brands = append(data.Brands, BrandTerms{
			Name: fmt.Sprintf("品牌%d", i), Aliases: []string{fmt.Sprintf("brand%d", i)},
			Categories:    []string{"air_conditioner"},
			ModelPatterns: []string{fmt.Sprintf(`Q%dX-\d{3}`, i), fmt.Sprintf(`Z%d[A-Z]{2}\d{2}`, i), fmt.Sprintf(`W%d-\d+`, i)},
		})
	}
	lx, err := NewLexicon(data)
	if err != nil {
		b.Fatal(err)
	}
	for _, text := range []string{"美的空调KFR-35GW去年6月京东买的，今天突然不制冷，显示E1", "空调KFR-35GW不制冷"} {
		b.Run("", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				Extract(text, testNow, lx)
			}
		})
	}
}

func BenchmarkParsePhone(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		ParsePhone("138 0013 8000")
	}
}

// FuzzExtract checks that no message makes the extractors panic or return broken text.
func FuzzExtract(f *testing.F) {
	for _, m := range benchMessages {
		f.Add(m.text)
	}
	for _, s := range []string{"", "E1E1", "2024-13-45", "+86", "（", "年月日号", "十几几个月前前", "\xff\xfe", "延保没没没",
		"我叫", "地址是", "序列号", "ＫＦＲ－", "1.1.1", "去年年年底", "99999999999999999999", "幺幺幺幺幺幺幺幺"} {
		f.Add(s)
	}
	lx := testLexicon(f)
	f.Fuzz(func(t *testing.T, text string) {
		x := Extract(text, testNow, lx)
		for name, s := range map[string]string{
			"Category": x.Category, "Brand": x.Brand, "Model": x.Model, "Serial": x.Serial,
			"Symptom": x.Symptom, "ErrorCode": x.ErrorCode, "StartedPhrase": x.StartedPhrase,
			"Name": x.Name, "Phone": x.Phone.Number, "Address": x.Address, "Region": x.Region, "City": x.City,
			"Channel": string(x.Channel), "Trigger": string(x.Trigger),
		} {
			if !utf8.ValidString(s) {
				t.Errorf("%s = %q is not valid UTF-8", name, s)
			}
		}
		if d := x.PurchaseDate; !d.IsZero() && d.after(DateOf(testNow)) {
			t.Errorf("purchase date %v is in the future", d)
		}
		if n, ok := ParseName(text); ok && !utf8.ValidString(n) {
			t.Errorf("ParseName = %q", n)
		}
		if a, ok := ParseAddress(text); ok && !utf8.ValidString(a) {
			t.Errorf("ParseAddress = %q", a)
		}
		if s, _, _ := ParseSerial(text, nil); !utf8.ValidString(s) {
			t.Errorf("ParseSerial = %q", s)
		}
		if m, _ := ParseModel(text, lx); !utf8.ValidString(m) {
			t.Errorf("ParseModel = %q", m)
		}
		if s := ParseSymptom(text, testNow, lx); !utf8.ValidString(s) {
			t.Errorf("ParseSymptom = %q", s)
		}
		ParsePhone(text)
		ParsePurchaseDate(text, testNow)
		ParseYesNo(text)
		ParseChannel(text)
		ParseTrigger(text)
	})
}

func ExampleExtract() {
	lx, err := NewLexicon(LexiconData{
		Categories: []CategoryTerms{{ID: "air_conditioner", Name: "空调"}},
		Brands: []BrandTerms{{Name: "美的", Aliases: []string{"Midea"}, Categories: []string{"air_conditioner"},
			ModelPatterns: []string{`KFR-\d{2,3}GW(?:/[A-Z0-9]+)*`}}},
	})
	if err != nil {
		panic(err)
	}
	f := Extract("美的空调KFR-35GW去年6月京东买的，今天突然不制冷，显示E1", testNow, lx)
	fmt.Println(f.Category, f.Brand, f.Model)
	fmt.Println("bought:", f.PurchaseDate, "at", f.Channel)
	fmt.Println("fault:", f.Symptom, "code", f.ErrorCode, "since", f.StartedAt, f.StartedPhrase)
	// Output:
	// air_conditioner 美的 KFR-35GW
	// bought: 2024-06 at 京东
	// fault: 不制冷，显示E1 code E1 since 2025-06-15 今天
}
