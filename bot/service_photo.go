package bot

import (
	"context"
	"strings"
)

// Feed runs a message that does not come through the webhook — what a photo showed
// (KindPhoto) — as a turn: claimed once by its Key across every instance, under the
// customer's lock like the customer's own messages, its replies pushed as customer-service
// messages (there is no passive reply to wait for). A second Feed of the same photo is a
// duplicate and says nothing. It runs in the caller's goroutine, whose lifetime the caller
// owns (photoread.Worker stops with the service's background loops).
func (s *Service) Feed(ctx context.Context, in Inbound) Result {
	return s.run(ctx, in, &turn{done: make(chan struct{}), abandoned: true})
}

// photoLog is a photo's reading as the transcript shows it: the codes and the first
// lines read, for staff.
func photoLog(p *PhotoText) string {
	if p == nil {
		return ""
	}
	var parts []string
	for _, c := range p.Codes {
		parts = append(parts, c.Format+" "+c.Text)
	}
	for i, l := range p.Lines {
		if i == 6 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, l)
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, " / ")
}
