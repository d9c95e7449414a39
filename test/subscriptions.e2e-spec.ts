import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import { DomainEvents } from '../src/events/domain-events.js';
import { RealtimePubSub } from '../src/realtime/pubsub.provider.js';
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
import { createTestApp, type TestApp } from './support/test-app.js';
import {
  type Connection,
  connect,
  connected,
  listenForWebSockets,
  type Stream,
  sleep,
  subscribe,
  untilDelivered,
} from './support/ws-client.js';

const CASE_REPLIED = `subscription($caseId: ID!) {
  caseReplied(caseId: $caseId) { id body author { id } case { id } }
}`;
const CONSULT_OFFERED = 'subscription { consultOffered { id status } }';

/** Quiet period after which an event that was going to be delivered would have been. */
const QUIET_MS = 400;

describe('GraphQL subscriptions over graphql-ws', () => {
  let t: TestApp;
  let url: string;
  let events: DomainEvents;
  let admin: Account;
  let author: Account;
  let privateForum: { id: string };
  const connections: Connection[] = [];

  const open = async (who: Account) => {
    const connection = await connected(url, who.accessToken);
    connections.push(connection);
    return connection;
  };

  /** A reply row written directly (as if already committed), then announced like the service does. */
  const insertReply = async (caseId: string, by: Account) => {
    const rows: { id: string }[] = await t.dataSource.query(
      'INSERT INTO replies (case_id, author_id, body) VALUES ($1, $2, $3) RETURNING id',
      [caseId, by.id, 'Consider checking the ferritin trend.'],
    );
    return rows[0].id;
  };
  const announceReply = (replyId: string, caseId: string, by: Account) => () =>
    events.emit('reply.posted', { replyId, caseId, authorId: by.id });

  /** Subscribes to a case and waits until the subscription is live (a known reply gets through). */
  const liveCaseStream = async (connection: Connection, caseId: string, probeReplyId: string) => {
    const stream = subscribe(connection, CASE_REPLIED, { caseId });
    await untilDelivered(
      stream,
      announceReply(probeReplyId, caseId, author),
      (r) => r.data?.caseReplied?.id === probeReplyId,
    );
    return stream;
  };
  /** How many results a stream holds once late duplicates of the readiness probes have arrived. */
  const settledCount = async (stream: Stream) => {
    await sleep(QUIET_MS);
    return stream.results.length;
  };
  const replyIds = (stream: Stream) => stream.results.map((r) => r.data?.caseReplied?.id).filter(Boolean);

  beforeAll(async () => {
    t = await createTestApp();
    url = await listenForWebSockets(t);
    events = t.app.get(DomainEvents);
    admin = await givenAdmin(t);
    author = await givenVerifiedClinician(t, admin);
    privateForum = await givenForum(t, admin, 'PRIVATE');
  });

  afterAll(async () => {
    await Promise.all(connections.map((c) => c.close()));
    await t.close();
  });

  describe('partner apps over WebSocket', () => {
    const issueKey = async (scopes: string[]) =>
      dataOf(
        await t.gql(
          'mutation($i: PartnerAppInput!) { createPartnerApp(input: $i) { apiKey app { id } } }',
          { i: { name: `Ward app ${randomUUID().slice(0, 8)}`, scopes } },
          { token: admin.accessToken },
        ),
        'createPartnerApp',
      ) as { apiKey: string; app: { id: string } };

    it('refuses the connection (4403) with an unknown or malformed key', async () => {
      for (const apiKey of ['not-a-key', `cbk_0123456789ab_${'x'.repeat(43)}`]) {
        const outcome = await connect(url, author.accessToken, undefined, { apiKey }).outcome;
        expect(outcome).toEqual({ connected: false, code: 4403 });
      }
    });

    it('applies the key’s scopes to subscriptions, and a revoked key stops new ones', async () => {
      const { apiKey, app } = await issueKey(['cases:read']);
      const connection = connect(url, author.accessToken, undefined, { apiKey });
      connections.push(connection);
      expect(await connection.outcome).toEqual({ connected: true });

      const offers = subscribe(connection, CONSULT_OFFERED);
      await offers.completed;
      expect(offers.results[0].errors?.[0]).toMatchObject({
        extensions: { code: 'FORBIDDEN', scope: 'consults:read' },
      });

      const kase = await givenCase(t, author, privateForum.id);
      const replies = subscribe(connection, CASE_REPLIED, { caseId: kase.id });
      await sleep(QUIET_MS);
      expect(replies.results.filter((r) => r.errors)).toEqual([]);
      replies.dispose();

      dataOf(
        await t.gql(
          'mutation($id: ID!) { revokePartnerApp(id: $id) { revokedAt } }',
          { id: app.id },
          { token: admin.accessToken },
        ),
        'revokePartnerApp',
      );
      const afterRevocation = subscribe(connection, CASE_REPLIED, { caseId: kase.id });
      await afterRevocation.completed;
      expect(afterRevocation.results[0].errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('connection', () => {
    it('is refused (4403) without a token', async () => {
      const outcome = await connect(url, null).outcome;
      expect(outcome).toEqual({ connected: false, code: 4403 });
    });

    it('is refused (4403) with a malformed, forged or foreign token', async () => {
      const forged = new JwtService().sign(
        { sub: author.id, sid: randomUUID() },
        {
          secret: 'another-secret-that-is-long-enough-for-hs256',
          issuer: 'curbside',
          audience: 'curbside-api',
        },
      );
      for (const authorization of ['Bearer not-a-jwt', `Bearer ${forged}`, author.accessToken, 'Basic abc']) {
        const outcome = await connect(url, null, authorization).outcome;
        expect(outcome).toEqual({ connected: false, code: 4403 });
      }
    });

    it('is refused once the session behind the token has been logged out', async () => {
      const who = await givenClinician(t);
      dataOf(
        await t.gql('mutation($r: String!) { logout(refreshToken: $r) }', { r: who.refreshToken }),
        'logout',
      );
      const outcome = await connect(url, who.accessToken).outcome;
      expect(outcome).toEqual({ connected: false, code: 4403 });
    });

    it('is accepted with a valid bearer token and serves only subscriptions', async () => {
      const who = await givenClinician(t);
      const connection = await open(who);
      const stream = subscribe(connection, 'query { me { id } }');
      await stream.completed;
      expect(stream.results[0].errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    });
  });

  describe('caseReplied', () => {
    let kase: { id: string };
    let probeReply: string;

    beforeAll(async () => {
      kase = await givenCase(t, author, privateForum.id);
      probeReply = (await givenReply(t, author, kase.id)).id;
    });

    it('delivers a new reply to a verified subscriber of a private case', async () => {
      const reader = await givenVerifiedClinician(t, admin);
      const replier = await givenVerifiedClinician(t, admin);
      const stream = await liveCaseStream(await open(reader), kase.id, probeReply);

      const reply = await givenReply(
        t,
        replier,
        kase.id,
        'Check ferritin and consider a bone marrow review.',
      );
      const delivered = await stream.next((r) => r.data?.caseReplied?.id === reply.id);
      expect(delivered.errors).toBeUndefined();
      expect(delivered.data?.caseReplied).toEqual({
        id: reply.id,
        body: reply.body,
        author: { id: replier.id },
        case: { id: kase.id },
      });
    });

    it('refuses a case the subscriber cannot read exactly like an unknown case (NOT_FOUND)', async () => {
      const unverified = await givenClinician(t);
      const connection = await open(unverified);
      const refused = subscribe(connection, CASE_REPLIED, { caseId: kase.id });
      const unknown = subscribe(connection, CASE_REPLIED, { caseId: randomUUID() });
      await Promise.all([refused.completed, unknown.completed]);
      expect(refused.results).toHaveLength(1);
      expect(refused.results[0].data ?? null).toBeNull();
      expect(refused.results[0].errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(refused.results[0].errors?.[0].message).toBe(unknown.results[0].errors?.[0].message);
      expect(unknown.results[0].errors?.[0].extensions?.code).toBe('NOT_FOUND');

      // The event that would have gone to a reader is not sent to them either.
      await announceReply(probeReply, kase.id, author)();
      expect(await settledCount(refused)).toBe(1);
    });

    it('stops delivering once the subscriber’s verification is revoked', async () => {
      const revoked = await givenVerifiedClinician(t, admin);
      const control = await givenVerifiedClinician(t, admin);
      const revokedStream = await liveCaseStream(await open(revoked), kase.id, probeReply);
      const controlStream = await liveCaseStream(await open(control), kase.id, probeReply);

      const before = await settledCount(revokedStream);
      dataOf(
        await t.gql(
          'mutation($id: ID!) { revokeVerification(clinicianId: $id, reason: "Licence suspended") { id } }',
          { id: revoked.id },
          { token: admin.accessToken },
        ),
        'revokeVerification',
      );
      const reply = await givenReply(t, author, kase.id, 'An update on the ferritin trend.');
      await controlStream.next((r) => r.data?.caseReplied?.id === reply.id);
      await sleep(QUIET_MS);
      expect(replyIds(revokedStream)).not.toContain(reply.id);
      expect(revokedStream.results).toHaveLength(before);
    });

    it('stops delivering once the case is hidden by a PHI flag (its author still gets it)', async () => {
      const flagged = await givenCase(t, author, privateForum.id);
      const probe = await insertReply(flagged.id, author);
      const reader = await givenVerifiedClinician(t, admin);
      const readerStream = await liveCaseStream(await open(reader), flagged.id, probe);
      const authorStream = await liveCaseStream(await open(author), flagged.id, probe);

      const before = await settledCount(readerStream);
      await flagContent(t, reader, { caseId: flagged.id }, 'PHI');
      // A reply committed before the flag, announced after it.
      const late = await insertReply(flagged.id, author);
      await announceReply(late, flagged.id, author)();
      await authorStream.next((r) => r.data?.caseReplied?.id === late);
      await sleep(QUIET_MS);
      expect(replyIds(readerStream)).not.toContain(late);
      expect(readerStream.results).toHaveLength(before);
    });

    it('never delivers a reply of another case, even on a forged event', async () => {
      const reader = await givenVerifiedClinician(t, admin);
      const other = await givenCase(t, author, privateForum.id);
      const otherReply = await insertReply(other.id, author);
      const stream = await liveCaseStream(await open(reader), kase.id, probeReply);
      const before = await settledCount(stream);
      // A message on this case's topic naming a reply of another case.
      await t.app
        .get(RealtimePubSub)
        .publish(`case-replied.${kase.id}`, { replyId: otherReply, caseId: kase.id });
      await sleep(QUIET_MS);
      expect(replyIds(stream)).not.toContain(otherReply);
      expect(stream.results).toHaveLength(before);
    });
  });

  describe('consultOffered', () => {
    let kase: { id: string };

    /** An offer row written directly (routing is tested elsewhere). */
    const offer = async (specialist: Account) => {
      const rows: { id: string }[] = await t.dataSource.query(
        `INSERT INTO consult_offers (case_id, specialist_id, specialty_code, due_at)
         VALUES ($1, $2, 'cardiology', now() + interval '2 days')
         ON CONFLICT (case_id, specialist_id) DO UPDATE SET status = consult_offers.status
         RETURNING id`,
        [kase.id, specialist.id],
      );
      return rows[0].id;
    };
    const announceOffer = (offerId: string, specialist: Account) => () =>
      events.emit('consult.offered', { offerId, caseId: kase.id, specialistId: specialist.id });
    const offerIds = (stream: Stream) =>
      stream.results.map((r) => r.data?.consultOffered?.id).filter(Boolean);

    beforeAll(async () => {
      const openForum = await givenForum(t, admin, 'OPEN');
      kase = await givenCase(t, author, openForum.id, { specialtyCodes: ['dermatology'] });
    });

    it('is delivered to the offered specialist only', async () => {
      const offered = await givenVerifiedClinician(t, admin);
      const bystander = await givenVerifiedClinician(t, admin);
      const offeredStream = subscribe(await open(offered), CONSULT_OFFERED);
      const bystanderStream = subscribe(await open(bystander), CONSULT_OFFERED);
      // Both subscriptions are live once each has received an offer of its own.
      const bystanderOffer = await offer(bystander);
      await untilDelivered(
        bystanderStream,
        announceOffer(bystanderOffer, bystander),
        (r) => r.data?.consultOffered?.id === bystanderOffer,
      );

      const offerId = await offer(offered);
      const delivered = await untilDelivered(
        offeredStream,
        announceOffer(offerId, offered),
        (r) => r.data?.consultOffered?.id === offerId,
      );
      expect(delivered.data?.consultOffered).toEqual({ id: offerId, status: 'OFFERED' });

      // A forged event naming the bystander for someone else's offer is dropped too.
      const before = await settledCount(bystanderStream);
      await announceOffer(offerId, bystander)();
      await sleep(QUIET_MS);
      expect(offerIds(bystanderStream)).not.toContain(offerId);
      expect(bystanderStream.results).toHaveLength(before);
    });

    it('stops once the subscriber has logged out', async () => {
      const specialist = await givenVerifiedClinician(t, admin);
      const stream = subscribe(await open(specialist), CONSULT_OFFERED);
      const first = await offer(specialist);
      await untilDelivered(
        stream,
        announceOffer(first, specialist),
        (r) => r.data?.consultOffered?.id === first,
      );

      const before = await settledCount(stream);
      dataOf(
        await t.gql('mutation($r: String!) { logout(refreshToken: $r) }', { r: specialist.refreshToken }),
        'logout',
      );
      await announceOffer(first, specialist)();
      await sleep(QUIET_MS);
      expect(stream.results).toHaveLength(before);
    });
  });
});
