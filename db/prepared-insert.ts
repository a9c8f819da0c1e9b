import { getTableColumns, getTableName, type InferInsertModel } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { CounterDb } from './connection.js';

/**
 * A single-row insert into `table`, prepared once straight on SQLite from the
 * drizzle schema. On the payment path drizzle's query building, and even its
 * placeholder filling, cost more than SQLite took to insert the rows. Columns
 * SQLite fills itself (an autoincrement key, a default) are left to SQLite;
 * an optional column the row leaves out is stored as null.
 */
export function preparedInsert<T extends SQLiteTable>(
  db: CounterDb,
  table: T,
  /** Columns with a default that the caller always gives. */
  given: readonly string[] = [],
): (row: InferInsertModel<T>) => void {
  const columns = Object.entries(getTableColumns(table)).filter(
    ([key, column]) => given.includes(key) || (!column.hasDefault && !(column.primary && column.columnType === 'SQLiteInteger')),
  );
  const statement = db.$client.prepare(`insert into "${getTableName(table)}" (${columns.map(([, column]) => `"${column.name}"`).join(', ')}) values (${columns.map(() => '?').join(', ')})`);
  // Bound by position from an array: an object of named values, built key by key, is slower to make and to bind.
  const values: unknown[] = new Array(columns.length);
  return (row) => {
    for (let i = 0; i < columns.length; i++) {
      const [key, column] = columns[i]!;
      const value = (row as Record<string, unknown>)[key];
      values[i] = value == null ? null : column.mapToDriverValue(value);
    }
    statement.run(values);
  };
}
