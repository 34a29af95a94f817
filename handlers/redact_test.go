package handlers

import "testing"

func TestMaskNumbers(t *testing.T) {
	cases := map[string]string{
		"冰箱漏水":                      "冰箱漏水",
		"不制冷，显示E1":                  "不制冷，显示E1",
		"我电话13812345678，尽快联系":       "我电话***，尽快联系",
		"打 010-1234 5678 找我":        "打 *** 找我",
		"IMEI 861234567890123 充不进电": "IMEI *** 充不进电",
		"型号KFR-35GW，2025年6月买的":      "型号KFR-35GW，2025年6月买的",
	}
	for in, want := range cases {
		if got := maskNumbers(in); got != want {
			t.Errorf("maskNumbers(%q) = %q, want %q", in, got, want)
		}
	}
}
