import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainEvents } from '../src/events/domain-events.js';
import {
  type Account,
  dataOf,
  givenAdmin,
  givenCase,
  givenClinician,
  givenForum,
  givenReply,
  givenVerifiedClinician,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { sleep } from './support/ws-client.js';

const INBOX = `query($unreadOnly: Boolean, $first: Int, $after: String) {
  notifications(unreadOnly: $unreadOnly, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id kind createdAt readAt case { id } consult { id status } } }
  }
}`;
const COUNT = 'query { unreadNotificationCount }';
const MARK = 'mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }';

describe('notifications inbox', () => {
  let t: TestApp;
  let events: DomainEvents;
  let admin: Account;
  let author: Account;
  let replier: Account;
  let specialist: Account;
  let kase: { id: string };
  let offerId: string;

  const inbox = async (who: Account, variables: Record<string, unknown> = {}) =>
    dataOf(await t.gql(INBOX, variables, { token: who.accessToken }), 'notifications');
  const unread = async (who: Account): Promise<number> =>
    (await t.gql(COUNT, {}, { token: who.accessToken })).data!.unreadNotificationCount;
  const markRead = async (who: Account, ids?: string[] | null): Promise<number> => {
    const res = await t.gql(MARK, ids === undefined ? {} : { ids }, { token: who.accessToken });
    expect(res.errors).toBeUndefined();
    return res.data!.markNotificationsRead;
  };
  /** Listeners run after the emitting request; wait for the row they write. */
  const eventually = async <T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> => {
    for (let i = 0; i < 50; i++) {
      const value = await read();
      if (ok(value)) return value;
      await sleep(50);
    }
    throw new Error('condition not reached');
  };
  const kinds = (page: any) => page.edges.map((e: any) => e.node.kind);

  beforeAll(async () => {
    t = await createTestApp();
    events = t.app.get(DomainEvents);
    admin = await givenAdmin(t);
    author = await givenVerifiedClinician(t, admin);
    replier = await givenVerifiedClinician(t, admin);
    specialist = await givenVerifiedClinician(t, admin, { specialtyCodes: ['nephrology'] });
    const forum = await givenForum(t, admin, 'PRIVATE');
    kase = await givenCase(t, author, forum.id, { specialtyCodes: ['dermatology'] });
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO consult_offers (case_id, specialist_id, specialty_code, due_at)
       VALUES ($1, $2, 'nephrology', now() + interval '2 days') RETURNING id`,
      [kase.id, specialist.id],
    );
    offerId = rows[0].id;
  });
  afterAll(() => t.close());

  it('needs a signed-in caller', async () => {
    const res = await t.gql(COUNT);
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('tells the case author of each reply by someone else, not of their own', async () => {
    await givenReply(t, author, kase.id, 'Adding the latest ferritin value.');
    const reply = await givenReply(t, replier, kase.id);
    const page = await eventually(
      () => inbox(author),
      (p) => p.edges.length >= 1,
    );
    await sleep(200); // the author's own reply would have landed by now
    const after = await inbox(author);
    expect(after.totalCount).toBe(1);
    expect(page.edges[0].node).toMatchObject({
      kind: 'CASE_REPLIED',
      readAt: null,
      case: { id: kase.id },
      consult: null,
    });
    const stored = await t.dataSource.query('SELECT reply_id FROM notifications WHERE recipient_id = $1', [
      author.id,
    ]);
    expect(stored).toEqual([{ reply_id: reply.id }]);
    expect(await inbox(replier)).toMatchObject({ totalCount: 0 });
  });

  it('tells a specialist of an offer, with the consult visible to them', async () => {
    events.emit('consult.offered', { offerId, caseId: kase.id, specialistId: specialist.id });
    const page = await eventually(
      () => inbox(specialist),
      (p) => p.edges.length === 1,
    );
    expect(page.edges[0].node).toMatchObject({
      kind: 'CONSULT_OFFERED',
      case: { id: kase.id },
      consult: { id: offerId, status: 'OFFERED' },
    });
  });

  it('tells the case author when a specialist asks for more information', async () => {
    events.emit('consult.info_requested', { offerId, caseId: kase.id, authorId: author.id });
    const page = await eventually(
      () => inbox(author),
      (p) => p.edges.length === 2,
    );
    expect(kinds(page)).toEqual(['INFO_REQUESTED', 'CASE_REPLIED']);
    expect(page.edges[0].node.consult).toEqual({ id: offerId, status: 'OFFERED' });
    expect(await unread(author)).toBe(2);
  });

  it('marks read only the caller’s own notifications', async () => {
    const specialistsOwn = (await inbox(specialist)).edges[0].node.id;
    const authors = (await inbox(author)).edges.map((e: any) => e.node.id);

    expect(await markRead(author, [specialistsOwn, randomUUID(), 'not-an-id'])).toBe(0);
    expect(await unread(specialist)).toBe(1);

    expect(await markRead(author, [authors[1]])).toBe(1);
    expect(await markRead(author, [authors[1]])).toBe(0);
    expect(await unread(author)).toBe(1);
    expect(kinds(await inbox(author, { unreadOnly: true }))).toEqual(['INFO_REQUESTED']);

    expect(await markRead(author)).toBe(1);
    expect(await unread(author)).toBe(0);
    expect(await inbox(author, { unreadOnly: true })).toMatchObject({ totalCount: 0, edges: [] });
    const all = await inbox(author);
    expect(all.totalCount).toBe(2);
    expect(all.edges.every((e: any) => typeof e.node.readAt === 'string')).toBe(true);
    expect(await unread(specialist)).toBe(1);
  });

  it('hides what the recipient may no longer read', async () => {
    const unverified = await givenClinician(t);
    await t.dataSource.query(
      `INSERT INTO notifications (recipient_id, kind, case_id, consult_id) VALUES ($1, 'CONSULT_OFFERED', $2, $3)`,
      [unverified.id, kase.id, offerId],
    );
    const page = await inbox(unverified);
    expect(page.edges[0].node).toMatchObject({ kind: 'CONSULT_OFFERED', case: null, consult: null });
  });

  it('pages newest first on (createdAt, id) without gaps or repeats', async () => {
    const reader = await givenClinician(t);
    // Seven rows, three of them sharing one timestamp so the id breaks the tie.
    await t.dataSource.query(
      `INSERT INTO notifications (recipient_id, kind, case_id, created_at)
       SELECT $1, 'CASE_REPLIED', $2, t
         FROM unnest(ARRAY[
           '2025-01-01T00:00:01Z', '2025-01-01T00:00:02Z', '2025-01-01T00:00:03Z', '2025-01-01T00:00:03Z',
           '2025-01-01T00:00:03Z', '2025-01-01T00:00:04Z', '2025-01-01T00:00:05Z'
         ]::timestamptz[]) AS t`,
      [reader.id, kase.id],
    );
    const expected: { id: string }[] = await t.dataSource.query(
      'SELECT id FROM notifications WHERE recipient_id = $1 ORDER BY created_at DESC, id DESC',
      [reader.id],
    );
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: any = await inbox(reader, { first: 3, after });
      expect(page.totalCount).toBe(7);
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(expected.map((row) => row.id));

    const bad = await t.gql(INBOX, { after: 'bm90LWEtY3Vyc29y' }, { token: reader.accessToken });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const tooMany = await t.gql(INBOX, { first: 101 }, { token: reader.accessToken });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('writes consult notifications raised together (one statement) each to its own recipient', async () => {
    const before = {
      specialist: (await inbox(specialist)).totalCount,
      author: (await inbox(author)).totalCount,
    };
    events.emit('consult.offered', { offerId, caseId: kase.id, specialistId: specialist.id });
    events.emit('consult.info_requested', { offerId, caseId: kase.id, authorId: author.id });
    events.emit('consult.offered', { offerId, caseId: kase.id, specialistId: specialist.id });
    await eventually(
      () => inbox(specialist),
      (p) => p.totalCount === before.specialist + 2,
    );
    const authorPage = await eventually(
      () => inbox(author),
      (p) => p.totalCount === before.author + 1,
    );
    expect(authorPage.edges[0].node.kind).toBe('INFO_REQUESTED');
    // The shared statement delivered nothing to anyone else.
    expect((await inbox(specialist)).totalCount).toBe(before.specialist + 2);
  });
});
