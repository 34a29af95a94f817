-- 0001_schema_migrations: The table recording which steps ran. Created if missing before anything else, so
-- it must stay idempotent.

CREATE TABLE IF NOT EXISTS `schema_migrations` (`id` text,`applied_at` datetime,PRIMARY KEY (`id`));
