-- 0005_canned_replies: Canned replies (internal/canned).

CREATE TABLE `canned_replies` (`id` integer PRIMARY KEY AUTOINCREMENT,`title` text NOT NULL,`text` text NOT NULL,`created_by` text NOT NULL,`updated_by` text NOT NULL,`created_at` datetime NOT NULL,`updated_at` datetime NOT NULL);
