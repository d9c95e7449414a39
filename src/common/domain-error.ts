/** The contract's extensions.code values. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  PHI_DETECTED = 'PHI_DETECTED',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

export interface DomainErrorOptions {
  /** Input paths at fault, for BAD_USER_INPUT (e.g. ["input.email"]). */
  fields?: string[];
  /** For RATE_LIMITED. */
  retryAfterSeconds?: number;
  /** Extra figures safe to show the client (e.g. a query's cost and the maximum). */
  details?: Record<string, number | string>;
}

/**
 * An expected failure with a stable code. Messages are written by us, never echo user input,
 * and are safe to return to clients.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: DomainErrorOptions = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badInput(field: string, message: string): DomainError {
    return new DomainError(ErrorCode.BAD_USER_INPUT, message, { fields: [field] });
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NOT_FOUND, `${what} not found`);
  }

  static forbidden(message = 'You are not allowed to do this'): DomainError {
    return new DomainError(ErrorCode.FORBIDDEN, message);
  }

  static unauthenticated(message = 'Sign in required'): DomainError {
    return new DomainError(ErrorCode.UNAUTHENTICATED, message);
  }
}
