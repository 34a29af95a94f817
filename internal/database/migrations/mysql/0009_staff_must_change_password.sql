-- 0009_staff_must_change_password: Accounts whose password an admin set must change it at the next login.

ALTER TABLE `staff_users` ADD `must_change_password` boolean NOT NULL DEFAULT false;
