CREATE TABLE `receipt_search_progress` (
	`id` integer PRIMARY KEY NOT NULL,
	`last_rowid` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `payments_consumer`;--> statement-breakpoint
DROP INDEX `payments_recorded_at`;--> statement-breakpoint
CREATE INDEX `payments_credit_applied` ON `payments` (`applied_credit_note_id`) WHERE applied_credit_note_id is not null;--> statement-breakpoint
-- Every page a payment touches is written to the log and synced before its
-- receipt prints, so each per-payment write must pay for itself. The receipt
-- number index is fed in one step before a search reads it
-- (db/repositories/receipt-search.ts), from where this leaves it.
DROP TRIGGER payments_receipts_insert;
--> statement-breakpoint
INSERT INTO receipt_search_progress (id, last_rowid) SELECT 1, coalesce(max(rowid), 0) FROM payments;
--> statement-breakpoint
-- An allocation's age read straight from its item, as allocation_ages (0010)
-- reads it, without that view's joins over every kind of item.
DROP TRIGGER daily_collections_allocation_in;
--> statement-breakpoint
CREATE TRIGGER daily_collections_allocation_in AFTER INSERT ON payment_allocations
BEGIN
  INSERT INTO daily_collections (payment_date, method, channel, type, status, amount, count, allocation_days, allocation_count)
    SELECT p.payment_date, p.method, p.channel, p.type, p.status, 0, 0, CAST(julianday(p.payment_date) - julianday(i.issued) AS INTEGER), 1
      FROM payments p, (SELECT CASE new.item_kind
             WHEN 'bill' THEN (SELECT issued_on FROM bills WHERE id = new.item_id)
             WHEN 'service' THEN (SELECT charged_on FROM service_charges WHERE id = new.item_id)
             WHEN 'installment' THEN (SELECT CASE WHEN length(pp.created_at) = 10 THEN pp.created_at ELSE date(pp.created_at, 'localtime') END
                                        FROM installments n JOIN payment_plans pp ON pp.id = n.plan_id WHERE n.id = new.item_id)
           END AS issued) i
     WHERE p.id = new.payment_id AND i.issued IS NOT NULL
    ON CONFLICT (payment_date, method, channel, type, status) DO UPDATE
      SET allocation_days = allocation_days + excluded.allocation_days, allocation_count = allocation_count + 1;
END;
