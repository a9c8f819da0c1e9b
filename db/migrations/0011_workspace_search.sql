CREATE TABLE `credit_note_balances` (
	`note_rowid` integer PRIMARY KEY NOT NULL,
	`credit_note_id` text NOT NULL,
	`number` text NOT NULL,
	`issued_on` text NOT NULL,
	`created_at` text NOT NULL,
	`amount` integer NOT NULL,
	`reason` text NOT NULL,
	`remaining` integer NOT NULL,
	`status` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `credit_note_balances_created` ON `credit_note_balances` (`issued_on`,`created_at`,`status`,`reason`,`amount`,`remaining`);--> statement-breakpoint
CREATE INDEX `credit_note_balances_amount` ON `credit_note_balances` (`amount`,`status`,`reason`,`issued_on`,`remaining`);--> statement-breakpoint
CREATE INDEX `credit_note_balances_remaining` ON `credit_note_balances` (`remaining`,`status`,`reason`,`issued_on`,`amount`);--> statement-breakpoint
CREATE INDEX `credit_note_balances_number` ON `credit_note_balances` (length("number"),`number`,`status`,`reason`,`issued_on`,`amount`,`remaining`);--> statement-breakpoint
CREATE INDEX `consumers_name` ON `consumers` (`name`,`id`);--> statement-breakpoint
CREATE INDEX `payments_by_date` ON `payments` (`payment_date`,`recorded_at`,`consumer_id`,`status`,`method`,`type`,`channel`);--> statement-breakpoint
CREATE INDEX `payments_consumer_date` ON `payments` (`consumer_id`,`payment_date`,`recorded_at`,`amount`,`status`,`method`,`type`,`channel`);--> statement-breakpoint
CREATE INDEX `payments_amount` ON `payments` (`amount`,`status`,`method`,`type`,`channel`);--> statement-breakpoint
CREATE INDEX `payments_receipt_order` ON `payments` (length("receipt_number"),`receipt_number`,`status`,`method`,`type`,`channel`);--> statement-breakpoint
-- Receipt and credit note numbers found by any part of them ("5001" in
-- R-T01-5001): trigram indexes over the number alone, kept small (no
-- positions, detail=none), so a LIKE through them is checked against the
-- text. A number never changes and neither row is ever deleted (0001, 0005).
CREATE VIRTUAL TABLE payments_receipts USING fts5(receipt_number, content='payments', content_rowid='rowid', tokenize='trigram', detail='none', columnsize=0);
--> statement-breakpoint
INSERT INTO payments_receipts(payments_receipts) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER payments_receipts_insert AFTER INSERT ON payments
BEGIN INSERT INTO payments_receipts(rowid, receipt_number) VALUES (new.rowid, new.receipt_number); END;
--> statement-breakpoint
CREATE VIRTUAL TABLE credit_notes_numbers USING fts5(number, content='credit_notes', content_rowid='rowid', tokenize='trigram', detail='none', columnsize=0);
--> statement-breakpoint
INSERT INTO credit_notes_numbers(credit_notes_numbers) VALUES ('rebuild');
--> statement-breakpoint
CREATE TRIGGER credit_notes_numbers_insert AFTER INSERT ON credit_notes
BEGIN INSERT INTO credit_notes_numbers(rowid, number) VALUES (new.rowid, new.number); END;
--> statement-breakpoint
-- What is left of each note and its status, as creditUsageOf in core reads
-- them from the note's ledger lines: remaining is minus their sum; the last
-- line that ended the note (a forfeit at expiry, a positive reversal when its
-- payment was reversed) makes it expired or cancelled; else it is active
-- while credit remains and applied once none does.
CREATE VIEW credit_note_ledger AS
SELECT n.rowid AS note_rowid, n.id AS credit_note_id,
       -coalesce((SELECT sum(l.amount) FROM ledger_lines l WHERE l.item_kind = 'credit_note' AND l.item_id = n.id), 0) AS remaining,
       (SELECT CASE l.entry_kind WHEN 'credit_expired' THEN 'expired' ELSE 'cancelled' END FROM ledger_lines l
         WHERE l.item_kind = 'credit_note' AND l.item_id = n.id AND (l.entry_kind = 'credit_expired' OR (l.entry_kind = 'reversal' AND l.amount > 0))
         ORDER BY l.seq DESC LIMIT 1) AS ended
  FROM credit_notes n;
--> statement-breakpoint
INSERT INTO credit_note_balances (note_rowid, credit_note_id, number, issued_on, created_at, amount, reason, remaining, status)
SELECT n.rowid, n.id, n.number, n.issued_on, n.created_at, n.amount, n.reason, g.remaining,
       coalesce(g.ended, CASE WHEN g.remaining > 0 THEN 'active' ELSE 'applied' END)
  FROM credit_notes n JOIN credit_note_ledger g ON g.note_rowid = n.rowid;
--> statement-breakpoint
-- A new note starts from what the ledger says of it (nothing yet: the counter
-- writes the note before its lines); each line of it then moves it, in the
-- same statement as the line.
CREATE TRIGGER credit_note_balances_note_in AFTER INSERT ON credit_notes
BEGIN
  INSERT INTO credit_note_balances (note_rowid, credit_note_id, number, issued_on, created_at, amount, reason, remaining, status)
  SELECT new.rowid, new.id, new.number, new.issued_on, new.created_at, new.amount, new.reason, g.remaining,
         coalesce(g.ended, CASE WHEN g.remaining > 0 THEN 'active' ELSE 'applied' END)
    FROM credit_note_ledger g WHERE g.note_rowid = new.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER credit_note_balances_line_in AFTER INSERT ON ledger_lines WHEN new.item_kind = 'credit_note'
BEGIN
  UPDATE credit_note_balances
     SET remaining = remaining - new.amount,
         status = CASE
           WHEN new.entry_kind = 'credit_expired' THEN 'expired'
           WHEN new.entry_kind = 'reversal' AND new.amount > 0 THEN 'cancelled'
           WHEN status IN ('expired', 'cancelled') THEN status
           WHEN remaining - new.amount > 0 THEN 'active'
           ELSE 'applied' END
   WHERE note_rowid = (SELECT rowid FROM credit_notes WHERE id = new.item_id);
END;
--> statement-breakpoint
CREATE TRIGGER credit_note_balances_no_delete BEFORE DELETE ON credit_note_balances
BEGIN SELECT RAISE(ABORT, 'a credit note balance follows the ledger and is never deleted'); END;
