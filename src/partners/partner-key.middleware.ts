import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Response } from 'express';
import type { RequestWithCaller } from '../auth/request-with-caller.js';
import { ErrorCode } from '../common/domain-error.js';
import { PartnerAppsService } from './partner-apps.service.js';
import { PartnerUsageService } from './partner-usage.service.js';
import { failedRequests } from './partner-usage.plugin.js';

export const API_KEY_HEADER = 'x-api-key';

const REFUSALS = {
  malformed: 'X-Api-Key is not a Curbside API key (expected cbk_<prefix>_<secret>)',
  unknown: 'X-Api-Key is not a valid API key',
  revoked: 'X-Api-Key has been revoked; ask the Curbside admins for a new key',
} as const;

/**
 * Identifies the partner app behind `X-Api-Key` on every HTTP request, before GraphQL runs. A key that
 * is malformed, unknown or revoked is refused with 401 UNAUTHENTICATED: the request does not go on as
 * anonymous. Without the header the request is first-party (`req.partnerApp = null`, no scopes).
 * Each request with a valid key is counted for its app (requests, and errors when it failed).
 */
@Injectable()
export class PartnerKeyMiddleware implements NestMiddleware {
  constructor(
    private readonly apps: PartnerAppsService,
    private readonly usage: PartnerUsageService,
  ) {}

  async use(req: RequestWithCaller, res: Response, next: NextFunction): Promise<void> {
    const header = req.headers[API_KEY_HEADER];
    if (header === undefined) {
      req.partnerApp = null;
      return next();
    }
    try {
      const value = typeof header === 'string' ? header.trim() : '';
      const check = value ? await this.apps.check(value) : ({ ok: false, reason: 'malformed' } as const);
      if (!check.ok) {
        res.status(401).json({
          errors: [{ message: REFUSALS[check.reason], extensions: { code: ErrorCode.UNAUTHENTICATED } }],
        });
        return;
      }
      const app = check.app;
      req.partnerApp = app;
      res.on('finish', () => {
        const failed = res.statusCode >= 400 || failedRequests.has(req);
        this.usage.recordUsage(app.id, { requests: 1, errors: failed ? 1 : 0, cost: 0 });
      });
      next();
    } catch (error) {
      next(error);
    }
  }
}
