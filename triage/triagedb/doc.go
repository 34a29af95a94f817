// Package triagedb stores tickets with gorm, on MySQL/MariaDB in production and on SQLite
// in embedded mode, and keeps the outbox of customer notifications. Store implements
// triage.Store; its row structs are private and converted with toDB…/toDomain… functions.
//
// # Tables
//
//	tickets            one row per ticket. Queue and filter fields are indexed columns;
//	                   the intake record, the triage result (with its reasons), the steps
//	                   tried and the attachments are JSON documents (record.go).
//	ticket_counters    the last sequence number handed out per prefix and day.
//	ticket_counts      how many tickets have each status and priority, kept in step by
//	                   every change, so the queue's total is a sum of a few rows.
//	ticket_history     status changes, oldest first by id.
//	ticket_transcript  the conversation (customer, bot, staff, system), in append order.
//	outbox             notifications waiting to be sent, sent, or given up.
//
// The staff queue — open tickets, urgent first, then by first-response deadline, then by
// creation — is one range of the index (is_open, priority_rank, due_at, id), read in
// order: the first page costs the same with a thousand tickets or a million. Filters on
// assignee, group or category use indexes that start with that column followed by the
// same order; a single status uses (status, priority_rank, due_at). The total that comes
// with a page is read from ticket_counts when the filter is by status or priority only,
// and counted over the filter's index otherwise (a count over every open ticket would cost
// more than the page once the backlog reaches tens of thousands).
//
// # Numbers
//
// A ticket's number is its prefix, its creation date in the service's time zone and that
// day's sequence: RS20261122-0001 (triage.FormatNumber). The sequence comes from the day's
// row in ticket_counters, incremented in the transaction that inserts the ticket, as its
// last statement but one: the row lock serialises creations of the same day across every
// process for that statement and the commit only, and a rolled-back creation takes its
// increment with it, so numbers are unique and gapless. See number.go and insertTx.
//
// # Idempotency
//
// A retried escalation, or the loser of two racing ones (on one day or across midnight),
// fails on the unique index of case_key before it takes a number; the transaction rolls
// back and Create returns the existing ticket.
//
// # Outbox
//
// Enqueue writes a notification on any handle, typically the transaction that changes
// the ticket (Store.WithTx shares it), so the notification exists exactly when the change
// does. A Dispatcher claims due notifications (FOR UPDATE SKIP LOCKED on MariaDB, so
// instances never wait on each other), sends each with its Send function and marks it
// sent, or failed with a retry after Backoff; after MaxAttempts it is failed for good and
// listed by ListFailed for staff. A claim leases its rows, so a sender that dies mid-way
// leaves them to be claimed again: delivery is at least once.
package triagedb
