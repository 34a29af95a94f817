-- 0001_schema_migrations: The table recording which steps ran. Created if missing before anything else, so
-- it must stay idempotent.

CREATE TABLE IF NOT EXISTS `schema_migrations` (
	`id` varchar(100),
	`applied_at` datetime(3) NULL,
	PRIMARY KEY (`id`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
