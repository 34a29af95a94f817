package bot

import (
	"strings"

	"github.com/wxintake/intake/knowledge"
)

// What the bot's last reply in self-service asked, so that a bare "嗯 行" is read against it
// (Conversation.Verdict).
const (
	verdictStep  = "step"  // a step with "回复 1 解决了 / 2 没解决", nothing else said
	verdictPlain = "plain" // "那现在已经恢复正常了吗？": a yes answers it
)

// ackVerdict reads an acknowledgement during self-service ("嗯 行 没毛病", "好的", "ok", "收到")
// or a hedged "solved" ("好像好了吧"): it closes the case only when the bot's last reply
// asked exactly whether the check helped and the customer never said they could not tell;
// otherwise one clear question is asked ("那现在已经恢复正常了吗？"). A yes to that question
// closes it. It reports whether it answered the message.
func (d *Dialog) ackVerdict(t *step, asked string) bool {
	c := t.c
	if f := t.u.Facts; f.Brand != "" || f.Model != "" || !f.Phone.IsZero() || !f.PurchaseDate.IsZero() || f.Serial != "" ||
		f.Category != "" || f.Symptom != "" || len(t.u.Hazards) > 0 || t.u.Is(ActQuestion) {
		return false
	}
	tx := compact(t.u.Canon)
	hedged := hedgedSolved.MatchString(tx) && t.u.Answer == knowledge.AnswerSolved
	ack := bareAck(tx)
	if hedged {
		c.SelfDoubt = true // "应该好了吧": not sure yet
	}
	switch {
	case !ack && !hedged:
		return false
	case asked == verdictPlain && ack && (yesWord(tx) || t.u.Answer == knowledge.AnswerSolved):
		t.u.Answer = knowledge.AnswerSolved // "嗯" to "恢复正常了吗？"
		return false
	case asked == verdictPlain:
		t.sayKey("bot.self.retry") // asked plainly once already: the choices, in other words
		c.Verdict = verdictPlain
		return true
	case asked == verdictStep && !c.SelfDoubt && !hedged:
		return false // the step's own question: its reading stands ("行" is solved)
	}
	t.sayKey("bot.self.ask_recovered")
	c.Verdict = verdictPlain
	return true
}

// bareAck reports a reply, compacted, made only of words of acknowledgement: "嗯 行 没毛病",
// "好的好的", "ok👌", "收到". A word of change ("好了", "可以了", "没问题了") is no bare
// acknowledgement: it tells the fault is gone.
func bareAck(tx string) bool {
	s := strings.Trim(tx, ",.!~。！，、…👌👍🙏😊🙂 ")
	if s == "" {
		return false
	}
	for s != "" {
		n := 0
		for _, w := range ackWords {
			if strings.HasPrefix(s, w) && len(w) > n {
				n = len(w)
			}
		}
		if n == 0 {
			return false
		}
		s = strings.TrimLeft(s[n:], ",.!~。！，、…👌👍🙏😊🙂 啊呀哦吧啦嘛哈的滴呢")
	}
	return true
}

// ackWords acknowledge without telling whether the fault is gone. Longest match wins.
var ackWords = []string{
	"嗯", "恩", "en", "行", "好的", "好滴", "好嘞", "好吧", "好", "ok", "okk", "okay", "收到", "知道了", "明白",
	"没毛病", "可以", "没问题", "要得", "中", "对", "对头", "是", "是的", "嗯呢", "👌", "👍",
}

// yesWord reports an acknowledgement that is also a yes to a question: "嗯", "对", "是的".
func yesWord(tx string) bool {
	for _, w := range []string{"嗯", "恩", "对", "是", "没毛病", "没问题", "可以", "行", "ok"} {
		if strings.Contains(tx, w) {
			return true
		}
	}
	return false
}

// hedgedSolved is a "solved" the customer is not sure of: "好像好了", "应该好了吧",
// "大概可以了", "貌似正常了".
var hedgedSolved = knowledge.MustGate(`(好像|应该|大概|可能|似乎|貌似|估计|也许)(是)?(好|可以|行|正常|没事|没问题|恢复)`)
