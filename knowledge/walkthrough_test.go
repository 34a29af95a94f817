package knowledge

import (
	"strings"
	"testing"
)

func TestParseAnswer(t *testing.T) {
	tests := []struct {
		text string
		want Answer
	}{
		{"1", AnswerSolved},
		{"１", AnswerSolved},
		{"1。", AnswerSolved},
		{" 1 好了", AnswerSolved},
		{"解决了", AnswerSolved},
		{"好了", AnswerSolved},
		{"好了，谢谢！", AnswerSolved},
		// the product doing its job again, told after the check
		{"重启了一下 现在能刷视频了", AnswerSolved},
		{"清咗之后而家啲水咕噜咕噜咁流走晒喇 多谢晒", AnswerSolved},
		{"换了个插座现在热得挺好", AnswerSolved},
		{"从起了一下 现再能上网了", AnswerSolved},
		{"现在哗哗进水了", AnswerSolved},
		{"扭返转头依家凍返喇", AnswerSolved}, // Cantonese: cold again
		{"滤网洗完凉快多了", AnswerSolved},
		{"我孙子弄了一下现在电视有了", AnswerSolved},
		{"chongqi le yixia xianzai neng shua shipin le", AnswerSolved},
		{"现在能听到咔咔响了", AnswerUnclear},
		{"现在又不转了", AnswerNotSolved},
		{"现在能刷视频了吗", AnswerUnclear},
		{"洗完拿去晒了", AnswerUnclear},
		{"现在转得好慢", AnswerUnclear},
		// partly better, still poor, or the check restated: not solved
		{"理顺咗条管 好咗少少 有啲水入但系好慢", AnswerNotSolved},
		{"好了一点但还是响", AnswerNotSolved},
		// the step done, nothing found; or already so before it was asked (probe s14-B)
		{"掏了 没东西", AnswerNotSolved}, {"看过了 没堵", AnswerNotSolved}, {"查了一遍 都是干净的", AnswerNotSolved},
		{"螺栓早拆了", AnswerNotSolved}, {"滤网上礼拜就洗过了", AnswerNotSolved}, {"洗了 好了", AnswerSolved},
		{"我刚说了擦过了啊 雷达也能转", AnswerNotSolved},
		{"好点了 不过还有点慢", AnswerNotSolved},
		{"比之前好多了 还有一点点声音", AnswerNotSolved},
		{"好咗啲 但仲有声", AnswerNotSolved},
		{"擦过了", AnswerUnclear}, // done; whether it helped is asked
		{"刚才说错了 是前年买的", AnswerUnclear},
		{"擦了 还在转圈", AnswerNotSolved},
		{"嗯嗯 好了一点点😅", AnswerNotSolved},
		{"水有了 就是好慢", AnswerNotSolved},
		{"稍微好些了", AnswerNotSolved},
		{"好多了", AnswerUnclear},
		{"？？？我啥时候说解决了 还在转圈", AnswerNotSolved},
		{"谁说好了 还是响", AnswerNotSolved},
		{"我冇讲过好咗啊", AnswerNotSolved},
		{"唔系啊 仲未好 水入得好慢", AnswerNotSolved},
		{"能转了", AnswerSolved},
		{"好了好了 谢谢", AnswerSolved},
		{"可以了", AnswerSolved},
		{"可以", AnswerSolved},
		{"行了行了", AnswerSolved},
		{"搞定", AnswerSolved},
		{"恢复正常了", AnswerSolved},
		{"恢复出厂以后连上wifi了 app也能控制", AnswerSolved},
		{"重启几遍了 恢复出厂也按了 敢会是坏了", AnswerNotSolved}, // a reset done, not "恢复"
		{"恢复默认设置了 还是连不上", AnswerNotSolved},
		{"滤网拆下来能用热水洗吗", AnswerUnclear}, // asks whether one may, nothing fixed
		{"可以直接插上吗", AnswerUnclear},
		{"现在能用了 还要注意什么吗", AnswerSolved},
		{"能用了，谢谢", AnswerSolved},
		{"OK", AnswerSolved},
		{"没问题了", AnswerSolved},
		{"2", AnswerNotSolved},
		{"２", AnswerNotSolved},
		{"2，还是不行", AnswerNotSolved},
		{"管子看着没问题 2", AnswerNotSolved},
		{"水排出去了 不过甩干的时候又报E21了", AnswerNotSolved},
		{"没有硬物 2", AnswerNotSolved},
		{"看了看 滤网挺干净的，2", AnswerNotSolved},
		{"还是不行 1", AnswerNotSolved},
		{"弄不好 0", AnswerHuman},
		{"不是没试 是不敢试🙃 那就0吧", AnswerHuman},
		{"试过了 还是那样 就选2吧", AnswerNotSolved},
		{"试了2次", AnswerUnclear},
		{"试了一下好了 1", AnswerSolved},
		{"显示E2", AnswerUnclear},
		{"好了一半 有时候还掉", AnswerNotSolved}, // only partly
		{"好点了 但还是有点响", AnswerNotSolved},
		{"好了 以后还会这样吗", AnswerSolved},
		{"换了个插座就好了", AnswerSolved}, // the change was the fix
		{"搞好哒 谢谢哈", AnswerSolved},
		{"照做了，电视已经出画面了。", AnswerSolved},
		{"没解决", AnswerNotSolved},
		{"不行", AnswerNotSolved},
		{"还是不行", AnswerNotSolved},
		{"试了没用", AnswerNotSolved},
		{"还是老样子", AnswerNotSolved},
		{"没好", AnswerNotSolved},
		{"不好使", AnswerNotSolved},
		{"还是不制冷", AnswerNotSolved},
		{"按了也没反应", AnswerNotSolved},
		{"不正常", AnswerNotSolved},
		{"没有", AnswerNotSolved},
		{"0", AnswerHuman},
		{"转人工", AnswerHuman},
		{"人工", AnswerHuman},
		{"人工客服", AnswerHuman},
		{"不行，我要转人工", AnswerHuman},
		{"直接派个师傅上门吧", AnswerHuman},
		// a wish to file the repair is no "solved", whatever agreeing word opens it
		{"要得 给我登记嘛", AnswerNotSolved},
		{"可以 帮我报修吧", AnswerNotSolved},
		{"行 那就登记一下吧", AnswerNotSolved},
		{"好了 不用给我登记了", AnswerSolved},
		{"好的", AnswerUnclear},
		{"我试试", AnswerUnclear},
		{"3", AnswerUnclear},
		{"10", AnswerUnclear},
		{"12345678901", AnswerUnclear},
		{"", AnswerUnclear},
		{"？", AnswerUnclear},
	}
	for _, tt := range tests {
		if got := ParseAnswer(tt.text); got != tt.want {
			t.Errorf("ParseAnswer(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestWalkthrough(t *testing.T) {
	r := fixture(t).Rule("ac-not-cooling") // two steps
	w, ok := Start(r)
	if !ok || w.RuleID != "ac-not-cooling" || w.Step != 0 || w.Done(r) {
		t.Fatalf("Start = %+v, %v", w, ok)
	}
	type turn struct {
		answer Answer
		step   int
		want   Verdict
	}
	tests := []struct {
		name  string
		turns []turn
	}{
		{"solved at once", []turn{{AnswerSolved, 0, VerdictSolved}}},
		{"solved at the second step", []turn{{AnswerNotSolved, 1, VerdictShow}, {AnswerSolved, 1, VerdictSolved}}},
		{"escalated after the last step", []turn{{AnswerNotSolved, 1, VerdictShow}, {AnswerNotSolved, 2, VerdictEscalate}}},
		{"human any time", []turn{{AnswerNotSolved, 1, VerdictShow}, {AnswerHuman, 1, VerdictHuman}}},
		{"unclear repeats", []turn{{AnswerUnclear, 0, VerdictRepeat}, {AnswerNotSolved, 1, VerdictShow}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, _ := Start(r)
			for i, tr := range tt.turns {
				var v Verdict
				w, v = w.Next(r, tr.answer)
				if v != tr.want || w.Step != tr.step {
					t.Fatalf("turn %d (%v): step %d verdict %v, want step %d verdict %v", i, tr.answer, w.Step, v, tr.step, tr.want)
				}
			}
		})
	}

	if _, ok := Start(fixture(t).Rule("ac-e1")); ok {
		t.Error("a rule without steps started a walkthrough")
	}
	if _, ok := Start(fixture(t).Rule("safety-gas-smell")); ok {
		t.Error("a safety rule started a walkthrough")
	}
}

func TestWalkthroughPrompt(t *testing.T) {
	r := fixture(t).Rule("ac-not-cooling")
	w := Walkthrough{RuleID: r.ID}
	first := w.Prompt(r)
	if !strings.Contains(first, "第 1/2 步") || !strings.Contains(first, r.Steps[0].Text) || !strings.Contains(first, "回复 1") {
		t.Errorf("first prompt = %q", first)
	}
	if strings.Contains(first, "⚠️") {
		t.Errorf("first step is not a safety step, but the prompt cautions: %q", first)
	}
	w.Step = 1
	if second := w.Prompt(r); !strings.Contains(second, "⚠️") || !strings.Contains(second, "第 2/2 步") {
		t.Errorf("second (safety) prompt = %q", second)
	}
	w.Step = 2
	if got := w.Prompt(r); got != "" {
		t.Errorf("prompt after the last step = %q", got)
	}
}

func TestRuleStats(t *testing.T) {
	s := RuleStats{RuleID: "ac-not-cooling"}
	for _, v := range []Verdict{VerdictSolved, VerdictEscalate, VerdictHuman, VerdictSolved, VerdictRepeat} {
		s.Add(OutcomeShown)
		if o, ok := OutcomeOf(v); ok {
			s.Add(o)
		}
	}
	s.Add(OutcomeAbandoned)
	if s.Shown != 5 || s.Solved != 2 || s.Escalated != 2 || s.Abandoned != 1 {
		t.Errorf("stats = %+v", s)
	}
	if got := s.SolveRate(); got != 0.4 {
		t.Errorf("SolveRate = %v, want 0.4", got)
	}
	if (RuleStats{}).SolveRate() != 0 {
		t.Error("SolveRate of nothing is not 0")
	}
	for _, o := range Outcomes {
		if !o.Valid() || strings.HasPrefix(o.Label(), "[") {
			t.Errorf("outcome %q invalid or without label", o)
		}
	}
	if Outcome("done").Valid() {
		t.Error(`"done" is a valid outcome`)
	}
}
