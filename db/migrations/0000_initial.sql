CREATE TABLE `audit_entries` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`at` text NOT NULL,
	`user_id` text NOT NULL,
	`action` text NOT NULL,
	`entity` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_entries_id_unique` ON `audit_entries` (`id`);--> statement-breakpoint
CREATE INDEX `audit_entries_entity` ON `audit_entries` (`entity`,`entity_id`);--> statement-breakpoint
CREATE TABLE `bills` (
	`id` text PRIMARY KEY NOT NULL,
	`consumer_id` text NOT NULL,
	`invoice_number` text NOT NULL,
	`period` text NOT NULL,
	`amount` integer NOT NULL,
	`issued_on` text NOT NULL,
	`due_on` text NOT NULL,
	FOREIGN KEY (`consumer_id`) REFERENCES `consumers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bills_invoice_number_unique` ON `bills` (`invoice_number`);--> statement-breakpoint
CREATE INDEX `bills_consumer` ON `bills` (`consumer_id`);--> statement-breakpoint
CREATE TABLE `consumers` (
	`id` text PRIMARY KEY NOT NULL,
	`account_number` text NOT NULL,
	`name` text NOT NULL,
	`service_address` text NOT NULL,
	`phone` text NOT NULL,
	`email` text NOT NULL,
	`status` text NOT NULL,
	`type` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `consumers_account_number_unique` ON `consumers` (`account_number`);--> statement-breakpoint
CREATE TABLE `installments` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`number` integer NOT NULL,
	`amount` integer NOT NULL,
	`due_on` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `payment_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `installments_plan_number` ON `installments` (`plan_id`,`number`);--> statement-breakpoint
CREATE TABLE `ledger_lines` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`consumer_id` text NOT NULL,
	`entry_kind` text NOT NULL,
	`item_kind` text,
	`item_id` text,
	`payment_id` text,
	`amount` integer NOT NULL,
	`description` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	FOREIGN KEY (`consumer_id`) REFERENCES `consumers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_lines_id_unique` ON `ledger_lines` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_lines_hash_unique` ON `ledger_lines` (`hash`);--> statement-breakpoint
CREATE INDEX `ledger_lines_consumer` ON `ledger_lines` (`consumer_id`,`amount`);--> statement-breakpoint
CREATE INDEX `ledger_lines_item` ON `ledger_lines` (`item_kind`,`item_id`,`amount`);--> statement-breakpoint
CREATE TABLE `number_sequences` (
	`scope` text PRIMARY KEY NOT NULL,
	`last_value` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`aggregate_id` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_id_unique` ON `outbox` (`id`);--> statement-breakpoint
CREATE INDEX `outbox_state` ON `outbox` (`state`,`seq`);--> statement-breakpoint
CREATE TABLE `payment_allocations` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_id` text NOT NULL,
	`position` integer NOT NULL,
	`item_kind` text NOT NULL,
	`item_id` text NOT NULL,
	`amount` integer NOT NULL,
	`open_before` integer NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payments`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_allocations_position` ON `payment_allocations` (`payment_id`,`position`);--> statement-breakpoint
CREATE TABLE `payment_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_number` text NOT NULL,
	`consumer_id` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`consumer_id`) REFERENCES `consumers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_plans_plan_number_unique` ON `payment_plans` (`plan_number`);--> statement-breakpoint
CREATE INDEX `payment_plans_consumer` ON `payment_plans` (`consumer_id`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`payment_number` text NOT NULL,
	`transaction_number` text NOT NULL,
	`receipt_number` text NOT NULL,
	`consumer_id` text NOT NULL,
	`type` text NOT NULL,
	`channel` text NOT NULL,
	`method` text NOT NULL,
	`amount` integer NOT NULL,
	`amount_received` integer,
	`change_given` integer,
	`reference` text,
	`status` text NOT NULL,
	`verification` text NOT NULL,
	`notes` text,
	`payment_date` text NOT NULL,
	`recorded_at` text NOT NULL,
	`recorded_by` text NOT NULL,
	`terminal_code` text NOT NULL,
	FOREIGN KEY (`consumer_id`) REFERENCES `consumers`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payments_payment_number_unique` ON `payments` (`payment_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_transaction_number_unique` ON `payments` (`transaction_number`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_receipt_number_unique` ON `payments` (`receipt_number`);--> statement-breakpoint
CREATE INDEX `payments_consumer` ON `payments` (`consumer_id`,`recorded_at`);--> statement-breakpoint
CREATE INDEX `payments_recorded_at` ON `payments` (`recorded_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `payments_method_reference` ON `payments` (`method`,`reference`) WHERE reference is not null;--> statement-breakpoint
CREATE TABLE `print_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`document` text NOT NULL,
	`ref_id` text NOT NULL,
	`copy` integer NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`attempts` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `print_jobs_ref` ON `print_jobs` (`document`,`ref_id`);--> statement-breakpoint
CREATE TABLE `service_charges` (
	`id` text PRIMARY KEY NOT NULL,
	`consumer_id` text NOT NULL,
	`description` text NOT NULL,
	`amount` integer NOT NULL,
	`charged_on` text NOT NULL,
	`due_on` text NOT NULL,
	FOREIGN KEY (`consumer_id`) REFERENCES `consumers`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `service_charges_consumer` ON `service_charges` (`consumer_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);