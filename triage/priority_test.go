package triage

import "testing"

func TestPrioritise(t *testing.T) {
	tests := []struct {
		symptom string
		safety  bool
		hint    Priority
		want    Priority
		key     string
	}{
		{"冒烟了，有焦味", true, "", PriorityUrgent, "triage.why.priority.safety"},
		{"外壳划痕", true, PriorityRoutine, PriorityUrgent, "triage.why.priority.safety"}, // safety beats the rule
		{"无法开机", false, PriorityRoutine, PriorityRoutine, "triage.why.priority.rule"}, // the rule beats words
		{"有点异响", false, PriorityUrgent, PriorityUrgent, "triage.why.priority.rule"},
		{"电视开不了机", false, "", PriorityUrgent, "triage.why.priority.unusable"},
		{"按了电源键还是不开机", false, "", PriorityUrgent, "triage.why.priority.unusable"},
		{"洗衣机不启动", false, "", PriorityUrgent, "triage.why.priority.unusable"},
		{"电脑黑屏无反应", false, "", PriorityUrgent, "triage.why.priority.unusable"},
		{"智能门锁没电了 进不去家门了", false, "", PriorityUrgent, "triage.why.priority.unusable"},
		{"指纹锁失灵 人被锁在外面", false, "", PriorityUrgent, "triage.why.priority.unusable"},
		{"指纹按了没反应 进不了门", false, PriorityNormal, PriorityUrgent, "triage.why.priority.unusable"}, // locked out beats the lock rule
		{"升级后照片没了", false, "", PriorityUrgent, "triage.why.priority.data_loss"},
		{"硬盘数据丢失", false, "", PriorityUrgent, "triage.why.priority.data_loss"},
		{"无法开机，外观也有磕碰", false, "", PriorityUrgent, "triage.why.priority.unusable"}, // urgent beats cosmetic
		{"外壳有划痕", false, "", PriorityRoutine, "triage.why.priority.cosmetic"},
		{"边角掉漆", false, "", PriorityRoutine, "triage.why.priority.cosmetic"},
		{"制冷效果差", false, "", PriorityNormal, "triage.why.priority.normal"},
		{"", false, "", PriorityNormal, "triage.why.priority.normal"},
		{"制冷效果差", false, "bogus", PriorityNormal, "triage.why.priority.normal"},
	}
	for _, tt := range tests {
		got, why := Prioritise(Case{Symptom: tt.symptom, Safety: tt.safety, Hint: Hint{Priority: tt.hint}})
		if got != tt.want || why.Key != tt.key {
			t.Errorf("%q safety=%v hint=%q: got %s (%s), want %s (%s)", tt.symptom, tt.safety, tt.hint, got, why.Key, tt.want, tt.key)
		}
	}
	_, why := Prioritise(Case{Symptom: "电视开不了机"})
	if want := "紧急：“开不了机”，产品无法使用"; why.Text != want {
		t.Errorf("reason %q, want %q", why.Text, want)
	}
}

func TestPriorityRank(t *testing.T) {
	if !(PriorityUrgent.Rank() < PriorityNormal.Rank() && PriorityNormal.Rank() < PriorityRoutine.Rank() &&
		PriorityRoutine.Rank() < Priority("").Rank()) {
		t.Error("ranks out of order")
	}
}
