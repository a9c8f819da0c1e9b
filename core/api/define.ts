import type { z } from 'zod';
import type { Role } from '../auth/roles.js';

/**
 * One call the UI can make: its name (noun-verb), the schema its input must
 * pass before any service sees it, its output, and who may make it.
 * `public` calls need no signed-in user.
 */
export interface CallDefinition<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: 'public' | readonly Role[];
}

export function defineCall<I extends z.ZodType, O extends z.ZodType>(definition: CallDefinition<I, O>): CallDefinition<I, O> {
  return definition;
}

/** Merges domain tables into one, refusing a name used twice. */
export function mergeCalls<T extends Record<string, CallDefinition>[]>(...tables: T): UnionToIntersection<T[number]> {
  const merged: Record<string, CallDefinition> = {};
  for (const table of tables) {
    for (const [name, call] of Object.entries(table)) {
      if (name in merged) throw new Error(`api call "${name}" is defined twice`);
      merged[name] = call;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
