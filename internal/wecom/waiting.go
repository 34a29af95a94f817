package wecom

import (
	"time"

	"github.com/wxintake/intake/catalog"
)

// Waiting alerts staff to a customer who asked for a person before reporting anything: no
// ticket exists yet, so the link opens the console's queue, where the chat is listed with
// 接入. until is when the bot takes the intake back if nobody has. It never blocks.
func (a *Alerts) Waiting(until time.Time, loc *time.Location, link string) {
	if a == nil {
		return
	}
	a.queueAlert("", WaitingText(until, loc, link))
}

// WaitingText is the markdown of a waiting chat's alert: what needs doing, until when, and
// the console link. Nothing the customer said or is.
func WaitingText(until time.Time, loc *time.Location, link string) string {
	if loc == nil {
		loc = time.UTC
	}
	return catalog.T("wecom.waiting", "until", until.In(loc).Format("15:04"), "link", link)
}
