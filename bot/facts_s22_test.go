package bot

import (
	"testing"
	"time"
)

// Session 22, round 20's dev half: facts read as customers write them.
func TestFactsRound20(t *testing.T) {
	lx := shippedKB(t).Lexicon()
	now := time.Date(2026, 12, 8, 10, 0, 0, 0, time.Local)
	for _, tc := range []struct{ text, brand, model, purchase, name string }{
		{"老板 CXW-200-8229", "老板", "CXW-200-8229", "", ""}, // the brand, not the agent addressed, before its model
		{"老板 E1是什么意思", "", "", "", ""},                    // the agent addressed
		{"科沃斯 T20", "科沃斯", "T20", "", ""},                 // a model after the brand and a space
		{"海尔 E4", "海尔", "", "", ""},                       // a display code, no model
		{"去年中秋节买的", "", "", "2025-10", ""},                // 中秋 of 2025 fell in October
		{"前年中秋买的", "", "", "2024-09", ""},
		{"去年过年前买的", "", "", "2025-01", ""},
		{"My name Tom Wilson, phone 13120586694", "", "", "", "Tom Wilson"},
		{"我姓焦 焦急的焦", "", "", "", "焦"},
		// a brand told against a listed one, beside other details (probe s22)
		{"地址杭州西湖区文三路50号，哦不对牌子记错了是坚果的不是极米，型号J10", "坚果", "J10", "", ""},
		{"不是上门 是寄修", "", "", "", ""}, // the surname spelled out is no given name
	} {
		f := Extract(tc.text, now, lx)
		got := struct{ brand, model, purchase, name string }{f.Brand, f.Model, "", f.Name}
		if !f.PurchaseDate.IsZero() {
			got.purchase = f.PurchaseDate.String()
		}
		if want := (struct{ brand, model, purchase, name string }{tc.brand, tc.model, tc.purchase, tc.name}); got != want {
			t.Errorf("Extract(%q) = %+v, want %+v", tc.text, got, want)
		}
	}
	for text, want := range map[string]string{
		"2020年装修时候装的 大概9月": "2020-09", // the month after the year is that year's
		"2023年买的 具体几月忘了":   "2023",
		"75V1F-R":          "",
		"灯一直是红的，充一晚上都不变绿":  "", // how long it charged, no purchase today
		"今天早上发现的":          "",
		"昨天":               "2026-12-07",
	} {
		d, _, _ := ParsePurchaseDate(text, now)
		if got := d.String(); !(d.IsZero() && want == "") && got != want {
			t.Errorf("ParsePurchaseDate(%q) = %q, want %q", text, got, want)
		}
	}
}

// An A-not-A question about repair ("仲修唔修得", "修不修") asks; it cancels nothing. A
// product given away or no longer wanted ends the case; a smoke alarm just fitted and a
// surname with 焦 are no hazard.
func TestActsRound20(t *testing.T) {
	kb := shippedKB(t)
	now := time.Date(2026, 12, 8, 10, 0, 0, 0, time.Local)
	read := func(text string) Understanding {
		return RuleReader{}.Understand(text, Context{State: StateSelf, Category: "air_conditioner", Now: now, Lexicon: kb.Lexicon()})
	}
	for _, text := range []string{"过咗保修仲修唔修得？收几多钱", "还修唔修㗎", "过了保修还修不修啊 多少钱"} {
		if u := read(text); u.Is(ActCancel) {
			t.Errorf("%q read as a cancel", text)
		}
	}
	for _, text := range []string{"我们月底搬家了 这个机器不打算要了 直接送人", "这台不打算修了 准备卖二手"} {
		if u := read(text); !u.Is(ActCancel) {
			t.Errorf("%q not read as a cancel", text)
		}
	}
	for _, text := range []string{"家里刚装了烟雾报警器 跟这个没关系哈 我就问冰箱啥时候来修", "我姓焦 焦急的焦"} {
		if u := read(text); len(u.Hazards) > 0 || u.Suspect != "" {
			t.Errorf("%q: hazards %v suspect %q, want none", text, u.Hazards, u.Suspect)
		}
	}
	for _, text := range []string{"烟雾报警器一直在响 厨房有烟", "我姓焦 插座有股焦味"} {
		if u := read(text); len(u.Hazards) == 0 && u.Suspect == "" {
			t.Errorf("%q: no hazard", text)
		}
	}
}

// "no" in English or "buzhidao" in pinyin at a free-text question is no answer to store.
func TestUnknownInEnglish(t *testing.T) {
	for _, s := range []string{"no", "No", "none", "idk", "not sure", "buzhidao"} {
		if !isUnknown(s) {
			t.Errorf("isUnknown(%q) = false", s)
		}
	}
	for _, s := range []string{"note 10", "nova 9", "NO.12345"} {
		if isUnknown(s) {
			t.Errorf("isUnknown(%q) = true", s)
		}
	}
}
