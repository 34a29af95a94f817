-- A database created by the release at commit eb6514b (steps 0001-0012) on MariaDB:
-- its migrations, then a ticket with a transcript line, a staff account, the knowledge
-- seeded (revision 1), a canned reply and a media file, written through that release's
-- stores. Dumped with mariadb-dump --compact --skip-extended-insert --hex-blob; loaded by TestMigrateForward.
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `audit_log` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `at` datetime(6) NOT NULL,
  `actor` varchar(64) NOT NULL,
  `action` varchar(32) NOT NULL,
  `target` varchar(128) NOT NULL,
  `detail` text NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx_audit_log_at` (`at`),
  KEY `idx_audit_log_actor` (`actor`),
  KEY `idx_audit_log_action` (`action`),
  KEY `idx_audit_log_target` (`target`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `canned_replies` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `title` varchar(200) NOT NULL,
  `text` text NOT NULL,
  `created_by` varchar(32) NOT NULL,
  `updated_by` varchar(32) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `canned_replies` VALUES (1,'问候','您好，请问有什么可以帮您？','wang','wang','2026-11-20 09:30:00.000000','2026-11-20 09:30:00.000000');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `kb_draft` (
  `id` tinyint(3) unsigned NOT NULL,
  `base_version` bigint(20) unsigned NOT NULL,
  `files` longtext NOT NULL,
  `hash` varchar(64) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  `updated_by` varchar(64) NOT NULL,
  `shipped_hash` varchar(64) NOT NULL DEFAULT '',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `kb_draft` VALUES (1,1,'{\"categories.yaml\":\"categories:\\n  - id: laptop\\n    name: 笔记本电脑\\n    aliases: [笔记本, 笔记本电脑]\\n\",\"rules/laptop.yaml\":\"rules:\\n  - id: laptop-keyboard-light\\n    title: 笔记本键盘背光不亮\\n    categories: [laptop]\\n    triggers:\\n      keywords: [键盘背光不亮, 键盘灯不亮]\\n    steps:\\n      - text: 请按 Fn 加带灯泡图标的按键，打开键盘背光。\\n    unresolved:\\n      fault_class: hardware\\n      priority: routine\\n\"}\n','1af4d872c1751c0f6f325909660d357c6d112f41fd84ac9ba7f8970cda7985d7','2026-11-20 09:30:00.000000','system','1af4d872c1751c0f6f325909660d357c6d112f41fd84ac9ba7f8970cda7985d7');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `kb_revisions` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `created_at` datetime(6) NOT NULL,
  `author` varchar(64) NOT NULL,
  `message` varchar(500) NOT NULL,
  `files` longtext NOT NULL,
  `hash` varchar(64) NOT NULL,
  `status` varchar(16) NOT NULL,
  `source` bigint(20) unsigned NOT NULL,
  `rules` bigint(20) NOT NULL,
  `shipped_hash` varchar(64) NOT NULL DEFAULT '',
  PRIMARY KEY (`id`),
  KEY `idx_kb_revisions_status` (`status`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `kb_revisions` VALUES (1,'2026-11-20 09:30:00.000000','system','随程序发布的初始知识库','{\"categories.yaml\":\"categories:\\n  - id: laptop\\n    name: 笔记本电脑\\n    aliases: [笔记本, 笔记本电脑]\\n\",\"rules/laptop.yaml\":\"rules:\\n  - id: laptop-keyboard-light\\n    title: 笔记本键盘背光不亮\\n    categories: [laptop]\\n    triggers:\\n      keywords: [键盘背光不亮, 键盘灯不亮]\\n    steps:\\n      - text: 请按 Fn 加带灯泡图标的按键，打开键盘背光。\\n    unresolved:\\n      fault_class: hardware\\n      priority: routine\\n\"}\n','1af4d872c1751c0f6f325909660d357c6d112f41fd84ac9ba7f8970cda7985d7','published',0,1,'1af4d872c1751c0f6f325909660d357c6d112f41fd84ac9ba7f8970cda7985d7');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `kb_shipped` (
  `hash` varchar(64) NOT NULL,
  `files` longtext NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `dismissed_at` datetime(6) DEFAULT NULL,
  `dismissed_by` varchar(64) NOT NULL DEFAULT '',
  PRIMARY KEY (`hash`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `kb_shipped` VALUES ('1af4d872c1751c0f6f325909660d357c6d112f41fd84ac9ba7f8970cda7985d7','{\"categories.yaml\":\"categories:\\n  - id: laptop\\n    name: 笔记本电脑\\n    aliases: [笔记本, 笔记本电脑]\\n\",\"rules/laptop.yaml\":\"rules:\\n  - id: laptop-keyboard-light\\n    title: 笔记本键盘背光不亮\\n    categories: [laptop]\\n    triggers:\\n      keywords: [键盘背光不亮, 键盘灯不亮]\\n    steps:\\n      - text: 请按 Fn 加带灯泡图标的按键，打开键盘背光。\\n    unresolved:\\n      fault_class: hardware\\n      priority: routine\\n\"}\n','2026-11-20 09:30:00.000000',NULL,'');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `kb_unmatched` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `week` varchar(10) NOT NULL,
  `key_hash` varchar(64) NOT NULL,
  `kind` varchar(16) NOT NULL,
  `text` varchar(1200) NOT NULL,
  `category` varchar(64) DEFAULT NULL,
  `rule_id` varchar(128) DEFAULT NULL,
  `score` double NOT NULL DEFAULT 0,
  `hits` bigint(20) NOT NULL DEFAULT 1,
  `status` varchar(16) NOT NULL DEFAULT '',
  `label` varchar(128) DEFAULT NULL,
  `first_at` datetime(3) NOT NULL,
  `last_at` datetime(3) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `ux_kb_unmatched_week_key` (`week`,`key_hash`),
  KEY `idx_kb_unmatched_week` (`week`),
  KEY `idx_kb_unmatched_status` (`status`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `media` (
  `media_id` varchar(128) NOT NULL,
  `content_type` varchar(64) NOT NULL,
  `size` bigint(20) NOT NULL,
  `bytes` mediumblob NOT NULL,
  `fetched_at` datetime(3) NOT NULL,
  PRIMARY KEY (`media_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `media` VALUES ('media-1','image/jpeg',5,0xFFD8FF003B,'2026-11-20 09:30:00.000');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `outbox` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `ticket_number` varchar(32) NOT NULL,
  `open_id` varchar(64) NOT NULL,
  `kind` varchar(32) NOT NULL,
  `payload` longtext NOT NULL,
  `status` varchar(16) NOT NULL,
  `attempts` bigint(20) NOT NULL,
  `next_attempt_at` datetime(6) NOT NULL,
  `last_error` text NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `sent_at` datetime(6) DEFAULT NULL,
  `channel` varchar(16) NOT NULL DEFAULT '',
  `reason` varchar(16) NOT NULL DEFAULT '',
  PRIMARY KEY (`id`),
  KEY `idx_outbox_due` (`status`,`next_attempt_at`,`id`),
  KEY `idx_outbox_ticket` (`ticket_number`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `schema_migrations` (
  `id` varchar(100) NOT NULL,
  `applied_at` datetime(3) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `schema_migrations` VALUES ('0001_schema_migrations','2026-12-06 02:35:28.435');
INSERT INTO `schema_migrations` VALUES ('0002_tickets','2026-12-06 02:35:28.759');
INSERT INTO `schema_migrations` VALUES ('0003_staff','2026-12-06 02:35:28.993');
INSERT INTO `schema_migrations` VALUES ('0004_knowledge','2026-12-06 02:35:29.056');
INSERT INTO `schema_migrations` VALUES ('0005_canned_replies','2026-12-06 02:35:29.072');
INSERT INTO `schema_migrations` VALUES ('0006_media','2026-12-06 02:35:29.096');
INSERT INTO `schema_migrations` VALUES ('0007_transcript_media','2026-12-06 02:35:29.098');
INSERT INTO `schema_migrations` VALUES ('0008_outbox_channel','2026-12-06 02:35:29.100');
INSERT INTO `schema_migrations` VALUES ('0009_staff_must_change_password','2026-12-06 02:35:29.102');
INSERT INTO `schema_migrations` VALUES ('0010_ticket_complaint','2026-12-06 02:35:29.104');
INSERT INTO `schema_migrations` VALUES ('0011_knowledge_shipped','2026-12-06 02:35:29.110');
INSERT INTO `schema_migrations` VALUES ('0012_knowledge_unmatched','2026-12-06 02:35:29.160');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `staff_notes` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `ticket` varchar(32) NOT NULL,
  `author` varchar(32) NOT NULL,
  `text` text NOT NULL,
  `at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx_staff_notes_ticket` (`ticket`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `staff_sessions` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `token_hash` varchar(64) NOT NULL,
  `user_id` bigint(20) unsigned NOT NULL,
  `kind` varchar(8) NOT NULL,
  `name` varchar(400) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `expires_at` datetime(6) NOT NULL,
  `last_seen_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_staff_sessions_token` (`token_hash`),
  KEY `idx_staff_sessions_user` (`user_id`,`kind`),
  KEY `idx_staff_sessions_expires` (`expires_at`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `staff_users` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `username` varchar(32) NOT NULL,
  `display_name` varchar(200) NOT NULL,
  `role` varchar(16) NOT NULL,
  `password_hash` varchar(100) NOT NULL,
  `disabled` tinyint(1) NOT NULL,
  `must_change_password` tinyint(1) NOT NULL DEFAULT 0,
  `password_at` datetime(6) NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_staff_users_username` (`username`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `staff_users` VALUES (1,'wang','王芳','agent','$2a$04$snapshotsnapshotsnapshotsnapshotsnapshotsnapshotsnaps',0,0,'2026-11-20 09:30:00.000000','2026-11-20 09:30:00.000000','2026-11-20 09:30:00.000000');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `ticket_counters` (
  `stem` varchar(32) NOT NULL,
  `seq` bigint(20) NOT NULL,
  PRIMARY KEY (`stem`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `ticket_counters` VALUES ('RS20261120',1);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `ticket_counts` (
  `status` varchar(16) NOT NULL,
  `priority_rank` tinyint(4) NOT NULL,
  `n` bigint(20) NOT NULL,
  PRIMARY KEY (`status`,`priority_rank`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `ticket_counts` VALUES ('accepted',0,0);
INSERT INTO `ticket_counts` VALUES ('accepted',1,0);
INSERT INTO `ticket_counts` VALUES ('accepted',2,0);
INSERT INTO `ticket_counts` VALUES ('accepted',3,0);
INSERT INTO `ticket_counts` VALUES ('cancelled',0,0);
INSERT INTO `ticket_counts` VALUES ('cancelled',1,0);
INSERT INTO `ticket_counts` VALUES ('cancelled',2,0);
INSERT INTO `ticket_counts` VALUES ('cancelled',3,0);
INSERT INTO `ticket_counts` VALUES ('closed',0,0);
INSERT INTO `ticket_counts` VALUES ('closed',1,0);
INSERT INTO `ticket_counts` VALUES ('closed',2,0);
INSERT INTO `ticket_counts` VALUES ('closed',3,0);
INSERT INTO `ticket_counts` VALUES ('completed',0,0);
INSERT INTO `ticket_counts` VALUES ('completed',1,0);
INSERT INTO `ticket_counts` VALUES ('completed',2,0);
INSERT INTO `ticket_counts` VALUES ('completed',3,0);
INSERT INTO `ticket_counts` VALUES ('diagnosing',0,0);
INSERT INTO `ticket_counts` VALUES ('diagnosing',1,0);
INSERT INTO `ticket_counts` VALUES ('diagnosing',2,0);
INSERT INTO `ticket_counts` VALUES ('diagnosing',3,0);
INSERT INTO `ticket_counts` VALUES ('new',0,0);
INSERT INTO `ticket_counts` VALUES ('new',1,1);
INSERT INTO `ticket_counts` VALUES ('new',2,0);
INSERT INTO `ticket_counts` VALUES ('new',3,0);
INSERT INTO `ticket_counts` VALUES ('repairing',0,0);
INSERT INTO `ticket_counts` VALUES ('repairing',1,0);
INSERT INTO `ticket_counts` VALUES ('repairing',2,0);
INSERT INTO `ticket_counts` VALUES ('repairing',3,0);
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `ticket_history` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `ticket_id` bigint(20) unsigned NOT NULL,
  `from_status` varchar(16) NOT NULL,
  `to_status` varchar(16) NOT NULL,
  `at` datetime(6) NOT NULL,
  `actor` varchar(64) NOT NULL,
  `note` text NOT NULL,
  PRIMARY KEY (`id`),
  KEY `idx_ticket_history_ticket` (`ticket_id`),
  CONSTRAINT `fk_ticket_history_ticket` FOREIGN KEY (`ticket_id`) REFERENCES `tickets` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `ticket_history` VALUES (1,1,'','new','2026-11-20 09:30:00.000000','system','');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `ticket_transcript` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `ticket_id` bigint(20) unsigned NOT NULL,
  `at` datetime(6) NOT NULL,
  `role` varchar(16) NOT NULL,
  `text` text NOT NULL,
  `media` varchar(128) NOT NULL DEFAULT '',
  PRIMARY KEY (`id`),
  KEY `idx_ticket_transcript_ticket` (`ticket_id`),
  CONSTRAINT `fk_ticket_transcript_ticket` FOREIGN KEY (`ticket_id`) REFERENCES `tickets` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `ticket_transcript` VALUES (1,1,'2026-11-20 09:30:00.000000','customer','洗衣机不脱水 😢','');
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `tickets` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `number` varchar(32) NOT NULL,
  `case_key` varchar(128) NOT NULL,
  `open_id` varchar(64) NOT NULL,
  `status` varchar(16) NOT NULL,
  `is_open` tinyint(1) NOT NULL,
  `priority` varchar(16) NOT NULL,
  `priority_rank` tinyint(4) NOT NULL,
  `due_at` datetime(6) NOT NULL,
  `diagnosis_due_at` datetime(6) DEFAULT NULL,
  `category` varchar(64) NOT NULL,
  `rule_id` varchar(128) NOT NULL,
  `assignee` varchar(64) NOT NULL,
  `group_name` varchar(64) NOT NULL,
  `complaint` tinyint(1) NOT NULL DEFAULT 0,
  `visit_start` datetime(6) DEFAULT NULL,
  `visit_end` datetime(6) DEFAULT NULL,
  `visit_slot` varchar(32) NOT NULL,
  `record` longtext NOT NULL,
  `result` longtext NOT NULL,
  `steps_tried` longtext NOT NULL,
  `attachments` longtext NOT NULL,
  `rating` tinyint(4) NOT NULL,
  `comment` text NOT NULL,
  `created_at` datetime(6) NOT NULL,
  `updated_at` datetime(6) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `uq_tickets_number` (`number`),
  UNIQUE KEY `uq_tickets_case_key` (`case_key`),
  KEY `idx_tickets_queue` (`is_open`,`priority_rank`,`due_at`,`id`),
  KEY `idx_tickets_openid` (`open_id`,`created_at`),
  KEY `idx_tickets_status` (`status`,`priority_rank`,`due_at`),
  KEY `idx_tickets_assignee` (`assignee`,`is_open`,`priority_rank`,`due_at`),
  KEY `idx_tickets_group` (`group_name`,`is_open`,`priority_rank`,`due_at`),
  KEY `idx_tickets_category` (`category`,`is_open`,`priority_rank`,`due_at`),
  KEY `idx_tickets_complaint` (`complaint`,`is_open`,`priority_rank`,`due_at`)
) ENGINE=InnoDB AUTO_INCREMENT=2 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
/*!40101 SET character_set_client = @saved_cs_client */;
INSERT INTO `tickets` VALUES (1,'RS20261120-0001','snapshot-case-1','o-snapshot-1','new',1,'normal',1,'2026-11-23 09:30:00.000000','2026-11-24 09:30:00.000000','washing_machine','washer.no_spin','','',0,NULL,NULL,'','{\"name\":\"张伟\",\"phone\":\"13800138000\",\"address\":\"上海市浦东新区世纪大道100号\",\"occurred\":\"昨天晚上\",\"case\":{\"category\":\"washing_machine\",\"category_name\":\"洗衣机\",\"brand\":\"海尔\",\"model\":\"EG100\",\"purchase_date\":\"2025-03-08\",\"symptom\":\"洗衣机不脱水，显示E4\",\"error_code\":\"E4\",\"trigger\":\"none\",\"hint\":{\"on_site\":true,\"skill\":\"washer\",\"parts_max\":300,\"labour_min\":80,\"labour_max\":150},\"reported_at\":\"2026-11-20T09:30:00Z\",\"region\":\"上海市\"}}','{\"fault_class\":\"hardware\",\"warranty\":\"unknown\",\"covered_until\":\"2026-03-07\",\"estimate\":{},\"priority\":\"normal\",\"on_site\":true,\"skill\":\"washer\",\"sla\":{\"first_response_by\":\"2026-11-23T17:30:00+08:00\",\"diagnosis_by\":\"2026-11-24T17:30:00+08:00\",\"reason\":{\"key\":\"triage.why.sla.normal\",\"text\":\"1 个工作日内首次回复（11月23日（周一）17:30 前），2 个工作日内完成诊断（11月24日（周二）17:30 前）\"}},\"reasons\":[{\"key\":\"triage.why.class.default\",\"text\":\"硬件故障：未发现人为损坏的诱因，故障规则也未另作判断，先按硬件故障处理\"},{\"key\":\"triage.why.warranty.extended_unknown\",\"text\":\"待核实：购买于 2025-03-08，整机保修 12 个月，保修至 2026-03-07；如有延保可保修至 2027-03-07，请核实延保凭证\"},{\"key\":\"triage.why.priority.normal\",\"text\":\"普通：没有无法使用、数据丢失或安全隐患的描述，按正常时限处理\"},{\"key\":\"triage.why.sla.normal\",\"text\":\"1 个工作日内首次回复（11月23日（周一）17:30 前），2 个工作日内完成诊断（11月24日（周二）17:30 前）\"}],\"bought\":\"\",\"rights\":{\"stage\":\"repair\",\"options\":[\"repair\"],\"days_min\":622,\"days_max\":622,\"free_until\":\"\",\"last_repair\":{\"ticket\":\"\",\"done\":\"\"},\"reasons\":[{\"key\":\"triage.rights.repair\",\"text\":\"三包：购买于 2025-03-08，买了 622 天，已过 15 天的换货期，保修期内免费修理；同一故障修理 2 次仍未修好可以换货或退货\"}]}}','[\"check_door\"]','[]',0,'','2026-11-20 09:30:00.000000','2026-11-20 09:30:00.000000');
