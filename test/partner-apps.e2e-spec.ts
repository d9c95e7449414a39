import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PartnerUsageService } from '../src/partners/partner-usage.service.js';
import {
  type Account,
  dataOf,
  givenAdmin,
  givenCase,
  givenClinician,
  givenForum,
  givenVerifiedClinician,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const APP_FIELDS = 'id name scopes keyPrefix createdAt revokedAt lastUsedAt';
const CREATE = `mutation($input: PartnerAppInput!) { createPartnerApp(input: $input) { apiKey app { ${APP_FIELDS} } } }`;
const REVOKE = `mutation($id: ID!) { revokePartnerApp(id: $id) { ${APP_FIELDS} } }`;
const LIST = `{ partnerApps { ${APP_FIELDS} } }`;
const USAGE =
  'query($appId: ID!, $from: DateTime!, $to: DateTime!) { partnerAppUsage(appId: $appId, from: $from, to: $to) { day requests errors cost } }';
const CASE = 'query($id: ID!) { case(id: $id) { id title } }';
const CASES =
  'query($forumId: ID) { cases(filter: { forumId: $forumId }, first: 100) { edges { node { id } } } }';
const POST_CASE = 'mutation($input: PostCaseInput!) { postCase(input: $input) { case { id } } }';

interface Issued {
  apiKey: string;
  app: { id: string; name: string; scopes: string[]; keyPrefix: string; revokedAt: string | null };
}

describe('partner apps', () => {
  let t: TestApp;
  let admin: Account;
  let author: Account;
  let openForum: { id: string };
  let privateForum: { id: string };
  let openCase: { id: string };
  let privateCase: { id: string };

  const issue = async (scopes: string[], name = 'EHR plug-in'): Promise<Issued> =>
    dataOf<Issued>(
      await t.gql(CREATE, { input: { name, scopes } }, { token: admin.accessToken }),
      'createPartnerApp',
    );
  const withKey = (apiKey: string, token?: string) => ({ headers: { 'x-api-key': apiKey }, token });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await givenAdmin(t);
    author = await givenVerifiedClinician(t, admin);
    openForum = await givenForum(t, admin, 'OPEN');
    privateForum = await givenForum(t, admin, 'PRIVATE');
    openCase = await givenCase(t, author, openForum.id, { title: 'Open question on a migratory rash' });
    privateCase = await givenCase(t, author, privateForum.id, {
      title: 'Private question on a migratory rash',
    });
  });
  afterAll(() => t.close());

  it('issues a key shown once; only a hash of its secret is stored', async () => {
    const issued = await issue(['cases:read', 'profile:read']);
    expect(issued.apiKey).toMatch(/^cbk_[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/);
    expect(issued.apiKey.startsWith(`cbk_${issued.app.keyPrefix}_`)).toBe(true);
    expect(issued.app.scopes).toEqual(['cases:read', 'profile:read']);
    expect(issued.app.revokedAt).toBeNull();

    const secret = issued.apiKey.split('_').slice(2).join('_');
    const rows: Record<string, unknown>[] = await t.dataSource.query('SELECT * FROM partner_apps');
    const dump = JSON.stringify(
      rows.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('base64url') : v]),
        ),
      ),
    );
    expect(dump).not.toContain(secret);
    expect(dump).not.toContain(issued.apiKey);
    const [{ hashed }] = await t.dataSource.query(
      "SELECT encode(key_hash, 'hex') AS hashed FROM partner_apps WHERE id = $1",
      [issued.app.id],
    );
    expect(hashed).toHaveLength(64);
    expect(hashed).not.toContain(Buffer.from(secret).toString('hex'));

    // The list never shows the key again.
    const list = await t.gql(LIST, {}, { token: admin.accessToken });
    const listed = dataOf<Record<string, unknown>[]>(list, 'partnerApps').find((a) => a.id === issued.app.id);
    expect(listed).toMatchObject({ name: 'EHR plug-in', keyPrefix: issued.app.keyPrefix });
    expect(JSON.stringify(list.data)).not.toContain(secret);
    // Nor does the log.
    expect(t.logLines.join('\n')).not.toContain(secret);
  });

  it('only admins manage partner apps', async () => {
    const clinician = await givenClinician(t);
    const asClinician = await t.gql(
      CREATE,
      { input: { name: 'Rogue app', scopes: [] } },
      { token: clinician.accessToken },
    );
    expect(asClinician.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await t.gql(LIST);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const asAuthor = await t.gql(LIST, {}, { token: author.accessToken });
    expect(asAuthor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const badScope = await t.gql(
      CREATE,
      { input: { name: 'App', scopes: ['cases:everything'] } },
      { token: admin.accessToken },
    );
    expect(badScope.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: ['input.scopes'],
    });
    const unknownApp = await t.gql(
      REVOKE,
      { id: '00000000-0000-4000-8000-000000000000' },
      { token: admin.accessToken },
    );
    expect(unknownApp.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses unknown, malformed and revoked keys with UNAUTHENTICATED (no anonymous fallback); revocation applies to the next request', async () => {
    const { apiKey, app } = await issue(['cases:read']);
    const before = await t.gql(CASE, { id: openCase.id }, withKey(apiKey));
    expect(before.data?.case?.id).toBe(openCase.id);

    for (const bad of [
      'nonsense',
      `${apiKey.slice(0, -1)}${apiKey.endsWith('A') ? 'B' : 'A'}`,
      `cbk_000000000000_${'a'.repeat(43)}`,
      '',
    ]) {
      const res = await t.gql(CASE, { id: openCase.id }, withKey(bad));
      expect(res.status).toBe(401);
      expect(res.data).toBeUndefined();
      expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(res.errors?.[0].message).toMatch(/X-Api-Key/);
    }

    const revoked = dataOf(
      await t.gql(REVOKE, { id: app.id }, { token: admin.accessToken }),
      'revokePartnerApp',
    );
    expect(revoked.revokedAt).not.toBeNull();
    const after = await t.gql(CASE, { id: openCase.id }, withKey(apiKey));
    expect(after.status).toBe(401);
    expect(after.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect(after.errors?.[0].message).toMatch(/revoked/);
    // Also with a valid user token: the key is refused, not ignored.
    const withToken = await t.gql(CASE, { id: openCase.id }, withKey(apiKey, author.accessToken));
    expect(withToken.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    // Revoking twice changes nothing.
    const again = dataOf(
      await t.gql(REVOKE, { id: app.id }, { token: admin.accessToken }),
      'revokePartnerApp',
    );
    expect(again.revokedAt).toBe(revoked.revokedAt);
  });

  it('a key alone is an anonymous reader: open content only, sign-in operations are UNAUTHENTICATED', async () => {
    const { apiKey } = await issue(['cases:read', 'cases:write', 'profile:read']);
    const open = await t.gql(CASE, { id: openCase.id }, withKey(apiKey));
    expect(open.data?.case?.id).toBe(openCase.id);
    const hidden = await t.gql(CASE, { id: privateCase.id }, withKey(apiKey));
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data?.case).toBeNull();

    const list = await t.gql('{ cases(first: 100) { edges { node { id } } } }', {}, withKey(apiKey));
    const ids = list.data.cases.edges.map((e: { node: { id: string } }) => e.node.id);
    expect(ids).toContain(openCase.id);
    expect(ids).not.toContain(privateCase.id);
    const privateList = await t.gql(CASES, { forumId: privateForum.id }, withKey(apiKey));
    expect(privateList.data.cases.edges).toEqual([]);

    const me = await t.gql('{ me { id } }', {}, withKey(apiKey));
    expect(me.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const post = await t.gql(
      POST_CASE,
      {
        input: {
          forumId: openForum.id,
          title: 'A question',
          body: 'A 50-year-old man with a cough for 3 weeks.',
        },
      },
      withKey(apiKey),
    );
    expect(post.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('with a user token the app acts as that user, narrowed by its scopes (FORBIDDEN naming the scope)', async () => {
    const { apiKey } = await issue(['cases:read']);
    const reader = await givenVerifiedClinician(t, admin);
    // The user's rights: the private case is readable.
    const privateRead = await t.gql(CASE, { id: privateCase.id }, withKey(apiKey, reader.accessToken));
    expect(privateRead.data?.case?.id).toBe(privateCase.id);

    const post = await t.gql(
      POST_CASE,
      {
        input: {
          forumId: openForum.id,
          title: 'A question',
          body: 'A 50-year-old man with a cough for 3 weeks.',
        },
      },
      withKey(apiKey, reader.accessToken),
    );
    expect(post.data).toBeNull();
    expect(post.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', scope: 'cases:write' });
    expect(post.errors?.[0].message).toContain('cases:write');
    const me = await t.gql('{ me { id } }', {}, withKey(apiKey, reader.accessToken));
    expect(me.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', scope: 'profile:read' });
    // Scope-free operations still work (sign-in).
    const login = await t.gql(
      'mutation($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { email: reader.email, password: reader.password } },
      withKey(apiKey),
    );
    expect(login.data?.login?.accessToken).toEqual(expect.any(String));
    // Scopes never add rights: an admin-scoped key with a clinician's token is still not an admin.
    const adminKey = await issue(['partners:manage', 'admin']);
    const list = await t.gql(LIST, {}, withKey(adminKey.apiKey, reader.accessToken));
    expect(list.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Without a key nothing is scoped (first-party clients).
    const firstParty = await t.gql(
      POST_CASE,
      {
        input: {
          forumId: openForum.id,
          title: 'A question',
          body: 'A 50-year-old man with a cough for 3 weeks.',
        },
      },
      { token: reader.accessToken },
    );
    expect(firstParty.errors).toBeUndefined();
    // A key with the scope lets the same user post.
    const writer = await issue(['cases:write']);
    const posted = await t.gql(
      POST_CASE,
      {
        input: {
          forumId: openForum.id,
          title: 'Another question',
          body: 'A 51-year-old man with a cough for 4 weeks.',
        },
      },
      withKey(writer.apiKey, reader.accessToken),
    );
    expect(posted.errors).toBeUndefined();
    // Partner-app management needs its own scope even with an admin token.
    const noManage = await t.gql(LIST, {}, withKey(apiKey, admin.accessToken));
    expect(noManage.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', scope: 'partners:manage' });
  });

  it('counts requests and errors per app per day, logs the app id (not the key), and records last use', async () => {
    const { apiKey, app } = await issue(['cases:read']);
    const other = await issue(['cases:read'], 'Hospital portal');
    await t.gql(CASE, { id: openCase.id }, withKey(apiKey));
    await t.gql('{ cases(first: 1) { totalCount } }', {}, withKey(apiKey));
    await t.gql('{ me { id } }', {}, withKey(apiKey)); // UNAUTHENTICATED: an error
    await t.gql('{ notAField }', {}, withKey(apiKey)); // validation error
    await t.gql(CASE, { id: openCase.id }, withKey(other.apiKey));
    await t.gql(CASE, { id: openCase.id }); // no key: nobody's usage
    await t.http().get('/health').set('x-api-key', apiKey).expect(200);
    // Costs come from the query-cost plugin; other sources add through the same service.
    t.app.get(PartnerUsageService).recordUsage(app.id, { cost: 42 });

    const today = new Date();
    const from = new Date(today.getTime() - 86_400_000).toISOString();
    const to = today.toISOString();
    const usage = dataOf(
      await t.gql(USAGE, { appId: app.id, from, to }, { token: admin.accessToken }),
      'partnerAppUsage',
    );
    expect(usage).toEqual([
      { day: today.toISOString().slice(0, 10), requests: 5, errors: 2, cost: expect.any(Number) },
    ]);
    const otherUsage = dataOf(
      await t.gql(USAGE, { appId: other.app.id, from, to }, { token: admin.accessToken }),
      'partnerAppUsage',
    );
    expect(otherUsage).toEqual([expect.objectContaining({ requests: 1, errors: 0 })]);
    // The same case query cost the other app what it cost this one; `cases(first: 1) { totalCount }`
    // costs 2 and `me { id }` 1 (charged before it was refused); the invalid document costs nothing.
    expect(otherUsage[0].cost).toBeGreaterThan(0);
    expect(usage[0].cost).toBe(42 + otherUsage[0].cost + 2 + 1);
    const [{ requests }] = await t.dataSource.query(
      'SELECT requests::int FROM partner_app_usage WHERE app_id = $1',
      [app.id],
    );
    expect(requests).toBe(5);

    const badRange = await t.gql(USAGE, { appId: app.id, from: to, to: from }, { token: admin.accessToken });
    expect(badRange.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknown = await t.gql(
      USAGE,
      { appId: '00000000-0000-4000-8000-000000000000', from, to },
      { token: admin.accessToken },
    );
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const notAdmin = await t.gql(USAGE, { appId: app.id, from, to }, { token: author.accessToken });
    expect(notAdmin.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const lines = t.logLines.map((line) => JSON.parse(line)).filter((l) => l.partnerAppId === app.id);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines[0]).toMatchObject({ req: { path: '/graphql' }, partnerAppId: app.id });
    expect(t.logLines.join('\n')).not.toContain(apiKey);

    const listed = dataOf<{ id: string; lastUsedAt: string | null }[]>(
      await t.gql(LIST, {}, { token: admin.accessToken }),
      'partnerApps',
    );
    expect(listed.find((a) => a.id === app.id)?.lastUsedAt).toEqual(expect.any(String));
  });

  it('writes last_used_at at most once a minute per app', async () => {
    const { apiKey, app } = await issue(['cases:read']);
    await t.gql(CASE, { id: openCase.id }, withKey(apiKey));
    const [{ first }] = await t.dataSource.query(
      'SELECT last_used_at AS first FROM partner_apps WHERE id = $1',
      [app.id],
    );
    expect(first).not.toBeNull();
    await t.dataSource.query(
      "UPDATE partner_apps SET last_used_at = now() - interval '30 seconds' WHERE id = $1",
      [app.id],
    );
    const [{ marked }] = await t.dataSource.query(
      'SELECT last_used_at AS marked FROM partner_apps WHERE id = $1',
      [app.id],
    );
    await t.gql(CASE, { id: openCase.id }, withKey(apiKey));
    await t.gql(CASE, { id: openCase.id }, withKey(apiKey));
    const [{ later }] = await t.dataSource.query(
      'SELECT last_used_at AS later FROM partner_apps WHERE id = $1',
      [app.id],
    );
    expect(later).toEqual(marked);
  });

  it('audits keys issued and revoked, without the key', async () => {
    const { apiKey, app } = await issue(['consults:read'], 'Mobile client');
    await t.gql(REVOKE, { id: app.id }, { token: admin.accessToken });
    const rows: { action: string; actor_id: string; detail: string }[] = await t.dataSource.query(
      'SELECT action, actor_id, detail FROM audit_log WHERE target_id = $1 ORDER BY id',
      [app.id],
    );
    expect(rows.map((r) => r.action)).toEqual(['partner_app.key_issued', 'partner_app.key_revoked']);
    expect(rows.every((r) => r.actor_id === admin.id)).toBe(true);
    expect(rows[0].detail).toContain('consults:read');
    expect(rows[0].detail).toContain(app.keyPrefix);
    expect(JSON.stringify(rows)).not.toContain(apiKey.split('_')[2]);
  });
});
