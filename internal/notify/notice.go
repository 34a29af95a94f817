package notify

import (
	"context"
	"encoding/json"

	"github.com/wxintake/intake/triage/triagedb"
)

// KindNotice is a chat notice WeChat refused when it was first sent — that an agent joined
// the chat or left it — retried through the outbox like any notification.
const KindNotice = "chat_notice"

type noticePayload struct {
	Text string `json:"text"`
}

// Notice enqueues text for the customer of ticket number, for the dispatcher to deliver
// with backoff (livechat.Chat.Notices).
func (n *Notifier) Notice(ctx context.Context, number, openID, text string) error {
	payload, _ := json.Marshal(noticePayload{Text: text})
	_, err := triagedb.Enqueue(ctx, n.DB.WithContext(ctx), triagedb.Notification{
		TicketNumber: number, OpenID: openID, Kind: KindNotice, Payload: payload, CreatedAt: n.Now(),
	})
	return err
}

// noticeText is the text of a KindNotice notification.
func noticeText(payload json.RawMessage) string {
	var p noticePayload
	_ = json.Unmarshal(payload, &p)
	return p.Text
}
