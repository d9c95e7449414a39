import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { isUuid } from '../common/uuid.js';
import { returningRows } from '../database/returning-rows.js';
import { RedactionService } from '../redaction/redaction.service.js';
import { PARSE_WATCH_QUERY_SQL, WATCH_LIMITS } from './watch-limits.js';
import type { Watch } from './watch.model.js';

interface WatchRow {
  id: string;
  query: string;
  created_at: Date;
}

const toWatch = (row: WatchRow): Watch => ({ id: row.id, query: row.query, createdAt: row.created_at });

/**
 * A clinician's keyword watches. A watch query is search terms, not case text, so it is not rewritten
 * by the de-identification engine: one that contains an identifier is refused (PHI_DETECTED) instead.
 * It is stored for its owner to read back and is never logged, put in an error message, a job or an
 * event (those carry ids only).
 */
@Injectable()
export class WatchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly redaction: RedactionService,
  ) {}

  /** The clinician's own watches, oldest first. */
  async list(clinicianId: string): Promise<Watch[]> {
    const rows: WatchRow[] = await this.dataSource.query(
      'SELECT id, query, created_at FROM watches WHERE clinician_id = $1 ORDER BY created_at, id',
      [clinicianId],
    );
    return rows.map(toWatch);
  }

  async create(owner: Caller, rawQuery: string): Promise<Watch> {
    const query = rawQuery.trim().replace(/\s+/g, ' ');
    if (!query) throw DomainError.badInput('query', 'query must not be empty');
    if (query.length > WATCH_LIMITS.queryLength) {
      throw DomainError.badInput('query', `query must be at most ${WATCH_LIMITS.queryLength} characters`);
    }
    this.redaction.assertNoPhi([query], 'query');

    const [parsed]: { nodes: number; lexemes: string[] }[] = await this.dataSource.query(
      PARSE_WATCH_QUERY_SQL,
      [query],
    );
    if (!parsed || parsed.nodes === 0) {
      throw DomainError.badInput(
        'query',
        'query has no searchable words (only stop words or punctuation); use the terms a case would contain',
      );
    }
    if (parsed.lexemes.length === 0) {
      throw DomainError.badInput(
        'query',
        'query must name at least one term a matching case contains (it cannot only exclude terms)',
      );
    }

    return this.dataSource.transaction(async (manager) => {
      // One creation at a time per clinician, so two concurrent requests cannot pass the limit together.
      await manager.query('SELECT 1 FROM clinicians WHERE id = $1 FOR UPDATE', [owner.id]);
      const [{ count, duplicate }]: { count: number; duplicate: boolean }[] = await manager.query(
        `SELECT count(*)::int AS count,
                coalesce(bool_or(tsquery = websearch_to_tsquery('english', $2)), false) AS duplicate
           FROM watches WHERE clinician_id = $1`,
        [owner.id, query],
      );
      if (duplicate) {
        throw new DomainError(ErrorCode.CONFLICT, 'You already have a watch for this query', {
          fields: ['query'],
        });
      }
      if (count >= WATCH_LIMITS.perClinician) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          `You already have ${WATCH_LIMITS.perClinician} watches, the most allowed; delete one first`,
          { fields: ['query'] },
        );
      }
      const inserted = await manager.query(
        `INSERT INTO watches (clinician_id, query, tsquery, lexemes)
         SELECT $2::uuid, $1, p.tsquery, p.lexemes FROM (${PARSE_WATCH_QUERY_SQL}) AS p
         RETURNING id, query, created_at`,
        [query, owner.id],
      );
      return toWatch(returningRows<WatchRow>(inserted)[0]);
    });
  }

  /** Deletes one of the caller's watches; another's, or an unknown id, is NOT_FOUND alike. */
  async delete(owner: Caller, id: string): Promise<boolean> {
    if (!isUuid(id)) throw new DomainError(ErrorCode.NOT_FOUND, 'Watch not found', { fields: ['id'] });
    const result = await this.dataSource.query(
      'DELETE FROM watches WHERE id = $1 AND clinician_id = $2 RETURNING id',
      [id, owner.id],
    );
    if (returningRows(result).length === 0) {
      throw new DomainError(ErrorCode.NOT_FOUND, 'Watch not found', { fields: ['id'] });
    }
    return true;
  }

  /**
   * The watch, when it belongs to this clinician and was matched by this case (recorded by matching);
   * null otherwise. Real-time delivery re-checks every event with it.
   */
  async findMatch(watchId: string, caseId: string, clinicianId: string): Promise<Watch | null> {
    if (!isUuid(watchId) || !isUuid(caseId)) return null;
    const rows: WatchRow[] = await this.dataSource.query(
      `SELECT w.id, w.query, w.created_at
         FROM watches w JOIN watch_matches m ON m.watch_id = w.id
        WHERE w.id = $1 AND m.case_id = $2 AND w.clinician_id = $3`,
      [watchId, caseId, clinicianId],
    );
    return rows[0] ? toWatch(rows[0]) : null;
  }
}
