package bot

import (
	"strings"
	"testing"
	"time"

	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
)

// A practical question about a danger happening now gets its own answer, across hazard
// families, states and phrasings (regions, typos, run-on); a question of another kind, or
// a deed told, gets none of them.
func TestDangerNowAnswers(t *testing.T) {
	d := NewDialog(shippedKB(t))
	now := time.Date(2026, 12, 7, 5, 10, 0, 0, time.FixedZone("CST", 8*3600))
	for _, tc := range []struct {
		family, category string
		state            State
		text             string
		want             string // the answer's key, "" for none of them
	}{
		{knowledge.HazardBattery, "smartwatch", StateCollect, "孩子还戴着上学呢 要不要马上去学校给他摘了？", "bot.safety.now.worn"},
		{knowledge.HazardBattery, "smartwatch", StateHuman, "娃儿还戴起的在学校 要不要喊老师给他取了哦 咋个办", "bot.safety.now.worn"},
		{knowledge.HazardBattery, "earphones", StateHuman, "我女儿还戴着耳机在上网课 要马上摘吗", "bot.safety.now.worn"},
		{knowledge.HazardBattery, "mobile_phone", StateCollect, "手机还揣在兜里呢 要不要拿出来", "bot.safety.now.worn"},
		{knowledge.HazardBattery, OtherCategory, StateCollect, "它还在车上点烟器上插起的 我现在在开车 要不要马上停下来拔 拔了放车里可以不", "bot.safety.now.car"},
		{knowledge.HazardBattery, OtherCategory, StateHuman, "在高速上开着车呢 车充那个要不要现在拔", "bot.safety.now.car"},
		{knowledge.HazardBattery, "mobile_phone", StateHuman, "拔下来放后备箱里行不行", "bot.safety.now.car"},
		{knowledge.HazardSmoke, OtherCategory, StateCollect, "车载充电器冒烟了 我在开车 咋整", "bot.safety.now.car"},
		{knowledge.HazardBattery, OtherCategory, StateHuman, "记录仪是寄过去还是咋个弄 鼓起来的能寄快递不", "bot.safety.now.post"},
		{knowledge.HazardBattery, "tablet", StateHuman, "平板鼓包了 顺丰能寄吗", "bot.safety.now.post"},
		{knowledge.HazardBattery, "mobile_phone", StateCollect, "明天要坐飞机 这个手机能带上去不", "bot.safety.now.post"},
		{knowledge.HazardBattery, "smartwatch", StateHuman, "我家没阳台 是老房子 放哪儿合适 放冰箱里降温行不行", "bot.safety.now.cool"},
		{knowledge.HazardBattery, "mobile_phone", StateCollect, "好烫 能不能放冰柜冻一下", "bot.safety.now.cool"},
		{knowledge.HazardBattery, "laptop", StateHuman, "要不要泡水里降降温", "bot.safety.now.cool"},
		{knowledge.HazardSparks, "television", StateCollect, "电视插头已经拔了 总闸也要关吗？冰箱里还有一堆肉，总闸关了冰箱也没电了", "bot.safety.now.breaker"},
		{knowledge.HazardBurning, "air_conditioner", StateHuman, "空调关了插头也拔了 电闸要不要拉 冰箱还要用", "bot.safety.now.breaker"},
		{knowledge.HazardSmoke, "microwave", StateCollect, "已经拔了 总掣使唔使熄啊", "bot.safety.now.breaker"},
		{knowledge.HazardShock, OtherCategory, StateDone, "那不插电了当个褥子铺着睡行不", "bot.safety.now.unpowered"},
		{knowledge.HazardShock, OtherCategory, StateDone, "就问你插座还能不能用", "bot.safety.now.socket"},
		{knowledge.HazardSparks, "washing_machine", StateHuman, "买个新的插那个插座上行不", "bot.safety.now.socket"},
		// none of them
		{knowledge.HazardBurning, "rice_cooker", StateCollect, "那我换个插座能接着煮饭不", ""},
		{knowledge.HazardSmoke, OtherCategory, StateHuman, "那你们管不管电动车充电器", ""},
		{knowledge.HazardBattery, "smartwatch", StateCollect, "手表摘下来手腕上红了一块 现在还能戴不", ""},
		{knowledge.HazardBattery, "smartwatch", StateHuman, "修要多久啊", ""},
		{knowledge.HazardBattery, "smartwatch", StateHuman, "已经摘下来了", ""},
		{knowledge.HazardSparks, "television", StateHuman, "你们什么时候来", ""},
		{knowledge.HazardGas, "range_hood_stove", StateHuman, "总闸要关吗", ""},
		{knowledge.HazardWaterElectric, "washing_machine", StateHuman, "闸拉了 能合上不 冰箱要用", ""},
	} {
		c := Conversation{OpenID: "o", State: tc.state, UpdatedAt: now.Add(-time.Minute),
			Case: Case{Facts: Facts{Category: tc.category, Symptom: "坏了"}, Safety: true, SafetyRule: knowledge.HazardRuleIDs[tc.family]}}
		switch tc.state {
		case StateCollect:
			c.Asking = SlotPhone
		case StateHuman:
			c.Ticket, c.Tickets = "RS20261207-0001", []string{"RS20261207-0001"}
		}
		_, out := d.Step(c, Inbound{OpenID: "o", Kind: KindText, Text: tc.text, At: now})
		var said []string
		for _, e := range out {
			if r, ok := e.(Reply); ok {
				said = append(said, r.Text)
			}
		}
		all := strings.Join(said, "\n")
		for _, key := range []string{"bot.safety.now.worn", "bot.safety.now.car", "bot.safety.now.post", "bot.safety.now.cool",
			"bot.safety.now.breaker", "bot.safety.now.unpowered", "bot.safety.now.socket"} {
			if got, want := strings.Contains(all, catalog.T(key)), key == tc.want; got != want {
				t.Errorf("%s %q: %s said %v, want %v\n%s", tc.family, tc.text, key, got, want, all)
			}
		}
		if tc.want != "" && strings.Contains(all, catalog.T("bot.faq.other")) {
			t.Errorf("%q: still 'cannot answer'\n%s", tc.text, all)
		}
	}
}
