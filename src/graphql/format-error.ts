import { HttpException } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { VALIDATION_CODE_EXTENSION } from './credential-field-limit.rule.js';
import { requestIdOf } from '../logging/request-context.js';

const HTTP_STATUS_CODES: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.RATE_LIMITED,
};

/** Apollo's own codes for requests that never reached a resolver. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

function unwrap(error: unknown): unknown {
  let current = error as { originalError?: unknown } | undefined;
  while (current?.originalError && current.originalError !== current)
    current = current.originalError as typeof current;
  return current;
}

function domainShape(formatted: GraphQLFormattedError, error: DomainError): GraphQLFormattedError {
  const extensions: Record<string, unknown> = { code: error.code };
  if (error.options.fields) extensions.fields = error.options.fields;
  if (error.options.retryAfterSeconds !== undefined)
    extensions.retryAfterSeconds = error.options.retryAfterSeconds;
  if (error.options.details) Object.assign(extensions, error.options.details);
  return { message: error.message, locations: formatted.locations, path: formatted.path, extensions };
}

/**
 * graphql-js echoes offending values in some messages ('Variable "$input" got invalid value "…"');
 * user text never goes back out, so those are rewritten to name only the path at fault.
 */
function requestErrorShape(formatted: GraphQLFormattedError, code: string): GraphQLFormattedError {
  const message = formatted.message;
  const variable = /^Variable "\$(\w+)" got invalid value[\s\S]*?(?: at "([\w.[\]]+)")?;/.exec(message);
  if (variable) {
    const base = variable[2] ?? variable[1];
    const missing = /Field "(\w+)" of required type/.exec(message)?.[1];
    const notDefined = /Field "(\w+)" is not defined by type/.exec(message)?.[1];
    const field = missing || notDefined ? `${base}.${missing ?? notDefined}` : base;
    const what = missing ? 'is required' : notDefined ? 'is not a known field' : 'has an invalid value';
    return {
      message: `Invalid input: ${field} ${what}`,
      locations: formatted.locations,
      extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [field] },
    };
  }
  const safe = code === 'GRAPHQL_PARSE_FAILED' || !/found |value/i.test(message);
  return {
    message: safe ? message : 'Invalid input: an argument has a value of the wrong type',
    locations: formatted.locations,
    extensions: { code: ErrorCode.BAD_USER_INPUT },
  };
}

/**
 * Maps every error to the contract's extensions.code. Anything unexpected is logged with the request
 * id and returned as INTERNAL_SERVER_ERROR without its message, stack or SQL.
 */
export function formatGraphQLError(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrap(error);
    if (original instanceof DomainError) return domainShape(formatted, original);
    if (original instanceof HttpException) {
      const code = HTTP_STATUS_CODES[original.getStatus()];
      if (code)
        return domainShape(
          formatted,
          new DomainError(code, code === ErrorCode.FORBIDDEN ? 'Forbidden' : original.message),
        );
    }
    const ruleCode = formatted.extensions?.[VALIDATION_CODE_EXTENSION];
    if (typeof ruleCode === 'string') {
      return { message: formatted.message, locations: formatted.locations, extensions: { code: ruleCode } };
    }
    const code = formatted.extensions?.code;
    // Errors Apollo raised itself (parse, validation, variable coercion), not thrown by our code.
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code) && original instanceof GraphQLError) {
      return requestErrorShape(formatted, code);
    }
    const requestId = requestIdOf(error);
    const failure = original instanceof Error ? original : new Error('non-error thrown');
    logger.error(
      {
        requestId,
        path: formatted.path,
        err: { type: failure.name, message: failure.message, stack: failure.stack },
      },
      'unexpected error while executing a GraphQL operation',
    );
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, requestId },
    };
  };
}
