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
