package triage

import "testing"

func TestClassifyFault(t *testing.T) {
	tests := []struct {
		trigger Trigger
		hint    FaultClass
		want    FaultClass
		key     string
	}{
		{TriggerWater, "", FaultUserDamage, "triage.why.class.trigger"},
		{TriggerDrop, "", FaultUserDamage, "triage.why.class.trigger"},
		{TriggerSelfDisassembly, "", FaultUserDamage, "triage.why.class.trigger"},
		{TriggerWrongVoltage, "", FaultUserDamage, "triage.why.class.trigger"},
		{TriggerWater, FaultSoftware, FaultUserDamage, "triage.why.class.trigger"}, // the trigger wins
		{TriggerVoltage, "", FaultHardware, "triage.why.class.not_user"},           // the grid is not the customer
		{TriggerForeignObject, "", FaultHardware, "triage.why.class.not_user"},
		{TriggerVoltage, FaultUserDamage, FaultUserDamage, "triage.why.class.rule"}, // a rule may still say so
		{TriggerNone, FaultSoftware, FaultSoftware, "triage.why.class.rule"},
		{TriggerUnknown, FaultHardware, FaultHardware, "triage.why.class.rule"},
		{TriggerNone, "", FaultHardware, "triage.why.class.default"},
		{TriggerUnknown, "", FaultHardware, "triage.why.class.default"},
		{TriggerNone, "bogus", FaultHardware, "triage.why.class.default"},
	}
	for _, tt := range tests {
		got, why := ClassifyFault(Case{Trigger: tt.trigger, Hint: Hint{FaultClass: tt.hint}})
		if got != tt.want || why.Key != tt.key {
			t.Errorf("trigger %q hint %q: got %s (%s), want %s (%s)", tt.trigger, tt.hint, got, why.Key, tt.want, tt.key)
		}
	}
	_, why := ClassifyFault(Case{Trigger: TriggerWater})
	if want := "人为损坏：诱因为进水，不属于产品质量问题"; why.Text != want {
		t.Errorf("reason %q, want %q", why.Text, want)
	}
}
