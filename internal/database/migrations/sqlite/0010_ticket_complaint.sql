-- 0010_ticket_complaint: The complaint flag of tickets and its queue-ordered index. Tickets filed before it
-- are no complaints.

ALTER TABLE `tickets` ADD `complaint` numeric NOT NULL DEFAULT false;

CREATE INDEX `idx_tickets_complaint` ON `tickets`(`complaint`,`is_open`,`priority_rank`,`due_at`);
