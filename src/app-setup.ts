import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { AppConfig } from './config/app-config.js';
import { RefusalCache } from './limits/refusal-cache.js';
import { refusalShortcut } from './limits/refusal-shortcut.middleware.js';
import { requestLoggingMiddleware } from './logging/request-logging.middleware.js';

/** HTTP-level setup shared by main.ts and the e2e tests, so tests exercise the same app. */
export function configureApp(app: INestApplication, config: AppConfig, logger: Logger): void {
  const express = app as NestExpressApplication;
  if (config.trustProxy) express.set('trust proxy', 1);
  express.disable('x-powered-by');
  // GraphQL answers are POST responses that no cache revalidates: hashing every body for an ETag was
  // ~0.5% of the API's CPU on the feed (bench/README.md, decision 15).
  express.set('etag', false);
  express.use(requestLoggingMiddleware(logger));
  // A client refused for its budget moments ago is turned away before any other work.
  express.use(
    refusalShortcut(app.get(RefusalCache), {
      jwtSecret: config.jwtSecret,
      maxInFlightPerClient: config.rateLimitMaxInFlight,
    }),
  );
  // Security headers; the API serves no HTML, so the content policy can be the strictest one.
  express.use(
    helmet({
      contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      crossOriginResourcePolicy: { policy: 'same-site' },
    }),
  );
  // Partner web apps: only the configured origins.
  express.enableCors({
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    allowedHeaders: ['authorization', 'content-type', 'x-api-key', 'x-request-id'],
    exposedHeaders: [
      'ratelimit-limit',
      'ratelimit-remaining',
      'ratelimit-reset',
      'retry-after',
      'x-request-id',
    ],
    maxAge: 600,
  });
  // The largest legitimate body is a case post (20,000 characters) and its variables.
  express.useBodyParser('json', { limit: `${config.bodyLimitKb}kb` });
}
