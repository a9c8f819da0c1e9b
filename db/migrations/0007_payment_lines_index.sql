-- Only payment, reversal and credit lines carry a payment; charge lines (a first
-- download writes a million) no longer pay for an index entry of NULL.
DROP INDEX `ledger_lines_payment`;--> statement-breakpoint
CREATE INDEX `ledger_lines_payment` ON `ledger_lines` (`payment_id`) WHERE payment_id is not null;
