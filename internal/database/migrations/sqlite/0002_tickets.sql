-- 0002_tickets: The ticket store and the outbox (triage/triagedb), with a zero count for every
-- status and priority rank (ticket_counts, kept by the store as tickets move).

CREATE TABLE `tickets` (`id` integer PRIMARY KEY AUTOINCREMENT,`number` text NOT NULL,`case_key` text NOT NULL,`open_id` text NOT NULL,`status` text NOT NULL,`is_open` numeric NOT NULL,`priority` text NOT NULL,`priority_rank` integer NOT NULL,`due_at` datetime NOT NULL,`diagnosis_due_at` datetime,`category` text NOT NULL,`rule_id` text NOT NULL,`assignee` text NOT NULL,`group_name` text NOT NULL,`visit_start` datetime,`visit_end` datetime,`visit_slot` text NOT NULL,`record` longtext NOT NULL,`result` longtext NOT NULL,`steps_tried` longtext NOT NULL,`attachments` longtext NOT NULL,`rating` integer NOT NULL,`comment` text NOT NULL,`created_at` datetime NOT NULL,`updated_at` datetime NOT NULL);

CREATE INDEX `idx_tickets_category` ON `tickets`(`category`,`is_open`,`priority_rank`,`due_at`);

CREATE INDEX `idx_tickets_group` ON `tickets`(`group_name`,`is_open`,`priority_rank`,`due_at`);

CREATE INDEX `idx_tickets_assignee` ON `tickets`(`assignee`,`is_open`,`priority_rank`,`due_at`);

CREATE INDEX `idx_tickets_status` ON `tickets`(`status`,`priority_rank`,`due_at`);

CREATE INDEX `idx_tickets_openid` ON `tickets`(`open_id`,`created_at`);

CREATE UNIQUE INDEX `uq_tickets_case_key` ON `tickets`(`case_key`);

CREATE UNIQUE INDEX `uq_tickets_number` ON `tickets`(`number`);

CREATE INDEX `idx_tickets_queue` ON `tickets`(`is_open`,`priority_rank`,`due_at`,`id`);

CREATE TABLE `ticket_counters` (`stem` text,`seq` integer NOT NULL,PRIMARY KEY (`stem`));

CREATE TABLE `ticket_counts` (`status` text,`priority_rank` integer,`n` integer NOT NULL,PRIMARY KEY (`status`,`priority_rank`));

CREATE TABLE `ticket_history` (`id` integer PRIMARY KEY AUTOINCREMENT,`ticket_id` integer NOT NULL,`from_status` text NOT NULL,`to_status` text NOT NULL,`at` datetime NOT NULL,`actor` text NOT NULL,`note` text NOT NULL,CONSTRAINT `fk_ticket_history_ticket` FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON DELETE CASCADE);

CREATE INDEX `idx_ticket_history_ticket` ON `ticket_history`(`ticket_id`);

CREATE TABLE `ticket_transcript` (`id` integer PRIMARY KEY AUTOINCREMENT,`ticket_id` integer NOT NULL,`at` datetime NOT NULL,`role` text NOT NULL,`text` text NOT NULL,CONSTRAINT `fk_ticket_transcript_ticket` FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON DELETE CASCADE);

CREATE INDEX `idx_ticket_transcript_ticket` ON `ticket_transcript`(`ticket_id`);

CREATE TABLE `outbox` (`id` integer PRIMARY KEY AUTOINCREMENT,`ticket_number` text NOT NULL,`open_id` text NOT NULL,`kind` text NOT NULL,`payload` longtext NOT NULL,`status` text NOT NULL,`attempts` integer NOT NULL,`next_attempt_at` datetime NOT NULL,`last_error` text NOT NULL,`created_at` datetime NOT NULL,`sent_at` datetime);

CREATE INDEX `idx_outbox_ticket` ON `outbox`(`ticket_number`);

CREATE INDEX `idx_outbox_due` ON `outbox`(`status`,`next_attempt_at`,`id`);

INSERT INTO `ticket_counts` (`status`,`priority_rank`,`n`) VALUES
	('new',0,0),
	('new',1,0),
	('new',2,0),
	('new',3,0),
	('accepted',0,0),
	('accepted',1,0),
	('accepted',2,0),
	('accepted',3,0),
	('diagnosing',0,0),
	('diagnosing',1,0),
	('diagnosing',2,0),
	('diagnosing',3,0),
	('repairing',0,0),
	('repairing',1,0),
	('repairing',2,0),
	('repairing',3,0),
	('completed',0,0),
	('completed',1,0),
	('completed',2,0),
	('completed',3,0),
	('closed',0,0),
	('closed',1,0),
	('closed',2,0),
	('closed',3,0),
	('cancelled',0,0),
	('cancelled',1,0),
	('cancelled',2,0),
	('cancelled',3,0);
