import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import type { AppConfig } from './config/app-config.js';
import { requestLoggingMiddleware } from './logging/request-logging.middleware.js';

/** HTTP-level setup shared by main.ts and the e2e tests, so tests exercise the same app. */
export function configureApp(app: INestApplication, config: AppConfig, logger: Logger): void {
  const express = app as NestExpressApplication;
  if (config.trustProxy) express.set('trust proxy', 1);
  express.disable('x-powered-by');
  express.use(requestLoggingMiddleware(logger));
}
