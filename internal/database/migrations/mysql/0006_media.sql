-- 0006_media: Customers' media files (internal/media).

CREATE TABLE `media` (
	`media_id` varchar(128),
	`content_type` varchar(64) NOT NULL,
	`size` bigint NOT NULL,
	`bytes` mediumblob NOT NULL,
	`fetched_at` datetime(3) NOT NULL,
	PRIMARY KEY (`media_id`)
) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
