package bot

import (
	"strings"
	"time"

	"github.com/wxintake/intake/knowledge"
)

// A customer often asks a question and answers it at once, the way people think aloud or
// repeat what they were asked: "里面有火花吗？没有 就是不转", "一直都这样吗？不是 上个月开始的".
// When the answer is a bare denial, the question is settled: it asks the bot nothing, and
// what it names (sparks, "always") is denied, not told. Such a question and its denial are
// read out of the message before hazards, facts and acts are read (Understand).
//
// Safety first: only a denial of what was seen or is so ("没有", "不是", "没") settles a
// question. A guess ("不会吧", "应该没有吧", "不知道") or no answer keeps a feared hazard a
// suspected one; and a hazard told anywhere else in the message still counts.

// selfDenied is a question clause followed by the customer's own bare denial: the question
// (group 1) ends in a question mark, a question particle before a break, or holds an
// A-not-A form; the denial (group 2) stands alone, ended by a break or the message's end.
var selfDenied = knowledge.MustFilter(
	`([^,，。;；!！?？\s]{0,24}?(?:[?？]+|(?:吗|么|嘛)[\s,，。]+|(?:有没有|是不是|有冇|系唔系|是否)[^,，。;；!！?？\s]{1,12}[\s,，。]+))` +
		`\s*((?:肯定|绝对|其实|倒是|倒|也|都|并)?(?:没有|没得|没|木有|冇|无|不是|唔系|不系|勿是))` +
		`(?:的|啊|呀|哦|噢|哈|啦|呢)?(?:[\s,，。;；!！~～]+|$)`)

// settleSelfAnswered returns canon without the questions the customer answered with a bare
// denial (and without those denials), and the questions themselves ("" when there were
// none). When nothing else is left, the denial alone stays: it is what the message says.
func settleSelfAnswered(canon string) (rest, asked string) {
	locs := selfDenied.FindAllStringSubmatchIndex(canon, -1)
	if locs == nil {
		return canon, ""
	}
	var b, q strings.Builder
	last, denial := 0, ""
	for _, loc := range locs {
		b.WriteString(canon[last:loc[0]])
		b.WriteString(" ")
		q.WriteString(canon[loc[2]:loc[3]])
		last, denial = loc[1], canon[loc[4]:loc[5]]
	}
	b.WriteString(canon[last:])
	rest = strings.Trim(b.String(), " ,，。;；!！~～")
	if rest == "" {
		rest = denial
	}
	return strings.Join(strings.Fields(rest), " "), q.String()
}

// askedWhatItIs is a question about what the product is ("是格力的吗", "是不是美的空调"):
// denied, its product and brand are not the case's.
var askedWhatItIs = knowledge.MustFilter(`^(是不是|是否|是)[^,，。?？]{0,10}$`)

// keepNamedInAsked fills the product, brand and model named in a question the customer
// denied ("空调插头发烫吗？没有 就是不制冷": the air conditioner is the case's) when the rest of
// the message names none; a question about what the product is names nothing that holds.
func keepNamedInAsked(f *Facts, asked string, now time.Time, lx *Lexicon) {
	q := strings.TrimRight(asked, "?？ ,，。")
	q = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(q, "吗"), "么"), "嘛")
	if askedWhatItIs.MatchString(strings.TrimSuffix(q, "的")) {
		return
	}
	named := Extract(asked, now, lx)
	if f.Category == "" && named.Category != "" {
		f.Category, f.Product = named.Category, named.Product
	}
	if f.Brand == "" {
		f.Brand = named.Brand
	}
	if f.Model == "" {
		f.Model = named.Model
	}
}
