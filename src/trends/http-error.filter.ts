import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, ErrorCode } from '../common/domain-error.js';

const STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.BAD_USER_INPUT]: HttpStatus.BAD_REQUEST,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
};

/**
 * DomainErrors (from the access guard or the handler) on plain HTTP routes, as a JSON body shaped like
 * a GraphQL error: `{ errors: [{ message, extensions: { code, fields } }] }` with a matching status.
 */
@Catch(DomainError)
export class DomainErrorHttpFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const status = STATUS[error.code] ?? HttpStatus.INTERNAL_SERVER_ERROR;
    const extensions: Record<string, unknown> = { code: error.code };
    if (error.options.fields) extensions.fields = error.options.fields;
    if (error.options.retryAfterSeconds !== undefined) {
      extensions.retryAfterSeconds = error.options.retryAfterSeconds;
      res.setHeader('retry-after', String(error.options.retryAfterSeconds));
    }
    if (status === HttpStatus.UNAUTHORIZED) res.setHeader('www-authenticate', 'Bearer');
    res.setHeader('cache-control', 'no-store');
    res.status(status).json({ errors: [{ message: error.message, extensions }] });
  }
}
