package bot

import (
	"testing"
	"time"

	"github.com/wxintake/intake/knowledge"
)

func TestExtractErrorCode(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"显示E1", "E1"},
		{"报E4", "E4"},
		{"e1故障", "E1"},
		{"代码F3", "F3"},
		{"显示E10", "E10"}, // not E1
		{"报UNb", "UNB"},
		{"屏幕显示 F12", "F12"},
		{"故障码88", "88"},
		{"显示E-21", "E21"},
		{"一直闪CH05", "CH05"},
		{"洗衣机显示4C", "4C"},
		{"空调E5了", "E5"}, // the common one-letter shape needs no cue
		{"显示88度", ""},   // a bare number needs "代码"/"故障码"
		{"型号KFR-35GW", ""},
		{"温度调到26", ""},
		{"显示OK", ""},
		{"华为P40", ""}, // a model, not a code
		{"E1E1", ""},
		{"wifi6连不上", ""},
	}
	lx := testLexicon(t)
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := Extract(tt.text, testNow, lx).ErrorCode; got != tt.want {
				t.Errorf("Extract(%q).ErrorCode = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestExtractTrigger(t *testing.T) {
	tests := []struct {
		text string
		want Trigger
	}{
		{"家里电压不稳", TriggerVoltage},
		{"停电后就不制冷了", TriggerVoltage},
		{"跳闸后开不了机", TriggerVoltage},
		{"打雷后坏了", TriggerVoltage},
		{"掉进去一个硬币", TriggerForeignObject},
		{"里面卡了东西", TriggerForeignObject},
		{"手机进水了", TriggerWater},
		{"泡水了", TriggerWater},
		{"淋雨了", TriggerWater},
		{"掉水里了", TriggerWater},
		{"不小心掉进马桶", TriggerWater},
		{"摔了一下", TriggerDrop},
		{"掉地上了", TriggerDrop},
		{"磕到了桌角", TriggerDrop},
		{"自己拆开过", TriggerSelfDisassembly},
		{"在外面修过", TriggerSelfDisassembly},
		{"空调过滤网可以自己拆洗吗", ""},
		{"能不能自己拆开看看", ""},
		{"我爸非要自己拆 拆的时候要注意啥子", ""},
		{"自己拆之前要断电不", ""},
		{"马桶盖自己拆过以后就不加热了", TriggerSelfDisassembly},
		{"滤网自己拆下来洗了一下", ""},
		{"插错电压了", TriggerWrongVoltage},
		{"接了110V的电", TriggerWrongVoltage},
		{"不小心摔了", TriggerDrop}, // "不小心" is no denial
		{"不是进水", TriggerNone},
		{"没进水也没摔过", TriggerNone},
		{"没有被摔过", TriggerNone},
		{"无缘无故就坏了", TriggerNone},
		{"空调不制冷", ""},
		{"碰到这个问题好几次了", ""},
		// denials, questions and the machine's own water inlet are no cause
		{"洗衣机冇水入 按咗开始都唔进水", ""},
		{"唔系进水 系自己坏咗", TriggerNone},
		{"冇进过水", TriggerNone},
		{"佢冇进水㗎", TriggerNone},
		{"对了进水的角阀要关不", ""},
		{"洗碗机进水阀门要不要关", ""},
		{"进水的龙头开着呢", ""},
		{"手机是不是进水了", ""},
		{"下雨天会不会进水啊", ""},
		{"会进水吗", ""},
		{"怕进水 用保鲜膜包着", ""},
		{"从来没泡过水", TriggerNone},
		{"手机进水了还保修吗", TriggerWater},
		{"起了个小水泡 怎么处理", ""},
		{"手机水泡过", TriggerWater},
		{"昨天掉马桶里了 是不是进水了", TriggerWater},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := Extract(tt.text, testNow, nil).Trigger; got != tt.want {
				t.Errorf("Extract(%q).Trigger = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestParseTrigger(t *testing.T) {
	tests := []struct {
		text string
		want Trigger
		ok   bool
	}{
		{"没有", TriggerNone, true},
		{"不知道", TriggerNone, true},
		{"没什么原因", TriggerNone, true},
		{"正常使用", TriggerNone, true},
		{"没摔也没进水", TriggerNone, true},
		{"摔过一次", TriggerDrop, true},
		{"好像进过水", TriggerWater, true},
		{"停电了", TriggerVoltage, true},
		{"是的", "", false},
		{"有", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got, ok := ParseTrigger(tt.text)
			if got != tt.want || ok != tt.ok {
				t.Errorf("ParseTrigger(%q) = %q, %v; want %q, %v", tt.text, got, ok, tt.want, tt.ok)
			}
		})
	}
}

func TestExtractSymptom(t *testing.T) {
	tests := []struct {
		text string
		want string
	}{
		{"今天突然不制冷", "不制冷"},
		{"售后太差了 冰箱又不制冷了", "不制冷了"},          // anger at the service is no fault
		{"我老公说坏的其实是卧室那台海信 黑屏有声音", "黑屏有声音"}, // which unit, not what is wrong
		{"卧室那台不制冷", "卧室那台不制冷"},             // a fault beside the unit stays
		{"你们什么破售后，空调又不制冷了", "不制冷了"},
		{"空调不制冷，电话13800138000", "不制冷"},
		{"手机充电时发热严重且自动关机", "充电时发热严重且自动关机"},
		{"冰箱不凉了三天了", "不凉了"},
		{"不知道为什么突然就停机了，显示E3", "停机了，显示E3"},
		{"上周摔了一下，屏幕碎了", "屏幕碎了"},
		{"空调有异响，京东买的，没买延保，一直嗡嗡响", "异响，嗡嗡响"},
		{"在京东买的空调不制冷", "不制冷"},
		{"停电后就不工作了", "停电后就不工作了"}, // the cause stays part of the story
		{"不是进水，也没摔过，突然就开不了机", "开不了机"},
		// products this lexicon does not know are named by their form and left out
		{"洗衣机脱水的时候声音特别大，像要散架了", "洗衣机脱水的时候声音特别大，像要散架了"},
		{"热水器点不着火，显示E2", "点不着火，显示E2"},
		{"我叫张三，电话13800138000", ""},
		{"美的空调，去年买的", ""},
	}
	lx := testLexicon(t)
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := Extract(tt.text, testNow, lx).Symptom; got != tt.want {
				t.Errorf("Extract(%q).Symptom = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestParseSymptom(t *testing.T) {
	lx := testLexicon(t)
	if got := ParseSymptom("今天突然不制冷了", testNow, lx); got != "不制冷了" {
		t.Errorf("ParseSymptom = %q, want the symptom Extract finds", got)
	}
	if got := ParseSymptom("就是感觉不太对劲。", testNow, lx); got != "就是感觉不太对劲" {
		t.Errorf("ParseSymptom = %q, want the whole answer when no fault word is known", got)
	}
}

// TestWaterSupplyIsNoWaterDamage: a machine that takes no water was not damaged by water
// (issue 8: "进不了水/不进水" must not make an in-warranty customer pay).
func TestWaterSupplyIsNoWaterDamage(t *testing.T) {
	for _, text := range []string{"洗衣机不进水", "洗衣机进不了水", "洗碗机无法进水", "进水很慢", "进水阀坏了", "洗衣机不进水，插头插好了"} {
		if f := Extract(text, time.Now(), nil); f.Trigger == TriggerWater {
			t.Errorf("Extract(%q).Trigger = water, want none", text)
		}
	}
	if f := Extract("手机进水了开不了机", time.Now(), nil); f.Trigger != TriggerWater {
		t.Errorf("手机进水了: trigger %q, want water", f.Trigger)
	}
}

// TestSymptomLeavesQuestions: a question asked beside the fault ("修一下多少钱", "师傅能今天
// 来吗", "还在保修期吗") and the digits of other facts are no part of the fault's words.
func TestSymptomLeavesQuestions(t *testing.T) {
	lx := testLexicon(t)
	tests := []struct{ text, want string }{
		{"空调不制冷 修一下多少钱", "不制冷"},
		{"空调不制冷修一下多少钱", "不制冷"},
		{"冰箱不制冷 在保修期吗", "不制冷"},
		{"热水器漏水 要上门吗？", "漏水"},
		{"空调不制热了，请问大概多久能修好啊", "不制热了"},
		{"打不着火 师傅能今天来吗 13812345678", "打不着火"},
		{"不制冷怎么办", "不制冷怎么办"}, // a fault told as a question stays whole
	}
	for _, tt := range tests {
		f := Extract(tt.text, testNow, lx)
		if f.Symptom != tt.want {
			t.Errorf("Extract(%q).Symptom = %q, want %q", tt.text, f.Symptom, tt.want)
		}
		if f.StartedPhrase != "" {
			t.Errorf("Extract(%q): a visit wished for read as the onset %q", tt.text, f.StartedPhrase)
		}
	}
	for _, tt := range []struct{ text, want string }{
		{"洗的时候咣当咣当的 修一下多少钱", "洗的时候咣当咣当的"},
		{"画面发紫 你们什么时候能来 我电话13900001111", "画面发紫"},
		{"出水一阵一阵的 13800001111", "出水一阵一阵的"},
	} {
		if got := ParseSymptom(tt.text, testNow, lx); got != tt.want {
			t.Errorf("ParseSymptom(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestSymptomKeepsOnlyTheFault: the fault words as the customer told them, without the fault
// they said it is not ("不是不制冷 是…"), names called, openers, a reproach that points back,
// or a request to look at it.
func TestSymptomKeepsOnlyTheFault(t *testing.T) {
	lx := testLexicon(t)
	for text, want := range map[string]string{
		"冰箱不是不制冷 是制冷太猛了 冷藏室的菜都冻成冰坨子了":  "制冷太猛了 冷藏室的菜都冻成冰坨子了",
		"洗衣机不是不转 是转起来咣咣响":              "转起来咣咣响",
		"空掉不至冷 一直吹热疯":                  "不制冷，吹热风",
		"你们这什么破油烟机！！这才20天又不转了！！！":      "这才20天又不转了",
		"咩嘢破烂嘢 啱修完又唔制冷":                "啱修完又不制冷",
		"洗衣机也坏了不脱水两个都要修，洗衣机呢 我说了两个都坏了": "洗衣机也坏了不脱水",
	} {
		if got := Extract(knowledge.Canon(text), testNow, lx).Symptom; got != want {
			t.Errorf("symptom of %q = %q, want %q", text, got, want)
		}
	}
}
