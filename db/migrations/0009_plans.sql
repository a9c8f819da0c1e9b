CREATE TABLE `plan_alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`plan_version` integer DEFAULT 1 NOT NULL,
	`kind` text NOT NULL,
	`installment_id` text,
	`message` text NOT NULL,
	`raised_at` text NOT NULL,
	`acknowledged_at` text,
	`acknowledged_by` text,
	`note` text,
	FOREIGN KEY (`plan_id`) REFERENCES `payment_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_alerts_raised` ON `plan_alerts` (`raised_at`);--> statement-breakpoint
CREATE TABLE `plan_covers` (
	`plan_id` text NOT NULL,
	`item_kind` text NOT NULL,
	`item_id` text NOT NULL,
	`amount` integer NOT NULL,
	PRIMARY KEY(`plan_id`, `item_kind`, `item_id`),
	FOREIGN KEY (`plan_id`) REFERENCES `payment_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_covers_item` ON `plan_covers` (`item_kind`,`item_id`);--> statement-breakpoint
CREATE TABLE `plan_lines` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`plan_id` text NOT NULL,
	`kind` text NOT NULL,
	`detail` text NOT NULL,
	`at` text NOT NULL,
	`by` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `payment_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_lines_id_unique` ON `plan_lines` (`id`);--> statement-breakpoint
CREATE INDEX `plan_lines_plan` ON `plan_lines` (`plan_id`,`seq`);--> statement-breakpoint
CREATE TABLE `plan_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`version` integer NOT NULL,
	`action` text NOT NULL,
	`reason` text,
	`approved_by` text,
	`at` text NOT NULL,
	`by` text NOT NULL,
	`schedule` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `payment_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_versions_plan_version_action` ON `plan_versions` (`plan_id`,`version`,`action`);--> statement-breakpoint
DROP INDEX `installments_plan_number`;--> statement-breakpoint
ALTER TABLE `installments` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `installments_plan_version_number` ON `installments` (`plan_id`,`version`,`number`);--> statement-breakpoint
ALTER TABLE `payment_plans` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `payment_plans` ADD `frequency` text DEFAULT 'monthly' NOT NULL;--> statement-breakpoint
ALTER TABLE `payment_plans` ADD `total` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payment_plans` ADD `down_payment` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `payment_plans` ADD `created_by` text DEFAULT 'system' NOT NULL;--> statement-breakpoint
ALTER TABLE `payment_plans` ADD `approved_by` text;--> statement-breakpoint
ALTER TABLE `payment_plans` ADD `hold_since` text;--> statement-breakpoint
ALTER TABLE `payment_plans` ADD `source` text DEFAULT 'centre' NOT NULL;--> statement-breakpoint
CREATE INDEX `payment_plans_status` ON `payment_plans` (`status`);--> statement-breakpoint
-- The same alert is never raised twice; an expression index drizzle-kit cannot write.
CREATE UNIQUE INDEX plan_alerts_once ON plan_alerts (plan_id, plan_version, kind, coalesce(installment_id, ''));
--> statement-breakpoint
-- Plan lines are the plan's history: written once, never edited or removed.
CREATE TRIGGER plan_lines_no_update BEFORE UPDATE ON plan_lines
BEGIN SELECT RAISE(ABORT, 'a plan line cannot be edited; write a new line'); END;
--> statement-breakpoint
CREATE TRIGGER plan_lines_no_delete BEFORE DELETE ON plan_lines
BEGIN SELECT RAISE(ABORT, 'a plan line is never deleted'); END;
--> statement-breakpoint
-- A version's schedule is kept as it was set.
CREATE TRIGGER plan_versions_no_update BEFORE UPDATE ON plan_versions
BEGIN SELECT RAISE(ABORT, 'a plan version cannot be edited'); END;
--> statement-breakpoint
CREATE TRIGGER plan_versions_no_delete BEFORE DELETE ON plan_versions
BEGIN SELECT RAISE(ABORT, 'a plan version is never deleted'); END;
--> statement-breakpoint
-- What a covered item gave the plan is what a cancel gives back.
CREATE TRIGGER plan_covers_no_update BEFORE UPDATE ON plan_covers
BEGIN SELECT RAISE(ABORT, 'what an item gave a plan cannot be edited'); END;
--> statement-breakpoint
CREATE TRIGGER plan_covers_no_delete BEFORE DELETE ON plan_covers
BEGIN SELECT RAISE(ABORT, 'what an item gave a plan is never deleted'); END;
--> statement-breakpoint
-- Plans brought down before this version: statuses from the centre's words onto the counter's,
-- which the compliance review then corrects, and the total from their installments.
UPDATE payment_plans SET status = 'on_track' WHERE status NOT IN ('on_track', 'at_risk', 'broken', 'completed', 'cancelled');
--> statement-breakpoint
UPDATE payment_plans SET total = coalesce((SELECT sum(amount) FROM installments WHERE installments.plan_id = payment_plans.id), 0);
