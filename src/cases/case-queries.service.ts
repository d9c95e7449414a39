import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Viewer } from '../access-policy/viewer.js';
import { DomainError } from '../common/domain-error.js';
import { isUuid } from '../common/uuid.js';
import { decodeTimeIdCursor, Page, pageSize, toPage } from '../graphql/connection.js';
import { hydrateEntities, selectColumnsOf } from '../database/find-by-ids.js';
import { Specialty } from '../specialties/specialty.model.js';
import {
  caseCountStatement,
  casePageStatement,
  filteredCases,
  type ListPosition,
  type Statement,
} from './case-list.statement.js';
import { toCaseModel } from './case-mapping.js';
import { CaseRevisionEntity } from './case-revision.entity.js';
import { CaseEntity } from './case.entity.js';
import { Case, CaseRevision } from './case.model.js';
import { CasesArgs } from './dto/case-filter.input.js';

const BAD_CURSOR = 'after is not a cursor returned by this list';

type Row = Record<string, unknown>;

/**
 * A full-text query ranks at most this many matches: the most recent ones. Ranking reads every
 * candidate's tsvector, so ranking all matches of a common term grows with the data (a third of a
 * million rows at 1,000,000 cases); the newest matches come straight off the (created_at, id) index,
 * or from the GIN index when the term is rare, in a bounded time. Narrower queries reach older cases.
 */
export const SEARCH_MAX_MATCHES = 1000;

/**
 * Every read of cases. Each statement starts from `filteredCases` (case-list.statement.ts), which joins
 * the forum and applies the read policy, so lookups, lists, search and counts cannot disagree about what
 * a viewer may see.
 */
@Injectable()
export class CaseQueriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private async readableRows(statement: Statement): Promise<{ entities: CaseEntity[]; raw: Row[] }> {
    const raw: Row[] = await this.dataSource.query(statement.sql, statement.values);
    return { entities: hydrateEntities(this.dataSource, CaseEntity, raw), raw };
  }

  async findReadable(id: string, viewer: Viewer): Promise<CaseEntity | null> {
    if (!isUuid(id)) return null;
    return (await this.readableByIds([id], viewer))[0] ?? null;
  }

  /** For DataLoaders: the readable cases among these ids, null for the others. */
  async findReadableByIds(ids: readonly string[], viewer: Viewer): Promise<(Case | null)[]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await this.readableByIds(valid, viewer) : [];
    const byId = new Map(rows.map((row) => [row.id, toCaseModel(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  private async readableByIds(ids: readonly string[], viewer: Viewer): Promise<CaseEntity[]> {
    const values: unknown[] = [[...ids]];
    const { from } = filteredCases({}, null, viewer, values);
    const { entities } = await this.readableRows({
      sql: `SELECT ${selectColumnsOf(this.dataSource, CaseEntity, 'c')} ${from} AND c.id = ANY($1::uuid[])`,
      values,
    });
    return entities;
  }

  async list(
    args: CasesArgs,
    viewer: Viewer,
    options: { countTotal: boolean } = { countTotal: true },
  ): Promise<Page<Case>> {
    const size = pageSize(args);
    const filter = args.filter ?? {};
    const search = filter.query?.trim() || null;
    let after: ListPosition | null = null;
    if (args.after) {
      const { leading, at, id } = decodeTimeIdCursor(args.after, search ? 1 : 0);
      if (search && typeof leading[0] !== 'number') throw DomainError.badInput('after', BAD_CURSOR);
      after = { rank: leading[0] as number | undefined, at, id };
    }
    // With a query, the count rides on the page's statement (one pass over the matches instead of two).
    const countInPage = search !== null && options.countTotal;
    const countTotal = async () => {
      if (!options.countTotal) return 0;
      const count = caseCountStatement({ filter, search, viewer, maxMatches: SEARCH_MAX_MATCHES });
      const [row]: { n: number }[] = await this.dataSource.query(count.sql, count.values);
      return row?.n ?? 0;
    };
    const page = casePageStatement({
      columns: selectColumnsOf(this.dataSource, CaseEntity, 'c'),
      filter,
      search,
      viewer,
      size,
      after,
      maxMatches: SEARCH_MAX_MATCHES,
      countMatches: countInPage,
    });
    const [{ entities, raw }, separateCount] = await Promise.all([
      this.readableRows(page),
      countInPage ? 0 : countTotal(),
    ]);
    // A page past the last match has no row to carry the count: count on its own then.
    const totalCount = !countInPage
      ? separateCount
      : raw.length
        ? Number(raw[0].total_matches)
        : await countTotal();
    const rankById = new Map<string, number>(raw.map((r) => [r.id as string, Number(r.rank)]));
    return toPage(
      entities,
      size,
      totalCount,
      (row) =>
        search
          ? [rankById.get(row.id)!, row.createdAt.toISOString(), row.id]
          : [row.createdAt.toISOString(), row.id],
      toCaseModel,
    );
  }

  /** For DataLoaders: each case's specialties, in one query whatever the number of cases. */
  async specialtiesOf(caseIds: readonly string[]): Promise<Specialty[][]> {
    // One statement for the links and their specialties (was two: links, then specialties by code).
    const rows: { case_id: string; code: string; name: string; snomed_code: string | null }[] =
      await this.dataSource.query(
        `SELECT cs.case_id, s.code, s.name, s.snomed_code
           FROM case_specialties cs JOIN specialties s ON s.code = cs.specialty_code
          WHERE cs.case_id = ANY($1::uuid[])
          ORDER BY cs.specialty_code`,
        [[...caseIds]],
      );
    const byCase = new Map<string, Specialty[]>();
    for (const row of rows) {
      const list = byCase.get(row.case_id) ?? [];
      list.push({ code: row.code, name: row.name, snomedCode: row.snomed_code });
      byCase.set(row.case_id, list);
    }
    return caseIds.map((id) => byCase.get(id) ?? []);
  }

  /** Every version, newest first. Callers check the viewer is the author or an admin. */
  async revisionsOf(caseId: string): Promise<CaseRevision[]> {
    const rows = await this.dataSource
      .getRepository(CaseRevisionEntity)
      .find({ where: { caseId }, order: { version: 'DESC' } });
    return rows.map((row) => ({
      version: row.version,
      title: row.title,
      body: row.body,
      tags: row.tags,
      editedAt: row.editedAt,
      editorId: row.editorId,
    }));
  }
}
