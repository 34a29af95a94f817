package knowledge

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"空调不制冷", "空调不制冷"},
		{"  空调 不 制冷 ", "空调不制冷"},
		{"显示Ｅ４", "显示e4"},
		{"ＫＦＲ－３５ＧＷ", "kfr-35gw"},
		{"报　E1", "报e1"},
		{"WiFi连不上", "wifi连不上"},
		{"midea e1", "midea,e1"},
		{"e 1", "e,1"},
		{"空调，不制冷！！怎么办？", "空调,不制冷,怎么办"},
		{"“不冷了”……", "不冷了"},
		{"【急】冒烟了", "急,冒烟了"},
		{"温度26℃", "温度26℃"},
		{"1.5匹", "1,5匹"},
		{"型号KFR-35GW/BP3", "型号kfr-35gw/bp3"},
		{"坏了😭😭", "坏了"},
		{"", ""},
		{"，。！", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMatchForm(t *testing.T) {
	tests := []struct{ in, want string }{
		{"冷藏室的灯坏了", "冷藏室灯坏"},
		{"声音特别大", "声音大"},
		{"噪音非常非常大！", "噪音大"},
		{"有点漏水", "漏水"},
		{"很吵", "吵"},
		{"E1了", "e1"},
		{"的了很", ""},
		{"空调不怎么制冷", "空调不制冷"},
		{"不是很凉快", "不凉快"},
		{"不太凉快", "不凉快"},
		{"是不是很卡", "是不是卡"},
		{"是不是坏了", "是不是坏"},
		{"不是漏水", "不是漏水"},
		{"洗衣机不能脱水", "洗衣机不脱水"},
		{"无法开机", "不开机"},
		{"没办法充电", "不充电"},
	}
	for _, tt := range tests {
		if got := matchForm(tt.in); got != tt.want {
			t.Errorf("matchForm(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// Spans found in the normalised text land on the same characters without fillers.
	n := Normalize("空调的外机很吵，漏了水")
	out, pos := dropFillers(n, true)
	if out != "空调外机吵,漏水" || len(pos) != len(n)+1 {
		t.Fatalf("dropFillers = %q, %d positions", out, len(pos))
	}
	i := strings.Index(n, "外机")
	if got := out[pos[i]:pos[i+len("外机很吵")]]; got != "外机吵" {
		t.Errorf("span of 外机很吵 maps to %q", got)
	}
}

func TestFillerStarts(t *testing.T) {
	for _, f := range fillers {
		r, _ := utf8.DecodeRuneInString(f.from)
		if !strings.ContainsRune(fillerStarts, r) {
			t.Errorf("fillerStarts lacks %q, the start of filler %q", r, f.from)
		}
	}
}

func TestNegated(t *testing.T) {
	tests := []struct {
		text, phrase string
		want         bool
	}{
		{"不是漏水", "漏水", true},
		{"没有异响", "异响", true},
		{"没有发现漏水", "漏水", true},
		{"并没有漏水", "漏水", true},
		{"无法开机", "开机", true},
		{"没漏水", "漏水", true},
		{"空调不制冷", "不制冷", false},
		{"空调一点都不制冷", "不制冷", false},
		{"空调不制冷", "制冷", true},
		{"空调漏水", "漏水", false},
		{"是不是漏水了", "漏水", false},
		{"有没有异响", "异响", false},
		{"会不会漏电", "漏电", false},
		{"不停地漏水", "漏水", false},
		{"不小心进水了", "进水", false},
		{"没几天就漏水", "漏水", false},
		{"不知道为什么漏水", "漏水", false},
		{"不是,漏水很严重", "漏水", false},
		{"我不知道怎么回事一直漏水", "漏水", false},
		{"不只是漏水", "漏水", false},
	}
	for _, tt := range tests {
		text := Normalize(tt.text)
		p := strings.Index(text, tt.phrase)
		if p < 0 {
			t.Fatalf("no %q in %q", tt.phrase, text)
		}
		if got := negated(text, p); got != tt.want {
			t.Errorf("negated(%q at %q) = %v, want %v", tt.text, tt.phrase, got, tt.want)
		}
	}
}

// How often a fault happens is said one way: "天天掉线" matches "经常掉线"; "昨天天然气" keeps
// its gas.
func TestMatchFormFrequency(t *testing.T) {
	for in, want := range map[string]string{
		"天天掉线": "经常掉线", "老是跳闸": "经常跳闸", "动不动就断网": "经常断网", "隔三差五漏水": "经常漏水",
		"昨天天然气有味": "昨天天然气有味",
	} {
		if got := matchForm(in); got != want {
			t.Errorf("matchForm(%q) = %q, want %q", in, got, want)
		}
	}
}
