CREATE TABLE `branch_tills` (
	`id` text PRIMARY KEY NOT NULL,
	`business_date` text NOT NULL,
	`summary` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `branch_tills_day` ON `branch_tills` (`business_date`);--> statement-breakpoint
CREATE TABLE `business_days` (
	`business_date` text PRIMARY KEY NOT NULL,
	`closed_at` text NOT NULL,
	`closed_by` text NOT NULL,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `till_lines` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`till_session_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount` integer NOT NULL,
	`detail` text NOT NULL,
	`approved_by` text,
	`at` text NOT NULL,
	`by` text NOT NULL,
	FOREIGN KEY (`till_session_id`) REFERENCES `till_sessions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `till_lines_id_unique` ON `till_lines` (`id`);--> statement-breakpoint
CREATE INDEX `till_lines_session` ON `till_lines` (`till_session_id`,`seq`);--> statement-breakpoint
CREATE TABLE `till_sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`terminal_code` text NOT NULL,
	`cashier_id` text NOT NULL,
	`business_date` text NOT NULL,
	`opening_float` integer NOT NULL,
	`status` text NOT NULL,
	`opened_at` text NOT NULL,
	`closed_at` text,
	`closed_by` text,
	FOREIGN KEY (`cashier_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `till_sessions_number_unique` ON `till_sessions` (`number`);--> statement-breakpoint
CREATE INDEX `till_sessions_cashier` ON `till_sessions` (`cashier_id`,`terminal_code`,`status`);--> statement-breakpoint
CREATE INDEX `till_sessions_day` ON `till_sessions` (`business_date`);--> statement-breakpoint
ALTER TABLE `payment_reversals` ADD `till_session_id` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `till_session_id` text;--> statement-breakpoint
CREATE INDEX `payments_till` ON `payments` (`till_session_id`) WHERE till_session_id is not null;--> statement-breakpoint
CREATE INDEX `outbox_till` ON `outbox` (`till_session_id`) WHERE till_session_id is not null;--> statement-breakpoint
-- Till lines are the till's ledger: written once, never edited or removed.
CREATE TRIGGER till_lines_no_update BEFORE UPDATE ON till_lines
BEGIN SELECT RAISE(ABORT, 'a till line cannot be edited; write a new line'); END;
--> statement-breakpoint
CREATE TRIGGER till_lines_no_delete BEFORE DELETE ON till_lines
BEGIN SELECT RAISE(ABORT, 'a till line is never deleted'); END;
--> statement-breakpoint
-- Only a till's status moves, and a closed till stays closed.
CREATE TRIGGER till_sessions_identity_is_final BEFORE UPDATE OF id, number, terminal_code, cashier_id, business_date, opening_float, opened_at ON till_sessions
BEGIN SELECT RAISE(ABORT, 'a till session cannot be edited'); END;
--> statement-breakpoint
CREATE TRIGGER till_sessions_closed_is_final BEFORE UPDATE ON till_sessions WHEN old.status = 'closed'
BEGIN SELECT RAISE(ABORT, 'a closed till session takes no more changes'); END;
--> statement-breakpoint
CREATE TRIGGER till_sessions_no_delete BEFORE DELETE ON till_sessions
BEGIN SELECT RAISE(ABORT, 'a till session is never deleted'); END;
--> statement-breakpoint
-- The last guard under core's rule: no payment lands in a till that is not open.
CREATE TRIGGER payments_into_open_till BEFORE INSERT ON payments
WHEN new.till_session_id IS NOT NULL AND coalesce((SELECT status FROM till_sessions WHERE id = new.till_session_id), '') <> 'open'
BEGIN SELECT RAISE(ABORT, 'a payment can only be taken into an open till'); END;
--> statement-breakpoint
CREATE TRIGGER business_days_closed_is_final BEFORE UPDATE ON business_days
BEGIN SELECT RAISE(ABORT, 'a closed business day stays closed'); END;
--> statement-breakpoint
CREATE TRIGGER business_days_no_delete BEFORE DELETE ON business_days
BEGIN SELECT RAISE(ABORT, 'a closed business day stays closed'); END;
