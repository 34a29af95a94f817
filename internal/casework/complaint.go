package casework

import (
	"context"
	"time"

	"github.com/wxintake/intake/bot"
	"github.com/wxintake/intake/catalog"
	"github.com/wxintake/intake/knowledge"
	"github.com/wxintake/intake/triage"
)

// repeatWithin is how far back a repaired ticket of the same fault makes a new one a
// complaint risk: past the brands' 90-day repair warranty, with room for a slow return.
const repeatWithin = 180 * 24 * time.Hour

// complaint says why the case is a complaint risk, as staff read it, or "": the words the
// bot recognised (12315, 媒体, "修了两次又坏了"), a demand to return or exchange it, or an
// earlier ticket of the customer for the same fault (category and rule, or error code)
// that was repaired — completed or closed — within repeatWithin. sorry is the apology the
// customer reads before the promise, "" when the bot has apologised already.
func (b *Backend) complaint(ctx context.Context, openID string, c bot.Case, rule *knowledge.Rule, now time.Time) (why, sorry string) {
	if c.Complaint != "" {
		return catalog.T("casework.complaint.words", "words", c.Complaint), ""
	}
	if c.Return {
		return catalog.T("casework.complaint.return"), catalog.T("casework.complaint.sorry")
	}
	if rule == nil && c.ErrorCode == "" {
		return "", "" // no way to tell the same fault from another
	}
	earlier, err := b.Store.ListByOpenID(ctx, openID, 20)
	if err != nil {
		b.Log.Warn("casework: earlier tickets not read; a repeated fault is not flagged", "err", err)
		return "", ""
	}
	for _, t := range earlier {
		if t.Status != triage.StatusCompleted && t.Status != triage.StatusClosed ||
			t.Category != c.Category || now.Sub(t.CreatedAt) > repeatWithin {
			continue
		}
		sameRule := rule != nil && t.RuleID == rule.ID
		sameCode := c.ErrorCode != "" && t.Record.Case.ErrorCode == c.ErrorCode
		if sameRule || sameCode {
			return catalog.T("casework.complaint.repeat", "number", t.Number), catalog.T("casework.complaint.sorry_repeat")
		}
	}
	return "", ""
}
