package bot

import (
	"strings"
	"testing"
	"time"
)

// Probe s14-C class 4: a gas boiler or a gas water heater never gets the electric water
// heater's RESET-button step; an electric one gets it; a heater of unknown kind gets the
// step for both; gas, once said, stays.
func TestGasApplianceSteps(t *testing.T) {
	d := NewDialog(shippedKB(t))
	at := time.Date(2026, 12, 6, 20, 0, 0, 0, visitZone)
	for _, tc := range []struct {
		msgs      []string
		reset, gs bool // the RESET step shown; the gas step shown
	}{
		{[]string{"老板 壁挂炉不出热水了"}, false, true},
		{[]string{"燃气热水器不出热水"}, false, true},
		{[]string{"天然气热水器 水不热"}, false, true},
		{[]string{"煤气热水器放出来都是冷水"}, false, true},
		{[]string{"热水器不出热水了", "对了我那个是燃气的"}, false, true},
		{[]string{"热水器不出热水了", "哦 是天然气的"}, false, true},
		{[]string{"热水器不出热水了", "我家是电热水器"}, true, false},
		{[]string{"电热水器不加热了"}, true, false},
		{[]string{"储水式热水器水不热"}, true, false},
		{[]string{"热水器不出热水了"}, true, true}, // kind unknown: both, labelled
	} {
		_, reply, _ := talk(t, d, at, tc.msgs...)
		if strings.Contains(reply, "RESET") != tc.reset {
			t.Errorf("%q: RESET shown %v, want %v: %q", tc.msgs, !tc.reset, tc.reset, reply)
		}
		if strings.Contains(reply, "燃气阀门") != tc.gs {
			t.Errorf("%q: gas step shown %v, want %v: %q", tc.msgs, !tc.gs, tc.gs, reply)
		}
	}
	// gas stays once said
	c, _, _ := talk(t, d, at, "燃气热水器不出热水", "哦 它也用电的")
	if c.Case.Fuel != FuelGas {
		t.Errorf("fuel %q after gas then electric words", c.Case.Fuel)
	}
	// the kind told during a step is no verdict on it: the same step, for that kind
	_, reply, _ := talk(t, d, at, "热水器不出热水了", "对了我那个是燃气的")
	if !strings.Contains(reply, "第1步") {
		t.Errorf("step for gas: %q", reply)
	}
}
