-- 0012_knowledge_unmatched: Unmatched and corrected customer messages, redacted, counted per ISO week.

CREATE TABLE `kb_unmatched` (
	`id` bigint AUTO_INCREMENT,
	`week` varchar(10) NOT NULL,
	`key_hash` varchar(64) NOT NULL,
	`kind` varchar(16) NOT NULL,
	`text` varchar(1200) NOT NULL,
	`category` varchar(64),
	`rule_id` varchar(128),
	`score` double NOT NULL DEFAULT 0,
	`hits` bigint NOT NULL DEFAULT 1,
	`status` varchar(16) NOT NULL DEFAULT '',
	`label` varchar(128),
	`first_at` datetime(3) NOT NULL,
	`last_at` datetime(3) NOT NULL,
	PRIMARY KEY (`id`),
	UNIQUE INDEX `ux_kb_unmatched_week_key` (`week`,`key_hash`),
	INDEX `idx_kb_unmatched_week` (`week`),
	INDEX `idx_kb_unmatched_status` (`status`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
