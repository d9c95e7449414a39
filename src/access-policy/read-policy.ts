import type { Viewer } from './viewer.js';

/** A SQL condition with its named parameters, for TypeORM's query builder. */
export interface Condition {
  sql: string;
  params: Record<string, unknown>;
}

/**
 * The one place that decides what a viewer may read. Every query that can reveal a forum, a case or a
 * reply (lookups, lists, search, counts, nested fields) adds these conditions to its WHERE, so a row
 * the viewer may not read is never fetched, counted or ranked. Unknown and unreadable look the same.
 *
 * - Open forums: anyone. Private forums: verified clinicians and admins.
 * - A removed case or reply (tombstone), or one hidden after a PHI flag: only its author and admins.
 * - A reply: only when its case is readable.
 */
export const ReadPolicy = {
  forums(forum: string, viewer: Viewer): Condition {
    if (viewer.admin || viewer.verified) return { sql: 'TRUE', params: {} };
    return { sql: `${forum}.visibility = 'OPEN'`, params: {} };
  },

  cases(kase: string, forum: string, viewer: Viewer): Condition {
    const forumCondition = ReadPolicy.forums(forum, viewer);
    if (viewer.admin) return forumCondition;
    const live = `(${kase}.removed_at IS NULL AND ${kase}.hidden_at IS NULL)`;
    const own = viewer.id ? ` OR ${kase}.author_id = :rpViewerId` : '';
    return {
      sql: `${forumCondition.sql} AND (${live}${own})`,
      params: viewer.id ? { rpViewerId: viewer.id } : {},
    };
  },

  replies(reply: string, kase: string, forum: string, viewer: Viewer): Condition {
    const caseCondition = ReadPolicy.cases(kase, forum, viewer);
    if (viewer.admin) return caseCondition;
    const live = `(${reply}.removed_at IS NULL AND ${reply}.hidden_at IS NULL)`;
    const own = viewer.id ? ` OR ${reply}.author_id = :rpViewerId` : '';
    return { sql: `${caseCondition.sql} AND (${live}${own})`, params: caseCondition.params };
  },
};
