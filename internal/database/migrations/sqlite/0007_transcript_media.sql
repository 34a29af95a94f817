-- 0007_transcript_media: A transcript line's photo: its media id. Lines stored before it show as text.

ALTER TABLE `ticket_transcript` ADD `media` text NOT NULL DEFAULT "";
