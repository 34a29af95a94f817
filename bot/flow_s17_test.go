package bot

import (
	"strings"
	"testing"

	"github.com/wxintake/intake/knowledge"
)

// Probe s16b MAJOR 7: the words of questions that get an answer, not boilerplate.
func TestFlowS17QuestionCues(t *testing.T) {
	cases := []struct {
		name string
		re   *knowledge.Gated
		text string
		want bool
	}{
		{"no balcony", cueNoBalcony, "现在这个机器放哪我住的是出租屋没阳台", true},
		{"no balcony", cueNoBalcony, "家里没有阳台咋整", true},
		{"no balcony", cueNoBalcony, "屋企冇阳台咁放边度好", true},
		{"no balcony", cueNoBalcony, "阳台都没有放哪", true},
		{"no balcony", cueNoBalcony, "放阳台了", false},
		{"own breaker", cueOwnBreaker, "热水器那个是单独的空开我关了那个就行了吧", true},
		{"own breaker", cueOwnBreaker, "我能不能只关厨房那一路空开", true},
		{"own breaker", cueOwnBreaker, "只拉那个闸行不行", true},
		{"own breaker", cueOwnBreaker, "总闸关了", false},
		{"when come", cueWhenCome, "师傅今天能来不一家人等着洗澡", true},
		{"when come", cueWhenCome, "师傅什么时候上门啊", true},
		{"when come", cueWhenCome, "我问你几时有人嚟啊", true},
		{"when come", cueWhenCome, "今晚能到吗", true},
		{"when come", cueWhenCome, "昨天来过了", false},
		{"read ticket", cueReadTicket, "单子上写电热水器了吗还有牌子", true},
		{"read ticket", cueReadTicket, "工单上现在写的什么", true},
		{"read ticket", cueReadTicket, "工单里有没有写上型号", false},
		{"read ticket", cueReadTicket, "单子上写错了", false},
		{"read ticket", cueReadTicket, "把工单内容发我一下", true},
		{"read ticket", cueReadTicket, "单子上是怎么写的", true},
		{"read ticket", cueReadTicket, "工单上现在登记的啥", true},
		{"read ticket", cueReadTicket, "张单点样写嘅", true},
		{"noted", cueNotedAsk, "记了没", true},
		{"noted", cueNotedAsk, "你都记上了没", true},
		{"noted", cueNotedAsk, "电话写上了吗", true},
		{"noted", cueNotedAsk, "我记得是去年", false},
		{"still there", cueStillThere, "现在还是有点味道单子上写的啥", true},
		{"still there", cueStillThere, "还在冒烟", true},
		{"still there", cueStillThere, "味道没散", true},
		{"still there", cueStillThere, "已经没味了", false},
		{"quality", cueQualityAsked, "鼓包算质量问题给保修吗", true},
		{"quality", cueQualityAsked, "这算不算保修", true},
		{"quality", cueQualityAsked, "换个电池多少钱", false},
	}
	for _, c := range cases {
		if got := c.re.MatchString(c.text); got != c.want {
			t.Errorf("%s %q = %v, want %v", c.name, c.text, got, c.want)
		}
	}
}

// A warranty asked as a choice ("是一年还是两年") is a question, and no "still not working".
func TestFlowS17ChoiceQuestion(t *testing.T) {
	for _, tx := range []string{"保修是一年还是两年啊", "保修是半年还是一年", "质保是三年还是五年呢"} {
		if topic, _ := questionTopic(tx, Context{}); topic != TopicWarranty {
			t.Errorf("questionTopic(%q) = %q, want warranty", tx, topic)
		}
		if a := knowledge.ParseAnswer(tx); a == knowledge.AnswerNotSolved {
			t.Errorf("ParseAnswer(%q) = not solved", tx)
		}
	}
	for _, tx := range []string{"还是不行", "是好了一点 还是不行", "清洗了还是有点响", "还是一样"} {
		if a := knowledge.ParseAnswer(tx); a != knowledge.AnswerNotSolved {
			t.Errorf("ParseAnswer(%q) = %v, want not solved", tx, a)
		}
	}
}

// Dialect negations before a fault verb name the fault and its product, never "solved".
func TestFlowS17DialectFaults(t *testing.T) {
	lx := shippedKB(t).Lexicon()
	cases := []struct{ text, category, symptom string }{
		{"部雪柜唔凍", "refrigerator", "不冷"},
		{"冷气机袂冷", "air_conditioner", "不冷"},
		{"雪柜唔制冷", "refrigerator", "不制冷"},
		{"冷气机唔着", "air_conditioner", "开不了"},
		{"洗衣机袂动", "washing_machine", "不动"},
		{"冷气机袂使", "air_conditioner", "不能用"},
		{"电视冇反应", "television", "没反应"},
		{"洗衣机弗转", "washing_machine", "不转"},
		{"电视机勿灵", "television", "不灵"},
	}
	for _, c := range cases {
		u := RuleReader{}.Understand(c.text, Context{State: StateNew, Now: testNow, Lexicon: lx})
		if u.Facts.Category != c.category || !strings.Contains(u.Facts.Symptom, c.symptom) {
			t.Errorf("%q: category %q symptom %q, want %q with %q", c.text, u.Facts.Category, u.Facts.Symptom, c.category, c.symptom)
		}
	}
	for _, tx := range []string{"唔凍", "仲系唔凍", "袂冷", "袂使", "都系唔郁", "还是弗转", "勿灵"} {
		if a := knowledge.ParseAnswer(tx); a == knowledge.AnswerSolved {
			t.Errorf("ParseAnswer(%q) = solved", tx)
		}
	}
}
