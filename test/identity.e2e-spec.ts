import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dataOf, givenAdmin, givenClinician, signIn } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const REGISTER = `mutation($input: RegisterInput!) {
  register(input: $input) { accessToken refreshToken clinician { id email role verificationStatus } }
}`;
const LOGIN =
  'mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken clinician { id } } }';
const REFRESH =
  'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken clinician { id } } }';
const LOGOUT = 'mutation($t: String!) { logout(refreshToken: $t) }';
const ME = '{ me { id email role verificationStatus } }';

describe('identity: registration, sessions and throttling', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('register', () => {
    it('creates an unverified clinician, signs them in, and shows them their own email', async () => {
      const res = await t.gql(REGISTER, {
        input: {
          email: 'Maya.Ortiz@Clinic.test',
          password: 'amber-fjord-saddle-91',
          displayName: 'Dr. Maya Ortiz',
        },
      });
      const payload = dataOf(res, 'register');
      expect(payload.clinician).toMatchObject({
        email: 'Maya.Ortiz@Clinic.test',
        role: 'CLINICIAN',
        verificationStatus: 'UNVERIFIED',
      });
      const me = await t.gql(ME, {}, { token: payload.accessToken });
      expect(me.data.me.id).toBe(payload.clinician.id);
    });

    it('stores an argon2id hash, never the password', async () => {
      const account = await givenClinician(t);
      const [row] = await t.dataSource.query('SELECT password_hash FROM clinicians WHERE id = $1', [
        account.id,
      ]);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(row.password_hash).not.toContain(account.password);
    });

    it('treats emails as unique whatever their case', async () => {
      const account = await givenClinician(t);
      const res = await t.gql(REGISTER, {
        input: {
          email: account.email.toUpperCase(),
          password: 'quartz-willow-ember-7',
          displayName: 'Dr. Copy',
        },
      });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', fields: ['input.email'] });
    });

    it('names the password rule that was broken, without echoing the password', async () => {
      const short = await t.gql(REGISTER, {
        input: { email: 'short@clinic.test', password: 'tiny-pass', displayName: 'Dr. Short' },
      });
      expect(short.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: ['input.password'],
      });
      expect(short.errors?.[0].message).toMatch(/at least 12 characters/);
      expect(JSON.stringify(short.errors)).not.toContain('tiny-pass');

      const common = await t.gql(REGISTER, {
        input: { email: 'common@clinic.test', password: '1qaz2wsx3edc', displayName: 'Dr. Common' },
      });
      expect(common.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: ['input.password'],
      });
      expect(common.errors?.[0].message).toMatch(/too common/);
    });

    it('names every invalid field of the input', async () => {
      const res = await t.gql(REGISTER, {
        input: { email: 'not-an-email', password: 'amber-fjord-saddle-91', displayName: '<script>' },
      });
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.errors?.[0].extensions?.fields).toEqual(
        expect.arrayContaining(['input.email', 'input.displayName']),
      );
      expect(res.errors?.[0].message).not.toContain('<script>');
    });

    it('names a missing required field without echoing the submitted values', async () => {
      const res = await t.gql(REGISTER, {
        input: { email: 'secret-value@clinic.test', displayName: 'Dr. X' },
      });
      expect(res.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: ['input.password'],
      });
      expect(JSON.stringify(res.errors)).not.toContain('secret-value');
    });
  });

  describe('login', () => {
    it('signs in with the right password, whatever the email case', async () => {
      const account = await givenClinician(t);
      const res = await t.gql(LOGIN, {
        input: { email: account.email.toUpperCase(), password: account.password },
      });
      expect(dataOf(res, 'login').clinician.id).toBe(account.id);
    });

    it('refuses a wrong password and an unknown email with the same error', async () => {
      const account = await givenClinician(t);
      const wrong = await t.gql(LOGIN, { input: { email: account.email, password: 'not-the-password-1' } });
      const unknown = await t.gql(LOGIN, {
        input: { email: 'nobody@clinic.test', password: 'not-the-password-1' },
      });
      expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(unknown.errors?.[0]).toEqual({ ...wrong.errors?.[0] });
    });
  });

  describe('tokens', () => {
    it('rejects a tampered or garbage access token on protected fields', async () => {
      const account = await givenClinician(t);
      const tampered = `${account.accessToken.slice(0, -3)}abc`;
      for (const token of [tampered, 'garbage']) {
        const res = await t.gql(ME, {}, { token });
        expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
        expect(res.errors?.[0].message).toMatch(/invalid or expired/);
      }
    });

    it('rotates refresh tokens: each works once and gives a new pair', async () => {
      const account = await givenClinician(t);
      const first = dataOf(await t.gql(REFRESH, { t: account.refreshToken }), 'refreshSession');
      expect(first.refreshToken).not.toBe(account.refreshToken);
      expect(first.clinician.id).toBe(account.id);
      const second = dataOf(await t.gql(REFRESH, { t: first.refreshToken }), 'refreshSession');
      expect((await t.gql(ME, {}, { token: second.accessToken })).data.me.id).toBe(account.id);
    });

    it('revokes the whole session when a used refresh token is presented again (theft detection)', async () => {
      const account = await givenClinician(t);
      const rotated = dataOf(await t.gql(REFRESH, { t: account.refreshToken }), 'refreshSession');

      const replay = await t.gql(REFRESH, { t: account.refreshToken });
      expect(replay.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

      // The legitimate holder's newer tokens die with the family, access token included.
      const next = await t.gql(REFRESH, { t: rotated.refreshToken });
      expect(next.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await t.gql(ME, {}, { token: rotated.accessToken })).errors?.[0].extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      const audit = await t.dataSource.query(
        "SELECT 1 FROM audit_log WHERE action = 'session.refresh_token_reused' AND actor_id = $1",
        [account.id],
      );
      expect(audit).toHaveLength(1);

      // Other sessions of the same clinician are untouched.
      const other = await signIn(t, account.email, account.password);
      expect((await t.gql(ME, {}, { token: other.accessToken })).data.me.id).toBe(account.id);
    });

    it('logout ends the session at once: its access and refresh tokens stop working', async () => {
      const account = await givenClinician(t);
      expect((await t.gql(LOGOUT, { t: account.refreshToken })).data.logout).toBe(true);
      expect((await t.gql(ME, {}, { token: account.accessToken })).errors?.[0].extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      expect((await t.gql(REFRESH, { t: account.refreshToken })).errors?.[0].extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      expect((await t.gql(LOGOUT, { t: account.refreshToken })).data.logout).toBe(false);
    });

    it('stores refresh tokens hashed', async () => {
      const account = await givenClinician(t);
      const rows = await t.dataSource.query('SELECT token_hash FROM refresh_tokens WHERE token_hash = $1', [
        account.refreshToken,
      ]);
      expect(rows).toHaveLength(0);
    });
  });

  describe('role changes apply to the next request', () => {
    it('a promoted clinician can use admin fields with the token they already hold, and loses them when demoted', async () => {
      const admin = await givenAdmin(t);
      const clinician = await givenClinician(t);
      const auditLog = '{ auditLog(first: 1) { totalCount } }';
      expect((await t.gql(auditLog, {}, { token: clinician.accessToken })).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
      const setRole =
        'mutation($id: ID!, $role: Role!) { setClinicianRole(clinicianId: $id, role: $role) { role } }';
      expect(
        dataOf(
          await t.gql(setRole, { id: clinician.id, role: 'ADMIN' }, { token: admin.accessToken }),
          'setClinicianRole',
        ).role,
      ).toBe('ADMIN');
      expect(
        (await t.gql(auditLog, {}, { token: clinician.accessToken })).data.auditLog.totalCount,
      ).toBeGreaterThan(0);
      await t.gql(setRole, { id: clinician.id, role: 'CLINICIAN' }, { token: admin.accessToken });
      expect((await t.gql(auditLog, {}, { token: clinician.accessToken })).errors?.[0].extensions?.code).toBe(
        'FORBIDDEN',
      );
    });

    it('refuses to demote the last admin', async () => {
      const admin = await givenAdmin(t);
      const res = await t.gql(
        'mutation($id: ID!) { setClinicianRole(clinicianId: $id, role: CLINICIAN) { role } }',
        { id: admin.id },
        { token: admin.accessToken },
      );
      expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    });
  });

  describe('bootstrap admin', () => {
    it('exists exactly once, with the admin role', async () => {
      const rows = await t.dataSource.query("SELECT count(*)::int AS n FROM clinicians WHERE role = 'ADMIN'");
      expect(rows[0].n).toBeGreaterThanOrEqual(1);
      const admin = await givenAdmin(t);
      expect((await t.gql(ME, {}, { token: admin.accessToken })).data.me.role).toBe('ADMIN');
    });
  });
});

describe('login throttling and alias batching', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lets a few failures through, then refuses with RATE_LIMITED and retryAfterSeconds, even with the right password', async () => {
    const account = await givenClinician(t);
    const attempt = (password: string) => t.gql(LOGIN, { input: { email: account.email, password } });
    for (let i = 0; i < 4; i++) {
      expect((await attempt(`wrong-password-${i}`)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    // The fifth failure starts the back-off; the next attempt arrives inside it.
    expect((await attempt('wrong-password-5')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const refused = await attempt(account.password);
    expect(refused.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    const throttled = await t.dataSource.query(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'login.failed' AND actor_id = $1",
      [account.id],
    );
    expect(throttled[0].n).toBe(5);
  });

  it('locks an account for a long period after many failures', async () => {
    const account = await givenClinician(t);
    // Simulate the earlier failures (waiting out each back-off would take minutes).
    await t.dataSource.query(
      "INSERT INTO login_throttle (key, failures, first_failure_at) VALUES ('account:' || encode(sha256(convert_to(lower($1), 'UTF8')), 'hex'), 9, now())",
      [account.email],
    );
    await t.gql(LOGIN, { input: { email: account.email, password: 'wrong-password-x' } });
    const refused = await t.gql(LOGIN, { input: { email: account.email, password: account.password } });
    expect(refused.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(refused.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThan(800);
  });

  it('refuses a document that aliases many login fields, before any of them runs', async () => {
    const failures = async () =>
      (await t.dataSource.query("SELECT count(*)::int AS n FROM audit_log WHERE action = 'login.failed'"))[0]
        .n;
    const before = await failures();
    const guesses = Array.from(
      { length: 5 },
      (_, i) =>
        `g${i}: login(input: { email: "victim@clinic.test", password: "guess-number-${i}" }) { accessToken }`,
    ).join('\n');
    const res = await t.gql(`mutation { ${guesses} }`);
    expect(res.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(res.data).toBeUndefined();
    expect(await failures()).toBe(before);
  });
});
