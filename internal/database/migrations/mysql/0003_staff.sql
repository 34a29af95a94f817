-- 0003_staff: Staff accounts, sessions, notes and the audit log (staff/staffdb).

CREATE TABLE `staff_users` (
	`id` bigint unsigned AUTO_INCREMENT,
	`username` varchar(32) NOT NULL,
	`display_name` varchar(200) NOT NULL,
	`role` varchar(16) NOT NULL,
	`password_hash` varchar(100) NOT NULL,
	`disabled` boolean NOT NULL,
	`password_at` datetime(6) NOT NULL,
	`created_at` datetime(6) NOT NULL,
	`updated_at` datetime(6) NOT NULL,
	PRIMARY KEY (`id`),
	UNIQUE INDEX `uq_staff_users_username` (`username`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `staff_sessions` (
	`id` bigint unsigned AUTO_INCREMENT,
	`token_hash` varchar(64) NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`kind` varchar(8) NOT NULL,
	`name` varchar(400) NOT NULL,
	`created_at` datetime(6) NOT NULL,
	`expires_at` datetime(6) NOT NULL,
	`last_seen_at` datetime(6) NOT NULL,
	PRIMARY KEY (`id`),
	UNIQUE INDEX `uq_staff_sessions_token` (`token_hash`),
	INDEX `idx_staff_sessions_user` (`user_id`,`kind`),
	INDEX `idx_staff_sessions_expires` (`expires_at`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `staff_notes` (
	`id` bigint unsigned AUTO_INCREMENT,
	`ticket` varchar(32) NOT NULL,
	`author` varchar(32) NOT NULL,
	`text` text NOT NULL,
	`at` datetime(6) NOT NULL,
	PRIMARY KEY (`id`),
	INDEX `idx_staff_notes_ticket` (`ticket`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE `audit_log` (
	`id` bigint unsigned AUTO_INCREMENT,
	`at` datetime(6) NOT NULL,
	`actor` varchar(64) NOT NULL,
	`action` varchar(32) NOT NULL,
	`target` varchar(128) NOT NULL,
	`detail` text NOT NULL,
	PRIMARY KEY (`id`),
	INDEX `idx_audit_log_at` (`at`),
	INDEX `idx_audit_log_actor` (`actor`),
	INDEX `idx_audit_log_action` (`action`),
	INDEX `idx_audit_log_target` (`target`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
