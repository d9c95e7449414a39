import type { EntityManager } from 'typeorm';
import { hydrateEntities, selectColumnsOf } from '../database/find-by-ids.js';
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
}

/**
 * A new case, its specialty links and its first revision, written by one statement (data-modifying
 * CTEs) that returns the stored row: one round trip instead of TypeORM's save, two inserts and a reload
 * for the database defaults (bench/README.md, decision 13). Runs inside the caller's transaction.
 */
export async function insertNewCase(manager: EntityManager, fields: NewCase): Promise<CaseEntity> {
  const dataSource = manager.connection;
  const rows: Record<string, unknown>[] = await manager.query(
    `WITH inserted AS (
       INSERT INTO cases (forum_id, author_id, title, body, urgency, status, tags, version, specialties_inferred)
       VALUES ($1, $2, $3, $4, $5, 'OPEN', $6, 1, $7)
       RETURNING ${selectColumnsOf(dataSource, CaseEntity)}
     ), links AS (
       INSERT INTO case_specialties (case_id, specialty_code)
       SELECT inserted.id, code FROM inserted, unnest($8::text[]) AS code
     ), revision AS (
       INSERT INTO case_revisions (case_id, version, title, body, tags, forum_id, editor_id)
       SELECT id, version, title, body, tags, forum_id, author_id FROM inserted
     )
     SELECT * FROM inserted`,
    [
      fields.forumId,
      fields.authorId,
      fields.title,
      fields.body,
      fields.urgency,
      fields.tags,
      fields.specialtiesInferred,
      [...fields.specialtyCodes],
    ],
  );
  return hydrateEntities(dataSource, CaseEntity, rows)[0];
}
