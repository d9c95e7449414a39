import { pino, type Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';

/**
 * The one JSON logger. Redaction is a second line of defence: request bodies, variables and
 * credentials are never passed to it in the first place.
 */
export function createLogger(config: Pick<AppConfig, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'curbside' },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'req.headers["x-api-key"]',
        '*.password',
        '*.body',
      ],
      censor: '[redacted]',
    },
  });
}
