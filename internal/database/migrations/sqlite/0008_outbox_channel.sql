-- 0008_outbox_channel: How a notification reached the customer: chat, or template and why. Notifications
-- sent before it show no channel.

ALTER TABLE `outbox` ADD `channel` text NOT NULL DEFAULT "";

ALTER TABLE `outbox` ADD `reason` text NOT NULL DEFAULT "";
