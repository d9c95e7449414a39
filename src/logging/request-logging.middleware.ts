import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

const NAMED_OPERATION = /^\s*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]{0,63})/;

/** The client-chosen operation name (from operationName, or the document's first named operation). */
function operationNameOf(req: IncomingMessage): { operationName?: string } {
  const body = (req as IncomingMessage & { body?: { operationName?: unknown; query?: unknown } }).body;
  const given = body?.operationName;
  if (typeof given === 'string' && OPERATION_NAME.test(given)) return { operationName: given };
  const named = typeof body?.query === 'string' ? NAMED_OPERATION.exec(body.query.slice(0, 200)) : null;
  return named ? { operationName: named[1] } : {};
}

/** The calling partner app's id (set by the X-Api-Key check), never its key. */
function partnerAppOf(req: IncomingMessage): { partnerAppId?: string } {
  const app = (req as IncomingMessage & { partnerApp?: { id: string } | null }).partnerApp;
  return app ? { partnerAppId: app.id } : {};
}

/**
 * One structured line per request: method, path, status, duration, request id and the GraphQL
 * operation name, and the partner app id when a key was sent. Never the body, the variables, the
 * query string or credentials (nor the API key).
 */
export function requestLoggingMiddleware(logger: Logger) {
  const httpLogger = pinoHttp({
    logger,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('x-request-id', id);
      return id;
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: req.url.split('?')[0],
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    // Evaluated when the response is logged, after the body parser ran.
    customSuccessObject: (req, _res, value) => ({ ...value, ...operationNameOf(req), ...partnerAppOf(req) }),
    customErrorObject: (req, _res, _error, value) => ({
      ...value,
      ...operationNameOf(req),
      ...partnerAppOf(req),
    }),
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
  });
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    httpLogger(req, res);
    next();
  };
}
