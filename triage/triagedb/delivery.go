package triagedb

import (
	"context"
	"time"
)

// SetChannel records how notification id reached the customer: channel, and for a
// template the reason. The sender calls it once delivered, before the dispatcher marks it
// sent.
func (o *Outbox) SetChannel(ctx context.Context, id int64, channel, reason string) error {
	err := o.db.WithContext(ctx).Model(&outboxRow{}).Where("id = ?", id).
		Updates(map[string]any{"channel": channel, "reason": reason}).Error
	return wrap("set channel", err)
}

// ListForTicket returns the notifications of ticket number, newest first, at most limit
// (DefaultPageSize when not positive, never more than MaxPageSize).
func (o *Outbox) ListForTicket(ctx context.Context, number string, limit int) ([]Notification, error) {
	var rows []outboxRow
	err := o.db.WithContext(ctx).Where("ticket_number = ?", number).
		Order("id DESC").Limit(clampLimit(limit)).Find(&rows).Error
	if err != nil {
		return nil, wrap("list for ticket", err)
	}
	return toDomainNotifications(rows), nil
}

// Deliveries counts the notifications enqueued in a period by how they went, and the
// follow-up surveys and their answers.
type Deliveries struct {
	Chat     int // delivered as customer-service messages
	Template int // delivered as template messages
	Failed   int // given up on
	Pending  int // waiting to be sent or retried
	// Surveys are the follow-up surveys delivered (by chat or template); Answered of
	// their tickets carry a rating, given in the chat or on the page.
	Surveys, Answered int
}

// Deliveries counts the notifications enqueued in [from, to).
func (o *Outbox) Deliveries(ctx context.Context, from, to time.Time) (Deliveries, error) {
	var d Deliveries
	var rows []struct {
		Status  string
		Channel string
		N       int
	}
	db := o.db.WithContext(ctx)
	err := db.Model(&outboxRow{}).Select("status, channel, COUNT(*) AS n").
		Where("created_at >= ? AND created_at < ?", dbTime(from), dbTime(to)).
		Group("status, channel").Scan(&rows).Error
	if err != nil {
		return d, wrap("deliveries", err)
	}
	for _, r := range rows {
		switch {
		case r.Status == string(OutboxFailed):
			d.Failed += r.N
		case r.Status == string(OutboxPending):
			d.Pending += r.N
		case r.Channel == ChannelChat:
			d.Chat += r.N
		case r.Channel == ChannelTemplate:
			d.Template += r.N
		}
	}
	surveys := db.Table("outbox").
		Where("outbox.kind = ? AND outbox.status = ? AND outbox.channel <> '' AND outbox.created_at >= ? AND outbox.created_at < ?",
			surveyKind, OutboxSent, dbTime(from), dbTime(to))
	var n int64
	if err := surveys.Count(&n).Error; err != nil {
		return d, wrap("deliveries", err)
	}
	d.Surveys = int(n)
	err = db.Table("outbox").Joins("JOIN tickets ON tickets.number = outbox.ticket_number").
		Where("outbox.kind = ? AND outbox.status = ? AND outbox.channel <> '' AND outbox.created_at >= ? AND outbox.created_at < ? AND tickets.rating > 0",
			surveyKind, OutboxSent, dbTime(from), dbTime(to)).Count(&n).Error
	if err != nil {
		return d, wrap("deliveries", err)
	}
	d.Answered = int(n)
	return d, nil
}

// surveyKind is the kind of the follow-up survey's notification (notify.KindFollowUp).
const surveyKind = "followup"
