import { TEXT_LIMITS } from '../common/text-limits.js';

export const WATCH_LIMITS = {
  /** Watches one clinician may keep; creating one more is a CONFLICT until one is deleted. */
  perClinician: 50,
  /** Characters in a watch query, as for case search. */
  queryLength: TEXT_LIMITS.searchQuery,
} as const;

/**
 * How a watch query becomes its stored tsquery and prefilter lexemes, in SQL, shared by the service
 * and the benchmark. `$1` is the query text. `querytree` drops negated terms (what a GIN index search
 * would use); a case can only match when it contains at least one of the remaining lexemes, so those
 * are what the `lexemes && <case lexemes>` prefilter needs.
 */
export const PARSE_WATCH_QUERY_SQL = `
  SELECT q AS tsquery,
         numnode(q) AS nodes,
         ARRAY(
           SELECT DISTINCT replace(m[1], '''''', '''')
             FROM regexp_matches(querytree(q), '''((?:[^'']|'''')*)''', 'g') AS m
         ) AS lexemes
    FROM websearch_to_tsquery('english', $1) AS q`;
