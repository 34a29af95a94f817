package bot

import (
	"testing"
	"time"
)

// TestActs is the table of dialogue acts: one row per class of message, in the states
// where the reading differs. The behaviour corpus (corpus/behaviours.jsonl, intake kb eval)
// measures the same on messages written by others.
func TestActs(t *testing.T) {
	lx := newTestKB(t).lx
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	for _, tc := range []struct {
		state  State
		ticket bool
		text   string
		want   ActKind
		topic  string
	}{
		{StateCollect, false, "转人工", ActHandoff, ""},
		{StateSelf, false, "好像好点了又好像没有，说不好", ActVague, ""},
		{StateSelf, false, "不好说，再用几天看吧", ActVague, ""},
		{StateNew, false, "我的售后申请审核通过了吗", ActProgress, ""},
		{StateSelf, false, "能不能找个懂行的来跟我说", ActHandoff, ""},
		{StateHuman, false, "你们客服一个推一个，没一个能解决问题的", ActComplaint, ""},
		{StateDone, false, "师傅勿要来了，阿拉搬场了", ActCancel, ""},
		{StateNew, false, "配件到了没", ActProgress, ""},
		{StateNew, false, "检测结果出来了吗", ActProgress, ""},
		{StateDone, true, "啥时候上门啊 等一上午了", ActProgress, ""},
		{StateDone, false, "谢谢啊 师傅辛苦了 火速解决", ActThanks, ""},
		{StateNew, false, "多久能来人啊", ActQuestion, TopicDuration},
		{StateSelf, false, "我现在不在家 晚上回去再弄", ActVague, ""},
		{StateSelf, false, "还没试呢 孩子在闹", ActVague, ""},
		{StateSelf, false, "还是不行…哦等下 好了好了 是我没按到位", ActSolved, ""},
		{StateNew, false, "我的单子到哪了嘛", ActProgress, ""},
		{StateNew, false, "查询工单ＷＸ２０２６１１２８００７", ActProgress, ""},
		{StateDone, false, "好的好的谢谢你啊姑娘", ActThanks, ""},
		{StateDone, false, "谢谢小哥哥", ActThanks, ""},
		{StateNew, false, "客服同志你好", ActGreeting, ""},
		{StateNew, false, "帮阿拉寻个真人好伐", ActHandoff, ""},
		{StateHuman, false, "夜里有人工吗", ActQuestion, TopicHours},
		{StateSelf, false, "修一修要几钿", ActQuestion, TopicPrice},
		{StateCollect, false, "你是机器人吧", ActQuestion, TopicBotOrHuman},
		{StateCollect, false, "型号搁哪瞅啊", ActQuestion, TopicWhereModel},
		{StateDone, false, "不用来啦 它自己好了", ActCancel, ""},
		{StateNew, false, "本人对贵司维修服务质量极为不满，要求书面答复。", ActComplaint, ""},
		{StateNew, false, "俺家冰箱不中了", ActVague, ""},
		{StateCollect, false, "找个活人跟我说", ActHandoff, ""},
		{StateCollect, false, "别让机器人回复了", ActHandoff, ""},
		{StateCollect, false, "你们是真人吗", ActQuestion, TopicBotOrHuman},
		{StateCollect, false, "不用修了", ActCancel, ""},
		{StateCollect, false, "不修了 买新的了", ActCancel, ""},
		{StateDone, false, "好嘞再见", ActGoodbye, ""},
		{StateDone, false, "行吧 那就这样 拜了", ActGoodbye, ""},
		{StateDone, false, "谢谢师傅！", ActThanks, ""},
		{StateDone, true, "师傅什么时候来啊", ActProgress, ""},
		{StateCollect, false, "师傅什么时候能上门", ActQuestion, TopicDuration},
		{StateCollect, false, "修一下大概几百块？", ActQuestion, TopicPrice},
		{StateCollect, false, "买了还不到两年，修的话要我妈出钱吗？", ActQuestion, TopicPrice},
		{StateCollect, false, "这个还在保吗", ActQuestion, TopicWarranty},
		{StateCollect, false, "有异味正常吗", ActQuestion, TopicIsNormal},
		{StateCollect, false, "型号在哪看啊", ActQuestion, TopicWhereModel},
		{StateCollect, false, "你们几点下班", ActQuestion, TopicHours},
		{StateNew, false, "你们大理这边有没有维修点嘛", ActQuestion, TopicCoverage},
		{StateNew, false, "额在宝鸡乡下 你们能上门不", ActQuestion, TopicCoverage},
		{StateCollect, false, "农村也上门吗", ActQuestion, TopicCoverage},
		{StateCollect, false, "序號要去哪裡找", ActQuestion, TopicWhereModel},
		{StateDone, true, "修好之后机器背后有眼热，要紧伐", ActQuestion, TopicIsNormal},
		{StateDone, true, "呢个声紧唔紧要", ActQuestion, TopicIsNormal},
		{StateCollect, false, "山里能来修不", ActQuestion, TopicCoverage},
		{StateCollect, false, "再不修好我就打12315投诉你们", ActComplaint, ""},
		{StateCollect, false, "不对，是格力的", ActCorrection, ""},
		{StateCollect, false, "刚才说错了，是前年买的", ActCorrection, ""},
		{StateNew, false, "你吃饭了吗", ActSmallTalk, ""},
		// Thanks needs a word of thanks or assent: weather, lunch and a long day are talk.
		{StateSelf, false, "今天好热", ActSmallTalk, ""},
		{StateHuman, false, "哎 今天上班好累", ActSmallTalk, ""},
		{StateHuman, false, "好的 辛苦啦", ActThanks, ""},
		{StateHuman, false, "好 我等着", ActThanks, ""},
		{StateSelf, false, "嗯嗯", ActThanks, ""},
		// Regional and net speech, trailing particles, people thanked by name.
		{StateNew, false, "侬好", ActGreeting, ""},
		{StateNew, false, "晚上好呀 打扰了", ActGreeting, ""},
		{StateDone, true, "中 谢谢恁", ActThanks, ""},
		{StateDone, true, "走了哈", ActGoodbye, ""},
		{StateDone, true, "那我先挂了啊", ActGoodbye, ""},
		{StateSelf, false, "木有问题了 谢谢客服小姐姐", ActSolved, ""},
		{StateSelf, false, "0反应", ActNotSolved, ""},
		{StateSelf, false, "我选0", ActHandoff, ""},
		{StateSelf, false, "app能控制了", ActSolved, ""},
		{StateCollect, false, "唠不明白 换个人", ActHandoff, ""},
		{StateNew, false, "阿拉屋里空调坏脱了", ActVague, ""},
		{StateNew, false, "你们这是欺骗消费者", ActComplaint, ""},
		{StateDone, true, "等了一个礼拜了", ActComplaint, ""},
		{StateCollect, false, "整番要几多钱啊", ActQuestion, TopicPrice},
		{StateNew, false, "还有保修伐", ActQuestion, TopicWarranty},
		{StateCollect, false, "真人还是机器啊", ActQuestion, TopicBotOrHuman},
		{StateCollect, false, "空调型号是在室内机还是外机上", ActQuestion, TopicWhereModel},
		// Once a ticket exists, a question about the visit is a question about the ticket.
		{StateDone, true, "今天下午能来吗 我好请假", ActProgress, ""},
		{StateDone, true, "不用师傅上门了 谢谢", ActCancel, ""},
		{StateNew, false, "你好 在吗", ActGreeting, ""},
		{StateNew, false, "冰箱坏了", ActVague, ""},
		{StateNew, false, "冰箱出毛病了", ActVague, ""},
		{StateNew, false, "冰箱不制冷了", ActReport, ""},
		{StateSelf, false, "2个方法都试了没用", ActNotSolved, ""},
		{StateSelf, false, "门关好了也不行", ActNotSolved, ""},
		{StateSelf, false, "弄好了但是又有了", ActNotSolved, ""},
		{StateSelf, false, "好了一会儿又不转了", ActNotSolved, ""},
		{StateSelf, false, "重启好了还是卡", ActNotSolved, ""},
		{StateSelf, false, "好了一会又不行了", ActNotSolved, ""},
		{StateSelf, false, "还没好", ActNotSolved, ""},
		{StateSelf, false, "诶好了！谢谢", ActSolved, ""},
		{StateSelf, false, "可以了可以了", ActSolved, ""},
		{StateSelf, false, "2", ActNotSolved, ""},
		{StateSelf, false, "１", ActSolved, ""},
		{StateSelf, false, "修好要多少钱啊", ActQuestion, TopicPrice},
		{StateSelf, false, "哦不对，是美的的", ActCorrection, ""},
	} {
		u := RuleReader{}.Understand(tc.text, Context{State: tc.state, Category: "air_conditioner", HasTicket: tc.ticket, Now: now, Lexicon: lx})
		a, ok := u.Has(tc.want)
		if !ok || a.Topic != tc.topic {
			t.Errorf("%s %q: acts %+v, want %s %s", tc.state, tc.text, u.Acts, tc.want, tc.topic)
		}
	}
	for _, tc := range []struct {
		state State
		text  string
	}{
		{StateDone, "中午吃啥好呢"},
		{StateSelf, "今天好热"},
		{StateHuman, "今天天气真好 想出去钓鱼"},
	} {
		u := RuleReader{}.Understand(tc.text, Context{State: tc.state, Category: "air_conditioner", Now: now, Lexicon: lx})
		if _, ok := u.Has(ActThanks); ok {
			t.Errorf("%s %q: read as thanks: %+v", tc.state, tc.text, u.Acts)
		}
	}
}

// TestChangeOfProduct: another product named with the first set aside is a change of
// product, not an answer.
func TestChangeOfProduct(t *testing.T) {
	lx := newTestKB(t).lx
	for _, text := range []string{"其实是冰箱坏了，空调没事", "空调没事，是冰箱坏了", "不是空调，是冰箱",
		"勿是空调 是冰箱坏脱了", "我报的不是空调哈，是冰箱"} {
		u := RuleReader{}.Understand(text, Context{State: StateCollect, Category: "air_conditioner", Lexicon: lx})
		a, ok := u.Has(ActChangeProduct)
		if !ok || a.Evidence != "refrigerator" {
			t.Errorf("%q: acts %+v, want change_product to refrigerator", text, u.Acts)
		}
	}
	// A denied product is never the one reported, even when the other is outside the catalogue.
	u := RuleReader{}.Understand("不是空调，是风扇坏了", Context{State: StateCollect, Category: "air_conditioner", Lexicon: lx})
	if a, ok := u.Has(ActChangeProduct); !ok || a.Evidence == "air_conditioner" {
		t.Errorf("不是空调，是风扇坏了: acts %+v, want change_product away from air_conditioner", u.Acts)
	}
}

// Something else working is no answer about the product: "插座是好的 别的电器能用".
func TestSomethingElseWorks(t *testing.T) {
	lx := newTestKB(t).lx
	for _, text := range []string{"不是 插座是好的 别的电器能用", "插座有电 别的都能用"} {
		u := RuleReader{}.Understand(text, Context{State: StateSelf, Lexicon: lx})
		if u.Is(ActSolved) {
			t.Errorf("%q read as solved: %+v", text, u.Acts)
		}
	}
}

// An A-not-A question is no failure: "能不能快点" asks.
func TestANotAIsNoFailure(t *testing.T) {
	lx := newTestKB(t).lx
	for _, text := range []string{"能不能快点", "行不行啊 到底"} {
		if u := (RuleReader{}).Understand(text, Context{State: StateSelf, Lexicon: lx}); u.Is(ActNotSolved) {
			t.Errorf("%q read as not solved: %+v", text, u.Acts)
		}
	}
}
