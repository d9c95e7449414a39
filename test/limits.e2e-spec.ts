import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RefusalCache } from '../src/limits/refusal-cache.js';
import { type Account, givenAdmin, givenClinician } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const DEEP =
  '{ cases(first: 100) { edges { node { replies(first: 100) { edges { node { author { displayName } } } } } } } }';

describe('query limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ QUERY_MAX_COST: '1000', QUERY_MAX_DEPTH: '8', QUERY_MAX_ALIASES: '5' });
  });
  afterAll(() => t.close());

  it('reports the cost and the budget left on every response', async () => {
    const res = await t.gql('{ cases(first: 10) { edges { node { id author { displayName } } } } }');
    expect(res.errors).toBeUndefined();
    const body = (
      await t
        .http()
        .post('/graphql')
        .send({ query: '{ cases(first: 10) { edges { node { id author { displayName } } } } }' })
    ).body;
    expect(body.extensions.cost).toMatchObject({ requested: 1 + 10 * 3, maximum: 1000 });
    expect(body.extensions.cost.budget.remaining).toBeGreaterThan(0);
  });

  it('sets RateLimit headers', async () => {
    const res = await t.http().post('/graphql').send({ query: '{ specialties { code } }' });
    expect(Number(res.headers['ratelimit-limit'])).toBeGreaterThan(0);
    expect(Number(res.headers['ratelimit-remaining'])).toBeGreaterThanOrEqual(0);
    expect(res.headers['ratelimit-reset']).toBeDefined();
  });

  it('refuses an over-cost query before running it, with the computed cost and the maximum', async () => {
    const res = await t.gql(DEEP);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maximumCost: 1000 });
    expect(res.errors?.[0].extensions?.cost).toBeGreaterThan(10_000);
    expect(res.data).toBeUndefined();
  });

  it('refuses queries deeper than the maximum, and too many aliases', async () => {
    const deep = await t.gql(
      '{ me { specialties { code } } cases(first: 1) { edges { node { forum { name } replies(first: 1) { edges { node { case { author { specialties { code } } } } } } } } } }',
    );
    expect(deep.errors?.[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maximumDepth: 8 });
    const aliases = Array.from({ length: 6 }, (_, i) => `a${i}: specialties { code }`).join(' ');
    const aliased = await t.gql(`{ ${aliases} }`);
    expect(aliased.errors?.[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      aliases: 6,
      maximumAliases: 5,
    });
  });

  it('refuses documents with too many tokens at parse time', async () => {
    const huge = `{ ${'specialties { code } '.repeat(2000)} }`;
    const res = await t.gql(huge);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/token/i);
  });

  it('refuses HTTP batches (arrays of operations)', async () => {
    const res = await t
      .http()
      .post('/graphql')
      .send([{ query: '{ specialties { code } }' }, { query: '{ forums { id } }' }]);
    expect(res.status).toBeGreaterThanOrEqual(400);
  });

  it('refuses bodies over the size limit', async () => {
    const res = await t
      .http()
      .post('/graphql')
      .send({ query: '{ specialties { code } }', variables: { pad: 'x'.repeat(300_000) } });
    expect(res.status).toBe(413);
  });

  it('supports automatic persisted queries (a hash instead of the query text)', async () => {
    const query = '{ specialties { code } }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const miss = await t.http().post('/graphql').send({ extensions });
    expect(miss.body.errors?.[0].message).toMatch(/PersistedQueryNotFound/);
    const register = await t.http().post('/graphql').send({ query, extensions });
    expect(register.body.data.specialties.length).toBeGreaterThan(30);
    const hit = await t.http().post('/graphql').send({ extensions });
    expect(hit.body.data.specialties.length).toBeGreaterThan(30);
  });

  it('sets security headers and no CORS for unknown origins', async () => {
    const res = await t.http().get('/health').set('origin', 'https://evil.example');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('rate limits by cost', () => {
  let t: TestApp;
  let user: Account;
  beforeAll(async () => {
    t = await createTestApp({
      RATE_LIMIT_USER_PER_MINUTE: '120',
      RATE_LIMIT_ADDRESS_PER_MINUTE: '100000',
      RATE_LIMIT_BURST_SECONDS: '60',
      QUERY_MAX_COST: '100',
    });
    await givenAdmin(t);
    user = await givenClinician(t);
  });
  afterAll(() => t.close());

  it('refuses with RATE_LIMITED, retryAfterSeconds and HTTP 429 when the budget is spent, then recovers', async () => {
    const query = '{ cases(first: 10) { edges { node { id author { displayName } } } } }'; // cost 31
    const send = () =>
      t.http().post('/graphql').set('authorization', `Bearer ${user.accessToken}`).send({ query });
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(200);
    const refused = await send();
    expect(refused.status).toBe(429);
    expect(refused.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    const wait = refused.body.errors[0].extensions.retryAfterSeconds;
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(refused.headers['retry-after']).toBe(String(wait));
    // Another user is not affected.
    const other = await givenClinician(t);
    const theirs = await t
      .http()
      .post('/graphql')
      .set('authorization', `Bearer ${other.accessToken}`)
      .send({ query });
    expect(theirs.status).toBe(200);
    // Until the announced wait is over, this instance turns the client away at the door.
    const atTheDoor = await send();
    expect(atTheDoor.status).toBe(429);
    expect(atTheDoor.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    expect(atTheDoor.headers['ratelimit-limit']).toBeUndefined(); // refused before GraphQL ran
    // The bucket refills (2 points a second here): once the wait is over the client is served again.
    await t.dataSource.query(
      "UPDATE rate_limit_buckets SET updated_at = updated_at - interval '60 seconds' WHERE key = $1",
      [`user:${user.id}`],
    );
    t.app.get(RefusalCache).forgetExpired(Date.now() + (wait + 1) * 1000);
    expect((await send()).status).toBe(200);
  });
});

describe('schema details in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production' });
  });
  afterAll(() => t.close());

  it('turns introspection off by default', async () => {
    const res = await t.gql('{ __schema { types { name } } }');
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.data).toBeUndefined();
  });

  it('does not suggest field names', async () => {
    const res = await t.gql('{ specialtie { code } }');
    expect(res.errors?.[0].message).not.toMatch(/Did you mean/);
  });
});

describe('introspection outside production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('is on, with suggestions', async () => {
    expect((await t.gql('{ __schema { queryType { name } } }')).data.__schema.queryType.name).toBe('Query');
    expect((await t.gql('{ specialtie { code } }')).errors?.[0].message).toMatch(/Did you mean/);
  });
});
