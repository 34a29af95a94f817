package bot

import "testing"

func TestParseYesNo(t *testing.T) {
	tests := []struct {
		text    string
		yes, ok bool
	}{
		{"是", true, true}, {"是的", true, true}, {"对", true, true}, {"有", true, true},
		{"有的", true, true}, {"买了", true, true}, {"嗯", true, true}, {"嗯嗯", true, true},
		{"好的", true, true}, {"yes", true, true}, {"YES", true, true}, {"1", true, true},
		{"ok", true, true}, {"没问题", true, true}, {"可以。", true, true},
		{"否", false, true}, {"没有", false, true}, {"不是", false, true}, {"没买", false, true},
		{"no", false, true}, {"2", false, true}, {"不要", false, true}, {"没", false, true},
		{"不需要", false, true},
		// pinyin and dialect, as whole replies: "mei" is 没, "you" is 有, "dui" is 对
		{"mei", false, true}, {"meiyou", false, true}, {"mei you a", false, true}, {"bu", false, true},
		{"you", true, true}, {"dui", true, true}, {"Duia", true, true}, {"冇", false, true}, {"唔系", false, true},
		{"有嘅", true, true}, {"木有", false, true}, {"米有", false, true}, {"米得", false, true}, {"呒没", false, true},
		{"thank you", false, false}, {"mei lin", false, false},
		{"没买那玩意儿 店员推销我没要", false, true}, {"没让加 冇要", false, true}, // a verb after 没 is no yes
		{"嗯，没有", false, true}, // the last answer counts
		{"不是，有的", true, true},
		{"不知道", false, false}, {"不清楚", false, false}, {"", false, false}, {"随便", false, false},
		{"3", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			yes, ok := ParseYesNo(tt.text)
			if yes != tt.yes || ok != tt.ok {
				t.Errorf("ParseYesNo(%q) = %v, %v; want %v, %v", tt.text, yes, ok, tt.yes, tt.ok)
			}
		})
	}
}

func TestParseChannel(t *testing.T) {
	tests := []struct {
		text string
		want Channel
		ok   bool
	}{
		{"京东", ChannelJD, true}, {"京东自营", ChannelJD, true}, {"JD", ChannelJD, true},
		{"jd.com", ChannelJD, true}, {"天猫旗舰店", ChannelTmall, true}, {"天猫官方旗舰店", ChannelTmall, true},
		{"淘宝", ChannelTaobao, true}, {"拼多多", ChannelPinduoduo, true}, {"pdd", ChannelPinduoduo, true},
		{"苏宁易购", ChannelSuning, true}, {"国美电器", ChannelGome, true}, {"抖音直播间", ChannelDouyin, true},
		{"官网", ChannelOfficial, true}, {"华为商城", ChannelOfficial, true}, {"实体店", ChannelOffline, true},
		{"商场", ChannelOffline, true}, {"朋友送的", ChannelOther, true}, {"闲鱼二手", ChannelOther, true},
		{"不记得了", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, ok := ParseChannel(tt.text)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ParseChannel(%q) = %q, %v; want %q, %v", tt.text, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestExtractChannel(t *testing.T) {
	tests := []struct {
		text string
		want Channel
	}{
		{"在京东买的", ChannelJD},
		{"去年在苏宁买的", ChannelSuning},
		{"我在天猫旗舰店下单的", ChannelTmall},
		{"在商场买的冰箱", ChannelOffline},
		{"朋友送的", ChannelOther},
		{"拿到店里修过", ""}, // a weak word without buying
		{"商场里人很多", ""},
		{"空调不制冷", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := Extract(tt.text, testNow, nil).Channel; got != tt.want {
				t.Errorf("Extract(%q).Channel = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestExtractWarranty(t *testing.T) {
	tests := []struct {
		text string
		want YesNo
	}{
		{"买了延保", YesNoYes},
		{"有延保", YesNoYes},
		{"办了三年延保", YesNoYes},
		{"我在京东下单的，延保也买了", YesNoYes},
		{"没买延保", YesNoNo},
		{"没有延保", YesNoNo},
		{"延保没买", YesNoNo},
		{"延保也没办", YesNoNo},
		{"无延保", YesNoNo},
		{"不知道有没有延保", YesNoUnset},
		{"有延保吗", YesNoUnset},
		{"空调不制冷", YesNoUnset},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := Extract(tt.text, testNow, nil).ExtendedWarranty; got != tt.want {
				t.Errorf("Extract(%q).ExtendedWarranty = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}
