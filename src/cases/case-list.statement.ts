import { positionalCondition } from '../access-policy/positional-condition.js';
import { ReadPolicy } from '../access-policy/read-policy.js';
import type { Viewer } from '../access-policy/viewer.js';
import { isUuid } from '../common/uuid.js';
import type { CaseFilter } from './dto/case-filter.input.js';

export interface Statement {
  sql: string;
  values: unknown[];
}

/** Where a page starts: after this row (and, for a search, after its rank). */
export interface ListPosition {
  rank?: number;
  at: string;
  id: string;
}

const RANK_SQL = (search: string) => `ts_rank_cd(c.search, websearch_to_tsquery('english', ${search}))`;

/** Binds a value as the next positional parameter of `values`, returning its placeholder. */
const binder = (values: unknown[]) => (value: unknown) => {
  values.push(value);
  return `$${values.length}`;
};

/**
 * The readable cases matching a filter, as `FROM … WHERE …` with positional parameters appended to
 * `values`. The read policy is always part of it, so lists, search and counts cannot disagree about
 * what a viewer may see. Ids that are not uuids match nothing.
 */
export function filteredCases(
  filter: CaseFilter,
  search: string | null,
  viewer: Viewer,
  values: unknown[],
): { from: string; searchParam: string | null } {
  const param = binder(values);
  const conditions = [positionalCondition(ReadPolicy.cases('c', 'f', viewer), values)];
  if (filter.forumId !== undefined)
    conditions.push(`c.forum_id = ${param(isUuid(filter.forumId) ? filter.forumId : null)}::uuid`);
  if (filter.authorId !== undefined)
    conditions.push(`c.author_id = ${param(isUuid(filter.authorId) ? filter.authorId : null)}::uuid`);
  if (filter.status) conditions.push(`c.status = ${param(filter.status)}`);
  if (filter.tag) conditions.push(`c.tags @> ARRAY[${param(filter.tag.trim().toLowerCase())}]::text[]`);
  if (filter.specialtyCode)
    conditions.push(
      `EXISTS (SELECT 1 FROM case_specialties cs WHERE cs.case_id = c.id AND cs.specialty_code = ${param(
        filter.specialtyCode.trim().toLowerCase(),
      )})`,
    );
  const searchParam = search ? param(search) : null;
  if (searchParam) conditions.push(`c.search @@ websearch_to_tsquery('english', ${searchParam})`);
  return {
    from: `FROM cases c JOIN forums f ON f.id = c.forum_id WHERE ${conditions.join(' AND ')}`,
    searchParam,
  };
}

/**
 * One page of a case list, hand-written rather than built by TypeORM's query builder on every request
 * (bench/README.md, decision 14). Newest first; with a search, the newest `maxMatches` matches are the
 * candidates (a materialized CTE), ranked, and counted in the same statement when `countMatches`.
 */
export function casePageStatement(options: {
  columns: string;
  filter: CaseFilter;
  search: string | null;
  viewer: Viewer;
  size: number;
  after: ListPosition | null;
  maxMatches: number;
  countMatches: boolean;
}): Statement {
  const { search, after } = options;
  const values: unknown[] = [];
  const { from, searchParam } = filteredCases(options.filter, search, options.viewer, values);
  const param = binder(values);
  if (!searchParam) {
    const keyset = after
      ? ` AND (c.created_at, c.id) < (${param(after.at)}::timestamptz, ${param(after.id)}::uuid)`
      : '';
    return {
      sql: `SELECT ${options.columns} ${from}${keyset} ORDER BY c.created_at DESC, c.id DESC LIMIT ${param(options.size + 1)}`,
      values,
    };
  }
  const rank = RANK_SQL(searchParam);
  const keyset = after
    ? ` AND (${rank}, c.created_at, c.id) < (${param(after.rank)}::real, ${param(after.at)}::timestamptz, ${param(after.id)}::uuid)`
    : '';
  const count = options.countMatches ? ', (SELECT count(*)::int FROM newest_matches) AS total_matches' : '';
  return {
    sql:
      `WITH newest_matches (id) AS MATERIALIZED (SELECT c.id ${from} ORDER BY c.created_at DESC, c.id DESC LIMIT ${param(options.maxMatches)}) ` +
      `SELECT ${options.columns}, ${rank} AS rank${count} ${from}${keyset} AND c.id IN (SELECT id FROM newest_matches) ` +
      `ORDER BY rank DESC, c.created_at DESC, c.id DESC LIMIT ${param(options.size + 1)}`,
    values,
  };
}

/** How many readable cases match (with a search: how many of the newest `maxMatches` matches). */
export function caseCountStatement(options: {
  filter: CaseFilter;
  search: string | null;
  viewer: Viewer;
  maxMatches: number;
}): Statement {
  const values: unknown[] = [];
  const { from } = filteredCases(options.filter, options.search, options.viewer, values);
  const inner = options.search
    ? `SELECT c.id ${from} ORDER BY c.created_at DESC, c.id DESC LIMIT ${options.maxMatches}`
    : `SELECT c.id ${from}`;
  return { sql: `SELECT count(*)::int AS n FROM (${inner}) counted`, values };
}
