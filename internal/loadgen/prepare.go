package loadgen

import (
	"fmt"
	"math/rand/v2"

	"github.com/wxintake/intake/internal/wxpush"
)

// Request is one prepared message: the signed, encrypted POST and the text inside it.
type Request struct {
	wxpush.Prepared
	Text  string
	Stage string
}

// Prepared is a conversation ready to post.
type Prepared struct {
	Conversation
	Requests []Request
}

// Preparer signs and encrypts conversations for one or several webhooks.
type Preparer struct {
	clients []*wxpush.Client
	rng     *rand.Rand
}

// NewPreparer prepares for the webhook URLs with the account's credentials; rng picks the
// URL of each request.
func NewPreparer(urls []string, token, aesKey, appID string, rng *rand.Rand) *Preparer {
	p := &Preparer{rng: rng}
	for _, u := range urls {
		p.clients = append(p.clients, &wxpush.Client{URL: u, Token: token, AESKey: aesKey, AppID: appID, Mode: wxpush.Safe})
	}
	return p
}

// Prepare builds every message of c as WeChat would send it, stamped with the current
// time and a fresh MsgId, each to a webhook picked at random.
func (p *Preparer) Prepare(c Conversation) (Prepared, error) {
	out := Prepared{Conversation: c, Requests: make([]Request, 0, len(c.Turns))}
	for i, text := range c.Turns {
		cl := p.clients[p.rng.IntN(len(p.clients))]
		req, err := cl.Prepare(c.OpenID, cl.XML(c.OpenID, &wxpush.Message{Type: "text", Content: text}))
		if err != nil {
			return Prepared{}, fmt.Errorf("loadgen: prepare %s: %w", c.OpenID, err)
		}
		out.Requests = append(out.Requests, Request{Prepared: req, Text: text, Stage: c.Stages[i]})
	}
	return out, nil
}
