CREATE TABLE `mpesa_confirmations` (
	`code` text PRIMARY KEY NOT NULL,
	`account_number` text NOT NULL,
	`amount` integer NOT NULL,
	`confirmed_at` text NOT NULL,
	`received_at` text NOT NULL,
	`payment_id` text
);
--> statement-breakpoint
CREATE TABLE `sync_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`ref_id` text NOT NULL,
	`detail` text NOT NULL,
	`created_at` text NOT NULL,
	`resolved_at` text,
	`resolved_by` text,
	`resolution` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sync_reviews_ref` ON `sync_reviews` (`kind`,`ref_id`);--> statement-breakpoint
CREATE INDEX `sync_reviews_open` ON `sync_reviews` (`resolved_at`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `account_id` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `amount` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `till_session_id` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `outcome` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `sent_at` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `parked_reason` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `parked_at` text;--> statement-breakpoint
CREATE INDEX `outbox_account` ON `outbox` (`account_id`,`state`);--> statement-breakpoint
-- Postings written before sync existed learn their account and amount from the record they describe.
UPDATE `outbox` SET
  `account_id` = coalesce((SELECT consumer_id FROM payments WHERE id = outbox.aggregate_id), (SELECT consumer_id FROM credit_notes WHERE id = outbox.aggregate_id), ''),
  `amount` = CASE kind
    WHEN 'payment.recorded' THEN coalesce((SELECT amount FROM payments WHERE id = outbox.aggregate_id), 0)
    WHEN 'payment.reversed' THEN -coalesce((SELECT amount FROM payments WHERE id = outbox.aggregate_id), 0)
    ELSE 0 END;
--> statement-breakpoint
-- What was confirmed to the centre is final: only delivery columns move.
CREATE TRIGGER outbox_content_is_final BEFORE UPDATE OF seq, id, kind, aggregate_id, account_id, amount, till_session_id, payload, created_at ON outbox
BEGIN SELECT RAISE(ABORT, 'an outbox posting cannot be edited'); END;
--> statement-breakpoint
CREATE TRIGGER outbox_no_delete BEFORE DELETE ON outbox
BEGIN SELECT RAISE(ABORT, 'an outbox posting is never deleted: it is sent or parked'); END;
