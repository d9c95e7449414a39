import type { EntityManager } from 'typeorm';
import { positionalCondition } from '../access-policy/positional-condition.js';
import { ReadPolicy } from '../access-policy/read-policy.js';
import type { Viewer } from '../access-policy/viewer.js';
import { isUuid } from '../common/uuid.js';
import { hydrateEntities, selectColumnsOf } from '../database/find-by-ids.js';
import { lockSpecialtyColumns } from '../routing/consult-offers.service.js';
import { CaseEntity } from './case.entity.js';

export interface NewCase {
  forumId: string;
  authorId: string;
  /** De-identified already: raw text never reaches this statement. */
  title: string;
  body: string;
  urgency: CaseEntity['urgency'];
  tags: string[];
  specialtyCodes: readonly string[];
  specialtiesInferred: boolean;
  /**
   * The specialty whose routing lock (and planner setting) the statement takes, after writing the case,
   * so routing's first lock needs no round trip of its own (ConsultOffersService.routeCase).
   */
  routingLock?: string;
}

/**
 * A new case, its specialty links and its first revision, written by one statement (data-modifying
 * CTEs) that returns the stored row: one round trip instead of a forum lookup, TypeORM's save, two
 * inserts and a reload for the database defaults (bench/README.md, decision 13). The forum must be one
 * the author may read (the read policy is part of the statement); when it is not, nothing is written
 * and the result is null. Runs inside the caller's transaction.
 */
export async function insertNewCase(
  manager: EntityManager,
  fields: NewCase,
  viewer: Viewer,
): Promise<CaseEntity | null> {
  if (!isUuid(fields.forumId)) return null;
  const dataSource = manager.connection;
  const values: unknown[] = [
    fields.forumId,
    fields.authorId,
    fields.title,
    fields.body,
    fields.urgency,
    fields.tags,
    fields.specialtiesInferred,
    [...fields.specialtyCodes],
  ];
  const readable = positionalCondition(ReadPolicy.forums('f', viewer), values);
  if (fields.routingLock !== undefined) values.push(fields.routingLock);
  // The lock is taken once the case is written (the CTE is read by the final SELECT, so it runs).
  const lock =
    fields.routingLock !== undefined
      ? `, routing_lock AS (SELECT ${lockSpecialtyColumns(`$${values.length}`)} FROM inserted)`
      : '';
  const locked = lock ? ' WHERE (SELECT count(*) FROM routing_lock) > 0' : '';
  const rows: Record<string, unknown>[] = await manager.query(
    `WITH forum AS (
       SELECT f.id FROM forums f WHERE f.id = $1 AND ${readable}
     ), inserted AS (
       INSERT INTO cases (forum_id, author_id, title, body, urgency, status, tags, version, specialties_inferred)
       SELECT forum.id, $2, $3, $4, $5, 'OPEN', $6, 1, $7 FROM forum
       RETURNING ${selectColumnsOf(dataSource, CaseEntity)}
     ), links AS (
       INSERT INTO case_specialties (case_id, specialty_code)
       SELECT inserted.id, code FROM inserted, unnest($8::text[]) AS code
     ), revision AS (
       INSERT INTO case_revisions (case_id, version, title, body, tags, forum_id, editor_id)
       SELECT id, version, title, body, tags, forum_id, author_id FROM inserted
     )${lock}
     SELECT * FROM inserted${locked}`,
    values,
  );
  return hydrateEntities(dataSource, CaseEntity, rows)[0] ?? null;
}
