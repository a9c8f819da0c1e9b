import { ZodError } from 'zod';
import type { SignedInUser } from '../auth/roles.js';
import { contract, type CallName, type CallOutput, type ParsedInput } from './contract.js';
import { ApiError, type Result } from './errors.js';

export interface CallContext {
  user: SignedInUser | null;
  token: string | null;
}

export type Handlers = {
  [N in CallName]: (input: ParsedInput<N>, context: CallContext) => CallOutput<N> | Promise<CallOutput<N>>;
};

export interface SessionLookup {
  userFor(token: string | null): SignedInUser | null;
}

export type Dispatch = (name: string, input: unknown, token: string | null) => Promise<Result<unknown>>;

/**
 * The one registrar every edge (IPC, HTTP) goes through: it knows the call,
 * checks who is asking, validates the input with the contract's schema and
 * only then runs the service. Whatever happens comes back as a Result, so an
 * error's code, message and field survive the trip to the renderer.
 */
export function createDispatcher(handlers: Handlers, sessions: SessionLookup, onInternalError: (error: unknown, call: string) => void): Dispatch {
  return async (name, rawInput, token) => {
    try {
      if (!Object.hasOwn(contract, name)) throw new ApiError('NOT_FOUND', `There is no call named ${name}`);
      const call = contract[name as CallName];
      const user = sessions.userFor(token);
      if (call.access !== 'public') {
        if (!user) throw new ApiError('UNAUTHENTICATED', 'Please log in again');
        if (!call.access.includes(user.role)) throw new ApiError('FORBIDDEN', 'Your role may not do this');
      }
      const input = call.input.parse(rawInput ?? {});
      const handler = handlers[name as CallName] as (input: unknown, context: CallContext) => unknown;
      return { ok: true, value: await handler(input, { user, token }) };
    } catch (error) {
      if (error instanceof ApiError) return { ok: false, error: error.toData() };
      if (error instanceof ZodError) return { ok: false, error: fromZod(error) };
      onInternalError(error, name);
      return { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong and nothing was saved. Please try again.' } };
    }
  };
}

function fromZod(error: ZodError): ApiError['toData'] extends () => infer D ? D : never {
  const issue = error.issues[0]!;
  const field = issue.path.filter((p) => typeof p !== 'number').join('.');
  return field ? { code: 'VALIDATION', message: issue.message, field } : { code: 'VALIDATION', message: issue.message };
}
