import { Controller, Get, Query, Res, UseFilters } from '@nestjs/common';
import type { Response } from 'express';
import { viewerOf } from '../access-policy/viewer.js';
import { VerifiedOrAdmin } from '../auth/access.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { DomainError } from '../common/domain-error.js';
import { TrendInterval } from './buckets.js';
import { DomainErrorHttpFilter } from './http-error.filter.js';
import { renderTrendChart } from './svg-chart.js';
import { TrendsService } from './trends.service.js';

/** ISO-8601 date or date-time; a date-time needs an explicit offset (Z or ±hh:mm), as the DateTime scalar does. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2}))?$/;

function single(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw DomainError.badInput(name, `${name} must be given once, as text`);
  return value;
}

function dateParam(params: Record<string, unknown>, name: 'from' | 'to'): Date {
  const raw = single(params, name);
  if (!raw) throw DomainError.badInput(name, `${name} is required (ISO-8601, e.g. 2025-01-06T00:00:00Z)`);
  const date = new Date(raw);
  if (!ISO_DATE_TIME.test(raw) || Number.isNaN(date.getTime())) {
    throw DomainError.badInput(name, `${name} must be an ISO-8601 date-time, e.g. 2025-01-06T00:00:00Z`);
  }
  return date;
}

function intervalParam(params: Record<string, unknown>): TrendInterval | undefined {
  const raw = single(params, 'interval');
  if (!raw) return undefined;
  if (!Object.values(TrendInterval).includes(raw as TrendInterval)) {
    throw DomainError.badInput('interval', 'interval must be DAY, WEEK or MONTH');
  }
  return raw as TrendInterval;
}

@Controller()
@UseFilters(DomainErrorHttpFilter)
export class TrendsController {
  constructor(private readonly trends: TrendsService) {}

  /**
   * The caseTrends buckets as an SVG bar chart, with the same access rule, validation and suppression.
   * `GET /trends.svg?from=&to=&interval=&query=&specialtyCode=` with `Authorization: Bearer <token>`.
   */
  @VerifiedOrAdmin()
  @Get('trends.svg')
  async chart(
    @Query() params: Record<string, unknown>,
    @CurrentCaller() caller: Caller,
    @Res() res: Response,
  ): Promise<void> {
    const plan = await this.trends.plan(
      {
        query: single(params, 'query'),
        specialtyCode: single(params, 'specialtyCode'),
        from: dateParam(params, 'from'),
        to: dateParam(params, 'to'),
        interval: intervalParam(params),
      },
      '',
    );
    const buckets = await this.trends.count(viewerOf(caller), plan);
    res
      .status(200)
      .set({
        'content-type': 'image/svg+xml; charset=utf-8',
        'content-security-policy': "default-src 'none'",
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      })
      .send(renderTrendChart({ ...plan, buckets }));
  }
}
