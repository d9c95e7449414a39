import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReadPolicy } from '../access-policy/read-policy.js';
import type { Viewer } from '../access-policy/viewer.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { SpecialtiesService } from '../specialties/specialties.service.js';
import { bucketStarts, DATE_TRUNC_UNIT, publish, rangeProblem, TrendInterval } from './buckets.js';
import type { TrendBucket } from './trend-bucket.model.js';
import { TREND_LIMITS } from './trend-limits.js';

/** What to count; the GraphQL input and the chart's query parameters both come down to this. */
export interface TrendRequest {
  query?: string | null;
  specialtyCode?: string | null;
  from: Date;
  to: Date;
  interval?: TrendInterval | null;
}

/** A validated request, as used to count and to draw. */
export interface TrendPlan {
  query: string | null;
  specialtyCode: string | null;
  from: Date;
  to: Date;
  interval: TrendInterval;
}

type Filter = 'query' | 'specialty';

const FILTER_SQL: Record<Filter, string> = {
  query: "c.search @@ websearch_to_tsquery('english', :query)",
  specialty:
    'EXISTS (SELECT 1 FROM case_specialties cs WHERE cs.case_id = c.id AND cs.specialty_code = :specialtyCode)',
};

/** Every subset of the requested filters, each as a column name and its FILTER condition. */
function subsets(filters: readonly Filter[]): { column: string; filters: Filter[] }[] {
  const out: { column: string; filters: Filter[] }[] = [];
  for (let mask = 0; mask < 1 << filters.length; mask++) {
    const chosen = filters.filter((_, i) => mask & (1 << i));
    out.push({ column: `n_${chosen.join('_') || 'all'}`, filters: chosen });
  }
  return out;
}

/**
 * Case counts per calendar bucket, with small-cell suppression. Counts cover every forum the viewer
 * may read (the read policy; for the verified clinicians and admins allowed here, open and private
 * forums together) and only live cases: removed and PHI-hidden cases are never counted, whoever asks,
 * including admins and the authors who can still read them.
 */
@Injectable()
export class TrendsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly specialties: SpecialtiesService,
  ) {}

  /** Checks and normalises a request; errors name `${prefix}from` etc. (prefix "input." in GraphQL). */
  async plan(request: TrendRequest, prefix: string): Promise<TrendPlan> {
    const interval = request.interval ?? TrendInterval.DAY;
    if (!Object.values(TrendInterval).includes(interval)) {
      throw DomainError.badInput(`${prefix}interval`, 'interval must be DAY, WEEK or MONTH');
    }
    const problem = rangeProblem(request.from, request.to, interval);
    if (problem) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, problem.message, {
        fields: problem.fields.map((field) => `${prefix}${field}`),
      });
    }
    const query = request.query?.trim() || null;
    if (query && query.length > TREND_LIMITS.query) {
      throw DomainError.badInput(`${prefix}query`, `query must be at most ${TREND_LIMITS.query} characters`);
    }
    if (query) {
      const [{ nodes }] = await this.dataSource.query(
        "SELECT numnode(websearch_to_tsquery('english', $1)) AS nodes",
        [query],
      );
      if (Number(nodes) === 0) {
        throw DomainError.badInput(
          `${prefix}query`,
          'query has no searchable words (only stop words or punctuation)',
        );
      }
    }
    let specialtyCode = request.specialtyCode?.trim().toLowerCase() || null;
    if (specialtyCode) {
      if (specialtyCode.length > TREND_LIMITS.specialtyCode) {
        throw DomainError.badInput(`${prefix}specialtyCode`, 'Unknown specialty code');
      }
      [specialtyCode] = await this.specialties.assertCodesExist([specialtyCode], `${prefix}specialtyCode`);
    }
    return { query, specialtyCode, from: request.from, to: request.to, interval };
  }

  async caseTrends(viewer: Viewer, request: TrendRequest, prefix: string): Promise<TrendBucket[]> {
    return this.count(viewer, await this.plan(request, prefix));
  }

  /**
   * One pass over the live cases in the range: the requested count and, for complementary
   * suppression, the count under every broader combination of the same filters.
   */
  async count(viewer: Viewer, plan: TrendPlan): Promise<TrendBucket[]> {
    const filters: Filter[] = [];
    if (plan.query) filters.push('query');
    if (plan.specialtyCode) filters.push('specialty');
    const columns = subsets(filters);
    const requested = columns[columns.length - 1];
    const policy = ReadPolicy.forums('f', viewer);

    const qb = this.dataSource
      .createQueryBuilder()
      .select("date_trunc(:unit, c.created_at, 'UTC')", 'start')
      .from('cases', 'c')
      .innerJoin('forums', 'f', 'f.id = c.forum_id')
      .where(policy.sql, policy.params)
      .andWhere('c.removed_at IS NULL AND c.hidden_at IS NULL')
      .andWhere('c.created_at >= :from AND c.created_at < :to', { from: plan.from, to: plan.to })
      .setParameters({ unit: DATE_TRUNC_UNIT[plan.interval] })
      .groupBy('1');
    for (const { column, filters: chosen } of columns) {
      const condition = chosen.map((f) => FILTER_SQL[f]).join(' AND ');
      qb.addSelect(condition ? `count(*) FILTER (WHERE ${condition})::int` : 'count(*)::int', column);
    }
    if (plan.query) qb.setParameter('query', plan.query);
    if (plan.specialtyCode) qb.setParameter('specialtyCode', plan.specialtyCode);

    const rows: Record<string, unknown>[] = await qb.getRawMany();
    const byStart = new Map(rows.map((row) => [new Date(row.start as string | Date).getTime(), row]));
    return bucketStarts(plan.from, plan.to, plan.interval).map((start) => {
      const row = byStart.get(start.getTime());
      const countIn = (column: string) => Number(row?.[column] ?? 0);
      const parents = columns.filter((c) => c !== requested).map((c) => countIn(c.column));
      return { start, ...publish(countIn(requested.column), parents) };
    });
  }
}
