package bot

import "testing"

// TestProbeS11Cues pins the phrasings the s11-A probe found misread, and others of the same kind.
func TestProbeS11Cues(t *testing.T) {
	tests := []struct {
		name string
		gate interface{ MatchString(string) bool }
		yes  []string
		no   []string
	}{
		{"no reschedule", cueNoReschedule,
			[]string{"我没要改约啊你在说啥", "我没改约是地址门牌号错了", "你别给我改时间", "我冇叫你改时间啊😅", "谁说要改时间了", "时间不用改", "不改了"},
			[]string{"能不能改到周六下午", "改个时间吧", "那天没人在家"}},
		{"clear cancel", cueClearCancel,
			[]string{"算了不修了我直接找雅迪去", "不用你们上门不是你们家的东西取消吧", "唔使上门啦我自己搵人整", "不报修了", "我还是找物业去吧", "别派人来了"},
			[]string{"不用了", "好嘛那我不用了", "先不用它了"}},
		{"burn", cueBurnInjury,
			[]string{"手腕那块红了有点疼要紧吗", "我手腕烫红了咋办", "手指被烫了一下", "起了个小水泡", "皮肤有点灼伤"},
			[]string{"手表好烫", "充电器发烫"}},
		{"swelling", cueSwelling,
			[]string{"有点烫后面好像有点鼓起来了", "后盖被顶起来了", "电池鼓包了", "屏幕被撑开了"},
			[]string{"有点烫", "声音有点鼓噪"}},
	}
	for _, tt := range tests {
		for _, s := range tt.yes {
			if !tt.gate.MatchString(s) {
				t.Errorf("%s: %q not matched", tt.name, s)
			}
		}
		for _, s := range tt.no {
			if tt.gate.MatchString(s) {
				t.Errorf("%s: %q matched", tt.name, s)
			}
		}
	}
}
