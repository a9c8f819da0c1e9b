CREATE TABLE `consumer_balances` (
	`consumer_id` text PRIMARY KEY NOT NULL,
	`balance` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `credit_notes` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`consumer_id` text NOT NULL,
	`payment_id` text NOT NULL,
	`amount` integer NOT NULL,
	`reason` text NOT NULL,
	`remarks` text,
	`issued_on` text NOT NULL,
	`expires_on` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`approved_by` text,
	FOREIGN KEY (`consumer_id`) REFERENCES `consumers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credit_notes_number_unique` ON `credit_notes` (`number`);--> statement-breakpoint
CREATE INDEX `credit_notes_consumer` ON `credit_notes` (`consumer_id`);--> statement-breakpoint
CREATE INDEX `credit_notes_payment` ON `credit_notes` (`payment_id`);--> statement-breakpoint
CREATE INDEX `credit_notes_expiry` ON `credit_notes` (`expires_on`);--> statement-breakpoint
CREATE TABLE `payment_reversals` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`payment_id` text NOT NULL,
	`reason` text NOT NULL,
	`reversed_by` text NOT NULL,
	`approved_by` text NOT NULL,
	`at` text NOT NULL,
	`replacement_payment_id` text,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reversed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_reversals_number_unique` ON `payment_reversals` (`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `payment_reversals_payment_id_unique` ON `payment_reversals` (`payment_id`);--> statement-breakpoint
ALTER TABLE `payments` ADD `card_last4` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `bank_name` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `applied_credit_note_id` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `verified_by` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `verified_at` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `source` text DEFAULT 'counter' NOT NULL;--> statement-breakpoint
ALTER TABLE `payments` ADD `gateway` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `webhook_status` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `settlement_status` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `initiated_at` text;--> statement-breakpoint
ALTER TABLE `payments` ADD `settled_at` text;