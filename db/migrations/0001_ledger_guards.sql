-- The ledger and what feeds it are append-only: a correction is a new line,
-- never an edit. These triggers hold that even against a hand-run UPDATE.
CREATE TRIGGER ledger_lines_no_update BEFORE UPDATE ON ledger_lines
BEGIN SELECT RAISE(ABORT, 'ledger lines are append-only: correct with a new line'); END;
--> statement-breakpoint
CREATE TRIGGER ledger_lines_no_delete BEFORE DELETE ON ledger_lines
BEGIN SELECT RAISE(ABORT, 'ledger lines are append-only: correct with a new line'); END;
--> statement-breakpoint
CREATE TRIGGER payment_allocations_no_update BEFORE UPDATE ON payment_allocations
BEGIN SELECT RAISE(ABORT, 'payment allocations are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER payment_allocations_no_delete BEFORE DELETE ON payment_allocations
BEGIN SELECT RAISE(ABORT, 'payment allocations are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
--> statement-breakpoint
CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only'); END;
--> statement-breakpoint
-- A payment's money and identity never change; only its verification and
-- status move on (pending -> verified, posted -> cancelled by a reversal line).
CREATE TRIGGER payments_money_is_final BEFORE UPDATE OF id, payment_number, transaction_number, receipt_number, consumer_id, type, channel, method, amount, amount_received, change_given, reference, payment_date, recorded_at, recorded_by, terminal_code ON payments
BEGIN SELECT RAISE(ABORT, 'a recorded payment cannot be edited: record a correction instead'); END;
--> statement-breakpoint
CREATE TRIGGER payments_no_delete BEFORE DELETE ON payments
BEGIN SELECT RAISE(ABORT, 'a recorded payment cannot be deleted: record a reversal instead'); END;
--> statement-breakpoint
-- Consumer search: trigram full-text over name and account number answers
-- partial, case-insensitive matches ("doe", "wu-100") from an index.
CREATE VIRTUAL TABLE consumers_search USING fts5(name, account_number, content='consumers', content_rowid='rowid', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER consumers_search_insert AFTER INSERT ON consumers
BEGIN INSERT INTO consumers_search(rowid, name, account_number) VALUES (new.rowid, new.name, new.account_number); END;
--> statement-breakpoint
CREATE TRIGGER consumers_search_delete AFTER DELETE ON consumers
BEGIN INSERT INTO consumers_search(consumers_search, rowid, name, account_number) VALUES ('delete', old.rowid, old.name, old.account_number); END;
--> statement-breakpoint
CREATE TRIGGER consumers_search_update AFTER UPDATE OF name, account_number ON consumers
BEGIN
  INSERT INTO consumers_search(consumers_search, rowid, name, account_number) VALUES ('delete', old.rowid, old.name, old.account_number);
  INSERT INTO consumers_search(rowid, name, account_number) VALUES (new.rowid, new.name, new.account_number);
END;
