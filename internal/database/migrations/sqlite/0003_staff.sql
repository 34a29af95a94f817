-- 0003_staff: Staff accounts, sessions, notes and the audit log (staff/staffdb).

CREATE TABLE `staff_users` (`id` integer PRIMARY KEY AUTOINCREMENT,`username` text NOT NULL,`display_name` text NOT NULL,`role` text NOT NULL,`password_hash` text NOT NULL,`disabled` numeric NOT NULL,`password_at` datetime NOT NULL,`created_at` datetime NOT NULL,`updated_at` datetime NOT NULL);

CREATE UNIQUE INDEX `uq_staff_users_username` ON `staff_users`(`username`);

CREATE TABLE `staff_sessions` (`id` integer PRIMARY KEY AUTOINCREMENT,`token_hash` text NOT NULL,`user_id` integer NOT NULL,`kind` text NOT NULL,`name` text NOT NULL,`created_at` datetime NOT NULL,`expires_at` datetime NOT NULL,`last_seen_at` datetime NOT NULL);

CREATE INDEX `idx_staff_sessions_expires` ON `staff_sessions`(`expires_at`);

CREATE INDEX `idx_staff_sessions_user` ON `staff_sessions`(`user_id`,`kind`);

CREATE UNIQUE INDEX `uq_staff_sessions_token` ON `staff_sessions`(`token_hash`);

CREATE TABLE `staff_notes` (`id` integer PRIMARY KEY AUTOINCREMENT,`ticket` text NOT NULL,`author` text NOT NULL,`text` text NOT NULL,`at` datetime NOT NULL);

CREATE INDEX `idx_staff_notes_ticket` ON `staff_notes`(`ticket`);

CREATE TABLE `audit_log` (`id` integer PRIMARY KEY AUTOINCREMENT,`at` datetime NOT NULL,`actor` text NOT NULL,`action` text NOT NULL,`target` text NOT NULL,`detail` text NOT NULL);

CREATE INDEX `idx_audit_log_target` ON `audit_log`(`target`);

CREATE INDEX `idx_audit_log_action` ON `audit_log`(`action`);

CREATE INDEX `idx_audit_log_actor` ON `audit_log`(`actor`);

CREATE INDEX `idx_audit_log_at` ON `audit_log`(`at`);
