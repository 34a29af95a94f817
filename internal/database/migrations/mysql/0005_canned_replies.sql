-- 0005_canned_replies: Canned replies (internal/canned).

CREATE TABLE `canned_replies` (
	`id` bigint unsigned AUTO_INCREMENT,
	`title` varchar(200) NOT NULL,
	`text` text NOT NULL,
	`created_by` varchar(32) NOT NULL,
	`updated_by` varchar(32) NOT NULL,
	`created_at` datetime(6) NOT NULL,
	`updated_at` datetime(6) NOT NULL,
	PRIMARY KEY (`id`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
