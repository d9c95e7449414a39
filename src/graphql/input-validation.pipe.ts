import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import { DomainError, ErrorCode } from '../common/domain-error.js';

interface FieldProblem {
  path: string;
  messages: string[];
}

function flatten(errors: ValidationError[], prefix: string): FieldProblem[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ path, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** GqlParamtype.ARGS: the only GraphQL parameter that carries client input. */
const GRAPHQL_ARGS = 3;

/**
 * GraphQL resolver parameters reach pipes with a numeric type (GqlParamtype: ROOT 0, CONTEXT 1, INFO 2,
 * ARGS 3); HTTP ones with a string ('body', 'query', 'param', 'custom'). `@Parent()`, `@Context()` and
 * `@Info()` are our own objects, not input: copying and validating a parent per field resolver call
 * was pure overhead (bench/README.md, decision 4).
 */
function isGraphQLNonArgument(type: unknown): boolean {
  return typeof type === 'number' && type !== GRAPHQL_ARGS;
}

/**
 * class-validator on every input type. Errors name the input paths at fault (input.email); the
 * messages are the constraint texts, which never include the submitted value.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      transform: true,
      whitelist: true,
      forbidUnknownValues: false,
      validationError: { target: false, value: false },
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom' || isGraphQLNonArgument(metadata.type)) return value;
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      const problems = (error as { validationProblems?: FieldProblem[] }).validationProblems;
      if (!problems) throw error;
      const prefix = metadata.data ?? '';
      const prefixed = problems.map((p) => ({ ...p, path: prefix ? `${prefix}.${p.path}` : p.path }));
      throw new DomainError(
        ErrorCode.BAD_USER_INPUT,
        `Invalid input: ${prefixed.map((p) => p.messages.map((m) => `${p.path}: ${m}`).join('; ')).join('; ')}`,
        { fields: prefixed.map((p) => p.path) },
      );
    }
  }

  override createExceptionFactory() {
    return (errors: ValidationError[] = []) =>
      Object.assign(new Error('validation failed'), { validationProblems: flatten(errors, '') });
  }
}
