import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { returningRows } from '../database/returning-rows.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { isUuid } from '../common/uuid.js';
import { dueAtFor, type Urgency } from './due-date.js';

export interface NewOffer {
  offerId: string;
  caseId: string;
  specialistId: string;
  specialtyCode: string;
  dueAt: Date;
}

export interface CaseToRoute {
  caseId: string;
  authorId: string;
  urgency: Urgency;
  specialtyCodes: readonly string[];
}

const OPEN_STATUSES = "('OFFERED', 'ACCEPTED', 'INFO_REQUESTED')";

/** The order a case's specialties are routed, and their locks taken, in: unique, sorted (no deadlocks). */
export function routingOrder(specialtyCodes: readonly string[]): string[] {
  return [...new Set(specialtyCodes)].sort();
}

/**
 * Takes a specialty's routing lock for the rest of the transaction and turns hash joins off for the
 * candidate choice that follows. $1: the specialty code. Exported for the raw-SQL ceiling of the bench.
 * Advisory locks are re-entrant: taking one the transaction holds returns at once.
 */
export const LOCK_SPECIALTY_SQL = `SELECT ${lockSpecialtyColumns('$1')}`;

/** The lock and planner setting of LOCK_SPECIALTY_SQL as select-list items, for another statement. */
export function lockSpecialtyColumns(specialtyCode: string): string {
  return `pg_advisory_xact_lock(hashtext('curbside:route:' || ${specialtyCode})), set_config('enable_hashjoin', 'off', true)`;
}

/**
 * Chooses up to $4 eligible specialists for specialty $1 of case $3 (never its author $2, nor anyone
 * already offered it), least loaded first, records their offers (due $5) and load, and turns hash joins
 * back on. Exported for the raw-SQL ceiling of the bench.
 */
export const CHOOSE_AND_OFFER_SQL = `WITH chosen AS (
     SELECT c.id
       FROM clinician_specialties cs
       JOIN clinicians c ON c.id = cs.clinician_id
       LEFT JOIN routing_load l ON l.clinician_id = c.id
      WHERE cs.specialty_code = $1
        AND c.verification_status = 'VERIFIED'
        AND c.accepting_consults
        AND (c.license_expires_on IS NULL OR c.license_expires_on > now())
        AND c.id <> $2
        AND NOT EXISTS (SELECT 1 FROM consult_offers o WHERE o.case_id = $3 AND o.specialist_id = c.id)
      ORDER BY coalesce(l.open_offers, 0), l.last_offered_at NULLS FIRST, c.id
      LIMIT $4
   ), offered AS (
     INSERT INTO consult_offers (case_id, specialist_id, specialty_code, due_at)
     SELECT $3, id, $1, $5 FROM chosen
     RETURNING id, specialist_id
   ), load AS (
     INSERT INTO routing_load (clinician_id, open_offers, last_offered_at)
     SELECT id, 1, clock_timestamp() FROM chosen
     ON CONFLICT (clinician_id) DO UPDATE
       SET open_offers = routing_load.open_offers + 1, last_offered_at = clock_timestamp()
   )
   SELECT offered.id, offered.specialist_id
     FROM (SELECT set_config('enable_hashjoin', 'on', true)) AS restored
     LEFT JOIN offered ON true`;

/**
 * Chooses specialists for a case and keeps offers and routing load in step. Every method runs inside
 * the caller's transaction, so a case and its offers commit together.
 *
 * Choice, per specialty: verified clinicians who hold it, accept consults, have an unexpired licence,
 * are not the author and were never offered this case; fewest open offers first, then least recently
 * offered, then id. A transaction-scoped advisory lock per specialty serialises concurrent routing
 * (other API instances included), so two cases never both pick the same least-loaded specialists
 * from a stale view.
 */
@Injectable()
export class ConsultOffersService {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async routeCase(
    kase: CaseToRoute,
    manager: EntityManager,
    perSpecialty = this.config.routingFanout,
    options: { firstSpecialtyLocked?: boolean } = {},
  ): Promise<NewOffer[]> {
    const codes = routingOrder(kase.specialtyCodes);
    const offers: NewOffer[] = [];
    for (const [i, code] of codes.entries()) {
      // A new case's statement already took the first lock and set the planner (insertNewCase).
      if (i > 0 || !options.firstSpecialtyLocked) await this.lockSpecialty(code, manager);
      offers.push(...(await this.offer(kase, code, perSpecialty, manager)));
    }
    return offers;
  }

  /** One more specialist for a specialty of a case, after a decline or an expiry. */
  async rerouteOne(
    kase: Omit<CaseToRoute, 'specialtyCodes'>,
    specialtyCode: string,
    manager: EntityManager,
  ): Promise<NewOffer[]> {
    await this.lockSpecialty(specialtyCode, manager);
    return this.offer(kase, specialtyCode, 1, manager);
  }

  /** An offer left the open states (declined, expired, answered, closed): its specialist's load drops. */
  async release(specialistIds: readonly string[], manager: EntityManager): Promise<void> {
    if (specialistIds.length === 0) return;
    await manager.query(
      `UPDATE routing_load l SET open_offers = greatest(l.open_offers - d.n, 0)
         FROM (SELECT id, count(*)::int AS n FROM unnest($1::uuid[]) AS id GROUP BY id) d
        WHERE l.clinician_id = d.id`,
      [specialistIds],
    );
  }

  /**
   * A reply was posted. An offered specialist's reply answers their offer; the author's reply resumes
   * offers paused by requestMoreInfo, restoring the time that was left.
   */
  async onReply(
    caseId: string,
    replyAuthorId: string,
    caseAuthorId: string,
    manager: EntityManager,
  ): Promise<void> {
    if (replyAuthorId === caseAuthorId) {
      await manager.query(
        `UPDATE consult_offers SET status = 'ACCEPTED', due_at = now() + paused_remaining, paused_remaining = NULL
          WHERE case_id = $1 AND status = 'INFO_REQUESTED'`,
        [caseId],
      );
      return;
    }
    const answered = returningRows<{ specialist_id: string }>(
      await manager.query(
        `UPDATE consult_offers SET status = 'ANSWERED', responded_at = coalesce(responded_at, now()), paused_remaining = NULL
          WHERE case_id = $1 AND specialist_id = $2 AND status IN ${OPEN_STATUSES}
          RETURNING specialist_id`,
        [caseId, replyAuthorId],
      ),
    );
    await this.release(
      answered.map((row) => row.specialist_id),
      manager,
    );
  }

  /**
   * The offered specialist accepts or declines. A decline frees them and offers the case to the next
   * eligible specialist for the same specialty (never someone already offered it).
   */
  async respond(
    offerId: string,
    specialistId: string,
    accept: boolean,
    manager: EntityManager,
  ): Promise<NewOffer[]> {
    const offer = await this.lockOffer(offerId, specialistId, manager);
    const allowed = accept ? ['OFFERED'] : ['OFFERED', 'ACCEPTED'];
    if (!allowed.includes(offer.status)) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `This consult is ${offer.status} and cannot be ${accept ? 'accepted' : 'declined'}`,
      );
    }
    await manager.query(
      `UPDATE consult_offers SET status = $2, responded_at = coalesce(responded_at, now()) WHERE id = $1`,
      [offerId, accept ? 'ACCEPTED' : 'DECLINED'],
    );
    if (accept) return [];
    await this.release([specialistId], manager);
    return this.rerouteIfOpen(offer.case_id, offer.specialty_code, manager);
  }

  /** The specialist asks the author a question: the deadline pauses, keeping the time left. */
  async requestInfo(
    offerId: string,
    specialistId: string,
    question: string,
    manager: EntityManager,
  ): Promise<string> {
    const offer = await this.lockOffer(offerId, specialistId, manager);
    if (!['OFFERED', 'ACCEPTED'].includes(offer.status)) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        `This consult is ${offer.status}; a question can no longer be asked`,
      );
    }
    await manager.query(
      `UPDATE consult_offers
          SET status = 'INFO_REQUESTED', question = $2, responded_at = coalesce(responded_at, now()),
              paused_remaining = greatest(due_at - now(), interval '0')
        WHERE id = $1`,
      [offerId, question],
    );
    return offer.case_id;
  }

  /**
   * Expires offers whose deadline passed by `now` and re-routes each to the next eligible specialist.
   * SKIP LOCKED lets several instances sweep at once without taking the same offer twice.
   */
  async expireDue(
    now: Date,
    manager: EntityManager,
    limit = 100,
  ): Promise<{ expired: number; offers: NewOffer[] }> {
    const due = returningRows<{ id: string; case_id: string; specialist_id: string; specialty_code: string }>(
      await manager.query(
        `UPDATE consult_offers SET status = 'EXPIRED'
          WHERE id IN (SELECT id FROM consult_offers
                        WHERE status IN ('OFFERED', 'ACCEPTED') AND due_at <= $1
                        ORDER BY due_at LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING id, case_id, specialist_id, specialty_code`,
        [now, limit],
      ),
    );
    await this.release(
      due.map((row) => row.specialist_id),
      manager,
    );
    const offers: NewOffer[] = [];
    for (const row of due)
      offers.push(...(await this.rerouteIfOpen(row.case_id, row.specialty_code, manager)));
    return { expired: due.length, offers };
  }

  /** The author closed the case: offers still open end, and their specialists are freed. */
  async closeOpenOffers(caseId: string, manager: EntityManager): Promise<void> {
    const closed = returningRows<{ specialist_id: string }>(
      await manager.query(
        `UPDATE consult_offers SET status = 'EXPIRED', paused_remaining = NULL
          WHERE case_id = $1 AND status IN ${OPEN_STATUSES} RETURNING specialist_id`,
        [caseId],
      ),
    );
    await this.release(
      closed.map((row) => row.specialist_id),
      manager,
    );
  }

  private async lockOffer(offerId: string, specialistId: string, manager: EntityManager) {
    if (!isUuid(offerId)) throw DomainError.notFound('Consult');
    const rows: { status: string; specialist_id: string; case_id: string; specialty_code: string }[] =
      await manager.query(
        'SELECT status, specialist_id, case_id, specialty_code FROM consult_offers WHERE id = $1 FOR UPDATE',
        [offerId],
      );
    const offer = rows[0];
    if (!offer) throw DomainError.notFound('Consult');
    if (offer.specialist_id !== specialistId)
      throw DomainError.forbidden('Only the offered specialist may do this');
    return offer;
  }

  /** Re-routes only cases still waiting for advice: not resolved, removed or hidden. */
  private async rerouteIfOpen(
    caseId: string,
    specialtyCode: string,
    manager: EntityManager,
  ): Promise<NewOffer[]> {
    const rows: { author_id: string; urgency: Urgency }[] = await manager.query(
      `SELECT author_id, urgency FROM cases
        WHERE id = $1 AND status <> 'RESOLVED' AND removed_at IS NULL AND hidden_at IS NULL`,
      [caseId],
    );
    if (!rows[0]) return [];
    return this.rerouteOne(
      { caseId, authorId: rows[0].author_id, urgency: rows[0].urgency },
      specialtyCode,
      manager,
    );
  }

  /**
   * Holds the specialty's routing lock for the rest of the transaction, so two posts for one specialty
   * do not both pick the least-loaded specialist. The same statement turns hash joins off for the
   * candidate choice that follows (see `offer`), saving a round trip.
   */
  private async lockSpecialty(specialtyCode: string, manager: EntityManager): Promise<void> {
    await manager.query(LOCK_SPECIALTY_SQL, [specialtyCode]);
  }

  /**
   * Chooses up to `count` specialists and records their offers and load in one statement. A specialty's
   * candidates are a small share of all clinicians: looking each one up by key beats the hash join over
   * every clinician the planner picks on its own (bench/routing.bench.ts: p95 18 → 8 ms), so hash joins
   * are off while this statement is planned (`lockSpecialty`); the statement turns them back on as it
   * runs, after planning, for whatever the transaction does next.
   */
  private async offer(
    kase: Omit<CaseToRoute, 'specialtyCodes'>,
    specialtyCode: string,
    count: number,
    manager: EntityManager,
  ): Promise<NewOffer[]> {
    const dueAt = dueAtFor(kase.urgency, new Date(), this.config);
    const rows: { id: string | null; specialist_id: string | null }[] = await manager.query(
      CHOOSE_AND_OFFER_SQL,
      [specialtyCode, kase.authorId, kase.caseId, count, dueAt],
    );
    return rows
      .filter((row) => row.id !== null)
      .map((row) => ({
        offerId: row.id!,
        caseId: kase.caseId,
        specialistId: row.specialist_id!,
        specialtyCode,
        dueAt,
      }));
  }
}
