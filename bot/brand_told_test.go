package bot

import "testing"

// Probe s19 class 3: a brand no list knows told on its own; ordinary words are no brand.
func TestBrandToldAlone(t *testing.T) {
	tests := []struct {
		text  string
		bare  bool
		brand string
	}{
		{"usmile的", true, "usmile"},
		{"是小翼的", true, "小翼"},
		{"小翼牌的", false, "小翼"},
		{"牌子是坚果", false, "坚果"},
		{"品牌：极米", false, "极米"},
		{"是小牛牌子的啊", false, "小牛"},
		{"Anker的", true, "安克"}, // listed in brands.yaml: its canonical name
		// only said as a brand when 的 alone would be too loose
		{"usmile的", false, ""},
		// ordinary words
		{"蓝色的", true, ""},
		{"正常的", true, ""},
		{"开着的", true, ""},
		{"插好了的", true, ""},
		{"好的", true, ""},
		{"去年的", true, ""},
		{"京东的", true, ""},
		{"朋友送的", true, ""},
		{"ok的", true, ""},
		{"wifi的", true, ""},
		{"5g的", true, ""},
		{"我老婆的", true, ""},
		{"二手的", true, ""},
		{"新买的", true, ""},
		{"不知道牌子", true, ""},
	}
	lx := shippedKB(t).Lexicon()
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, _ := brandToldAlone(tt.text, tt.bare, testNow, lx)
			if f := Extract(tt.text, testNow, lx); got == "" && tt.brand != "" {
				got = f.Brand // a listed brand (brands.yaml) is read by Extract first
			}
			if got != tt.brand {
				t.Errorf("brand %q, want %q", got, tt.brand)
			}
		})
	}
}
