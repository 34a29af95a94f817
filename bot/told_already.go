package bot

import (
	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
)

// A customer who says a detail was given already ("型号我刚说了啊", "型号不是发给你了吗",
// "电话前面给过了") is answered about that detail — what the bot holds, or that it found none
// in the messages — and the pending question is asked once more; the reproach is never read
// as a failed answer to the question ("抱歉，没认出序列号").

// cueToldAlready says something was told or sent before: "刚说了", "不是发给你了吗", "说过了",
// "前面给过了", "讲咗啦".
var cueToldAlready = knowledge.MustGate(`(刚|刚刚|刚才|已经|之前|前面|上面|早就|不是|都|头先|啱先|第一句)[^,?]{0,3}(说|讲|发|给|告诉|填|写|报|打)(了|过|咗|给你|俾你|畀你)|` +
	`(说|讲|发|告诉|写|填)(过|咗)(了|啦|喇|啊|嘛)?|(说|讲|发|告诉|写)了(啊|呀|嘛|吗|的|撒|噻|哇|噶|嘞|呀)|(说|讲)(几|两|三|好几)(遍|次)|(我|俺)(都)?(说|讲)(了|过)(两|俩|都|啊|嘛|吗|呀)`)

// toldSlots name the detail a reproach is about, in the order they are checked.
var toldSlots = []struct {
	slot Slot
	re   *knowledge.Gated
}{
	{SlotSerial, knowledge.MustGate(`序列号|sn|编码|条码|串号|机身码`)},
	{SlotModel, knowledge.MustGate(`型号|机型|model|xinghao`)},
	{SlotBrand, knowledge.MustGate(`品牌|牌子|厂家|pinpai`)},
	{SlotPhone, knowledge.MustGate(`电话|手机|号码|dianhua`)},
	{SlotAddress, knowledge.MustGate(`地址|住址|住哪|门牌|dizhi`)},
	{SlotName, knowledge.MustGate(`名字|姓名|称呼|姓什么|贵姓`)},
	{SlotPurchase, knowledge.MustGate(`(什么时候|啥时候|哪年|几月|几时|哪天)买|购买时间|买的时间|日期`)},
	{SlotChannel, knowledge.MustGate(`(哪|哪里|哪儿|边度|哪块)买|渠道|在哪买|京东|天猫|淘宝|拼多多`)},
	{SlotSymptom, knowledge.MustGate(`故障|毛病|问题|情况`)},
}

// answerToldAlready answers "型号我刚说了啊" at any question of the form and asks that question again.
// It reports whether the message was such a reproach (with no new value in it).
func (d *Dialog) answerToldAlready(t *step) bool {
	c := t.c
	text := ActText(t.u.Canon)
	if !cueToldAlready.MatchString(text) || t.u.Is(ActComplaint) || t.u.Is(ActHandoff) || t.u.Is(ActCancel) || c.Asking == "" {
		return false
	}
	slot := c.Asking
	for _, ts := range toldSlots {
		if ts.re.MatchString(text) {
			slot = ts.slot
			break
		}
	}
	label := catalog.T("bot.slot." + string(slot))
	switch {
	case !c.Case.lacks(slot):
		t.sayKey("bot.told_already.kept", "label", label, "value", truncateRunes(d.show(&c.Case, slot), 30))
		if slot == SlotModel && c.Asking == SlotSerial {
			t.sayKey("bot.told_already.serial_not_model") // a serial is asked, not the model again
		}
	default:
		t.sayKey("bot.told_already.missing", "label", label)
	}
	d.reask(t)
	return true
}
