package bot

import "testing"

// Probe s19 class 1: a cause the customer rules out ("不是没放洗涤块 放了的") is no part of
// the fault, nor is the confirmation told after it; the fault before it stays.
func TestRuledOutCauseIsNoFault(t *testing.T) {
	tests := []struct{ text, symptom string }{
		{"洗碗机洗完碗还是油乎乎的 不是没放洗涤块 放了的", "洗完碗还是油乎乎的"},
		{"xiwanji洗完碗还是油油的不是没放洗涤剂啊放了的呀", "洗完碗还是油油的"},
		{"空调开了半天还是不凉 不是没关窗 窗户都关了", "开了半天还是不凉"},
		{"热水器洗着洗着水就凉了 又不是没开加热 开着的", "洗着洗着水就凉了"},
		{"冰箱冷藏室不冷了 不是没插电 灯是亮的", "冷藏室不冷了"},
		// a fault told after the denial stays
		{"电视不是没插电 就是不开机", "不开机"},
		{"洗衣机不是没关门 关好了也不转", "关好了也不转"},
	}
	lx := shippedKB(t).Lexicon()
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			if got := LooseSymptom(tt.text, testNow, lx); got != tt.symptom {
				t.Errorf("symptom %q, want %q", got, tt.symptom)
			}
		})
	}
}

// Probe s19 class 4: a time of day told as when the fault shows is part of the fault, not
// when it began; a qualifier of the fault just told stays with it.
func TestTimeTheFaultShows(t *testing.T) {
	tests := []struct{ text, symptom, started string }{
		{"路由器天天掉线 晚上特别严重", "天天掉线 晚上特别严重", ""},
		{"热水器一到晚上就不热了", "一到晚上就不热了", ""},
		{"wifi动不动就掉线 尤其晚上", "wifi动不动就掉线 尤其晚上", ""},
		{"空调天天漏水 晚上开得久的时候更严重", "天天漏水 晚上开得久的时候更严重", ""},
		// when it began
		{"空调晚上开始不制冷了", "不制冷了", "晚上"},
		{"昨天晚上开始漏水", "漏水", "昨天晚上"},
	}
	lx := shippedKB(t).Lexicon()
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			f := Extract(tt.text, testNow, lx)
			if f.Symptom == "" {
				f.Symptom = LooseSymptom(tt.text, testNow, lx) // "掉线" is the rule's word, read as the dialog does
			}
			if f.Symptom != tt.symptom || f.StartedPhrase != tt.started {
				t.Errorf("symptom %q started %q, want %q %q", f.Symptom, f.StartedPhrase, tt.symptom, tt.started)
			}
		})
	}
}

// "试了 没用" is a bare verdict; what was tried, a fault or a menu's number is not.
func TestNotSolvedOnly(t *testing.T) {
	lx := shippedKB(t).Lexicon()
	for text, want := range map[string]bool{
		"试了 没用": true, "没用": true, "试过了 还是不行": true, "都试了 不管用": true, "还是一样": true,
		"2": false, "还是不转": false, "充电座换插座也试过了 没用": false, "重启了还是掉线": false,
	} {
		if got := notSolvedOnly(text, testNow, lx); got != want {
			t.Errorf("notSolvedOnly(%q) = %v, want %v", text, got, want)
		}
	}
}
