package bot

import (
	"testing"
	"time"
)

// Probe s14-C class 3: a month told after an age counted back is the date meant; a
// relative year keeps its month.
func TestAgeThenMonth(t *testing.T) {
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, visitZone)
	lx := shippedKB(t).Lexicon()
	for _, tt := range []struct {
		text string
		want Date
	}{
		{"买咯大概两年多了吧 前年十月份买的", Date{2024, 10, 0}},
		{"用了三年多了 大前年夏天买的", Date{2023, 7, 0}},
		{"一年多了吧 去年双十一买的", Date{2025, 11, 0}},
		{"两年了 去年三月份买的", Date{2025, 3, 0}},
		{"有两年了吧，前年的十月份", Date{2024, 10, 0}},
		{"前年十月份买的", Date{2024, 10, 0}},
		{"去年三月", Date{2025, 3, 0}},
		{"去年双十一买的", Date{2025, 11, 0}},
		{"大前年夏天买的", Date{2023, 7, 0}},
		// a month far from the age is something else: the age stands
		{"买了五年多了 去年三月份修过一次", Date{2021, 6, 0}},
	} {
		f := Extract(tt.text, now, lx)
		if f.PurchaseDate != tt.want {
			t.Errorf("Extract(%q) bought %v, want %v", tt.text, f.PurchaseDate, tt.want)
		}
		if tt.text == "买了五年多了 去年三月份修过一次" {
			continue // at the purchase question the first date answers it
		}
		if d, _, ok := ParsePurchaseDate(tt.text, now); !ok || d != tt.want {
			t.Errorf("ParsePurchaseDate(%q) = %v, want %v", tt.text, d, tt.want)
		}
	}
}

// "老板" said to the agent at the start of a message is no brand; "老板的油烟机" is.
func TestBossIsCalledNotBrand(t *testing.T) {
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, visitZone)
	lx := shippedKB(t).Lexicon()
	for text, brand := range map[string]string{
		"老板 壁挂炉不出热水了":     "",
		"老板你好 我家热水器不出热水":  "",
		"喂 老板，在吗 热水器坏了":   "",
		"老板在吗？燃气灶打不着火":    "",
		"老板，我家冰箱不制冷了 海尔的": "海尔",
		"老板我家洗衣机不脱水":      "",
		"品牌不对 老板是我喊你的":    "",
		"老板的油烟机不吸烟了":      "老板",
		"老板牌油烟机坏了":        "老板",
		"老板油烟机不吸了":        "老板",
		"老板 油烟机不吸了":       "老板",
		"我家老板烟机有异响":       "老板",
		"老板":              "老板",
		"老板电器的灶打不着":       "老板",
		"是那个燃气壁挂炉 威能的":    "威能",
		"热水器，林内牌的 不出热水":   "林内",
		"热水器 阿里斯顿的":       "阿里斯顿",
		"热水器 燃气的":         "",
		"冰箱 漏水的":          "",
		"冰箱 双开门的":         "",
		"热水器 我家的":         "",
		"热水器 去年买的":        "",
	} {
		if f := Extract(text, now, lx); f.Brand != brand {
			t.Errorf("Extract(%q) brand %q, want %q", text, f.Brand, brand)
		}
	}
}
