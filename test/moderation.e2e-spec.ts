import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Account,
  dataOf,
  flagContent,
  givenAdmin,
  givenCase,
  givenClinician,
  givenForum,
  givenReply,
  givenVerifiedClinician,
} from './support/factories.js';
import { createTestApp, type GraphQLResponse, type TestApp } from './support/test-app.js';

const FLAG = 'mutation($input: FlagInput!) { flagContent(input: $input) }';
const QUEUE = `query($status: FlagStatus, $first: Int, $after: String) {
  flags(status: $status, first: $first, after: $after) {
    edges { cursor node { id reason note status createdAt resolvedAt reporter { id } case { id } reply { id } } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;
const RESOLVE = `mutation($input: ResolveFlagInput!) {
  resolveFlag(input: $input) { id status resolvedAt case { id } reply { id } }
}`;
const READ = `query($id: ID!) {
  case(id: $id) {
    id hidden removedAt replyCount
    replies(first: 100) { totalCount edges { node { id hidden } } }
  }
}`;
const LIST = `query($forumId: ID!) { cases(filter: { forumId: $forumId }) { totalCount edges { node { id } } } }`;

const NOTE = 'The post identifies Rosalind Featherstone by name, phone 289-555-0178, seen 02/02/2024';
const NOTE_RAW = ['Rosalind', 'Featherstone', '555-0178', '02/02/2024'];

function expectError(res: GraphQLResponse, code: string, fields?: string[]) {
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions?.code).toBe(code);
  if (fields) expect(res.errors![0].extensions?.fields).toEqual(fields);
}

describe('moderation: flags, hiding and the admin queue', () => {
  let t: TestApp;
  let admin: Account;

  const flag = (who: Account | null, input: Record<string, unknown>) =>
    t.gql(FLAG, { input }, { token: who?.accessToken });
  const read = (who: Account | null, id: string) => t.gql(READ, { id }, { token: who?.accessToken });
  const resolve = (who: Account | null, flagId: string, resolution: 'DISMISS' | 'REMOVE_CONTENT') =>
    t.gql(RESOLVE, { input: { flagId, resolution } }, { token: who?.accessToken });
  const flagRows = (column: 'case_id' | 'reply_id', id: string) =>
    t.dataSource.query(
      `SELECT id, reason, status, note, reporter_id, resolved_by FROM flags WHERE ${column} = $1 ORDER BY created_at, id`,
      [id],
    );
  const auditActions = async (targetId: string) =>
    (
      await t.dataSource.query('SELECT action FROM audit_log WHERE target_id = $1 ORDER BY id', [targetId])
    ).map((r: { action: string }) => r.action);
  const hiddenAt = async (table: 'cases' | 'replies', id: string) =>
    (await t.dataSource.query(`SELECT hidden_at, removed_at FROM ${table} WHERE id = $1`, [id]))[0];

  async function givenThread(visibility: 'OPEN' | 'PRIVATE' = 'OPEN') {
    const author = await givenVerifiedClinician(t, admin);
    const forum = await givenForum(t, admin, visibility);
    const kase = await givenCase(t, author, forum.id);
    const replier = await givenVerifiedClinician(t, admin);
    const reply = await givenReply(t, replier, kase.id);
    return { author, forum, kase, replier, reply };
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await givenAdmin(t);
  });
  afterAll(() => t.close());

  describe('flagContent', () => {
    it('accepts a flag from any signed-in reader, unverified included, and audits it', async () => {
      const { kase, reply } = await givenThread();
      const reader = await givenClinician(t);
      expect(dataOf(await flag(reader, { caseId: kase.id, reason: 'MISINFORMATION' }), 'flagContent')).toBe(
        true,
      );
      expect(dataOf(await flag(reader, { replyId: reply.id, reason: 'INAPPROPRIATE' }), 'flagContent')).toBe(
        true,
      );
      expect(await flagRows('case_id', kase.id)).toEqual([
        expect.objectContaining({
          reason: 'MISINFORMATION',
          status: 'OPEN',
          reporter_id: reader.id,
          note: null,
        }),
      ]);
      expect(await flagRows('reply_id', reply.id)).toEqual([
        expect.objectContaining({ reason: 'INAPPROPRIATE', status: 'OPEN', reporter_id: reader.id }),
      ]);
      expect(await auditActions(kase.id)).toContain('moderation.flagged');
      expect(await auditActions(reply.id)).toContain('moderation.flagged');
    });

    it('refuses anonymous callers (UNAUTHENTICATED)', async () => {
      const { kase } = await givenThread();
      expectError(await flag(null, { caseId: kase.id, reason: 'PHI' }), 'UNAUTHENTICATED');
      expect(await flagRows('case_id', kase.id)).toEqual([]);
      expect((await hiddenAt('cases', kase.id)).hidden_at).toBeNull();
    });

    it('answers NOT_FOUND to someone who cannot read the content, and for unknown ids', async () => {
      const { kase, reply } = await givenThread('PRIVATE');
      const unverified = await givenClinician(t);
      expectError(await flag(unverified, { caseId: kase.id, reason: 'PHI' }), 'NOT_FOUND', ['input.caseId']);
      expectError(await flag(unverified, { replyId: reply.id, reason: 'PHI' }), 'NOT_FOUND', [
        'input.replyId',
      ]);
      expectError(await flag(unverified, { caseId: randomUUID(), reason: 'PHI' }), 'NOT_FOUND', [
        'input.caseId',
      ]);
      expectError(await flag(unverified, { replyId: 'not-an-id', reason: 'PHI' }), 'NOT_FOUND', [
        'input.replyId',
      ]);
      expect(await flagRows('case_id', kase.id)).toEqual([]);
      expect(await flagRows('reply_id', reply.id)).toEqual([]);
      expect((await hiddenAt('cases', kase.id)).hidden_at).toBeNull();
      expect((await hiddenAt('replies', reply.id)).hidden_at).toBeNull();
    });

    it('needs exactly one of caseId and replyId (BAD_USER_INPUT)', async () => {
      const { kase, reply } = await givenThread();
      const reader = await givenVerifiedClinician(t, admin);
      for (const input of [{}, { caseId: kase.id, replyId: reply.id }, { caseId: '', replyId: '' }]) {
        const res = await flag(reader, { ...input, reason: 'OTHER' });
        expectError(res, 'BAD_USER_INPUT');
        expect(res.errors![0].extensions?.fields).toEqual(
          expect.arrayContaining(['input.caseId', 'input.replyId']),
        );
      }
      expect(await flagRows('case_id', kase.id)).toEqual([]);
      expect(await flagRows('reply_id', reply.id)).toEqual([]);
    });

    it('stores the note de-identified, and shows admins only the de-identified note', async () => {
      const { kase } = await givenThread();
      const reader = await givenVerifiedClinician(t, admin);
      dataOf(await flag(reader, { caseId: kase.id, reason: 'OTHER', note: NOTE }), 'flagContent');
      const [row] = await flagRows('case_id', kase.id);
      expect(row.note).toBe('The post identifies [NAME] by name, phone [PHONE], seen [DATE]');
      const queue = dataOf(
        await t.gql(QUEUE, { status: 'OPEN', first: 100 }, { token: admin.accessToken }),
        'flags',
      );
      const listed = queue.edges.find((e: { node: { id: string } }) => e.node.id === row.id);
      expect(listed.node.note).toBe(row.note);
      const logs = t.logLines.join('\n').toLowerCase();
      const audit = JSON.stringify(
        await t.dataSource.query('SELECT detail FROM audit_log WHERE target_id = $1', [kase.id]),
      ).toLowerCase();
      for (const value of NOTE_RAW) {
        expect(row.note.toLowerCase()).not.toContain(value.toLowerCase());
        expect(logs).not.toContain(value.toLowerCase());
        expect(audit).not.toContain(value.toLowerCase());
      }
      expectError(
        await flag(reader, { caseId: kase.id, reason: 'OTHER', note: 'n'.repeat(1001) }),
        'BAD_USER_INPUT',
        ['input.note'],
      );
    });
  });

  describe('hiding on a PHI flag', () => {
    it('hides a case at once from other readers; its author and admins still see it, marked hidden', async () => {
      const { author, forum, kase, replier } = await givenThread();
      const reader = await givenVerifiedClinician(t, admin);
      dataOf(await flag(reader, { caseId: kase.id, reason: 'PHI' }), 'flagContent');
      expect((await hiddenAt('cases', kase.id)).hidden_at).not.toBeNull();

      for (const who of [reader, replier, await givenClinician(t), null]) {
        const res = await read(who, kase.id);
        expect(res.errors).toBeUndefined();
        expect(res.data.case).toBeNull();
        const list = dataOf(await t.gql(LIST, { forumId: forum.id }, { token: who?.accessToken }), 'cases');
        expect(list).toEqual({ totalCount: 0, edges: [] });
      }
      for (const who of [author, admin]) {
        const seen = dataOf(await read(who, kase.id), 'case');
        expect(seen).toMatchObject({ id: kase.id, hidden: true, removedAt: null });
      }
      expect(await auditActions(kase.id)).toEqual(['moderation.flagged', 'moderation.hidden']);
      // No new replies while it is under review.
      expectError(
        await t.gql(
          'mutation($input: ReplyInput!) { replyToCase(input: $input) { id } }',
          { input: { caseId: kase.id, body: 'A reply while under review' } },
          { token: author.accessToken },
        ),
        'CONFLICT',
      );
    });

    it('hides a reply from other readers (list and count); its author and admins still see it, marked hidden', async () => {
      const { author, kase, replier, reply } = await givenThread();
      const other = await givenReply(
        t,
        await givenVerifiedClinician(t, admin),
        kase.id,
        'A second, harmless reply.',
      );
      const reader = await givenClinician(t);
      dataOf(await flag(reader, { replyId: reply.id, reason: 'PHI' }), 'flagContent');

      for (const who of [reader, author, null]) {
        const seen = dataOf(await read(who, kase.id), 'case');
        expect(seen.replyCount).toBe(1);
        expect(seen.replies.totalCount).toBe(1);
        expect(seen.replies.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([other.id]);
      }
      for (const who of [replier, admin]) {
        const seen = dataOf(await read(who, kase.id), 'case');
        expect(seen.replyCount).toBe(2);
        expect(seen.replies.edges.map((e: { node: { id: string; hidden: boolean } }) => e.node)).toEqual([
          { id: reply.id, hidden: true },
          { id: other.id, hidden: false },
        ]);
      }
      expect(await auditActions(reply.id)).toEqual(['moderation.flagged', 'moderation.hidden']);
      // The case author cannot accept a reply they can no longer see.
      expect(
        (
          await t.gql(
            'mutation($id: ID!) { acceptReply(replyId: $id) { id } }',
            { id: reply.id },
            { token: author.accessToken },
          )
        ).errors,
      ).toHaveLength(1);
    });

    it.each([['INAPPROPRIATE'], ['MISINFORMATION'], ['OTHER']])('a %s flag hides nothing', async (reason) => {
      const { kase, reply } = await givenThread();
      const reader = await givenVerifiedClinician(t, admin);
      dataOf(await flag(reader, { caseId: kase.id, reason }), 'flagContent');
      dataOf(await flag(reader, { replyId: reply.id, reason }), 'flagContent');
      const seen = dataOf(await read(null, kase.id), 'case');
      expect(seen).toMatchObject({ id: kase.id, hidden: false, replyCount: 1 });
      expect(seen.replies.edges).toEqual([{ node: { id: reply.id, hidden: false } }]);
      expect(await auditActions(kase.id)).toEqual(['moderation.flagged']);
      expect(await auditActions(reply.id)).toEqual(['moderation.flagged']);
    });
  });

  describe('the admin queue', () => {
    it('is for admins only', async () => {
      expectError(
        await t.gql(QUEUE, {}, { token: (await givenVerifiedClinician(t, admin)).accessToken }),
        'FORBIDDEN',
      );
      expectError(await t.gql(QUEUE, {}, { token: (await givenClinician(t)).accessToken }), 'FORBIDDEN');
      expectError(await t.gql(QUEUE, {}), 'UNAUTHENTICATED');
      expectError(
        await resolve(await givenVerifiedClinician(t, admin), randomUUID(), 'DISMISS'),
        'FORBIDDEN',
      );
    });

    it('lists flags by status, oldest first, paginated with the right totalCount', async () => {
      const { kase, reply } = await givenThread();
      const readers = [await givenClinician(t), await givenClinician(t), await givenClinician(t)];
      for (const reader of readers) {
        await flagContent(t, reader, { caseId: kase.id }, 'OTHER');
        await flagContent(t, reader, { replyId: reply.id }, 'MISINFORMATION');
      }
      const dismissed = (await flagRows('case_id', kase.id))[0];
      dataOf(await resolve(admin, dismissed.id, 'DISMISS'), 'resolveFlag');

      for (const status of ['OPEN', 'DISMISSED', undefined]) {
        const expected: { id: string }[] = await t.dataSource.query(
          `SELECT id FROM flags ${status ? 'WHERE status = $1' : ''} ORDER BY created_at, id`,
          status ? [status] : [],
        );
        const seen: string[] = [];
        let after: string | undefined;
        for (let page = 0; page < 50; page++) {
          const queue = dataOf(
            await t.gql(QUEUE, { status, first: 2, after }, { token: admin.accessToken }),
            'flags',
          );
          expect(queue.totalCount).toBe(expected.length);
          expect(queue.edges.length).toBeLessThanOrEqual(2);
          for (const edge of queue.edges) {
            if (status) expect(edge.node.status).toBe(status);
            seen.push(edge.node.id);
          }
          if (!queue.pageInfo.hasNextPage) break;
          after = queue.pageInfo.endCursor;
        }
        expect(seen).toEqual(expected.map((r) => r.id));
      }
      const open = dataOf(
        await t.gql(QUEUE, { status: 'OPEN', first: 100 }, { token: admin.accessToken }),
        'flags',
      );
      const created = open.edges.map((e: { node: { createdAt: string } }) => Date.parse(e.node.createdAt));
      expect([...created].sort((a, b) => a - b)).toEqual(created);
      const mine = open.edges.filter(
        (e: { node: { case: { id: string } | null } }) => e.node.case?.id === kase.id,
      );
      expect(mine).toHaveLength(2);
      expectError(await t.gql(QUEUE, { first: 101 }, { token: admin.accessToken }), 'BAD_USER_INPUT');
      expectError(await t.gql(QUEUE, { after: 'garbage' }, { token: admin.accessToken }), 'BAD_USER_INPUT');
    });
  });

  describe('resolveFlag', () => {
    it('DISMISS un-hides only once no other open PHI flag remains on the content', async () => {
      const { author, kase } = await givenThread();
      const reader = await givenVerifiedClinician(t, admin);
      await flagContent(t, reader, { caseId: kase.id }, 'PHI');
      // Once hidden, only its author and admins can still read (and so flag) it.
      await flagContent(t, author, { caseId: kase.id }, 'PHI');
      await flagContent(t, admin, { caseId: kase.id }, 'OTHER');
      const [first, second, other] = await flagRows('case_id', kase.id);

      const dismissed = dataOf(await resolve(admin, first.id, 'DISMISS'), 'resolveFlag');
      expect(dismissed).toMatchObject({ id: first.id, status: 'DISMISSED', case: { id: kase.id } });
      expect(dismissed.resolvedAt).not.toBeNull();
      expect((await read(reader, kase.id)).data.case).toBeNull();
      expect((await hiddenAt('cases', kase.id)).hidden_at).not.toBeNull();

      dataOf(await resolve(admin, other.id, 'DISMISS'), 'resolveFlag');
      expect((await read(reader, kase.id)).data.case).toBeNull();

      dataOf(await resolve(admin, second.id, 'DISMISS'), 'resolveFlag');
      const seen = dataOf(await read(reader, kase.id), 'case');
      expect(seen).toMatchObject({ id: kase.id, hidden: false });
      expect((await flagRows('case_id', kase.id)).map((f: { status: string }) => f.status)).toEqual([
        'DISMISSED',
        'DISMISSED',
        'DISMISSED',
      ]);
      expect(
        (await auditActions(kase.id)).filter((a: string) => a === 'moderation.flag_dismissed'),
      ).toHaveLength(3);
    });

    it('DISMISS un-hides a reply hidden by a PHI flag', async () => {
      const { kase, reply } = await givenThread();
      const reader = await givenClinician(t);
      await flagContent(t, reader, { replyId: reply.id }, 'PHI');
      const [row] = await flagRows('reply_id', reply.id);
      expect(dataOf(await resolve(admin, row.id, 'DISMISS'), 'resolveFlag').reply).toEqual({ id: reply.id });
      expect((await hiddenAt('replies', reply.id)).hidden_at).toBeNull();
      expect(dataOf(await read(reader, kase.id), 'case').replyCount).toBe(1);
      expect(await auditActions(reply.id)).toEqual([
        'moderation.flagged',
        'moderation.hidden',
        'moderation.flag_dismissed',
      ]);
    });

    it('REMOVE_CONTENT tombstones a case and closes every open flag on it, and no others', async () => {
      const { author, kase } = await givenThread();
      const elsewhere = await givenThread();
      const reader = await givenVerifiedClinician(t, admin);
      await flagContent(t, reader, { caseId: kase.id }, 'INAPPROPRIATE');
      await flagContent(t, reader, { caseId: kase.id }, 'PHI');
      await flagContent(t, author, { caseId: kase.id }, 'OTHER');
      await flagContent(t, reader, { caseId: elsewhere.kase.id }, 'OTHER');
      const [first] = await flagRows('case_id', kase.id);

      const resolved = dataOf(await resolve(admin, first.id, 'REMOVE_CONTENT'), 'resolveFlag');
      expect(resolved.status).toBe('CONTENT_REMOVED');
      const rows = await flagRows('case_id', kase.id);
      expect(rows.map((f: { status: string }) => f.status)).toEqual([
        'CONTENT_REMOVED',
        'CONTENT_REMOVED',
        'CONTENT_REMOVED',
      ]);
      expect(rows.every((f: { resolved_by: string }) => f.resolved_by === admin.id)).toBe(true);
      expect((await flagRows('case_id', elsewhere.kase.id)).map((f: { status: string }) => f.status)).toEqual(
        ['OPEN'],
      );

      const [caseRow] = await t.dataSource.query('SELECT removed_at, removed_by FROM cases WHERE id = $1', [
        kase.id,
      ]);
      expect(caseRow.removed_at).not.toBeNull();
      expect(caseRow.removed_by).toBe(admin.id);
      expect((await read(reader, kase.id)).data.case).toBeNull();
      expect((await read(null, kase.id)).data.case).toBeNull();
      expect(dataOf(await read(author, kase.id), 'case').removedAt).not.toBeNull();
      expect(dataOf(await read(admin, kase.id), 'case').removedAt).not.toBeNull();
      expect(
        (await auditActions(kase.id)).filter((a: string) => a === 'moderation.content_removed'),
      ).toHaveLength(1);

      // Every flag on it is settled: resolving any of them again is a CONFLICT.
      for (const row of rows) expectError(await resolve(admin, row.id, 'DISMISS'), 'CONFLICT');
      expect((await hiddenAt('cases', kase.id)).removed_at).not.toBeNull();
    });

    it('REMOVE_CONTENT tombstones a reply, which then drops out of the thread for others', async () => {
      const { author, kase, replier, reply } = await givenThread();
      await flagContent(t, author, { replyId: reply.id }, 'MISINFORMATION');
      const [row] = await flagRows('reply_id', reply.id);
      dataOf(await resolve(admin, row.id, 'REMOVE_CONTENT'), 'resolveFlag');
      expect((await hiddenAt('replies', reply.id)).removed_at).not.toBeNull();
      expect(dataOf(await read(author, kase.id), 'case').replyCount).toBe(0);
      expect(dataOf(await read(replier, kase.id), 'case').replyCount).toBe(1);
      expect(await auditActions(reply.id)).toEqual(['moderation.flagged', 'moderation.content_removed']);
    });

    it('resolving a flag twice is a CONFLICT and changes nothing; an unknown flag is NOT_FOUND', async () => {
      const { kase } = await givenThread();
      const reader = await givenVerifiedClinician(t, admin);
      await flagContent(t, reader, { caseId: kase.id }, 'PHI');
      const [row] = await flagRows('case_id', kase.id);
      dataOf(await resolve(admin, row.id, 'DISMISS'), 'resolveFlag');
      const before = await flagRows('case_id', kase.id);
      expectError(await resolve(admin, row.id, 'REMOVE_CONTENT'), 'CONFLICT');
      expectError(await resolve(admin, row.id, 'DISMISS'), 'CONFLICT');
      expect(await flagRows('case_id', kase.id)).toEqual(before);
      expect((await hiddenAt('cases', kase.id)).removed_at).toBeNull();
      expect(
        (await auditActions(kase.id)).filter(
          (a: string) => a.startsWith('moderation.flag_') || a === 'moderation.content_removed',
        ),
      ).toEqual(['moderation.flag_dismissed']);
      expectError(await resolve(admin, randomUUID(), 'DISMISS'), 'NOT_FOUND');
      expectError(await resolve(admin, 'not-a-flag', 'DISMISS'), 'NOT_FOUND');
    });
  });
});
