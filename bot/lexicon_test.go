package bot

import (
	"strings"
	"testing"
	"time"
)

// testLexiconData is a small, realistic vocabulary: what the knowledge base would supply
// for a few categories and brands.
var testLexiconData = LexiconData{
	Categories: []CategoryTerms{
		{ID: "air_conditioner", Name: "空调", Aliases: []string{"挂机", "柜机", "空调机", "挂式空调", "立式空调"},
			ModelPatterns: []string{`KF[RD]?-\d{2,3}[GL]W(?:/[A-Z0-9()+\-]+)*`}},
		{ID: "refrigerator", Name: "冰箱", Aliases: []string{"电冰箱", "冰柜"},
			ModelPatterns: []string{`BC[DS]?-\d{2,4}[A-Z0-9]*`}},
		{ID: "phone", Name: "手机", Aliases: []string{"iPhone", "苹果手机"}},
		{ID: "laptop", Name: "笔记本电脑", Aliases: []string{"笔记本", "电脑", "ThinkPad", "拯救者", "MacBook"}},
	},
	Brands: []BrandTerms{
		{Name: "美的", Aliases: []string{"Midea"}, Categories: []string{"air_conditioner", "refrigerator"},
			ModelPatterns: []string{`KFR-\d{2,3}GW(?:/[A-Z0-9]+)*(?:\([A-Z0-9]+\))?`, `BCD-\d{3}W?[A-Z]*`},
			SerialPattern: `[0-9A-Z]{16,24}`},
		{Name: "格力", Aliases: []string{"Gree", "格力电器"}, Categories: []string{"air_conditioner"},
			ModelPatterns: []string{`KFR-\d{2,3}[GL]W(?:/\(?[A-Z0-9]+\)?)*(?:[A-Z0-9-]+)?`},
			SerialPattern: `[0-9A-Z]{13}`},
		{Name: "海尔", Aliases: []string{"Haier"}, Categories: []string{"refrigerator"},
			ModelPatterns: []string{`BCD-\d{3}[A-Z]{1,8}\d?`}},
		{Name: "华为", Aliases: []string{"Huawei"}, Categories: []string{"phone"},
			ModelPatterns: []string{`(?:Mate|P|nova) ?\d{2}(?: ?(?:Pro\+|Pro|RS|E|Plus))?`},
			SerialPattern: `[0-9A-Z]{16}`},
		{Name: "苹果", Aliases: []string{"Apple", "iPhone", "MacBook"}, Categories: []string{"phone", "laptop"},
			ModelPatterns: []string{`iPhone ?\d{1,2}(?: ?(?:Pro Max|Pro|Plus|mini))?`, `MacBook(?: ?(?:Air|Pro))?(?: ?M\d)?`},
			SerialPattern: `[A-Z0-9]{10,12}`},
		{Name: "小米", Aliases: []string{"Xiaomi", "Redmi", "红米", "MI"}, Categories: []string{"phone"},
			ModelPatterns: []string{`(?:Xiaomi|Mi|Redmi) ?(?:Note ?|K)?\d{1,2}(?: ?(?:Pro\+|Pro|Ultra))?`}},
		{Name: "联想", Aliases: []string{"Lenovo", "ThinkPad", "拯救者"}, Categories: []string{"laptop"},
			ModelPatterns: []string{`ThinkPad ?[TXPEL]\d{1,2}[a-z]?(?: ?(?:Carbon|Gen ?\d+))?`, `[YR]\d{4}[A-Z]{0,2}`},
			SerialPattern: `[A-Z0-9]{8}`},
	},
}

// testLexicon compiles testLexiconData or fails the test.
func testLexicon(tb testing.TB) *Lexicon {
	tb.Helper()
	lx, err := NewLexicon(testLexiconData)
	if err != nil {
		tb.Fatalf("NewLexicon: %v", err)
	}
	return lx
}

// testNow is the moment the test messages are sent: 2025-06-15 10:00 in Shanghai.
var testNow = time.Date(2025, 6, 15, 10, 0, 0, 0, shanghai())

func shanghai() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}

func TestNewLexiconRejectsBadData(t *testing.T) {
	tests := []struct {
		name string
		data LexiconData
		want string
	}{
		{"category without id", LexiconData{Categories: []CategoryTerms{{Name: "空调"}}}, "has no id"},
		{"duplicate category", LexiconData{Categories: []CategoryTerms{{ID: "ac"}, {ID: "ac"}}}, "defined twice"},
		{"alias of two categories", LexiconData{Categories: []CategoryTerms{
			{ID: "ac", Name: "空调"}, {ID: "fan", Name: "风扇", Aliases: []string{"空调"}}}}, "already names category"},
		{"brand without name", LexiconData{Brands: []BrandTerms{{Aliases: []string{"x"}}}}, "has no name"},
		{"unknown category", LexiconData{Brands: []BrandTerms{{Name: "美的", Categories: []string{"tv"}}}}, "unknown category"},
		{"alias of two brands", LexiconData{Brands: []BrandTerms{
			{Name: "美的", Aliases: []string{"MD"}}, {Name: "格力", Aliases: []string{"md"}}}}, "already names brand"},
		{"bad model pattern", LexiconData{Brands: []BrandTerms{{Name: "美的", ModelPatterns: []string{`KFR-(`}}}}, "model pattern 0"},
		{"empty model pattern", LexiconData{Categories: []CategoryTerms{{ID: "ac", ModelPatterns: []string{" "}}}}, "empty pattern"},
		{"bad serial pattern", LexiconData{Brands: []BrandTerms{{Name: "美的", SerialPattern: `[`}}}, "serial pattern"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewLexicon(tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("NewLexicon error = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestLexiconLookups(t *testing.T) {
	lx := testLexicon(t)
	if got := lx.SerialPattern("midea"); got == nil || !got.MatchString("ABCDEF0123456789AB") {
		t.Errorf("SerialPattern(midea) = %v, want the brand's pattern, case-insensitive name", got)
	}
	if got := lx.SerialPattern("海尔"); got != nil {
		t.Errorf("SerialPattern(海尔) = %v, want nil (no pattern)", got)
	}
	if got := strings.Join(lx.BrandCategories("Apple"), ","); got != "phone,laptop" {
		t.Errorf("BrandCategories(Apple) = %q", got)
	}
	if got := lx.CategoryName("refrigerator"); got != "冰箱" {
		t.Errorf("CategoryName = %q", got)
	}
	var nilLx *Lexicon
	if nilLx.SerialPattern("美的") != nil || nilLx.BrandCategories("美的") != nil || nilLx.CategoryName("x") != "" {
		t.Error("a nil Lexicon must know nothing")
	}
}

func TestPhraseSetBoundaries(t *testing.T) {
	p := &phraseSet[int]{}
	for i, w := range []string{"mi", "midea", "jd", "掉进", "掉进水里"} {
		p.add(w, i)
	}
	p.sort()
	tests := []struct {
		text string
		want int // index of the phrase found at 0, -1 for none
	}{
		{"MIDEA空调", 1}, {"mi10", 0}, {"mix", -1}, {"jd618", 2}, {"jdk", -1},
		{"掉进水里了", 4}, {"掉进去了", 3},
	}
	for _, tt := range tests {
		v, _, ok := p.at(tt.text, 0)
		if !ok {
			v = -1
		}
		if v != tt.want {
			t.Errorf("at(%q) = %d, want %d", tt.text, v, tt.want)
		}
	}
	if _, _, ok := p.at("xmi", 1); ok {
		t.Error(`"mi" must not match inside "xmi"`)
	}
}
