package bot

import (
	"testing"
	"time"
)

func TestNamedLine(t *testing.T) {
	for _, tc := range []struct {
		in   string
		slot Slot
		rest string
		ok   bool
	}{
		{"10不对 我没说没原因啊 上礼拜停过一回电", SlotTrigger, "我没说没原因啊 上礼拜停过一回电", true},
		{"第十项错了 那个原因是停电", SlotTrigger, "那个原因是停电", true},
		{"13不对 是泉城路1号2单元304", SlotAddress, "泉城路1号2单元304", true},
		{"第五项错了 是2023年6月买的", SlotPurchase, "2023年6月买的", true},
		{"12写错了", SlotPhone, "", true},
		{"10", "", "", false},          // a plain number is the menu's
		{"14不对", "", "", false},        // no such line
		{"2023年买的不对", "", "", false},   // a year, not a line
		{"冷冻室不冻 10度左右", "", "", false}, // no line named
	} {
		slot, rest, ok := namedLine(tc.in)
		if slot != tc.slot || rest != tc.rest || ok != tc.ok {
			t.Errorf("namedLine(%q) = %q, %q, %v; want %q, %q, %v", tc.in, slot, rest, ok, tc.slot, tc.rest, tc.ok)
		}
	}
}

func TestPowerCutInWords(t *testing.T) {
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want Trigger
	}{
		{"前两天停过电 冰箱就不制冷了", TriggerVoltage},
		{"上礼拜停过一回电", TriggerVoltage},
		{"停了一宿电 来电就这样了", TriggerVoltage},
		{"跳过一次闸以后就不转了", TriggerVoltage},
		{"没停过电 就是不制冷", TriggerNone},
		{"一开就停了电 整个家都黑了", ""}, // what the fault does, not its cause
	} {
		if got := Extract(tc.in, now, nil).Trigger; got != tc.want {
			t.Errorf("Extract(%q).Trigger = %q, want %q", tc.in, got, tc.want)
		}
	}
}
