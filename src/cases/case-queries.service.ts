import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { ReadPolicy } from '../access-policy/read-policy.js';
import type { Viewer } from '../access-policy/viewer.js';
import { DomainError } from '../common/domain-error.js';
import { isUuid } from '../common/uuid.js';
import { decodeTimeIdCursor, Page, pageSize, toPage } from '../graphql/connection.js';
import { Specialty } from '../specialties/specialty.model.js';
import { toCaseModel } from './case-mapping.js';
import { CaseRevisionEntity } from './case-revision.entity.js';
import { CaseEntity } from './case.entity.js';
import { Case, CaseRevision } from './case.model.js';
import { CasesArgs } from './dto/case-filter.input.js';

const BAD_CURSOR = 'after is not a cursor returned by this list';

/**
 * A full-text query ranks at most this many matches: the most recent ones. Ranking reads every
 * candidate's tsvector, so ranking all matches of a common term grows with the data (a third of a
 * million rows at 1,000,000 cases); the newest matches come straight off the (created_at, id) index,
 * or from the GIN index when the term is rare, in a bounded time. Narrower queries reach older cases.
 */
export const SEARCH_MAX_MATCHES = 1000;

/**
 * Every read of cases. Each query starts from `readableCases`, which joins the forum and applies the
 * read policy, so lookups, lists, search and counts cannot disagree about what a viewer may see.
 */
@Injectable()
export class CaseQueriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private readableCases(viewer: Viewer): SelectQueryBuilder<CaseEntity> {
    const policy = ReadPolicy.cases('c', 'f', viewer);
    return this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .innerJoin('forums', 'f', 'f.id = c.forum_id')
      .where(policy.sql, policy.params);
  }

  async findReadable(id: string, viewer: Viewer): Promise<CaseEntity | null> {
    if (!isUuid(id)) return null;
    return this.readableCases(viewer).andWhere('c.id = :id', { id }).getOne();
  }

  /** For DataLoaders: the readable cases among these ids, null for the others. */
  async findReadableByIds(ids: readonly string[], viewer: Viewer): Promise<(Case | null)[]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length
      ? await this.readableCases(viewer).andWhere('c.id IN (:...ids)', { ids: valid }).getMany()
      : [];
    const byId = new Map(rows.map((row) => [row.id, toCaseModel(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async list(
    args: CasesArgs,
    viewer: Viewer,
    options: { countTotal: boolean } = { countTotal: true },
  ): Promise<Page<Case>> {
    const size = pageSize(args);
    const filter = args.filter ?? {};
    const search = filter.query?.trim() || null;
    const filtered = () => {
      const qb = this.readableCases(viewer);
      if (filter.forumId !== undefined)
        qb.andWhere('c.forum_id = :forumId', { forumId: isUuid(filter.forumId) ? filter.forumId : null });
      if (filter.authorId !== undefined)
        qb.andWhere('c.author_id = :authorId', {
          authorId: isUuid(filter.authorId) ? filter.authorId : null,
        });
      if (filter.status) qb.andWhere('c.status = :status', { status: filter.status });
      if (filter.tag) qb.andWhere('c.tags @> ARRAY[:tag]::text[]', { tag: filter.tag.trim().toLowerCase() });
      if (filter.specialtyCode) {
        qb.andWhere(
          'EXISTS (SELECT 1 FROM case_specialties cs WHERE cs.case_id = c.id AND cs.specialty_code = :specialtyCode)',
          {
            specialtyCode: filter.specialtyCode.trim().toLowerCase(),
          },
        );
      }
      if (search) qb.andWhere("c.search @@ websearch_to_tsquery('english', :search)", { search });
      return qb;
    };

    // With a query, the page and the count read only the newest SEARCH_MAX_MATCHES matches.
    const newestMatches = () =>
      filtered()
        .select('c.id')
        .orderBy('c.created_at', 'DESC')
        .addOrderBy('c.id', 'DESC')
        .limit(SEARCH_MAX_MATCHES);
    // The candidates are computed once per statement (a materialized CTE) and, when the count is
    // wanted, counted in the same statement: one pass over the matches instead of two.
    const matching = () => {
      const qb = filtered();
      if (!search) return qb;
      return qb
        .addCommonTableExpression(newestMatches(), 'newest_matches', {
          materialized: true,
          columnNames: ['id'],
        })
        .andWhere('c.id IN (SELECT id FROM newest_matches)');
    };

    const page = matching().limit(size + 1);
    const rankSql = "ts_rank_cd(c.search, websearch_to_tsquery('english', :search))";
    if (search) {
      page
        .addSelect(rankSql, 'rank')
        .orderBy('rank', 'DESC')
        .addOrderBy('c.created_at', 'DESC')
        .addOrderBy('c.id', 'DESC');
    } else {
      page.orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'DESC');
    }
    if (args.after) {
      const { leading, at: createdAt, id } = decodeTimeIdCursor(args.after, search ? 1 : 0);
      if (search) {
        if (typeof leading[0] !== 'number') throw DomainError.badInput('after', BAD_CURSOR);
        page.andWhere(`(${rankSql}, c.created_at, c.id) < (:rank::real, :createdAt, :id)`, {
          rank: leading[0],
          createdAt,
          id,
        });
      } else {
        page.andWhere('(c.created_at, c.id) < (:createdAt, :id)', { createdAt, id });
      }
    }
    // A plain count(*): the join to forums is one-to-one, so TypeORM's COUNT(DISTINCT) is wasted work.
    // With a query it counts the matches a client can page through (at most SEARCH_MAX_MATCHES).
    const countInPage = search !== null && options.countTotal;
    if (countInPage) page.addSelect('(SELECT count(*)::int FROM newest_matches)', 'total_matches');
    const countTotal = async () => {
      if (!options.countTotal) return 0;
      const counting = search ? newestMatches() : filtered().select('c.id');
      const [sql, params] = counting.getQueryAndParameters();
      const [row]: { n: number }[] = await this.dataSource.query(
        `SELECT count(*)::int AS n FROM (${sql}) counted`,
        params,
      );
      return row?.n ?? 0;
    };
    const [{ entities, raw }, separateCount] = await Promise.all([
      page.getRawAndEntities(),
      countInPage ? 0 : countTotal(),
    ]);
    // A page past the last match has no row to carry the count: count on its own then.
    const totalCount = !countInPage
      ? separateCount
      : raw.length
        ? Number(raw[0].total_matches)
        : await countTotal();
    const rankById = new Map<string, number>(
      raw.map((r: { c_id: string; rank?: number }) => [r.c_id, Number(r.rank)]),
    );
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
