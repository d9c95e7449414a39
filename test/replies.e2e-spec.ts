import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Account,
  dataOf,
  givenAdmin,
  givenCase,
  givenClinician,
  givenForum,
  givenPendingClinician,
  givenReply,
  givenRevokedClinician,
  givenVerifiedClinician,
} from './support/factories.js';
import { createTestApp, type GraphQLResponse, type TestApp } from './support/test-app.js';

const REPLY = `mutation($input: ReplyInput!) {
  replyToCase(input: $input) { id body accepted createdAt editedAt author { id } case { id } }
}`;
const ACCEPT = 'mutation($id: ID!) { acceptReply(replyId: $id) { id accepted case { id status } } }';
const THREAD = `query($id: ID!, $first: Int, $after: String) {
  case(id: $id) {
    id status replyCount
    replies(first: $first, after: $after) {
      edges { cursor node { id body accepted author { id } } }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
}`;

const PHI_REPLY =
  'I saw a similar case; ask Thaddeus Vanterpool, born 07/22/1961, phone 905-555-0147, at Riverside Community Hospital.';
const PHI_RAW = ['Thaddeus', 'Vanterpool', '07/22/1961', '555-0147', 'Riverside Community'];

function expectError(res: GraphQLResponse, code: string, fields?: string[]) {
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions?.code).toBe(code);
  if (fields) expect(res.errors![0].extensions?.fields).toEqual(fields);
}

describe('replies: posting, threads and accepted answers', () => {
  let t: TestApp;
  let admin: Account;

  const reply = (who: Account | null, caseId: string, body: string) =>
    t.gql(REPLY, { input: { caseId, body } }, { token: who?.accessToken });
  const accept = (who: Account | null, id: string) => t.gql(ACCEPT, { id }, { token: who?.accessToken });
  const thread = (who: Account | null, id: string, page: { first?: number; after?: string } = {}) =>
    t.gql(THREAD, { id, ...page }, { token: who?.accessToken });
  const repliesBy = async (authorId: string) =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM replies WHERE author_id = $1', [authorId]))[0]
      .n;
  const replyRows = (caseId: string) =>
    t.dataSource.query('SELECT id, body, accepted FROM replies WHERE case_id = $1 ORDER BY created_at, id', [
      caseId,
    ]);
  const caseStatus = async (caseId: string) =>
    (await t.dataSource.query('SELECT status FROM cases WHERE id = $1', [caseId]))[0].status;

  /** An open case by a fresh verified author. */
  async function givenThread(visibility: 'OPEN' | 'PRIVATE' = 'OPEN') {
    const author = await givenVerifiedClinician(t, admin);
    const forum = await givenForum(t, admin, visibility);
    const kase = await givenCase(t, author, forum.id);
    return { author, forum, kase };
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await givenAdmin(t);
  });
  afterAll(() => t.close());

  describe('replyToCase', () => {
    it('lets a verified clinician reply to a case they can read', async () => {
      const { kase } = await givenThread();
      const replier = await givenVerifiedClinician(t, admin);
      const created = dataOf(
        await reply(replier, kase.id, '  Consider adult-onset Still disease; check ferritin.  '),
        'replyToCase',
      );
      expect(created).toMatchObject({
        body: 'Consider adult-onset Still disease; check ferritin.',
        accepted: false,
        editedAt: null,
        author: { id: replier.id },
        case: { id: kase.id },
      });
      const rows = await replyRows(kase.id);
      expect(rows).toEqual([{ id: created.id, body: created.body, accepted: false }]);
    });

    it('refuses unverified, pending and revoked clinicians (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
      const { kase } = await givenThread();
      for (const who of [
        await givenClinician(t),
        await givenPendingClinician(t),
        await givenRevokedClinician(t, admin),
      ]) {
        expectError(await reply(who, kase.id, 'A reply that must not be stored'), 'FORBIDDEN');
        expect(await repliesBy(who.id)).toBe(0);
      }
      expectError(await reply(null, kase.id, 'A reply that must not be stored'), 'UNAUTHENTICATED');
      expect(await replyRows(kase.id)).toEqual([]);
    });

    it('answers NOT_FOUND naming input.caseId for an unknown case, and names input.body when it is invalid', async () => {
      const { kase } = await givenThread();
      const replier = await givenVerifiedClinician(t, admin);
      expectError(await reply(replier, randomUUID(), 'Reply to nothing'), 'NOT_FOUND', ['input.caseId']);
      expectError(await reply(replier, 'not-a-case', 'Reply to nothing'), 'NOT_FOUND', ['input.caseId']);
      expectError(await reply(replier, kase.id, '    '), 'BAD_USER_INPUT', ['input.body']);
      expectError(await reply(replier, kase.id, 'x'.repeat(10_001)), 'BAD_USER_INPUT', ['input.body']);
      expect(await repliesBy(replier.id)).toBe(0);
    });

    it('de-identifies the body before it is stored, returned or logged', async () => {
      const { kase } = await givenThread();
      const replier = await givenVerifiedClinician(t, admin);
      const created = dataOf(await reply(replier, kase.id, PHI_REPLY), 'replyToCase');
      expect(created.body).toBe(
        'I saw a similar case; ask [NAME], born [DATE], phone [PHONE], at [INSTITUTION].',
      );
      const [row] = await replyRows(kase.id);
      expect(row.body).toBe(created.body);
      const seen = dataOf(await thread(null, kase.id), 'case');
      expect(seen.replies.edges[0].node.body).toBe(created.body);
      const logs = t.logLines.join('\n').toLowerCase();
      for (const value of PHI_RAW) {
        expect(row.body.toLowerCase()).not.toContain(value.toLowerCase());
        expect(logs).not.toContain(value.toLowerCase());
      }
    });

    it('on a private case: verified clinicians may reply; others are refused without learning it exists', async () => {
      const { kase } = await givenThread('PRIVATE');
      const verified = await givenVerifiedClinician(t, admin);
      dataOf(await reply(verified, kase.id, 'Verified peer reply on a private case.'), 'replyToCase');

      const unverified = await givenClinician(t);
      expect((await thread(unverified, kase.id)).data.case).toBeNull();
      const onPrivate = await reply(unverified, kase.id, 'Trying to reply to a private case');
      const onNothing = await reply(unverified, randomUUID(), 'Trying to reply to a private case');
      expect(onPrivate.errors).toHaveLength(1);
      expect(['FORBIDDEN', 'NOT_FOUND']).toContain(onPrivate.errors![0].extensions?.code);
      // The refusal is the same whether or not the private case exists.
      expect(onPrivate.errors![0].message).toBe(onNothing.errors![0].message);
      expect(onPrivate.errors![0].extensions).toEqual(onNothing.errors![0].extensions);
      expect(await repliesBy(unverified.id)).toBe(0);

      const revoked = await givenRevokedClinician(t, admin);
      expect((await reply(revoked, kase.id, 'Reply after revocation')).errors).toHaveLength(1);
      expect(await repliesBy(revoked.id)).toBe(0);
      expect(await replyRows(kase.id)).toHaveLength(1);
    });
  });

  describe('Case.replies', () => {
    it('lists replies oldest first, paginated without duplicates, with the right totalCount and replyCount', async () => {
      const { kase } = await givenThread();
      const repliers = [await givenVerifiedClinician(t, admin), await givenVerifiedClinician(t, admin)];
      const created: string[] = [];
      for (let i = 0; i < 7; i++) {
        created.push(
          dataOf(await reply(repliers[i % 2], kase.id, `Reply number ${i + 1} in this thread`), 'replyToCase')
            .id,
        );
      }
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      for (;;) {
        const res = await thread(null, kase.id, { first: 3, after });
        const { replies, replyCount } = dataOf(res, 'case');
        expect(replyCount).toBe(7);
        expect(replies.totalCount).toBe(7);
        seen.push(...replies.edges.map((e: { node: { id: string } }) => e.node.id));
        pages++;
        expect(replies.edges.at(-1)?.cursor ?? null).toBe(replies.pageInfo.endCursor);
        if (!replies.pageInfo.hasNextPage) break;
        after = replies.pageInfo.endCursor;
        expect(pages).toBeLessThan(5);
      }
      expect(pages).toBe(3);
      expect(seen).toEqual(created);
      expect(new Set(seen).size).toBe(7);

      const all = dataOf(await thread(null, kase.id, { first: 100 }), 'case').replies;
      expect(all.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual(created);
      expect(all.pageInfo.hasNextPage).toBe(false);
      const defaults = dataOf(await thread(null, kase.id), 'case').replies;
      expect(defaults.edges).toHaveLength(7);
    });

    it('refuses first: 101, first: 0 and a cursor it did not issue (BAD_USER_INPUT)', async () => {
      const { kase } = await givenThread();
      for (const page of [
        { first: 101 },
        { first: 0 },
        { first: -1 },
        { after: 'garbage' },
        { after: 'WzEsMl0' },
      ]) {
        const res = await thread(null, kase.id, page);
        expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      }
    });

    it('counts zero replies on a new case', async () => {
      const { kase } = await givenThread();
      const seen = dataOf(await thread(null, kase.id), 'case');
      expect(seen.replyCount).toBe(0);
      expect(seen.replies).toEqual({
        edges: [],
        pageInfo: { hasNextPage: false, endCursor: null },
        totalCount: 0,
      });
    });
  });

  describe('acceptReply', () => {
    it('lets only the case author accept; others are FORBIDDEN and nothing changes', async () => {
      const { author, kase } = await givenThread();
      const replier = await givenVerifiedClinician(t, admin);
      const answer = await givenReply(t, replier, kase.id);
      for (const who of [replier, await givenVerifiedClinician(t, admin), await givenClinician(t), admin]) {
        expectError(await accept(who, answer.id), 'FORBIDDEN');
      }
      expectError(await accept(null, answer.id), 'UNAUTHENTICATED');
      expect(await replyRows(kase.id)).toEqual([{ id: answer.id, body: answer.body, accepted: false }]);
      expect(await caseStatus(kase.id)).toBe('OPEN');
      expectError(await accept(author, randomUUID()), 'NOT_FOUND');
    });

    it('marks the reply accepted and the case ANSWERED; accepting another moves the acceptance', async () => {
      const { author, kase } = await givenThread();
      const first = await givenReply(
        t,
        await givenVerifiedClinician(t, admin),
        kase.id,
        'First answer: try steroids.',
      );
      const second = await givenReply(
        t,
        await givenVerifiedClinician(t, admin),
        kase.id,
        'Second answer: check ferritin.',
      );

      const accepted = dataOf(await accept(author, first.id), 'acceptReply');
      expect(accepted).toEqual({ id: first.id, accepted: true, case: { id: kase.id, status: 'ANSWERED' } });
      expect(await caseStatus(kase.id)).toBe('ANSWERED');
      let rows = await replyRows(kase.id);
      expect(rows.filter((r: { accepted: boolean }) => r.accepted).map((r: { id: string }) => r.id)).toEqual([
        first.id,
      ]);

      dataOf(await accept(author, second.id), 'acceptReply');
      rows = await replyRows(kase.id);
      expect(rows.filter((r: { accepted: boolean }) => r.accepted).map((r: { id: string }) => r.id)).toEqual([
        second.id,
      ]);
      const seen = dataOf(await thread(null, kase.id), 'case');
      expect(seen.status).toBe('ANSWERED');
      expect(
        seen.replies.edges.map((e: { node: { id: string; accepted: boolean } }) => [
          e.node.id,
          e.node.accepted,
        ]),
      ).toEqual([
        [first.id, false],
        [second.id, true],
      ]);
      // Accepting the same reply again keeps exactly one accepted reply.
      dataOf(await accept(author, second.id), 'acceptReply');
      rows = await replyRows(kase.id);
      expect(rows.filter((r: { accepted: boolean }) => r.accepted)).toHaveLength(1);
    });
  });
});
