-- 0011_knowledge_shipped: What a proposal needs: kb_shipped and the shipped_hash of revisions and the draft.
-- A database seeded by an earlier release has revision 1 as that release shipped it:
-- it becomes the base every existing revision and the draft started from.

ALTER TABLE `kb_revisions` ADD `shipped_hash` varchar(64) NOT NULL DEFAULT '';

ALTER TABLE `kb_draft` ADD `shipped_hash` varchar(64) NOT NULL DEFAULT '';

CREATE TABLE `kb_shipped` (
	`hash` varchar(64),
	`files` longtext NOT NULL,
	`created_at` datetime(6) NOT NULL,
	`dismissed_at` datetime(6) NULL,
	`dismissed_by` varchar(64) NOT NULL DEFAULT '',
	PRIMARY KEY (`hash`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO `kb_shipped` (`hash`,`files`,`created_at`,`dismissed_by`)
	SELECT `hash`,`files`,`created_at`,'' FROM `kb_revisions` WHERE `id` = 1;

UPDATE `kb_revisions` SET `shipped_hash` = (SELECT `hash` FROM `kb_shipped`)
	WHERE `shipped_hash` = '' AND EXISTS (SELECT 1 FROM `kb_shipped`);

UPDATE `kb_draft` SET `shipped_hash` = (SELECT `hash` FROM `kb_shipped`)
	WHERE `shipped_hash` = '' AND EXISTS (SELECT 1 FROM `kb_shipped`);
