-- 0012_knowledge_unmatched: Unmatched and corrected customer messages, redacted, counted per ISO week.

CREATE TABLE `kb_unmatched` (`id` integer PRIMARY KEY AUTOINCREMENT,`week` text NOT NULL,`key_hash` text NOT NULL,`kind` text NOT NULL,`text` text NOT NULL,`category` text,`rule_id` text,`score` real NOT NULL DEFAULT 0,`hits` integer NOT NULL DEFAULT 1,`status` text NOT NULL DEFAULT "",`label` text,`first_at` datetime NOT NULL,`last_at` datetime NOT NULL);

CREATE INDEX `idx_kb_unmatched_status` ON `kb_unmatched`(`status`);

CREATE INDEX `idx_kb_unmatched_week` ON `kb_unmatched`(`week`);

CREATE UNIQUE INDEX `ux_kb_unmatched_week_key` ON `kb_unmatched`(`week`,`key_hash`);
