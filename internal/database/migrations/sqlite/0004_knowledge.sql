-- 0004_knowledge: Knowledge revisions and the working draft (knowledge/knowledgedb).

CREATE TABLE `kb_revisions` (`id` integer PRIMARY KEY AUTOINCREMENT,`created_at` datetime NOT NULL,`author` text NOT NULL,`message` text NOT NULL,`files` longtext NOT NULL,`hash` text NOT NULL,`status` text NOT NULL,`source` integer NOT NULL,`rules` integer NOT NULL);

CREATE INDEX `idx_kb_revisions_status` ON `kb_revisions`(`status`);

CREATE TABLE `kb_draft` (`id` integer,`base_version` integer NOT NULL,`files` longtext NOT NULL,`hash` text NOT NULL,`updated_at` datetime NOT NULL,`updated_by` text NOT NULL,PRIMARY KEY (`id`));
