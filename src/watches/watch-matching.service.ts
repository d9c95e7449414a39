import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReadPolicy } from '../access-policy/read-policy.js';
import type { Viewer } from '../access-policy/viewer.js';
import { isUuid } from '../common/uuid.js';
import { returningRows } from '../database/returning-rows.js';
import { DomainEvents } from '../events/domain-events.js';

export interface WatchMatchFound {
  watchId: string;
  caseId: string;
  watcherId: string;
}

/**
 * Watchers are never the case's author here, so the read policy's "own content" clause cannot apply
 * to them and it only depends on the watcher's class: an admin, or a verified clinician.
 */
const VERIFIED_NON_AUTHOR: Viewer = { id: null, admin: false, verified: true };
const ADMIN_NON_AUTHOR: Viewer = { id: null, admin: true, verified: false };

function policySql(viewer: Viewer): string {
  const condition = ReadPolicy.cases('c', 'f', viewer);
  if (Object.keys(condition.params).length) throw new Error('read policy for a class needs no parameters');
  return condition.sql;
}

/** `$1` is the case id; records its new matches and returns them. Exported for the benchmark. */
export const MATCH_CASE_SQL = `WITH c AS MATERIALIZED (
     SELECT c.id, c.author_id, c.search, tsvector_to_array(c.search) AS lexemes,
            (${policySql(VERIFIED_NON_AUTHOR)}) AS verified_may_read,
            (${policySql(ADMIN_NON_AUTHOR)}) AS admin_may_read
       FROM cases c JOIN forums f ON f.id = c.forum_id
      WHERE c.id = $1
   ),
   -- Materialized, so the planner starts from the GIN prefilter rather than from the watchers.
   candidates AS MATERIALIZED (
     SELECT w.id, w.clinician_id
       FROM c JOIN watches w ON w.lexemes && c.lexemes
      WHERE w.tsquery @@ c.search AND w.clinician_id <> c.author_id
   )
   INSERT INTO watch_matches (watch_id, case_id, clinician_id)
   SELECT m.id, c.id, m.clinician_id
     FROM c, candidates m
     JOIN clinicians k ON k.id = m.clinician_id
    WHERE (k.role = 'ADMIN' AND c.admin_may_read)
       OR (k.role <> 'ADMIN' AND k.verification_status = 'VERIFIED' AND c.verified_may_read)
   ON CONFLICT (watch_id, case_id) DO NOTHING
   RETURNING watch_id, case_id, clinician_id`;

/**
 * Finds the watches a case matches, in one SQL statement: the GIN index on `watches.lexemes` yields the
 * watches sharing at least one lexeme with the case (`&&` against `tsvector_to_array(search)`), then
 * `tsquery @@ search` confirms each. Only watchers who may read the case now get a match: their
 * CURRENT verification status and role from `clinicians`, the read policy evaluated on the case in
 * the same statement, and never its author. A watch is dormant while its owner is not verified (or an
 * admin): watching is a verified clinician's feature, so a revoked clinician hears of nothing.
 *
 * Each (watch, case) pair is recorded once (`ON CONFLICT DO NOTHING`), so only the first post or edit
 * that makes a case match announces it; running twice for the same change is harmless.
 */
@Injectable()
export class WatchMatchingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  /** Records and announces (`watch.matched`, after the insert committed) the case's new matches. */
  async matchCase(caseId: string): Promise<WatchMatchFound[]> {
    if (!isUuid(caseId)) return [];
    const result = await this.dataSource.query(MATCH_CASE_SQL, [caseId]);
    const found = returningRows<{ watch_id: string; case_id: string; clinician_id: string }>(result).map(
      (row) => ({ watchId: row.watch_id, caseId: row.case_id, watcherId: row.clinician_id }),
    );
    for (const match of found) this.events.emit('watch.matched', match);
    return found;
  }
}
