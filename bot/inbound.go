package bot

import (
	"strconv"
	"time"
)

// Kind is what a customer sent.
type Kind string

// The kinds of inbound message the bot understands. Anything else arrives as KindUnknown
// and gets a polite answer.
const (
	KindText     Kind = "text"
	KindVoice    Kind = "voice"
	KindImage    Kind = "image"
	KindLocation Kind = "location"
	KindEvent    Kind = "event"
	KindUnknown  Kind = "unknown"
	KindResult   Kind = "result" // not from the customer: an effect's outcome fed back to Step
	KindPhoto    Kind = "photo"  // not from the customer: what a photo they sent showed (Service.Feed)
)

// Inbound is one message or event from a customer, whatever WeChat sent it as.
type Inbound struct {
	OpenID string    // the customer, as the Official Account sees them
	Kind   Kind      // what was sent
	MsgID  int64     // WeChat's message id; zero for events
	At     time.Time // when the customer sent it: WeChat's CreateTime, unless implausible
	SentAt time.Time // WeChat's CreateTime as sent, for identifying events; At when zero

	Text    string // text content, or the voice message's speech recognition
	MediaID string // image or voice media id (temporary on WeChat's side: 3 days)
	PicURL  string // image CDN link

	Lat, Lng float64 // location message
	Label    string  // location label (an address)

	Event    string // subscribe, unsubscribe, CLICK, VIEW, SCAN …
	EventKey string // menu key or scene

	RawType string // WeChat's MsgType, kept for unknown kinds

	Result *EffectResult // KindResult only
	Photo  *PhotoText    // KindPhoto only, with MediaID the photo read
}

// Key identifies the message for deduplication: WeChat's MsgId, or for events, which have
// none, the sender, the creation time and the event.
func (in Inbound) Key() string {
	if in.Kind == KindPhoto {
		return "photo:" + in.MediaID // read once, whichever instance reads it
	}
	if in.MsgID != 0 {
		return strconv.FormatInt(in.MsgID, 10)
	}
	sent := in.SentAt
	if sent.IsZero() {
		sent = in.At
	}
	return "ev:" + strconv.FormatInt(sent.Unix(), 10) + ":" + in.Event
}
