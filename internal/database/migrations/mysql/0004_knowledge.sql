-- 0004_knowledge: Knowledge revisions and the working draft (knowledge/knowledgedb).

CREATE TABLE `kb_revisions` (
	`id` bigint unsigned AUTO_INCREMENT,
	`created_at` datetime(6) NOT NULL,
	`author` varchar(64) NOT NULL,
	`message` varchar(500) NOT NULL,
	`files` longtext NOT NULL,
	`hash` varchar(64) NOT NULL,
	`status` varchar(16) NOT NULL,
	`source` bigint unsigned NOT NULL,
	`rules` bigint NOT NULL,
	PRIMARY KEY (`id`),
	INDEX `idx_kb_revisions_status` (`status`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `kb_draft` (
	`id` tinyint unsigned,
	`base_version` bigint unsigned NOT NULL,
	`files` longtext NOT NULL,
	`hash` varchar(64) NOT NULL,
	`updated_at` datetime(6) NOT NULL,
	`updated_by` varchar(64) NOT NULL,
	PRIMARY KEY (`id`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
