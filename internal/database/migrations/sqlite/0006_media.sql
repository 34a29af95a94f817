-- 0006_media: Customers' media files (internal/media).

CREATE TABLE `media` (`media_id` text,`content_type` text NOT NULL,`size` integer NOT NULL,`bytes` mediumblob NOT NULL,`fetched_at` datetime NOT NULL,PRIMARY KEY (`media_id`));
