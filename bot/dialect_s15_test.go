package bot

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/wxintake/intake/knowledge"
)

// Probe s14-C: dialect words for the acts and facts of the form.

func TestDialectPurchaseAge(t *testing.T) {
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, visitZone)
	for _, tc := range []struct{ text, want string }{
		{"买咗一年半", "2025-06"}, // Cantonese 咗
		{"用咗两年", "2024-12"},
		{"买了个把月", "2026-11"}, // northern: a month or so
		{"买咗个把月咋", "2026-11"},
		{"买了个多月", "2026-11"},
		{"去年年尾买嘅", "2025-12"},
		{"装咗三个月", "2026-09"},
	} {
		if got := Extract(tc.text, now, nil).PurchaseDate.String(); got != tc.want {
			t.Errorf("%q: purchase %q, want %q", tc.text, got, tc.want)
		}
	}
}

func TestDialectYesNo(t *testing.T) {
	for _, tc := range []struct {
		text string
		yes  bool
	}{
		{"系啊 没错 就系咁", true}, {"系呀", true}, {"系嘅 买咗", true}, {"是额", true}, {"对额 就迭能", true},
		{"没", false}, {"无", false}, {"没有", false}, {"没啊", false},
	} {
		if yes, ok := ParseYesNo(knowledge.Canon(tc.text)); !ok || yes != tc.yes {
			t.Errorf("%q: yes=%v ok=%v, want yes=%v", tc.text, yes, ok, tc.yes)
		}
	}
}

func TestDialectNoneIsNoQuestion(t *testing.T) {
	for _, text := range []string{"冇", "冇啊", "無", "莫得", "没得", "呒没", "没有哦"} {
		canon := knowledge.Canon(text)
		if topic, _ := questionTopic(ActText(canon), Context{State: StateCollect, Asking: SlotSerial}); topic != "" {
			t.Errorf("%q (%q) read as a question %q", text, canon, topic)
		}
		if !isUnknown(canon) {
			t.Errorf("%q (%q) is not read as none", text, canon)
		}
	}
	// a real question still asks
	if topic, _ := questionTopic(ActText(knowledge.Canon("还有没有保修啊")), Context{State: StateCollect}); topic == "" {
		t.Errorf("还有没有保修啊 is no question")
	}
}

func TestDialectDuration(t *testing.T) {
	for _, text := range []string{"还要几久正来修", "几时嚟整", "师傅几时到啊", "要等几耐", "要几耐先到"} {
		if topic, _ := questionTopic(ActText(knowledge.Canon(text)), Context{State: StateCollect, Asking: SlotModel}); topic != TopicDuration {
			t.Errorf("%q: topic %q, want duration", text, topic)
		}
	}
}

func TestDialectSymptoms(t *testing.T) {
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, visitZone)
	for _, text := range []string{"佢话滴滴声 然后就停咗", "伊唔会行 一开就叫", "开机后冇动 系又响又唔行", "个机勿会动了", "按咗掣都唔郁"} {
		if f := Extract(knowledge.Canon(text), now, nil); f.Symptom == "" {
			t.Errorf("%q: no symptom", text)
		}
	}
}

func TestDialectRecovered(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"搞掂了 多谢", true}, {"好返啦", true}, {"冇事喇", true}, {"搞定了 谢谢", true}, {"没事了", true},
		{"又唔得了", false}, {"仲係唔得", false}, {"还是不得行", false}, {"搞掂未呀", false},
		// 得咗 is also a plain "OK"; a detail found is no recovery
		{"得咗喇", false}, {"得咗喇 多谢晒", true}, {"搞定了 型号是KFR-35GW", false}, {"搞定了 我去拿个电话给你", false}, {"没事 你先问", false},
	} {
		u := RuleReader{NoModel: true}.Understand(tc.text, Context{State: StateCollect, Asking: SlotPurchase})
		if got := recovered(&u); got != tc.want {
			t.Errorf("%q: recovered %v, want %v", tc.text, got, tc.want)
		}
	}
	for _, tc := range []struct {
		text string
		want knowledge.Answer
	}{
		{"好返啦", knowledge.AnswerSolved}, {"冇事喇", knowledge.AnswerSolved}, {"搞掂了 多谢", knowledge.AnswerSolved},
		{"伊唔会行", knowledge.AnswerNotSolved}, {"还系唔郁", knowledge.AnswerNotSolved}, {"仲係唔得", knowledge.AnswerNotSolved},
		{"还是不得行", knowledge.AnswerNotSolved}, {"又唔得了", knowledge.AnswerNotSolved}, {"勿灵个", knowledge.AnswerNotSolved},
	} {
		if got := knowledge.ParseAnswer(tc.text); got != tc.want {
			t.Errorf("ParseAnswer(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestSafetyCheckYes: a yes to the safety check that goes on in dialect is a yes; a no is
// a no.
func TestSafetyCheckYes(t *testing.T) {
	for _, tc := range []struct {
		text string
		yes  bool
	}{
		{"係啊头先咪讲咗湿晒囉", true}, {"有", true}, {"是的 刚才就说了插座湿了", true}, {"系呀", true},
		{"没有", false}, {"冇", false}, {"没碰到", false},
	} {
		core := strings.Trim(compact(knowledge.Canon(tc.text)), clauseBreaks+" .!?~…")
		got := (utf8.RuneCountInString(core) <= 10 || confirmsHazardLong.MatchString(core)) && confirmsHazard.MatchString(core) && !deniesHazard.MatchString(core)
		if got != tc.yes {
			t.Errorf("%q (%q): yes %v, want %v", tc.text, core, got, tc.yes)
		}
	}
}
