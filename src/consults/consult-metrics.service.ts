import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { SpecialtiesService } from '../specialties/specialties.service.js';
import { SpecialtyConsultMetrics } from './consult-metrics.model.js';

interface MetricsRow {
  specialty_code: string;
  cases: number;
  offers: number;
  cases_responded: number;
  median_hours: number | null;
  p90_hours: number | null;
  outcomes: Record<string, number> | null;
}

/**
 * The service's own report card, per specialty: time from post to the first specialist response
 * (accept, decline, question or answer — whichever came first) and the outcome mix, so it can be held
 * against eConsult anchors (Champlain BASE: median specialist response about 21 h).
 */
@Injectable()
export class ConsultMetricsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly specialties: SpecialtiesService,
  ) {}

  async bySpecialty(from: Date, to: Date): Promise<SpecialtyConsultMetrics[]> {
    if (from >= to) throw DomainError.badInput('input.to', 'to must be after from');
    const rows: MetricsRow[] = await this.dataSource.query(
      `WITH routed AS (
         SELECT o.specialty_code, o.case_id, c.created_at, c.outcome,
                count(*) AS offers, min(o.responded_at) AS first_response
           FROM consult_offers o JOIN cases c ON c.id = o.case_id
          WHERE c.created_at >= $1 AND c.created_at < $2
          GROUP BY o.specialty_code, o.case_id, c.created_at, c.outcome
       )
       SELECT specialty_code,
              count(*)::int AS cases,
              sum(offers)::int AS offers,
              count(first_response)::int AS cases_responded,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_response - created_at) / 3600)
                FILTER (WHERE first_response IS NOT NULL) AS median_hours,
              percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_response - created_at) / 3600)
                FILTER (WHERE first_response IS NOT NULL) AS p90_hours,
              (SELECT jsonb_object_agg(outcome, n) FROM (
                 SELECT r2.outcome, count(*)::int AS n FROM routed r2
                  WHERE r2.specialty_code = routed.specialty_code AND r2.outcome IS NOT NULL
                  GROUP BY r2.outcome) o) AS outcomes
         FROM routed
        GROUP BY specialty_code
        ORDER BY specialty_code`,
      [from, to],
    );
    const specialties = new Map(
      (await this.specialties.findByCodes(rows.map((r) => r.specialty_code))).map((s) => [s.code, s]),
    );
    return rows.map((row) => ({
      specialty: specialties.get(row.specialty_code)!,
      cases: row.cases,
      offers: row.offers,
      casesResponded: row.cases_responded,
      medianHoursToFirstResponse: row.median_hours === null ? null : Number(row.median_hours),
      p90HoursToFirstResponse: row.p90_hours === null ? null : Number(row.p90_hours),
      outcomes: Object.entries(row.outcomes ?? {})
        .map(([outcome, cases]) => ({ outcome, cases }))
        .sort((a, b) => a.outcome.localeCompare(b.outcome)),
    }));
  }
}
