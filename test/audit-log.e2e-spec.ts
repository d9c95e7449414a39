import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Account,
  dataOf,
  givenAdmin,
  givenClinician,
  givenVerifiedClinician,
  review,
  signIn,
  submitCredentials,
} from './support/factories.js';
import { createTestApp, type GraphQLResponse, type TestApp } from './support/test-app.js';

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken clinician { id } } }`;
const AUDIT_LOG = `query($actorId: ID, $action: String, $first: Int, $after: String) {
  auditLog(actorId: $actorId, action: $action, first: $first, after: $after) {
    edges { cursor node { id at action targetType targetId detail actor { id } } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;
const SET_ROLE = `mutation($id: ID!, $role: Role!) { setClinicianRole(clinicianId: $id, role: $role) { id role } }`;

interface AuditRow {
  id: string;
  at: Date;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  detail: string | null;
  ip_address: string | null;
}

function expectError(res: GraphQLResponse, code: string, fields?: string[]) {
  expect(res.status).toBe(200);
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions?.code).toBe(code);
  if (fields) expect(res.errors![0].extensions?.fields).toEqual(fields);
}

describe('audit log', () => {
  let t: TestApp;
  let admin: Account;

  const allRows = (): Promise<AuditRow[]> => t.dataSource.query('SELECT * FROM audit_log ORDER BY id');
  const rowsFor = (action: string, targetId: string): Promise<AuditRow[]> =>
    t.dataSource.query('SELECT * FROM audit_log WHERE action = $1 AND target_id = $2 ORDER BY id', [
      action,
      targetId,
    ]);
  const auditLog = (who: Account | null, variables: Record<string, unknown> = {}) =>
    t.gql(AUDIT_LOG, variables, { token: who?.accessToken });

  beforeAll(async () => {
    t = await createTestApp();
    admin = await givenAdmin(t);
  });
  afterAll(() => t.close());

  describe('what is recorded', () => {
    it('records a registration', async () => {
      const clinician = await givenClinician(t);
      expect(await rowsFor('clinician.registered', clinician.id)).toEqual([
        expect.objectContaining({ actor_id: clinician.id, target_type: 'clinician', detail: null }),
      ]);
    });

    it('records a successful login', async () => {
      const clinician = await givenClinician(t);
      expect(await rowsFor('login.succeeded', clinician.id)).toHaveLength(0);
      await signIn(t, clinician.email, clinician.password);
      expect(await rowsFor('login.succeeded', clinician.id)).toEqual([
        expect.objectContaining({ actor_id: clinician.id, target_type: 'clinician' }),
      ]);
    });

    it('records failed logins without ever storing or logging the attempted password', async () => {
      const clinician = await givenClinician(t);
      const attempted = `Attempted-Secret-${randomBytes(6).toString('hex')}`;
      const unknownEmail = `nobody-${randomBytes(4).toString('hex')}@curbside.test`;

      const wrong = await t.gql(LOGIN, { input: { email: clinician.email, password: attempted } });
      expectError(wrong, 'UNAUTHENTICATED');
      const unknown = await t.gql(LOGIN, { input: { email: unknownEmail, password: attempted } });
      expectError(unknown, 'UNAUTHENTICATED');

      expect(await rowsFor('login.failed', clinician.id)).toEqual([
        expect.objectContaining({
          actor_id: clinician.id,
          target_type: 'clinician',
          detail: 'wrong password',
          ip_address: expect.stringContaining('127.0.0.1'),
        }),
      ]);
      const unknownRows: AuditRow[] = await t.dataSource.query(
        "SELECT * FROM audit_log WHERE action = 'login.failed' AND actor_id IS NULL",
      );
      expect(unknownRows.length).toBeGreaterThanOrEqual(1);
      expect(unknownRows.at(-1)).toMatchObject({ target_id: null, detail: 'unknown email' });

      // Every column of every row, including the real password of this account.
      for (const row of await allRows()) {
        for (const value of Object.values(row)) {
          const text = value instanceof Date ? value.toISOString() : String(value);
          expect(text).not.toContain(attempted);
          expect(text).not.toContain(clinician.password);
        }
      }
      const logs = t.logLines.join('\n');
      expect(logs).not.toContain(attempted);
      expect(logs).not.toContain(clinician.password);
      expect(JSON.stringify([wrong.errors, unknown.errors])).not.toContain(attempted);
    });

    it('records verification submitted, approved, rejected and revoked, with actor and target', async () => {
      const approvedClinician = await givenClinician(t);
      const approved = await submitCredentials(t, approvedClinician, { jurisdiction: 'CA-ON' });
      await review(t, admin, approved.id, true);
      const rejectedClinician = await givenClinician(t);
      const rejected = await submitCredentials(t, rejectedClinician);
      await review(t, admin, rejected.id, false, 'Licence number not on the register');
      const revoke = await t.gql(
        'mutation($id: ID!) { revokeVerification(clinicianId: $id, reason: "Suspended by the regulator") { id } }',
        { id: approvedClinician.id },
        { token: admin.accessToken },
      );
      dataOf(revoke, 'revokeVerification');

      expect(await rowsFor('verification.submitted', approved.id)).toEqual([
        expect.objectContaining({
          actor_id: approvedClinician.id,
          target_type: 'verification_request',
          detail: 'CA-ON',
        }),
      ]);
      expect(await rowsFor('verification.approved', approved.id)).toEqual([
        expect.objectContaining({ actor_id: admin.id, target_type: 'verification_request' }),
      ]);
      expect(await rowsFor('verification.rejected', rejected.id)).toEqual([
        expect.objectContaining({
          actor_id: admin.id,
          target_type: 'verification_request',
          detail: 'Licence number not on the register',
        }),
      ]);
      expect(await rowsFor('verification.revoked', approvedClinician.id)).toEqual([
        expect.objectContaining({
          actor_id: admin.id,
          target_type: 'clinician',
          detail: 'Suspended by the regulator',
        }),
      ]);
    });

    it('records a role change, and nothing when the change is refused', async () => {
      const clinician = await givenClinician(t);
      const outsider = await givenVerifiedClinician(t, admin);
      expectError(
        await t.gql(SET_ROLE, { id: clinician.id, role: 'ADMIN' }, { token: outsider.accessToken }),
        'FORBIDDEN',
      );
      expect(await rowsFor('clinician.role_changed', clinician.id)).toHaveLength(0);

      const res = await t.gql(SET_ROLE, { id: clinician.id, role: 'ADMIN' }, { token: admin.accessToken });
      expect(dataOf(res, 'setClinicianRole')).toEqual({ id: clinician.id, role: 'ADMIN' });
      await t.gql(SET_ROLE, { id: clinician.id, role: 'CLINICIAN' }, { token: admin.accessToken });
      expect(await rowsFor('clinician.role_changed', clinician.id)).toEqual([
        expect.objectContaining({
          actor_id: admin.id,
          target_type: 'clinician',
          detail: 'CLINICIAN -> ADMIN',
        }),
        expect.objectContaining({
          actor_id: admin.id,
          target_type: 'clinician',
          detail: 'ADMIN -> CLINICIAN',
        }),
      ]);
    });
  });

  describe('append-only at the database level', () => {
    it.each([
      ['UPDATE', "UPDATE audit_log SET detail = 'rewritten', action = 'login.succeeded'"],
      ['UPDATE of one row', "UPDATE audit_log SET actor_id = NULL WHERE action = 'login.failed'"],
      ['DELETE', 'DELETE FROM audit_log'],
      ['DELETE of one row', "DELETE FROM audit_log WHERE action = 'clinician.registered'"],
      ['TRUNCATE', 'TRUNCATE audit_log'],
    ])('refuses %s and leaves every row as it was', async (_label, sql) => {
      await givenClinician(t); // at least one fresh row of each kind the statements target
      const before = await allRows();
      expect(before.length).toBeGreaterThan(0);
      await expect(t.dataSource.query(sql)).rejects.toThrow(/append-only/);
      expect(await allRows()).toEqual(before);
    });
  });

  describe('the auditLog query', () => {
    async function walk(variables: Record<string, unknown>, first: number) {
      const nodes: any[] = [];
      const totals = new Set<number>();
      let after: string | null = null;
      for (let pages = 0; pages < 1000; pages++) {
        const page: any = dataOf(await auditLog(admin, { ...variables, first, after }), 'auditLog');
        totals.add(page.totalCount);
        nodes.push(...page.edges.map((e: any) => e.node));
        if (!page.pageInfo.hasNextPage) return { nodes, totals: [...totals] };
        expect(page.edges).toHaveLength(first);
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
        after = page.pageInfo.endCursor;
      }
      throw new Error('pagination never ended');
    }

    it('is for admins only', async () => {
      const verified = await givenVerifiedClinician(t, admin);
      expectError(await auditLog(verified), 'FORBIDDEN');
      expectError(await auditLog(null), 'UNAUTHENTICATED');
    });

    it('filters by actor, newest first, and pages through every entry once', async () => {
      const clinician = await givenClinician(t); // clinician.registered
      await signIn(t, clinician.email, clinician.password); // login.succeeded
      const request = await submitCredentials(t, clinician); // verification.submitted
      await submitCredentials(t, clinician); // verification.submitted (replaced)
      await signIn(t, clinician.email, clinician.password); // login.succeeded

      const { nodes, totals } = await walk({ actorId: clinician.id }, 2);
      const expected: AuditRow[] = await t.dataSource.query(
        'SELECT * FROM audit_log WHERE actor_id = $1 ORDER BY id DESC',
        [clinician.id],
      );
      expect(expected).toHaveLength(5);
      expect(nodes.map((n) => n.id)).toEqual(expected.map((r) => String(r.id)));
      expect(totals).toEqual([5]);
      expect(nodes.map((n) => n.action)).toEqual([
        'login.succeeded',
        'verification.submitted',
        'verification.submitted',
        'login.succeeded',
        'clinician.registered',
      ]);
      for (const node of nodes) expect(node.actor).toEqual({ id: clinician.id });
      expect(nodes[1]).toMatchObject({
        targetType: 'verification_request',
        targetId: request.id,
        detail: 'CA-ON, replaced the pending request',
      });
      const times = nodes.map((n) => Date.parse(n.at));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    });

    it('filters by action, and by actor and action together', async () => {
      const clinician = await givenClinician(t);
      await submitCredentials(t, clinician);

      const { nodes, totals } = await walk({ action: 'verification.submitted' }, 100);
      const [{ n }] = await t.dataSource.query(
        "SELECT count(*)::int AS n FROM audit_log WHERE action = 'verification.submitted'",
      );
      expect(totals).toEqual([n]);
      expect(nodes).toHaveLength(n);
      expect(new Set(nodes.map((node) => node.action))).toEqual(new Set(['verification.submitted']));
      expect(nodes[0].actor).toEqual({ id: clinician.id });

      const both = dataOf(
        await auditLog(admin, { actorId: clinician.id, action: 'clinician.registered' }),
        'auditLog',
      );
      expect(both.totalCount).toBe(1);
      expect(both.edges.map((e: any) => e.node)).toEqual([
        expect.objectContaining({ action: 'clinician.registered', targetId: clinician.id }),
      ]);

      const none = dataOf(await auditLog(admin, { action: 'no.such.action' }), 'auditLog');
      expect(none).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
    });

    it('shows a null actor for system and anonymous entries', async () => {
      await t.gql(LOGIN, { input: { email: `ghost-${randomUUID()}@curbside.test`, password: 'whatever-1' } });
      const page = dataOf(await auditLog(admin, { action: 'login.failed', first: 1 }), 'auditLog');
      expect(page.edges[0].node).toMatchObject({
        action: 'login.failed',
        actor: null,
        detail: 'unknown email',
      });
    });

    it('matches nothing for an actor id that is not one of ours', async () => {
      for (const actorId of [randomUUID(), 'not-a-uuid']) {
        const res = await auditLog(admin, { actorId });
        expect(res.errors).toBeUndefined();
        expect(res.data.auditLog).toEqual({
          edges: [],
          pageInfo: { hasNextPage: false, endCursor: null },
          totalCount: 0,
        });
      }
    });

    it('refuses a page size above 100 or below 1', async () => {
      expectError(await auditLog(admin, { first: 101 }), 'BAD_USER_INPUT', ['first']);
      expectError(await auditLog(admin, { first: 0 }), 'BAD_USER_INPUT', ['first']);
    });

    it.each([
      ['garbage', 'garbage!!'],
      [
        'a cursor of another list',
        Buffer.from(JSON.stringify(['2024-01-01T00:00:00.000Z', randomUUID()])).toString('base64url'),
      ],
      ['a non-numeric id', Buffer.from('["abc"]').toString('base64url')],
      ['an id beyond bigint', Buffer.from('["99999999999999999999999"]').toString('base64url')],
      ['a fractional id', Buffer.from('[1.5]').toString('base64url')],
    ])('refuses %s as the after cursor', async (_label, after) => {
      expectError(await auditLog(admin, { after }), 'BAD_USER_INPUT', ['after']);
    });
  });
});
