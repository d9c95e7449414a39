import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';
import { ErrorCode } from '../common/domain-error.js';

/** Operations that check a credential; aliasing many of them into one document is a guessing attack. */
const CREDENTIAL_FIELDS = new Set(['login', 'register', 'refreshSession']);
export const MAX_CREDENTIAL_FIELDS_PER_DOCUMENT = 2;

/**
 * Apollo overwrites `code` on validation errors with GRAPHQL_VALIDATION_FAILED; our rules carry their
 * contract code here and the error formatter restores it.
 */
export const VALIDATION_CODE_EXTENSION = 'curbsideCode';

/** Validation rule: refuse documents with more than a couple of login/register/refreshSession fields. */
export function credentialFieldLimitRule(context: ValidationContext): ASTVisitor {
  let count = 0;
  return {
    Field(node) {
      if (!CREDENTIAL_FIELDS.has(node.name.value)) return;
      count += 1;
      if (count === MAX_CREDENTIAL_FIELDS_PER_DOCUMENT + 1) {
        context.reportError(
          new GraphQLError(
            `A request may contain at most ${MAX_CREDENTIAL_FIELDS_PER_DOCUMENT} login, register or refreshSession fields`,
            { nodes: [node], extensions: { [VALIDATION_CODE_EXTENSION]: ErrorCode.QUERY_TOO_COMPLEX } },
          ),
        );
      }
    },
  };
}
