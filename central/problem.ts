import { ZodError } from 'zod';

/** A request the centre refuses, with the HTTP status and the field at fault (the protocol's centralError). */
export class CentralProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CentralProblem';
  }
}

/** A zod failure as the 400 the client reads: the first issue, where it is. */
export function problemOfZod(error: ZodError): CentralProblem {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  return new CentralProblem(400, field ? `${issue!.message} at ${field}` : (issue?.message ?? 'Invalid request'), field);
}

/** Any thrown value as a problem: ours as they are, zod's as 400, the rest as 500. */
export function asProblem(error: unknown): CentralProblem {
  if (error instanceof CentralProblem) return error;
  if (error instanceof ZodError) return problemOfZod(error);
  return new CentralProblem(500, 'The centre failed to answer');
}
