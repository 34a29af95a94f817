package bot

import "github.com/wxintake/intake/catalog"

// Effect is something the service must do after a step: send a reply, and later open a
// ticket or record an outcome. Effects are values, so Step stays pure.
type Effect struct {
	Reply string // text to send to the customer
}

// Step decides the bot's answer to one inbound message. It performs no I/O and reads no
// clock: the time comes in with the message. It returns the new conversation and the
// effects to carry out, in order.
func Step(c Conversation, in Inbound) (Conversation, []Effect) {
	if c.StartedAt.IsZero() {
		c.StartedAt = in.At
	}
	c.OpenID = in.OpenID
	c.UpdatedAt = in.At
	c.Turns++

	switch {
	case in.Kind == KindEvent && in.Event == "unsubscribe":
		return Conversation{OpenID: in.OpenID}, nil
	case in.Kind == KindUnknown:
		return c, reply(catalog.T("bot.unsupported"))
	case in.Kind == KindVoice && in.Text == "":
		return c, reply(catalog.T("bot.voice_unrecognised"))
	}
	switch c.State {
	case StateNew:
		c.State = StateGreeted
		return c, reply(catalog.T("bot.welcome"))
	default:
		return c, reply(catalog.T("bot.received"))
	}
}

func reply(texts ...string) []Effect {
	out := make([]Effect, len(texts))
	for i, t := range texts {
		out[i] = Effect{Reply: t}
	}
	return out
}
