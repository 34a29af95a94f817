package bot

import (
	"errors"
	"testing"
)

func TestExtractProduct(t *testing.T) {
	tests := []struct {
		text                   string
		category, brand, model string
	}{
		{"美的空调KFR-35GW", "air_conditioner", "美的", "KFR-35GW"},
		{"midea空调", "air_conditioner", "美的", ""},
		{"MIDEA冰箱BCD-520WKPZM", "refrigerator", "美的", "BCD-520WKPZM"},
		{"格力挂机", "air_conditioner", "格力", ""},
		{"Gree kfr-26gw/(26570)fnhaa-a3", "air_conditioner", "格力", "KFR-26GW/(26570)FNHAA-A3"},
		{"海尔冰箱BCD-215TMPS", "refrigerator", "海尔", "BCD-215TMPS"},
		{"iPhone 15 Pro Max屏幕碎了", "phone", "苹果", "IPHONE 15 PRO MAX"},
		{"苹果手机iphone13", "phone", "苹果", "IPHONE13"},
		{"华为Mate 60 Pro", "phone", "华为", "MATE 60 PRO"},
		{"华为P40充不进电", "phone", "华为", "P40"},
		{"Redmi Note 12 Pro", "phone", "小米", "REDMI NOTE 12 PRO"},
		{"MI 11 Ultra发烫", "phone", "小米", "MI 11 ULTRA"},
		{"联想ThinkPad X1 Carbon", "laptop", "联想", "THINKPAD X1 CARBON"},
		{"拯救者Y9000P", "laptop", "联想", "Y9000P"},
		{"苹果MacBook Air", "laptop", "苹果", "MACBOOK AIR"},
		{"KFR-35GW", "air_conditioner", "", "KFR-35GW"},      // several brands make this shape
		{"BCD-215", "refrigerator", "", "BCD-215"},           // a generic shape names no brand
		{"型号BCD-215TMPS", "refrigerator", "", "BCD-215TMPS"}, // Midea's and Haier's patterns both fit
		{"完美的冰箱", "refrigerator", "", ""},                    // 美的 inside 完美的 is no brand
		{"很美的空调", "air_conditioner", "", ""},
		{"小米手机", "phone", "小米", ""},
		{"笔记本电脑开不了机", "laptop", "", ""},
		{"我要修空调", "air_conditioner", "", ""},
		{"手机号13800138000", "", "", ""}, // 手机号 is the phone number, not the product
		{"格力空调 220V", "air_conditioner", "格力", ""},
		{"海尔冰箱 型号是BCD-470WDPG", "refrigerator", "海尔", "BCD-470WDPG"},
		// a series number glued to the brand is the model; a quantity is none
		{"小米14信号老是掉", "phone", "小米", "14"},
		{"我的小米13 Pro充不进电", "phone", "小米", "13 PRO"},
		{"小米14寸的显示器", "other", "小米", ""},
		{"美的300升的冰箱", "refrigerator", "美的", ""},
		{"海尔2023年买的冰箱", "refrigerator", "海尔", ""},
	}
	lx := testLexicon(t)
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			f := Extract(tt.text, testNow, lx)
			if f.Category != tt.category || f.Brand != tt.brand || f.Model != tt.model {
				t.Errorf("Extract(%q) = category %q brand %q model %q; want %q %q %q",
					tt.text, f.Category, f.Brand, f.Model, tt.category, tt.brand, tt.model)
			}
		})
	}
}

func TestExtractProductWithoutLexicon(t *testing.T) {
	if f := Extract("美的空调KFR-35GW不制冷", testNow, nil); f.Brand != "" || f.Category != "" || f.Model != "" {
		t.Errorf("without a lexicon nothing names a product: %+v", f)
	}
	if f := Extract("型号：ABC123", testNow, nil); f.Model != "ABC123" {
		t.Errorf("after 型号 a token is a model: got %q", f.Model)
	}
}

func TestExtractSerial(t *testing.T) {
	tests := []struct {
		text    string
		serial  string
		unknown bool
	}{
		{"SN码：PF2ABCDE", "PF2ABCDE", false},
		{"机身码 C02XK0ABJG5H", "C02XK0ABJG5H", false},
		{"序列号是 1234-5678-9ABC", "123456789ABC", false},
		{"序列号找不到", "", true},
		{"没有序列号", "", true},
		{"sn看不清了", "", true},
		{"空调不制冷", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			f := Extract(tt.text, testNow, nil)
			if f.Serial != tt.serial || f.SerialUnknown != tt.unknown {
				t.Errorf("Extract(%q) serial = %q unknown %v; want %q %v", tt.text, f.Serial, f.SerialUnknown, tt.serial, tt.unknown)
			}
		})
	}
}

func TestParseSerial(t *testing.T) {
	lx := testLexicon(t)
	tests := []struct {
		text    string
		brand   string
		serial  string
		unknown bool
		err     error
	}{
		{"SN:ABCDEF1234567890AB", "美的", "ABCDEF1234567890AB", false, nil},
		{"序列号是 1234-5678-9ABC", "", "123456789ABC", false, nil},
		{"序列号是 No.2A1F-0093-7731", "", "2A1F00937731", false, nil}, // "No." is no part of it
		{"abcdefghij12", "苹果", "ABCDEFGHIJ12", false, nil},
		{"IMEI 860123456789012", "", "860123456789012", false, nil},
		{"没有", "", "", true, nil},
		{"找不到序列号", "美的", "", true, nil},
		{"看不清", "", "", true, nil},
		{"不知道在哪看", "", "", true, nil},
		{"", "", "", false, ErrSerialEmpty},
		{"AB12", "", "AB12", false, ErrSerialTooShort},
		{"ABC123", "格力", "ABC123", false, ErrSerialFormat}, // 格力's serials have 13 characters
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			serial, unknown, err := ParseSerial(tt.text, lx.SerialPattern(tt.brand))
			if serial != tt.serial || unknown != tt.unknown || !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
				t.Errorf("ParseSerial(%q) = %q, %v, %v; want %q, %v, %v", tt.text, serial, unknown, err, tt.serial, tt.unknown, tt.err)
			}
		})
	}
}

func TestParseModel(t *testing.T) {
	lx := testLexicon(t)
	tests := []struct {
		text  string
		model string
		ok    bool
	}{
		{"KFR-35GW/BP3DN8Y", "KFR-35GW/BP3DN8Y", true},
		{"型号是bcd-215tmps", "BCD-215TMPS", true},
		{"iphone 14", "IPHONE 14", true},
		{"X1", "X1", true},
		{"是A2337吧", "A2337", true},
		{"不知道", "", false},
		{"看不到型号", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			model, ok := ParseModel(tt.text, lx)
			if model != tt.model || ok != tt.ok {
				t.Errorf("ParseModel(%q) = %q, %v; want %q, %v", tt.text, model, ok, tt.model, tt.ok)
			}
		})
	}
}
