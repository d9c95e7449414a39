import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainEvents } from '../src/events/domain-events.js';
import { RealtimePubSub } from '../src/realtime/pubsub.provider.js';
import { WATCH_LIMITS } from '../src/watches/watch-limits.js';
import { WatchMatchingService } from '../src/watches/watch-matching.service.js';
import {
  type Account,
  dataOf,
  givenAdmin,
  givenCase,
  givenClinician,
  givenForum,
  givenPendingClinician,
  givenVerifiedClinician,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import {
  type Connection,
  connected,
  listenForWebSockets,
  sleep,
  subscribe,
  untilDelivered,
} from './support/ws-client.js';

const CREATE = 'mutation($query: String!) { createWatch(query: $query) { id query createdAt } }';
const LIST = 'query { watches { id query } }';
const DELETE = 'mutation($id: ID!) { deleteWatch(id: $id) }';
const EDIT = 'mutation($id: ID!, $input: EditCaseInput!) { editCase(id: $id, input: $input) { id version } }';
const WATCH_MATCHED = 'subscription { watchMatched { watch { id query } case { id title } } }';
const QUIET_MS = 400;

describe('keyword watches', () => {
  let t: TestApp;
  let matching: WatchMatchingService;
  let admin: Account;
  let author: Account;
  let openForum: { id: string };
  let privateForum: { id: string };

  const createWatch = (who: Account, query: string) => t.gql(CREATE, { query }, { token: who.accessToken });
  const watchOf = async (who: Account, query: string) =>
    dataOf<{ id: string; query: string }>(await createWatch(who, query), 'createWatch');
  const codeOf = (res: { errors?: { extensions?: Record<string, any> }[] }) =>
    res.errors?.[0]?.extensions?.code;
  const edit = async (who: Account, id: string, version: number, body: string) =>
    dataOf<{ id: string; version: number }>(
      await t.gql(EDIT, { id, input: { body, expectedVersion: version } }, { token: who.accessToken }),
      'editCase',
    );

  /** WATCH_MATCHED notification rows of a recipient (for one case, or all). */
  const notified = async (who: Account, caseId?: string): Promise<number> => {
    const rows: { n: number }[] = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications
        WHERE recipient_id = $1 AND kind = 'WATCH_MATCHED' AND ($2::uuid IS NULL OR case_id = $2)`,
      [who.id, caseId ?? null],
    );
    return rows[0].n;
  };
  /** Notifications are written by an event listener, just after matching returns. */
  const untilNotified = async (who: Account, caseId: string, expected = 1) => {
    const deadline = Date.now() + 5000;
    while ((await notified(who, caseId)) < expected) {
      if (Date.now() > deadline) throw new Error('notification never written');
      await sleep(25);
    }
  };
  const unreadCount = async (who: Account): Promise<number> =>
    (await t.gql('query { unreadNotificationCount }', {}, { token: who.accessToken })).data!
      .unreadNotificationCount;
  /** A watch row written directly, for owners who could not create one through the API. */
  const insertWatch = async (who: Account, query: string): Promise<string> => {
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO watches (clinician_id, query, tsquery, lexemes)
       SELECT $1, $2, q, ARRAY(SELECT unnest(tsvector_to_array(to_tsvector('english', $2))))
         FROM websearch_to_tsquery('english', $2) AS q RETURNING id`,
      [who.id, query],
    );
    return rows[0].id;
  };
  const revoke = async (who: Account) =>
    dataOf(
      await t.gql(
        'mutation($id: ID!) { revokeVerification(clinicianId: $id, reason: "Licence suspended") { id } }',
        { id: who.id },
        { token: admin.accessToken },
      ),
      'revokeVerification',
    );

  beforeAll(async () => {
    // Jobs off: each test runs matching itself, as the `watch-match` job would (a last test uses the queue).
    t = await createTestApp({ JOBS_ENABLED: 'false' });
    matching = t.app.get(WatchMatchingService);
    admin = await givenAdmin(t);
    author = await givenVerifiedClinician(t, admin);
    openForum = await givenForum(t, admin, 'OPEN');
    privateForum = await givenForum(t, admin, 'PRIVATE');
  });

  afterAll(async () => {
    await t.close();
  });

  describe('createWatch, watches, deleteWatch', () => {
    it('creates, lists only your own, and deletes only your own (another’s is NOT_FOUND)', async () => {
      const owner = await givenVerifiedClinician(t, admin);
      const other = await givenVerifiedClinician(t, admin);
      const first = await watchOf(owner, '  kawasaki   disease ');
      expect(first.query).toBe('kawasaki disease');
      const second = await watchOf(owner, '"reactive arthritis" OR uveitis');
      await watchOf(other, 'polymyositis');

      const listed = dataOf(await t.gql(LIST, {}, { token: owner.accessToken }), 'watches');
      expect(listed).toEqual([
        { id: first.id, query: 'kawasaki disease' },
        { id: second.id, query: '"reactive arthritis" OR uveitis' },
      ]);

      const stolen = await t.gql(DELETE, { id: first.id }, { token: other.accessToken });
      const unknown = await t.gql(DELETE, { id: randomUUID() }, { token: other.accessToken });
      const garbage = await t.gql(DELETE, { id: 'not-a-uuid' }, { token: other.accessToken });
      for (const res of [stolen, unknown, garbage]) expect(codeOf(res)).toBe('NOT_FOUND');
      expect(stolen.errors![0].message).toBe(unknown.errors![0].message);

      expect(dataOf(await t.gql(DELETE, { id: first.id }, { token: owner.accessToken }), 'deleteWatch')).toBe(
        true,
      );
      const after = dataOf<{ id: string }[]>(await t.gql(LIST, {}, { token: owner.accessToken }), 'watches');
      expect(after.map((w) => w.id)).toEqual([second.id]);
      expect(codeOf(await t.gql(DELETE, { id: first.id }, { token: owner.accessToken }))).toBe('NOT_FOUND');
    });

    it('is for verified clinicians: unverified and pending are FORBIDDEN, anonymous UNAUTHENTICATED', async () => {
      for (const who of [await givenClinician(t), await givenPendingClinician(t)]) {
        expect(codeOf(await createWatch(who, 'pericarditis'))).toBe('FORBIDDEN');
        expect(dataOf(await t.gql(LIST, {}, { token: who.accessToken }), 'watches')).toEqual([]);
      }
      expect(codeOf(await t.gql(CREATE, { query: 'pericarditis' }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await t.gql(LIST))).toBe('UNAUTHENTICATED');
    });

    it('refuses a query that cannot be searched with BAD_USER_INPUT naming the field', async () => {
      const who = await givenVerifiedClinician(t, admin);
      const bad = [
        '',
        '   ',
        'the and of it',
        '!!! ??? ...',
        '-lupus',
        '-lupus -"heart failure"',
        'x'.repeat(201),
      ];
      for (const query of bad) {
        const res = await createWatch(who, query);
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(res.errors![0].extensions!.fields).toEqual(['query']);
      }
      expect(dataOf(await t.gql(LIST, {}, { token: who.accessToken }), 'watches')).toEqual([]);
      // A negated term alongside a required one is fine.
      await watchOf(who, 'vasculitis -giant');
    });

    it('refuses a second watch for the same search (CONFLICT), however it is spelled', async () => {
      const who = await givenVerifiedClinician(t, admin);
      await watchOf(who, 'pulmonary embolism');
      expect(codeOf(await createWatch(who, 'Pulmonary  embolisms'))).toBe('CONFLICT');
    });

    it('refuses identifiers with PHI_DETECTED, and never logs a watch query', async () => {
      const who = await givenVerifiedClinician(t, admin);
      const res = await createWatch(who, 'John Smith MRN 483920157');
      expect(codeOf(res)).toBe('PHI_DETECTED');
      expect(res.errors![0].message).not.toContain('Smith');
      await watchOf(who, 'hypertrophic cardiomyopathy syncope');
      const logs = t.logLines.join('\n');
      expect(logs).not.toContain('Smith');
      expect(logs).not.toContain('cardiomyopathy');
      expect(dataOf<unknown[]>(await t.gql(LIST, {}, { token: who.accessToken }), 'watches')).toHaveLength(1);
    });

    it(`allows at most ${WATCH_LIMITS.perClinician} watches per clinician (CONFLICT beyond)`, async () => {
      const who = await givenVerifiedClinician(t, admin);
      const first = await watchOf(who, 'myocarditis');
      await t.dataSource.query(
        `INSERT INTO watches (clinician_id, query, tsquery, lexemes)
         SELECT $1, 'marker' || i, to_tsquery('simple', 'marker' || i), ARRAY['marker' || i]
           FROM generate_series(2, $2::int) AS i`,
        [who.id, WATCH_LIMITS.perClinician],
      );
      const refused = await createWatch(who, 'endocarditis');
      expect(codeOf(refused)).toBe('CONFLICT');
      expect(refused.errors![0].message).toContain(String(WATCH_LIMITS.perClinician));
      dataOf(await t.gql(DELETE, { id: first.id }, { token: who.accessToken }), 'deleteWatch');
      await watchOf(who, 'endocarditis');
      // Others are not limited by this clinician's watches.
      await watchOf(await givenVerifiedClinician(t, admin), 'endocarditis');
    });
  });

  describe('matching', () => {
    it('after a post: matching watches are notified, non-matching ones are not', async () => {
      const hit = await givenVerifiedClinician(t, admin);
      const phrase = await givenVerifiedClinician(t, admin);
      const miss = await givenVerifiedClinician(t, admin);
      const hitWatch = await watchOf(hit, 'pericarditis');
      const phraseWatch = await watchOf(phrase, '"pleuritic chest pain" -trauma');
      await watchOf(miss, 'appendicitis');
      await watchOf(miss, 'pericarditis trauma');

      const kase = await givenCase(t, author, privateForum.id, {
        title: 'Pleuritic chest pain after a viral illness',
        body: 'A 30-year-old man has pleuritic chest pain and a friction rub; ECG suggests pericarditis.',
      });
      const found = await matching.matchCase(kase.id);
      expect(found.map((m) => m.watchId).sort()).toEqual([hitWatch.id, phraseWatch.id].sort());
      expect(found.every((m) => m.caseId === kase.id)).toBe(true);
      await untilNotified(hit, kase.id);
      await untilNotified(phrase, kase.id);
      await sleep(100);
      expect(await notified(miss)).toBe(0);
      expect(await unreadCount(hit)).toBe(1);

      const inbox = dataOf<{ edges: { node: any }[] }>(
        await t.gql(
          'query { notifications { edges { node { kind case { id } } } } }',
          {},
          { token: hit.accessToken },
        ),
        'notifications',
      );
      expect(inbox.edges.map((e) => e.node)).toEqual([{ kind: 'WATCH_MATCHED', case: { id: kase.id } }]);
    });

    it('after an edit: a newly matching watch is notified once; no one is notified again on later edits', async () => {
      const early = await givenVerifiedClinician(t, admin);
      const late = await givenVerifiedClinician(t, admin);
      await watchOf(early, 'sarcoidosis');
      const lateWatch = await watchOf(late, 'episcleritis');

      const kase = await givenCase(t, author, openForum.id, {
        title: 'Bilateral hilar lymphadenopathy',
        body: 'Chest film shows bilateral hilar lymphadenopathy; sarcoidosis is suspected.',
      });
      expect(await matching.matchCase(kase.id)).toHaveLength(1);
      await untilNotified(early, kase.id);

      const v2 = await edit(
        author,
        kase.id,
        kase.version,
        'Sarcoidosis suspected; she also has episcleritis in both eyes.',
      );
      const second = await matching.matchCase(kase.id);
      expect(second.map((m) => m.watchId)).toEqual([lateWatch.id]);
      await untilNotified(late, kase.id);

      await edit(author, kase.id, v2.version, 'Sarcoidosis confirmed; episcleritis is fading.');
      expect(await matching.matchCase(kase.id)).toEqual([]);
      expect(await matching.matchCase(kase.id)).toEqual([]);
      await sleep(QUIET_MS);
      expect(await notified(early, kase.id)).toBe(1);
      expect(await notified(late, kase.id)).toBe(1);
    });

    it('says nothing of a private case to watchers who may not read it (unverified, revoked)', async () => {
      const control = await givenVerifiedClinician(t, admin);
      const unverified = await givenClinician(t);
      const revoked = await givenVerifiedClinician(t, admin);
      await watchOf(control, 'pheochromocytoma');
      await insertWatch(unverified, 'pheochromocytoma');
      await watchOf(revoked, 'pheochromocytoma');
      await revoke(revoked);

      const kase = await givenCase(t, author, privateForum.id, {
        title: 'Paroxysmal hypertension with headaches',
        body: 'Episodes of hypertension, palpitations and sweating; pheochromocytoma is on the list.',
      });
      const found = await matching.matchCase(kase.id);
      expect(found.map((m) => m.watcherId)).toEqual([control.id]);
      await untilNotified(control, kase.id);
      await sleep(QUIET_MS);
      for (const silent of [unverified, revoked]) {
        expect(await notified(silent)).toBe(0);
        expect(await unreadCount(silent)).toBe(0);
        const [{ n }] = await t.dataSource.query(
          'SELECT count(*)::int AS n FROM watch_matches WHERE clinician_id = $1',
          [silent.id],
        );
        expect(n).toBe(0);
      }
    });

    it('keeps the watches of an unverified or revoked clinician dormant, even for open cases', async () => {
      const revoked = await givenVerifiedClinician(t, admin);
      await watchOf(revoked, 'acromegaly');
      await revoke(revoked);
      const kase = await givenCase(t, author, openForum.id, {
        title: 'Enlarging hands and jaw',
        body: 'Coarse features and enlarging hands over years; acromegaly suspected.',
      });
      expect(await matching.matchCase(kase.id)).toEqual([]);
    });

    it('never notifies the author of their own case', async () => {
      const own = await givenVerifiedClinician(t, admin);
      await watchOf(own, 'cryoglobulinemia');
      const control = await givenVerifiedClinician(t, admin);
      await watchOf(control, 'cryoglobulinemia');
      const kase = await givenCase(t, own, openForum.id, {
        title: 'Purpura and neuropathy',
        body: 'Palpable purpura, neuropathy and low complement: cryoglobulinemia?',
      });
      const found = await matching.matchCase(kase.id);
      expect(found.map((m) => m.watcherId)).toEqual([control.id]);
      await untilNotified(control, kase.id);
      await sleep(QUIET_MS);
      expect(await notified(own)).toBe(0);
    });

    it('skips a case hidden after a PHI flag, even when its author edits it', async () => {
      const watcher = await givenVerifiedClinician(t, admin);
      await watchOf(watcher, 'hemochromatosis');
      const kase = await givenCase(t, author, openForum.id, {
        title: 'Raised ferritin',
        body: 'Ferritin and transferrin saturation are high.',
      });
      await t.dataSource.query('UPDATE cases SET hidden_at = now() WHERE id = $1', [kase.id]);
      await edit(author, kase.id, kase.version, 'Ferritin high; hemochromatosis likely.');
      expect(await matching.matchCase(kase.id)).toEqual([]);
    });
  });

  describe('watchMatched subscription', () => {
    const connections: Connection[] = [];
    let url: string;
    let events: DomainEvents;

    beforeAll(async () => {
      url = await listenForWebSockets(t);
      events = t.app.get(DomainEvents);
    });
    afterAll(async () => {
      await Promise.all(connections.map((c) => c.close()));
    });

    /** A watcher subscribed and proven live with a probe match of their own. */
    const liveWatcher = async (term: string) => {
      const who = await givenVerifiedClinician(t, admin);
      const watch = await watchOf(who, term);
      const probe = await givenCase(t, author, openForum.id, {
        title: `Probe about ${term}`,
        body: `Probe case: ${term}.`,
      });
      const [match] = await matching.matchCase(probe.id);
      const connection = await connected(url, who.accessToken);
      connections.push(connection);
      const stream = subscribe(connection, WATCH_MATCHED);
      await untilDelivered(
        stream,
        () => events.emit('watch.matched', match),
        (r) => r.data?.watchMatched?.case?.id === probe.id,
      );
      await sleep(QUIET_MS);
      return { who, watch, stream, probeCount: stream.results.length };
    };

    it('delivers a match to its watcher only, and nothing they may not see', async () => {
      const a = await liveWatcher('myasthenia');
      const b = await liveWatcher('thymoma');
      const kase = await givenCase(t, author, privateForum.id, {
        title: 'Ptosis worse in the evening',
        body: 'Fatigable ptosis and diplopia; myasthenia suspected.',
      });
      await matching.matchCase(kase.id);
      const delivered = await a.stream.next((r) => r.data?.watchMatched?.case?.id === kase.id);
      expect(delivered.errors).toBeUndefined();
      expect(delivered.data?.watchMatched).toEqual({
        watch: { id: a.watch.id, query: 'myasthenia' },
        case: { id: kase.id, title: 'Ptosis worse in the evening' },
      });
      await sleep(QUIET_MS);
      expect(b.stream.results).toHaveLength(b.probeCount);

      // A forged message on b's topic naming a's watch, or a case b's watch never matched, gets nowhere.
      const pubsub = t.app.get(RealtimePubSub);
      await pubsub.publish(`watch-matched.${b.who.id}`, {
        watchId: a.watch.id,
        caseId: kase.id,
        watcherId: b.who.id,
      });
      await pubsub.publish(`watch-matched.${b.who.id}`, {
        watchId: b.watch.id,
        caseId: kase.id,
        watcherId: b.who.id,
      });
      await sleep(QUIET_MS);
      expect(b.stream.results).toHaveLength(b.probeCount);
    });

    it('stops once the watcher’s verification is revoked', async () => {
      const a = await liveWatcher('amyloidosis');
      const kase = await givenCase(t, author, privateForum.id, {
        title: 'Macroglossia and neuropathy',
        body: 'Macroglossia, neuropathy and proteinuria; amyloidosis suspected.',
      });
      const [match] = await matching.matchCase(kase.id);
      await a.stream.next((r) => r.data?.watchMatched?.case?.id === kase.id);
      const before = a.stream.results.length;
      await revoke(a.who);
      events.emit('watch.matched', match);
      await sleep(QUIET_MS);
      expect(a.stream.results).toHaveLength(before);
    });
  });
});

describe('keyword watches through the job queue', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ JOBS_ENABLED: 'true' });
  });
  afterAll(() => t.close());

  it('matches a posted case in a `watch-match` job, after the post returned', async () => {
    const admin = await givenAdmin(t);
    const author = await givenVerifiedClinician(t, admin);
    const watcher = await givenVerifiedClinician(t, admin);
    const forum = await givenForum(t, admin, 'PRIVATE');
    dataOf(await t.gql(CREATE, { query: 'histoplasmosis' }, { token: watcher.accessToken }), 'createWatch');
    const kase = await givenCase(t, author, forum.id, {
      title: 'Cavitating lung lesion',
      body: 'Cave explorer with a cavitating lesion; histoplasmosis considered.',
    });
    const deadline = Date.now() + 15_000;
    let rows: { kind: string }[] = [];
    while (Date.now() < deadline) {
      rows = await t.dataSource.query(
        'SELECT kind FROM notifications WHERE recipient_id = $1 AND case_id = $2',
        [watcher.id, kase.id],
      );
      if (rows.length) break;
      await sleep(100);
    }
    expect(rows).toEqual([{ kind: 'WATCH_MATCHED' }]);
    const [{ state }] = await t.dataSource.query(
      "SELECT state FROM pgboss.job WHERE name = 'watch-match' AND data->>'caseId' = $1",
      [kase.id],
    );
    expect(state).toBe('completed');
  });
});
