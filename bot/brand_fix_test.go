package bot

import (
	"testing"
	"time"
)

func TestCorrectedBrand(t *testing.T) {
	d := NewDialog(shippedKB(t))
	cases := []struct{ brand, text, want string }{
		{"极米", "不是极米，是当贝的", "当贝"},
		{"海信", "牌子说错了 是小度的", "小度"},
		{"海信", "不对不对 是个杂牌子 叫威斯汀", "威斯汀"},
		{"海尔", "品牌搞错了，不是海尔 是美的", "美的"},
		{"海信", "牌子记错咗 系创维", "创维"},
		{"海信", "刚才说错了 牌子是雷鸟的", "TCL"},
		{"美的", "哎呀 牌子弄错了😅 是个小牌子叫奥克斯", "奥克斯"},
		{"格力", "不是格力嘞 是志高的", "志高"},
		{"海信", "不是电视 是投影仪", ""},
		{"海信", "不是我 是我老婆买的", ""},
		{"海信", "牌子说错了 是在京东买的", ""},
		{"海信", "牌子不对 是新飞", "新飞"},
		{"海信", "电话写错了 是13912345678", ""},
	}
	for _, c := range cases {
		conv := Conversation{State: StateCollect, Asking: SlotModel}
		conv.Case.Category, conv.Case.Brand = "television", c.brand
		st := &step{d: d, c: &conv, in: Inbound{At: time.Date(2026, 12, 7, 10, 0, 0, 0, visitZone)}}
		st.u = d.understand(&conv, c.text, st.in.At)
		if got := d.correctedBrand(st); got != c.want {
			t.Errorf("%s: got %q want %q", c.text, got, c.want)
		}
	}
}
