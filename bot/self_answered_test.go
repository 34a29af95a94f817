package bot

import (
	"testing"
	"time"

	"github.com/wxintake/intake/knowledge"
)

// Probe s19 class 2: a question the customer asks and denies at once is settled; a feared
// hazard with no denial, or with a guess for one, still counts.
func TestSelfAnsweredQuestions(t *testing.T) {
	tests := []struct {
		text, rest string
		hazard     bool // a hazard still counts
	}{
		{"里面有火花吗？没有 就是不转", "就是不转", false},
		{"一直都这样吗？不是 上个月开始的", "上个月开始的", false},
		{"空调插头发烫吗 没有啊 就是不制冷", "就是不制冷", false},
		{"洗衣机唔转 有冇火花 冇 就系唔郁", "洗衣机不转 就系不动", false},
		{"电视机漏电吗？木有 开不了机而已", "开不了机而已", false},
		{"有没有冒烟？没有", "没有", false},
		// a hazard told beside the denied one still counts
		{"有没有冒烟？没有 就是有一股塑料烧焦味", "就是有一股塑料烧焦味", true},
		{"电饭煲漏电吗？没有 但是摸着麻麻的", "但是摸着麻麻的", true},
		// no denial, or only a guess: the fear stands
		{"是不是漏电了？", "是不是漏电了？", true},
		{"会不会着火啊？不会吧", "会不会着火啊？不会吧", true},
		{"电饭煲是不是漏电了？不是吧 摸着有点麻", "电饭煲是不是漏电了？不是吧 摸着有点麻", true},
		{"有火花吗？不知道 没注意", "有火花吗？不知道 没注意", true},
		{"插座冒烟了吗？好像有", "插座冒烟了吗？好像有", true},
		// a denial that goes on is no bare answer
		{"是免费的吗？不是的话多少钱", "是免费的吗？不是的话多少钱", false},
		{"有人吗？没有人回我", "有人吗？没有人回我", false},
	}
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	lx := shippedKB(t).Lexicon()
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			canon := knowledge.Canon(tt.text)
			rest, _ := settleSelfAnswered(canon)
			if rest != tt.rest {
				t.Errorf("rest %q, want %q", rest, tt.rest)
			}
			u := RuleReader{}.Understand(tt.text, Context{State: StateNew, Now: now, Lexicon: lx})
			if got := len(u.Hazards) > 0; got != tt.hazard {
				t.Errorf("hazard %v (%+v), want %v", got, u.Hazards, tt.hazard)
			}
			if !tt.hazard && (u.Is(ActQuestion) && rest != canon) {
				t.Errorf("the settled question is still asked: %+v", u.Acts)
			}
		})
	}
}
