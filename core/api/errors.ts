/**
 * The one error type a call can fail with. It crosses the IPC and HTTP
 * boundaries as plain data, so the code, the message a cashier reads and the
 * field it concerns all survive.
 */
export type ErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'UNAVAILABLE' | 'INTERNAL';

export interface ApiErrorData {
  code: ErrorCode;
  message: string;
  field?: string;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.field = field;
  }

  toData(): ApiErrorData {
    return this.field === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, field: this.field };
  }
}

export const invalid = (field: string, message: string) => new ApiError('VALIDATION', message, field);
export const notFound = (field: string, message: string) => new ApiError('NOT_FOUND', message, field);
export const conflict = (field: string | undefined, message: string) => new ApiError('CONFLICT', message, field);

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiErrorData };
