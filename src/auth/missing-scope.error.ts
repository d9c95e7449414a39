import { DomainError, ErrorCode } from '../common/domain-error.js';

/** A partner app called an operation its key's scopes do not cover: FORBIDDEN with `extensions.scope`. */
export class MissingScopeError extends DomainError {
  constructor(
    readonly scope: string,
    operation: string,
  ) {
    super(
      ErrorCode.FORBIDDEN,
      `This partner app's API key lacks the scope "${scope}" needed for ${operation}; ask an admin for a key with it`,
      { details: { scope } },
    );
    this.name = 'MissingScopeError';
  }
}
