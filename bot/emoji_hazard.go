package bot

import (
	"strings"
	"unicode"

	"github.com/wxintake/intake/knowledge"
)

// A fire emoji with nothing to say what burns ("😡😡😡🔥🔥", "🔥🔥🔥") may be anger or may be a
// fire the customer cannot put in words: it is no small talk. The customer is asked the
// fire safety question, unless the message praises ("修得快🔥👍", "太火了"), says in words it
// is anger at the service, or is the patterns' hazard already.

// cueFirePraise is a fire emoji meant as praise or popularity, or anger told in words about
// the service ("气死我了🔥🔥 等了三天还没来").
var cueFirePraise = knowledge.MustGate(`👍|👏|💯|好评|点赞|赞|棒|牛|厉害|给力|666|yyds|nb|火爆|太火|好火|很火|爆款|推荐|谢谢|感谢|多谢|辛苦|好用|真快|很快|好快|速度|` +
	`气死|气炸|火大|生气|恼火|发火|上火|等了|还没来|还没人|催|投诉|差评|垃圾|服务|客服|师傅|红火|新年|快乐|恭喜|祝|生意`)

// emojiFireFamily is the fire family to ask about for a fire emoji told without words that
// settle it, "" when there is none; a fire suspected by the hazard model in a message whose
// fire emoji praises ("这款现在太火了🔥") is taken back (praised).
func emojiFireFamily(u *Understanding) (family string, praised bool) {
	if len(u.Hazards) > 0 || u.HazardExplained || !strings.Contains(u.Text, "🔥") {
		return "", false
	}
	if cueFirePraise.MatchString(compact(u.Canon)) {
		return "", u.Suspect == knowledge.HazardFire
	}
	if u.Suspect != "" {
		return "", false
	}
	return knowledge.HazardFire, false
}

// wordless reports a message of emoji and punctuation alone: "😡😡😡🔥🔥".
func wordless(text string) bool {
	return strings.TrimSpace(text) != "" && !strings.ContainsFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}
