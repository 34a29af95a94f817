package bot

import (
	"testing"

	"github.com/wxintake/intake/knowledge"
)

// A return or exchange asked of the brand, against buying one and a trade-in offer.
func TestFlowS18ExchangeCues(t *testing.T) {
	cases := []struct {
		name string
		re   *knowledge.Gated
		text string
		want bool
	}{
		{"asks", cueAsksExchange, "我要换新的不修了", true},
		{"asks", cueAsksExchange, "不修了直接退货", true},
		{"asks", cueAsksExchange, "给我换一台", true},
		{"asks", cueAsksExchange, "能退吗", true},
		{"asks", cueAsksExchange, "想退款", true},
		{"asks", cueAsksExchange, "懒得弄了直接换新的", false},
		{"asks", cueAsksExchange, "算了不修了我去买个新的", false},
		{"asks", cueAsksExchange, "扔了换个新的", false},
		{"asks", cueAsksExchange, "商家给换了新的这边不用修了", false},
		{"family", cueFamilyBuys, "那个单子不要了我儿子说给我换个新的", true},
		{"family", cueFamilyBuys, "你们给我换个新的", false},
		{"trade-in", cueTradeIn, "你们有以旧换新吗", true},
		{"trade-in", cueTradeIn, "国补还有吗", true},
		{"trade-in", cueTradeIn, "我要换新的", false},
	}
	for _, c := range cases {
		if got := c.re.MatchString(c.text); got != c.want {
			t.Errorf("%s %q = %v, want %v", c.name, c.text, got, c.want)
		}
	}
}

// "May I go on using it" in customers' words, against questions of another kind.
func TestFlowS18KeepUsing(t *testing.T) {
	for text, want := range map[string]bool{
		"那能不能继续插着充电":         true,
		"那我这几天还能用吗":          true,
		"要不要先把电源拔了":          true,
		"那俺今儿黑还能开着做饭不嗡嗡响要紧不": true,
		"还能凑合用吗":             true,
		"先拔了插头吗":             true,
		"修一下多少钱":             false,
		"还在保吗":               false,
		"嗡嗡响正常吗":             false,
	} {
		if got, _ := questionTopic(text, Context{}); (got == TopicKeepUsing) != want {
			t.Errorf("questionTopic(%q) = %q, keep using %v", text, got, want)
		}
	}
	if got, _ := questionTopic("要不要先把电源拔了", Context{Safety: true}); got == TopicKeepUsing {
		t.Error("a hazard case's own advice answers whether to unplug")
	}
}
