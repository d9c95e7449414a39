import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import WebSocket from 'ws';
import { type ConsultOffer, CurbsideClient, CurbsideError } from '../examples/partner-client/client.js';
import {
  type Account,
  dataOf,
  givenAdmin,
  givenCase,
  givenForum,
  givenVerifiedClinician,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';
import { sleep } from './support/ws-client.js';

/** The example partner client (examples/partner-client), run against a real local server. */
describe('example partner client', () => {
  let t: TestApp;
  let url: string;
  let admin: Account;
  let author: Account;
  let specialist: Account;
  let openForum: { id: string };
  let privateForum: { id: string };
  const openCases: string[] = [];
  const privateCases: string[] = [];

  const issueKey = async (scopes: string[]) =>
    dataOf<{ apiKey: string }>(
      await t.gql(
        'mutation($input: PartnerAppInput!) { createPartnerApp(input: $input) { apiKey } }',
        { input: { name: 'Example client', scopes } },
        { token: admin.accessToken },
      ),
      'createPartnerApp',
    ).apiKey;

  /** Counts the client's HTTP requests, to prove it really paged. */
  let requests = 0;
  const countingFetch: typeof fetch = (input, init) => {
    requests += 1;
    return fetch(input, init);
  };

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    url = `http://127.0.0.1:${port}/graphql`;
    admin = await givenAdmin(t);
    author = await givenVerifiedClinician(t, admin);
    specialist = await givenVerifiedClinician(t, admin, { specialtyCodes: ['dermatology'] });
    dataOf(
      await t.gql(
        'mutation { setConsultAvailability(accepting: true) { id } }',
        {},
        { token: specialist.accessToken },
      ),
      'setConsultAvailability',
    );
    openForum = await givenForum(t, admin, 'OPEN');
    privateForum = await givenForum(t, admin, 'PRIVATE');
    for (let i = 0; i < 5; i++)
      openCases.push((await givenCase(t, author, openForum.id, { specialtyCodes: ['cardiology'] })).id);
    for (let i = 0; i < 3; i++)
      privateCases.push((await givenCase(t, author, privateForum.id, { specialtyCodes: ['cardiology'] })).id);
  });
  afterAll(() => t.close());

  it('lists every case across pages: open ones with the key alone, private ones once a verified user signs in', async () => {
    const client = new CurbsideClient({ url, apiKey: await issueKey(['cases:read']), fetch: countingFetch });

    requests = 0;
    const anonymous: string[] = [];
    for await (const kase of client.allCases(null, 2)) anonymous.push(kase.id);
    expect(anonymous).toEqual(expect.arrayContaining(openCases));
    expect(anonymous).not.toEqual(expect.arrayContaining([privateCases[0]]));
    expect(new Set(anonymous).size).toBe(anonymous.length);
    expect(requests).toBe(Math.ceil(anonymous.length / 2));

    await client.login(author.email, author.password);
    requests = 0;
    const inPrivateForum: string[] = [];
    for await (const kase of client.allCases({ forumId: privateForum.id }, 2)) inPrivateForum.push(kase.id);
    expect(inPrivateForum.sort()).toEqual([...privateCases].sort());
    expect(requests).toBe(2);
  });

  it('reports a missing scope as a CurbsideError naming it', async () => {
    const client = new CurbsideClient({ url, apiKey: await issueKey(['consults:read']) });
    await client.login(author.email, author.password);
    const error = await client
      .allCases()
      .next()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CurbsideError);
    expect(error).toMatchObject({ code: 'FORBIDDEN', scope: 'cases:read' });

    const badKey = new CurbsideClient({ url, apiKey: 'cbk_000000000000_notAKeyAtAll' });
    await expect(badKey.login(author.email, author.password)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      status: 401,
    });
  });

  it('receives consultOffered over graphql-ws when a case is routed to the signed-in specialist', async () => {
    const client = new CurbsideClient({
      url,
      apiKey: await issueKey(['consults:read', 'cases:read']),
      webSocketImpl: WebSocket,
    });
    await client.login(specialist.email, specialist.password);
    const offers: ConsultOffer[] = [];
    const failures: unknown[] = [];
    const subscription = client.onConsultOffered(
      (offer) => offers.push(offer),
      (error) => failures.push(error),
    );
    try {
      await subscription.ready;
      // graphql-ws does not acknowledge a subscribe: post until one routed case arrives.
      const posted: string[] = [];
      const deadline = Date.now() + 10_000;
      while (!offers.some((o) => posted.includes(o.case.id)) && Date.now() < deadline) {
        const kase = await givenCase(t, author, openForum.id, {
          title: 'Annular plaque on the shin',
          body: 'A 40-year-old man has an annular scaly plaque on the shin for 2 months. Tinea or granuloma annulare?',
          specialtyCodes: ['dermatology'],
        });
        posted.push(kase.id);
        for (let i = 0; i < 10 && !offers.some((o) => o.case.id === kase.id); i++) await sleep(50);
      }
      expect(failures).toEqual([]);
      const offer = offers.find((o) => posted.includes(o.case.id));
      expect(offer).toMatchObject({ status: 'OFFERED', case: { title: 'Annular plaque on the shin' } });
    } finally {
      await subscription.close();
    }
  });
});
