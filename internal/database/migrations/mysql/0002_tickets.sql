-- 0002_tickets: The ticket store and the outbox (triage/triagedb), with a zero count for every
-- status and priority rank (ticket_counts, kept by the store as tickets move).

CREATE TABLE `tickets` (
	`id` bigint unsigned AUTO_INCREMENT,
	`number` varchar(32) NOT NULL,
	`case_key` varchar(128) NOT NULL,
	`open_id` varchar(64) NOT NULL,
	`status` varchar(16) NOT NULL,
	`is_open` boolean NOT NULL,
	`priority` varchar(16) NOT NULL,
	`priority_rank` tinyint NOT NULL,
	`due_at` datetime(6) NOT NULL,
	`diagnosis_due_at` datetime(6) NULL,
	`category` varchar(64) NOT NULL,
	`rule_id` varchar(128) NOT NULL,
	`assignee` varchar(64) NOT NULL,
	`group_name` varchar(64) NOT NULL,
	`visit_start` datetime(6) NULL,
	`visit_end` datetime(6) NULL,
	`visit_slot` varchar(32) NOT NULL,
	`record` longtext NOT NULL,
	`result` longtext NOT NULL,
	`steps_tried` longtext NOT NULL,
	`attachments` longtext NOT NULL,
	`rating` tinyint NOT NULL,
	`comment` text NOT NULL,
	`created_at` datetime(6) NOT NULL,
	`updated_at` datetime(6) NOT NULL,
	PRIMARY KEY (`id`),
	INDEX `idx_tickets_queue` (`is_open`,`priority_rank`,`due_at`,`id`),
	UNIQUE INDEX `uq_tickets_number` (`number`),
	UNIQUE INDEX `uq_tickets_case_key` (`case_key`),
	INDEX `idx_tickets_openid` (`open_id`,`created_at`),
	INDEX `idx_tickets_status` (`status`,`priority_rank`,`due_at`),
	INDEX `idx_tickets_assignee` (`assignee`,`is_open`,`priority_rank`,`due_at`),
	INDEX `idx_tickets_group` (`group_name`,`is_open`,`priority_rank`,`due_at`),
	INDEX `idx_tickets_category` (`category`,`is_open`,`priority_rank`,`due_at`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `ticket_counters` (
	`stem` varchar(32),
	`seq` bigint NOT NULL,
	PRIMARY KEY (`stem`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `ticket_counts` (
	`status` varchar(16),
	`priority_rank` tinyint,
	`n` bigint NOT NULL,
	PRIMARY KEY (`status`,`priority_rank`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `ticket_history` (
	`id` bigint unsigned AUTO_INCREMENT,
	`ticket_id` bigint unsigned NOT NULL,
	`from_status` varchar(16) NOT NULL,
	`to_status` varchar(16) NOT NULL,
	`at` datetime(6) NOT NULL,
	`actor` varchar(64) NOT NULL,
	`note` text NOT NULL,
	PRIMARY KEY (`id`),
	INDEX `idx_ticket_history_ticket` (`ticket_id`),
	CONSTRAINT `fk_ticket_history_ticket` FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON DELETE CASCADE
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `ticket_transcript` (
	`id` bigint unsigned AUTO_INCREMENT,
	`ticket_id` bigint unsigned NOT NULL,
	`at` datetime(6) NOT NULL,
	`role` varchar(16) NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY (`id`),
	INDEX `idx_ticket_transcript_ticket` (`ticket_id`),
	CONSTRAINT `fk_ticket_transcript_ticket` FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON DELETE CASCADE
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `outbox` (
	`id` bigint AUTO_INCREMENT,
	`ticket_number` varchar(32) NOT NULL,
	`open_id` varchar(64) NOT NULL,
	`kind` varchar(32) NOT NULL,
	`payload` longtext NOT NULL,
	`status` varchar(16) NOT NULL,
	`attempts` bigint NOT NULL,
	`next_attempt_at` datetime(6) NOT NULL,
	`last_error` text NOT NULL,
	`created_at` datetime(6) NOT NULL,
	`sent_at` datetime(6) NULL,
	PRIMARY KEY (`id`),
	INDEX `idx_outbox_due` (`status`,`next_attempt_at`,`id`),
	INDEX `idx_outbox_ticket` (`ticket_number`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

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
