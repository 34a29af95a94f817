package bot

import (
	"testing"
	"time"

	"github.com/wxintake/intake/knowledge"
)

// A fire, smoke or explosion worry with no sign is answered with practical advice and opens
// nothing; any sign seen, heard, smelled or felt keeps the full hazard path.
func TestFireWorryWithoutSign(t *testing.T) {
	d := NewDialog(shippedKB(t))
	now := time.Date(2026, 12, 7, 4, 30, 0, 0, time.FixedZone("CST", 8*3600))
	for _, tc := range []struct {
		text   string
		hazard bool // the full hazard path: a safety case
	}{
		{"顺便问一下 它的充电座放在卧室床边 会不会不安全啊 晚上充电会不会起火", false},
		{"这个会不会爆炸啊", false},
		{"插着过夜会着火吗", false},
		{"充电宝放枕头边充电会不会爆炸", false},
		{"放床头充电不会着火吧", false},
		{"插咗成晚会唔会着火㗎", false},
		{"电热毯开一晚上会不会烧起来", false},
		{"充电器有点烫 会不会起火", true},
		{"充电座有股焦味 会不会着火", true},
		{"插座冒烟了 会不会着火", true},
		{"电池鼓起来了 会不会爆炸", true},
		{"充电的时候噼啪响 会不会起火", true},
		{"燃气灶会不会爆炸啊", true},
		{"着火了！", true},
	} {
		c := Conversation{OpenID: "o", State: StateDone, UpdatedAt: now.Add(-time.Minute)}
		got, _ := d.Step(c, Inbound{OpenID: "o", Kind: KindText, Text: tc.text, At: now})
		if got.Case.Safety != tc.hazard {
			t.Errorf("%q: safety %v, want %v", tc.text, got.Case.Safety, tc.hazard)
		}
	}
}

// A question about a person's health after a hazard, in varied wording and dialect; what is
// about the device only is none.
func TestHealthAskWords(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"我爸72了，有点心脏不好，他现在说没啥感觉了，要不要带他去医院看看？", true},
		{"被麻了要不要去医院", true},
		{"头疼要紧不", true},
		{"使唔使睇医生", true},
		{"佢话而家手仲有啲麻 有冇事㗎", true},
		{"孩子吸了点烟 一直咳嗽", false},
		{"孩子吸了点烟 一直咳嗽 要不要去医院", true},
		{"人会不会有事啊", true},
		{"胸口有点闷", true},
		{"俺娘被电了一下 要紧不", true},
		{"机器还能用吗", false},
		{"插头拔了", false},
		{"要不要关总闸", false},
	} {
		if got := cueHealthAsk.MatchString(compact(knowledge.CanonMemo(tc.text))); got != tc.want {
			t.Errorf("%q: health ask %v, want %v", tc.text, got, tc.want)
		}
	}
}

// The advice fits the case: a leak of a plumbed appliance is stopped at its valve; water from
// outside is not; a hot or smelling charger head with no swollen battery is the adapter.
func TestAdviceFits(t *testing.T) {
	for _, tc := range []struct {
		category, text string
		leak, valve    bool
	}{
		{"water_purifier", "柜子里一地的水 还在滴", true, false},
		{"water_purifier", "那台子下面那个进水的阀门要关吗", true, true},
		{"dishwasher", "底下一直在漏水 角阀要不要关", true, true},
		{"washing_machine", "汏衣裳底下全是水", true, false},
		{"washing_machine", "下大雨 窗户没关 雨水打到洗衣机上了", false, false},
		{"refrigerator", "楼上水管爆了 淌到冰箱上", false, false},
		{"", "水槽下面的净水器一直在漏 水龙头要唔使熄", true, true},
	} {
		u := Understanding{Canon: knowledge.CanonMemo(tc.text)}
		c := Case{}
		c.Category = tc.category
		if got := plumbedLeak(&c, &u); got != tc.leak {
			t.Errorf("%q: plumbed leak %v, want %v", tc.text, got, tc.leak)
		}
		if got := cueValveAsk.MatchString(compact(u.Canon)); got != tc.valve {
			t.Errorf("%q: valve asked %v, want %v", tc.text, got, tc.valve)
		}
	}
	for _, tc := range []struct {
		text    string
		adapter bool
	}{
		{"充电头烫得很 手都握不住 有点点糊的味道", true},
		{"没有鼓包 是充电头烫", true},
		{"路由器的火牛好烫 有股糊味 冇鼓包", true},
		{"适配器特别烫 闻着有股塑料烧焦的味道", true},
		{"电饭锅插头那里有点焦的味道 还烫手", false},
		{"手机充电器烫 手机也很烫 后盖鼓起来了", false},
	} {
		u := Understanding{Canon: knowledge.CanonMemo(tc.text)}
		rule := Rule{ID: knowledge.HazardRuleIDs[knowledge.HazardBurning]}
		fitAdvice(&rule, &Case{}, &u)
		if got := rule.Advice != ""; got != tc.adapter {
			t.Errorf("%q: adapter advice %v, want %v", tc.text, got, tc.adapter)
		}
	}
}

// A product set aside in so many words ("平板不急", "手机的事先不说") gives way to the product
// named after it.
func TestProductSetAside(t *testing.T) {
	kb := shippedKB(t)
	lx := NewDialog(kb).lexicon()
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for _, tc := range []struct{ text, want string }{
		{"平板不急！额说的是燃气灶，嗒嗒嗒打半天打不着", "range_hood_stove"},
		{"工单写错咧！不是平板，是燃气灶，华帝的，平板额以后再说", "range_hood_stove"},
		{"手机的事先不说 热水器有股煤气味", "water_heater"},
		{"电视以后再说 先修冰箱 不制冷了", "refrigerator"},
		{"部手机唔急 个热水器有阵煤气味", "water_heater"},
	} {
		if got := Extract(tc.text, now, lx).Category; got != tc.want {
			t.Errorf("%q: category %q, want %q", tc.text, got, tc.want)
		}
	}
}
