-- The cached balance per consumer moves with every ledger line, inside the
-- same statement, so it cannot drift from the ledger's sum; tests check both.
INSERT INTO consumer_balances (consumer_id, balance)
  SELECT consumer_id, sum(amount) FROM ledger_lines GROUP BY consumer_id;
--> statement-breakpoint
CREATE TRIGGER ledger_lines_keep_balance AFTER INSERT ON ledger_lines
BEGIN
  INSERT INTO consumer_balances (consumer_id, balance) VALUES (new.consumer_id, new.amount)
    ON CONFLICT (consumer_id) DO UPDATE SET balance = balance + excluded.balance;
END;
--> statement-breakpoint
CREATE TRIGGER consumer_balances_no_delete BEFORE DELETE ON consumer_balances
BEGIN SELECT RAISE(ABORT, 'a cached balance follows the ledger and is never deleted'); END;
--> statement-breakpoint
-- A credit note's amount, reason and links never change: what is left of it
-- is in the ledger. A reversal is a record of its own, never edited.
CREATE TRIGGER credit_notes_no_update BEFORE UPDATE ON credit_notes
BEGIN SELECT RAISE(ABORT, 'a credit note cannot be edited: its use and expiry are ledger lines'); END;
--> statement-breakpoint
CREATE TRIGGER credit_notes_no_delete BEFORE DELETE ON credit_notes
BEGIN SELECT RAISE(ABORT, 'a credit note cannot be deleted'); END;
--> statement-breakpoint
CREATE TRIGGER payment_reversals_no_update BEFORE UPDATE ON payment_reversals
BEGIN SELECT RAISE(ABORT, 'a reversal cannot be edited'); END;
--> statement-breakpoint
CREATE TRIGGER payment_reversals_no_delete BEFORE DELETE ON payment_reversals
BEGIN SELECT RAISE(ABORT, 'a reversal cannot be deleted'); END;
--> statement-breakpoint
-- The proofs of a payment added in this version are as final as its money;
-- status, verification and an online payment's gateway statuses move on.
DROP TRIGGER payments_money_is_final;
--> statement-breakpoint
CREATE TRIGGER payments_money_is_final BEFORE UPDATE OF id, payment_number, transaction_number, receipt_number, consumer_id, type, channel, method, amount, amount_received, change_given, reference, card_last4, bank_name, applied_credit_note_id, payment_date, recorded_at, recorded_by, terminal_code, source, gateway, initiated_at ON payments
BEGIN SELECT RAISE(ABORT, 'a recorded payment cannot be edited: record a correction instead'); END;
--> statement-breakpoint
-- The author of payments made online and of what the counter does on its own;
-- '!' is no PIN hash, so it can never log in.
INSERT INTO users (id, username, display_name, role, pin_hash, created_at) VALUES ('system', 'system', 'System', 'administrator', '!', '1970-01-01T00:00:00.000Z');
