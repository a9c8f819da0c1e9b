import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type { registerRequest, registerResponse } from '../core/sync/protocol.js';
import type { CentralDb } from './database.js';
import { CentralProblem } from './problem.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * The counters the centre knows. A token is 32 random bytes, given once at
 * registration; the centre keeps only its SHA-256, so a copy of the database
 * cannot be used to push.
 */
export function terminalRegistry(db: CentralDb, options: { enrolmentCodes: readonly string[]; now: () => Date }) {
  const insert = db.prepare('insert into terminals (id, terminal_code, branch_name, token_hash, registered_at) values (?, ?, ?, ?, ?)');
  const byToken = db.prepare<[string], string>('select id from terminals where token_hash = ? and revoked_at is null').pluck();
  const revoke = db.prepare('update terminals set revoked_at = ? where id = ? and revoked_at is null');
  const branchOf = db.prepare<[string], string>('select branch_name from terminals where id = ?').pluck();
  const codeHashes = options.enrolmentCodes.map(sha256);

  return {
    register(request: z.infer<typeof registerRequest>): z.infer<typeof registerResponse> {
      // Comparing hashes in constant time tells a guesser nothing about how close they came.
      const presented = sha256(request.enrolmentCode);
      if (!codeHashes.some((code) => timingSafeEqual(code, presented))) throw new CentralProblem(403, 'The enrolment code is not one the centre issued', 'enrolmentCode');
      const terminalId = randomUUID();
      const token = randomBytes(32).toString('base64url');
      insert.run(terminalId, request.terminalCode, request.branchName, sha256(token).toString('hex'), options.now().toISOString());
      return { terminalId, token };
    },

    /** The terminal an `Authorization: Bearer <token>` header belongs to; 401 for none, unknown or revoked. */
    authenticate(authorization: string | undefined): string {
      const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
      const terminalId = token ? byToken.get(sha256(token).toString('hex')) : undefined;
      if (!terminalId) throw new CentralProblem(401, 'The terminal token is unknown or revoked; register the counter again');
      return terminalId;
    },

    /** The branch the terminal registered for: its tills go to that branch's other terminals, and theirs come to it. */
    branchOf(terminalId: string): string {
      const branch = branchOf.get(terminalId);
      if (branch === undefined) throw new Error(`No terminal ${terminalId}`);
      return branch;
    },

    revoke(terminalId: string): void {
      revoke.run(options.now().toISOString(), terminalId);
    },
  };
}

export type TerminalRegistry = ReturnType<typeof terminalRegistry>;
