-- The chain already proves every hash; a unique index on a random 64-character key only cost a random page write per ledger line.
DROP INDEX `ledger_lines_hash_unique`;