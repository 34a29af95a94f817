package bot

import (
	"strings"
	"testing"
	"time"
)

// Probe s14-C: leaving, politeness, names in dialect, "0" at a numbered menu, Cantonese 有冇.

// readIn understands text at the question asked in state st, with the act model.
func readIn(t *testing.T, st State, asked Slot, text string) Understanding {
	t.Helper()
	kb := shippedKB(t)
	return RuleReader{}.Understand(text, Context{State: st, Asking: asked, Now: time.Date(2026, 12, 6, 10, 0, 0, 0, visitZone), Lexicon: kb.Lexicon()})
}

func TestLeavingAtFormQuestion(t *testing.T) {
	for _, text := range []string{
		"ok fine 就这样 bye", "ok 就酱 bye bye", "好的 就这样 bye", "先酱紫 bye~",
		"行了 就这样吧 拜拜", "好的好的 就这样吧 谢谢你啊", "好的好的就这样吧谢谢你啊", "先这样 回头再说",
		"好啦 就咁先啦 拜拜", "唔该晒 拜拜", // Cantonese
		"好额 就迭能 再会",   // Wu
		"好啦 先按呢 再会",   // Minnan
		"要得 就这样嘛 拜拜",  // Sichuan
		"得嘞 就这么着吧 回见", // northern
		"好的👋 拜拜",
	} {
		for _, asked := range []Slot{SlotPhone, SlotName, SlotAddress, SlotBrand} {
			u := readIn(t, StateCollect, asked, text)
			if got := u.Decisive(StateCollect); got.Kind != ActGoodbye {
				t.Errorf("%q at %s: %v, want goodbye (acts %v)", text, asked, got.Kind, u.Acts)
			}
			if !u.Facts.Phone.IsZero() || u.Facts.PhoneErr != nil && asked != SlotPhone {
				t.Errorf("%q at %s: phone %v err %v", text, asked, u.Facts.Phone, u.Facts.PhoneErr)
			}
		}
	}
	// a number given on the way out is the number
	if u := readIn(t, StateCollect, SlotPhone, "bye 13812345678"); u.Facts.Phone.IsZero() {
		t.Errorf("bye 13812345678: no phone")
	}
	// "是这样嘛?" still asks
	if topic, _ := questionTopic(ActText("是这样嘛?"), Context{State: StateNew}); topic == "" {
		t.Errorf("是这样嘛? is no question")
	}
}

func TestStillNeeded(t *testing.T) {
	for _, tc := range []struct {
		name string
		c    Conversation
		want string
	}{
		{"urgent", Conversation{State: StateCollect, Asking: SlotPhone, Case: Case{Facts: Facts{Category: "mobile_phone", Symptom: "鼓包"}, Safety: true}}, "联系电话"},
		{"at the phone", Conversation{State: StateCollect, Asking: SlotPhone, Case: Case{Facts: Facts{Category: "air_conditioner", Symptom: "不制冷", Name: "张先生"}}}, "联系电话等信息"},
		{"at the summary", Conversation{State: StateConfirm, Case: Case{Facts: Facts{Category: "air_conditioner", Symptom: "不制冷"}}}, "确认"},
		{"at the fault menu", Conversation{State: StateCollect, Asking: SlotFault, Case: Case{Facts: Facts{Category: "refrigerator", Symptom: "响"}}}, "具体故障、联系电话等信息"},
	} {
		if got := stillNeeded(&tc.c); !strings.Contains(got, tc.want) {
			t.Errorf("%s: %q, want %q in it", tc.name, got, tc.want)
		}
	}
}

func TestPoliteOpening(t *testing.T) {
	for _, text := range []string{
		"您好，打扰您了，真不好意思", "不好意思打搅一下", "麻烦问一下", "冒昧问下", "請問一下", "劳驾问一下",
		"唔好意思 打扰下",   // Cantonese
		"歹势 请问一下",    // Minnan
		"麻烦问哈",       // Sichuan
		"师傅你好 打扰一下哈", // northern
		"您好打扰了真不好意思", // voice, no pause
		"sorry打扰一下🙏",
	} {
		u := readIn(t, StateNew, "", text)
		if !politeOpening(&u) {
			t.Errorf("%q: acts %v, not a polite opening", text, u.Acts)
		}
		if u.Is(ActSmallTalk) || u.Is(ActProgress) || u.Is(ActThanks) {
			t.Errorf("%q: acts %v", text, u.Acts)
		}
	}
	// the politeness carries a question or a fault: those are read, the courtesy is no symptom
	for _, tc := range []struct {
		text, topic, symptom string
	}{
		{"不好意思打扰一下 请问热水器多久能上门", TopicDuration, ""},
		{"冒昧问下 空调保修几年啊", TopicWarranty, ""},
		{"您好打扰了我想问一下我家热水器老是自己熄火是怎么回事", "", "老是自己熄火是怎么回事"},
		{"不好意思 冰箱不制冷", "", "不制冷"},
	} {
		u := readIn(t, StateNew, "", tc.text)
		if politeOpening(&u) {
			t.Errorf("%q read as a bare polite opening", tc.text)
		}
		if q, _ := u.Has(ActQuestion); q.Topic != tc.topic {
			t.Errorf("%q: question %q, want %q", tc.text, q.Topic, tc.topic)
		}
		if u.Facts.Symptom != tc.symptom {
			t.Errorf("%q: symptom %q, want %q", tc.text, u.Facts.Symptom, tc.symptom)
		}
		if !u.Facts.PurchaseDate.IsZero() || u.Facts.PurchaseVague {
			t.Errorf("%q: a purchase date %v vague=%v", tc.text, u.Facts.PurchaseDate, u.Facts.PurchaseVague)
		}
	}
	// an apology before a correction still corrects
	if u := readIn(t, StateCollect, SlotName, "不好意思 刚才说错了 是李先生"); !u.Is(ActCorrection) {
		t.Errorf("apology before a correction: %v", u.Acts)
	}
}

func TestCantoneseYauMou(t *testing.T) {
	for _, tc := range []struct{ yue, mandarin, topic string }{
		{"有冇保修", "有没有保修", TopicWarranty},
		{"呢部机有冇保修㗎", "这台机器有没有保修", TopicWarranty},
		{"有冇延保", "有没有延保", TopicWarranty},
		{"有冇得修", "有没有得修", TopicCoverage},
		{"雪柜有冇得修啊", "冰箱有没有得修啊", TopicCoverage},
		{"修要几耐 有冇人上门", "修要多久 有没有人上门", TopicDuration},
		{"冷气有冇人上门整㗎", "空调有没有人上门修", TopicService},
		{"有冇人工啊", "有没有人工", ""},
	} {
		for _, text := range []string{tc.yue, tc.mandarin} {
			u := readIn(t, StateCollect, SlotFault, text)
			if tc.topic == "" {
				if !u.Is(ActHandoff) {
					t.Errorf("%q: acts %v, want handoff", text, u.Acts)
				}
				continue
			}
			if q, ok := u.Has(ActQuestion); !ok || q.Topic != tc.topic {
				t.Errorf("%q: acts %v, want a %s question", text, u.Acts, tc.topic)
			}
			if u.Facts.Symptom != "" {
				t.Errorf("%q: symptom %q", text, u.Facts.Symptom)
			}
		}
	}
	// 冇 alone is still "none" and "no use"
	for _, text := range []string{"冇", "冇啊"} {
		if u := readIn(t, StateCollect, SlotSerial, text); u.Is(ActQuestion) {
			t.Errorf("%q at the serial question: %v", text, u.Acts)
		}
	}
	if u := readIn(t, StateSelf, "", "冇用"); !u.Is(ActNotSolved) {
		t.Errorf("冇用 after a step: %v", u.Acts)
	}
	// a clause that asks chooses no fault from the menu, and "修要几耐" is no brand
	if q, _ := questionTopic(ActText("修要几耐"), Context{State: StateCollect, Asking: SlotBrand}); q != TopicDuration {
		t.Errorf("修要几耐: topic %q", q)
	}
	if !cueQuestion.MatchString("修要几耐") {
		t.Errorf("修要几耐 asks nothing")
	}
}

func TestZeroAtProductOrBrandMenu(t *testing.T) {
	for _, asked := range []Slot{SlotCategory, SlotBrand} {
		for _, text := range []string{"0", "０", "零", "我选0", "回复0"} {
			u := readIn(t, StateCollect, asked, text)
			if !u.Is(ActHandoff) {
				t.Errorf("%q at %s: %v, want the 0 转人工", text, asked, u.Acts)
			}
			if u.Facts.Brand != "" || u.Facts.Category != "" || u.Facts.Product != "" {
				t.Errorf("%q at %s: facts %s", text, asked, u.Facts.Brand+u.Facts.Category+u.Facts.Product)
			}
		}
	}
	// other questions keep their own reading of a 0
	if u := readIn(t, StateCollect, SlotPhone, "0"); u.Is(ActHandoff) {
		t.Errorf("0 at the phone question read as a handoff")
	}
}

func TestNamesInDialect(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"我妈姓周 叫周阿姨就行", "周阿姨"},
		{"吾姓陈 陈阿婆", "陈阿婆"}, // Wu
		{"叫我陈阿婆就得", "陈阿婆"},
		{"系李生", "李生"}, // Cantonese: Mr Li
		{"我系姓黄嘅 黄生", "黄生"},
		{"陈太", "陈太"},
		{"王嬢嬢", "王嬢嬢"}, // Sichuan
		{"叫我老周就行", "老周"},
		{"刘大爷", "刘大爷"}, // northern
		{"我姓王", "王"},
		{"王先生", "王先生"},
		{"张三", "张三"},
	} {
		if got, ok := ParseName(tc.text); !ok || got != tc.want {
			t.Errorf("ParseName(%q) = %q %v, want %q", tc.text, got, ok, tc.want)
		}
	}
	for _, text := range []string{"全号", "尾号", "电话", "号码"} {
		if got, ok := ParseName(text); ok {
			t.Errorf("ParseName(%q) = %q, want no name", text, got)
		}
	}
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, visitZone)
	if f := Extract("电话尾号是 5566 全号13655665566", now, nil); f.Name != "" {
		t.Errorf("全号 read as a name %q", f.Name)
	}
	// corrections at the summary, in dialect
	for _, text := range []string{"称呼勿对 是陈阿婆", "名字唔啱 系李生", "名字错咯 是王嬢嬢", "名字唔对 系陈太"} {
		if u := readIn(t, StateConfirm, "", text); !u.Is(ActCorrection) {
			t.Errorf("%q at the summary: %v, want a correction", text, u.Acts)
		}
	}
	// one-character titles end the word
	if got, _, ok := readTitledSurname("张太多了", 0); ok {
		t.Errorf("张太多了: a name %q", got)
	}
}
