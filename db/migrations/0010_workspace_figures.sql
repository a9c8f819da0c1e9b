CREATE TABLE `daily_collections` (
	`payment_date` text NOT NULL,
	`method` text NOT NULL,
	`channel` text NOT NULL,
	`type` text NOT NULL,
	`status` text NOT NULL,
	`amount` integer NOT NULL,
	`count` integer NOT NULL,
	`allocation_days` integer NOT NULL,
	`allocation_count` integer NOT NULL,
	PRIMARY KEY(`payment_date`, `method`, `channel`, `type`, `status`)
);
--> statement-breakpoint
CREATE TABLE `daily_dues` (
	`due_on` text NOT NULL,
	`item_kind` text NOT NULL,
	`amount` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`due_on`, `item_kind`)
);
--> statement-breakpoint
-- How long each allocation's item waited for its payment: from the bill's issue,
-- the service charge's day or the plan's creation (a day from the centre, an
-- instant made here) to the payment date. Items of another kind are not aged.
CREATE VIEW allocation_ages AS
SELECT a.id, a.payment_id,
       CAST(julianday(p.payment_date) - julianday(coalesce(b.issued_on, s.charged_on,
         CASE WHEN length(pp.created_at) = 10 THEN pp.created_at ELSE date(pp.created_at, 'localtime') END)) AS INTEGER) AS days
  FROM payment_allocations a
  JOIN payments p ON p.id = a.payment_id
  LEFT JOIN bills b ON a.item_kind = 'bill' AND b.id = a.item_id
  LEFT JOIN service_charges s ON a.item_kind = 'service' AND s.id = a.item_id
  LEFT JOIN installments n ON a.item_kind = 'installment' AND n.id = a.item_id
  LEFT JOIN payment_plans pp ON pp.id = n.plan_id
 WHERE coalesce(b.id, s.id, pp.id) IS NOT NULL;
--> statement-breakpoint
-- The figures of what is already stored; the triggers below keep them from here on.
INSERT INTO daily_collections (payment_date, method, channel, type, status, amount, count, allocation_days, allocation_count)
SELECT p.payment_date, p.method, p.channel, p.type, p.status, sum(p.amount), count(*), coalesce(sum(g.days), 0), coalesce(sum(g.allocations), 0)
  FROM payments p
  LEFT JOIN (SELECT payment_id, sum(days) AS days, count(*) AS allocations FROM allocation_ages GROUP BY payment_id) g ON g.payment_id = p.id
 GROUP BY p.payment_date, p.method, p.channel, p.type, p.status;
--> statement-breakpoint
INSERT INTO daily_dues (due_on, item_kind, amount, count)
SELECT due_on, 'bill', sum(amount), count(*) FROM bills GROUP BY due_on
UNION ALL
SELECT due_on, 'service', sum(amount), count(*) FROM service_charges GROUP BY due_on;
--> statement-breakpoint
-- A new payment adds to its day under its status; its allocations, written
-- after it, add their ages.
CREATE TRIGGER daily_collections_payment_in AFTER INSERT ON payments
BEGIN
  INSERT INTO daily_collections (payment_date, method, channel, type, status, amount, count, allocation_days, allocation_count)
    VALUES (new.payment_date, new.method, new.channel, new.type, new.status, new.amount, 1, 0, 0)
    ON CONFLICT (payment_date, method, channel, type, status) DO UPDATE SET amount = amount + excluded.amount, count = count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER daily_collections_allocation_in AFTER INSERT ON payment_allocations
BEGIN
  INSERT INTO daily_collections (payment_date, method, channel, type, status, amount, count, allocation_days, allocation_count)
    SELECT p.payment_date, p.method, p.channel, p.type, p.status, 0, 0, g.days, 1
      FROM allocation_ages g JOIN payments p ON p.id = g.payment_id
     WHERE g.id = new.id
    ON CONFLICT (payment_date, method, channel, type, status) DO UPDATE
      SET allocation_days = allocation_days + excluded.allocation_days, allocation_count = allocation_count + 1;
END;
--> statement-breakpoint
-- A status change (verification, reversal, a gateway's word) moves the payment
-- and its allocations from the old status's row to the new one. Its day,
-- method, channel, type and amount are final (payments_money_is_final).
CREATE TRIGGER daily_collections_payment_moved AFTER UPDATE OF status ON payments WHEN old.status IS NOT new.status
BEGIN
  UPDATE daily_collections
     SET amount = amount - old.amount, count = count - 1,
         allocation_days = allocation_days - (SELECT coalesce(sum(days), 0) FROM allocation_ages WHERE payment_id = old.id),
         allocation_count = allocation_count - (SELECT count(*) FROM allocation_ages WHERE payment_id = old.id)
   WHERE payment_date = old.payment_date AND method = old.method AND channel = old.channel AND type = old.type AND status = old.status;
  INSERT INTO daily_collections (payment_date, method, channel, type, status, amount, count, allocation_days, allocation_count)
    SELECT new.payment_date, new.method, new.channel, new.type, new.status, new.amount, 1, coalesce(sum(days), 0), count(*)
      FROM allocation_ages WHERE payment_id = new.id
    ON CONFLICT (payment_date, method, channel, type, status) DO UPDATE
      SET amount = amount + excluded.amount, count = count + 1,
          allocation_days = allocation_days + excluded.allocation_days, allocation_count = allocation_count + excluded.allocation_count;
END;
--> statement-breakpoint
-- What falls due follows every bill and service charge, as the centre sends or corrects them.
CREATE TRIGGER daily_dues_bill_in AFTER INSERT ON bills
BEGIN
  INSERT INTO daily_dues (due_on, item_kind, amount, count) VALUES (new.due_on, 'bill', new.amount, 1)
    ON CONFLICT (due_on, item_kind) DO UPDATE SET amount = amount + excluded.amount, count = count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER daily_dues_bill_out AFTER DELETE ON bills
BEGIN
  UPDATE daily_dues SET amount = amount - old.amount, count = count - 1 WHERE due_on = old.due_on AND item_kind = 'bill';
END;
--> statement-breakpoint
CREATE TRIGGER daily_dues_bill_moved AFTER UPDATE OF amount, due_on ON bills
BEGIN
  UPDATE daily_dues SET amount = amount - old.amount, count = count - 1 WHERE due_on = old.due_on AND item_kind = 'bill';
  INSERT INTO daily_dues (due_on, item_kind, amount, count) VALUES (new.due_on, 'bill', new.amount, 1)
    ON CONFLICT (due_on, item_kind) DO UPDATE SET amount = amount + excluded.amount, count = count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER daily_dues_service_in AFTER INSERT ON service_charges
BEGIN
  INSERT INTO daily_dues (due_on, item_kind, amount, count) VALUES (new.due_on, 'service', new.amount, 1)
    ON CONFLICT (due_on, item_kind) DO UPDATE SET amount = amount + excluded.amount, count = count + 1;
END;
--> statement-breakpoint
CREATE TRIGGER daily_dues_service_out AFTER DELETE ON service_charges
BEGIN
  UPDATE daily_dues SET amount = amount - old.amount, count = count - 1 WHERE due_on = old.due_on AND item_kind = 'service';
END;
--> statement-breakpoint
CREATE TRIGGER daily_dues_service_moved AFTER UPDATE OF amount, due_on ON service_charges
BEGIN
  UPDATE daily_dues SET amount = amount - old.amount, count = count - 1 WHERE due_on = old.due_on AND item_kind = 'service';
  INSERT INTO daily_dues (due_on, item_kind, amount, count) VALUES (new.due_on, 'service', new.amount, 1)
    ON CONFLICT (due_on, item_kind) DO UPDATE SET amount = amount + excluded.amount, count = count + 1;
END;
