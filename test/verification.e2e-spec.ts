import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Account,
  dataOf,
  givenAdmin,
  givenClinician,
  givenPendingClinician,
  givenRevokedClinician,
  givenVerifiedClinician,
  review,
  submitCredentials,
} from './support/factories.js';
import { createTestApp, type GraphQLResponse, type TestApp } from './support/test-app.js';

const REQUEST_FIELDS = `id status licenseNumber jurisdiction npi licenseExpiresOn submittedAt reviewedAt reason
  specialties { code } clinician { id } reviewer { id }`;
const SUBMIT = `mutation($input: CredentialInput!) { submitCredentials(input: $input) { ${REQUEST_FIELDS} } }`;
const REVIEW = `mutation($input: ReviewInput!) { reviewVerification(input: $input) { ${REQUEST_FIELDS} } }`;
const REVOKE = `mutation($id: ID!, $reason: String!) {
  revokeVerification(clinicianId: $id, reason: $reason) { id verificationStatus acceptingConsults }
}`;
const QUEUE = `query($status: VerificationStatus, $first: Int, $after: String) {
  verificationRequests(status: $status, first: $first, after: $after) {
    edges { cursor node { id status submittedAt clinician { id } } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;
const ME = `{ me { id verificationStatus verificationNote acceptingConsults jurisdiction licenseExpiresOn
  specialties { code } } }`;
const SET_AVAILABILITY = `mutation($accepting: Boolean!) {
  setConsultAvailability(accepting: $accepting) { id acceptingConsults verificationStatus }
}`;
const CLINICIAN = `query($id: ID!) { clinician(id: $id) { id displayName email verificationStatus } }`;

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

function credentials(overrides: Record<string, unknown> = {}) {
  return {
    licenseNumber: 'CPSO 81234',
    jurisdiction: 'CA-ON',
    npi: null,
    licenseExpiresOn: inDays(365),
    specialtyCodes: ['cardiology'],
    ...overrides,
  };
}

function expectError(res: GraphQLResponse, code: string, fields?: string[]) {
  expect(res.status).toBe(200);
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions?.code).toBe(code);
  if (fields) expect(res.errors![0].extensions?.fields).toEqual(fields);
}

describe('credential verification', () => {
  let t: TestApp;
  let admin: Account;

  const submit = (who: Account | null, overrides: Record<string, unknown> = {}) =>
    t.gql(SUBMIT, { input: credentials(overrides) }, { token: who?.accessToken });
  const me = async (who: Account) => dataOf(await t.gql(ME, {}, { token: who.accessToken }), 'me');
  const setAvailability = (who: Account, accepting: boolean) =>
    t.gql(SET_AVAILABILITY, { accepting }, { token: who.accessToken });
  const requestRows = (clinicianId: string) =>
    t.dataSource.query(
      'SELECT id, status, license_number FROM verification_requests WHERE clinician_id = $1 ORDER BY submitted_at',
      [clinicianId],
    );
  const requestSpecialties = async (requestId: string) =>
    (
      await t.dataSource.query(
        'SELECT specialty_code FROM verification_request_specialties WHERE request_id = $1 ORDER BY 1',
        [requestId],
      )
    ).map((r: { specialty_code: string }) => r.specialty_code);
  const codes = (specialties: { code: string }[]) => specialties.map((s) => s.code).sort();

  /** A second admin (a clinician promoted by the bootstrap admin), signed in again so the role applies. */
  async function givenAnotherAdmin(): Promise<Account> {
    const account = await givenClinician(t, 'Dr. Second Admin');
    const res = await t.gql(
      'mutation($id: ID!) { setClinicianRole(clinicianId: $id, role: ADMIN) { id role } }',
      { id: account.id },
      { token: admin.accessToken },
    );
    expect(dataOf(res, 'setClinicianRole').role).toBe('ADMIN');
    return account;
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await givenAdmin(t);
  });
  afterAll(() => t.close());

  describe('submitCredentials', () => {
    it('puts an unverified clinician in PENDING with the normalised request', async () => {
      const clinician = await givenClinician(t);
      const expires = inDays(400);
      const res = await submit(clinician, {
        jurisdiction: 'us-ny',
        npi: '1234567893',
        licenseExpiresOn: expires,
        specialtyCodes: ['cardiology', 'Neurology'],
      });
      expect(res.errors).toBeUndefined();
      const request = res.data.submitCredentials;
      expect(request).toMatchObject({
        status: 'PENDING',
        licenseNumber: 'CPSO 81234',
        jurisdiction: 'US-NY',
        npi: '1234567893',
        licenseExpiresOn: expires,
        reviewedAt: null,
        reviewer: null,
        reason: null,
        clinician: { id: clinician.id },
      });
      expect(codes(request.specialties)).toEqual(['cardiology', 'neurology']);
      expect(await me(clinician)).toMatchObject({ verificationStatus: 'PENDING', jurisdiction: null });
      expect(await requestRows(clinician.id)).toEqual([
        { id: request.id, status: 'PENDING', license_number: 'CPSO 81234' },
      ]);
    });

    it.each([
      ['a bare province code', { jurisdiction: 'ON' }, 'input.jurisdiction'],
      ['a subdivision that does not exist', { jurisdiction: 'CA-ZZ' }, 'input.jurisdiction'],
      ['an NPI with a wrong check digit', { npi: '1234567890' }, 'input.npi'],
      ['an NPI that is not ten digits', { npi: '123456789' }, 'input.npi'],
      ['an unknown specialty code', { specialtyCodes: ['cardiology', 'astrology'] }, 'input.specialtyCodes'],
      ['a licence expiry in the past', { licenseExpiresOn: inDays(-1) }, 'input.licenseExpiresOn'],
    ])('refuses %s naming the field, and changes nothing', async (_label, overrides, field) => {
      const clinician = await givenClinician(t);
      expectError(await submit(clinician, overrides), 'BAD_USER_INPUT', [field]);
      expect(await requestRows(clinician.id)).toEqual([]);
      expect((await me(clinician)).verificationStatus).toBe('UNVERIFIED');
      const audit = await t.dataSource.query('SELECT 1 FROM audit_log WHERE actor_id = $1 AND action = $2', [
        clinician.id,
        'verification.submitted',
      ]);
      expect(audit).toHaveLength(0);
    });

    it('accepts an NPI with a valid check digit', async () => {
      const clinician = await givenClinician(t);
      const res = await submit(clinician, { npi: '1234567893' });
      expect(res.errors).toBeUndefined();
      expect(res.data.submitCredentials.npi).toBe('1234567893');
    });

    it('refuses an anonymous caller', async () => {
      const before = await t.dataSource.query('SELECT count(*)::int AS n FROM verification_requests');
      expectError(await submit(null), 'UNAUTHENTICATED');
      expect(await t.dataSource.query('SELECT count(*)::int AS n FROM verification_requests')).toEqual(
        before,
      );
    });

    it('replaces the pending request when resubmitted before review', async () => {
      const clinician = await givenClinician(t);
      const first = dataOf(
        await submit(clinician, { licenseNumber: 'OLD-111', specialtyCodes: ['cardiology'] }),
        'submitCredentials',
      );
      const second = dataOf(
        await submit(clinician, {
          licenseNumber: 'NEW-222',
          jurisdiction: 'CA-QC',
          specialtyCodes: ['neurology', 'dermatology'],
        }),
        'submitCredentials',
      );
      expect(second.id).toBe(first.id);
      expect(second).toMatchObject({ status: 'PENDING', licenseNumber: 'NEW-222', jurisdiction: 'CA-QC' });
      expect(codes(second.specialties)).toEqual(['dermatology', 'neurology']);
      expect(await requestRows(clinician.id)).toEqual([
        { id: first.id, status: 'PENDING', license_number: 'NEW-222' },
      ]);
      expect(await requestSpecialties(first.id)).toEqual(['dermatology', 'neurology']);
      expect((await me(clinician)).verificationStatus).toBe('PENDING');
    });

    it('keeps one pending request when two submissions race', async () => {
      const clinician = await givenClinician(t);
      const results = await Promise.all(
        ['RACE-1', 'RACE-2', 'RACE-3'].map((licenseNumber) => submit(clinician, { licenseNumber })),
      );
      for (const res of results) expect(res.errors).toBeUndefined();
      const ids = new Set(results.map((res) => res.data.submitCredentials.id));
      expect(ids.size).toBe(1);
      const rows = await requestRows(clinician.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ id: [...ids][0], status: 'PENDING' });
    });

    it('refuses a licence expiry that is not a date, naming the field', async () => {
      const clinician = await givenClinician(t);
      expectError(await submit(clinician, { licenseExpiresOn: 'next spring' }), 'BAD_USER_INPUT', [
        'input.licenseExpiresOn',
      ]);
      expect(await requestRows(clinician.id)).toEqual([]);
    });

    it('keeps a verified clinician VERIFIED while an update is reviewed; a rejected update changes nothing', async () => {
      const clinician = await givenVerifiedClinician(t, admin, { specialtyCodes: ['cardiology'] });
      const update = dataOf(
        await submit(clinician, { jurisdiction: 'US-NY', specialtyCodes: ['neurology'] }),
        'submitCredentials',
      );
      expect(update.status).toBe('PENDING');
      let profile = await me(clinician);
      expect(profile).toMatchObject({ verificationStatus: 'VERIFIED', jurisdiction: 'CA-ON' });
      expect(codes(profile.specialties)).toEqual(['cardiology']);
      // Still allowed to do verified-only things while the update waits.
      expect(dataOf(await setAvailability(clinician, true), 'setConsultAvailability').acceptingConsults).toBe(
        true,
      );

      await review(t, admin, update.id, false, 'Licence number does not match the regulator register');
      profile = await me(clinician);
      expect(profile).toMatchObject({
        verificationStatus: 'VERIFIED',
        jurisdiction: 'CA-ON',
        acceptingConsults: true,
      });
      expect(codes(profile.specialties)).toEqual(['cardiology']);
    });

    it('applies an approved update of a verified clinician (new specialties and jurisdiction)', async () => {
      const clinician = await givenVerifiedClinician(t, admin, { specialtyCodes: ['cardiology'] });
      const update = await submitCredentials(t, clinician, {
        jurisdiction: 'US-NY',
        specialtyCodes: ['neurology', 'pediatrics'],
      });
      expect((await me(clinician)).verificationStatus).toBe('VERIFIED');
      await review(t, admin, update.id, true);
      const profile = await me(clinician);
      expect(profile).toMatchObject({ verificationStatus: 'VERIFIED', jurisdiction: 'US-NY' });
      expect(codes(profile.specialties)).toEqual(['neurology', 'pediatrics']);
    });
  });

  describe('the admin review queue', () => {
    const queue = (who: Account | null, variables: Record<string, unknown> = {}) =>
      t.gql(QUEUE, variables, { token: who?.accessToken });

    async function walk(variables: Record<string, unknown>, first: number) {
      const ids: string[] = [];
      const submittedAt: string[] = [];
      const totals = new Set<number>();
      let after: string | null = null;
      for (let pages = 0; pages < 1000; pages++) {
        const page: any = dataOf(await queue(admin, { ...variables, first, after }), 'verificationRequests');
        totals.add(page.totalCount);
        expect(page.edges.length).toBeLessThanOrEqual(first);
        for (const edge of page.edges) {
          ids.push(edge.node.id);
          submittedAt.push(edge.node.submittedAt);
        }
        if (!page.pageInfo.hasNextPage) {
          if (page.edges.length) expect(page.pageInfo.endCursor).toBe(page.edges.at(-1).cursor);
          return { ids, submittedAt, totals: [...totals] };
        }
        expect(page.edges).toHaveLength(first);
        after = page.pageInfo.endCursor;
      }
      throw new Error('pagination never ended');
    }

    it('is for admins only', async () => {
      const clinician = await givenVerifiedClinician(t, admin);
      expectError(await queue(clinician), 'FORBIDDEN');
      expectError(await queue(null), 'UNAUTHENTICATED');
    });

    it('filters by status', async () => {
      const pending = await submitCredentials(t, await givenClinician(t));
      const approvedBy = await givenClinician(t);
      const approved = await submitCredentials(t, approvedBy);
      await review(t, admin, approved.id, true);
      const rejected = await submitCredentials(t, await givenClinician(t));
      await review(t, admin, rejected.id, false, 'Not a licensed physician');

      for (const [status, mine, others] of [
        ['PENDING', pending.id, [approved.id, rejected.id]],
        ['VERIFIED', approved.id, [pending.id, rejected.id]],
        ['REJECTED', rejected.id, [pending.id, approved.id]],
      ] as const) {
        const { ids, totals } = await walk({ status }, 100);
        const [{ n }] = await t.dataSource.query(
          'SELECT count(*)::int AS n FROM verification_requests WHERE status = $1',
          [status],
        );
        expect(ids).toContain(mine);
        for (const other of others) expect(ids).not.toContain(other);
        expect(totals).toEqual([n]);
        expect(ids).toHaveLength(n);
        const statuses = await t.dataSource.query(
          'SELECT DISTINCT status FROM verification_requests WHERE id = ANY($1)',
          [ids],
        );
        expect(statuses).toEqual([{ status }]);
      }
      // No status: every request.
      const all = await walk({}, 100);
      const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM verification_requests');
      expect(all.totals).toEqual([n]);
      expect(all.ids).toEqual(expect.arrayContaining([pending.id, approved.id, rejected.id]));
    });

    it('lists the oldest submission first and pages through every request exactly once', async () => {
      const created: string[] = [];
      for (let i = 0; i < 5; i++) created.push((await submitCredentials(t, await givenClinician(t))).id);

      const { ids, submittedAt, totals } = await walk({ status: 'PENDING' }, 2);
      const expected = await t.dataSource.query(
        "SELECT id FROM verification_requests WHERE status = 'PENDING' ORDER BY submitted_at, id",
      );
      expect(ids).toEqual(expected.map((r: { id: string }) => r.id));
      expect(new Set(ids).size).toBe(ids.length);
      expect(totals).toEqual([ids.length]);
      const times = submittedAt.map((s) => Date.parse(s));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      // The five just submitted come last, in the order they were submitted.
      expect(ids.slice(-5)).toEqual(created);
    });

    it('refuses a page size above 100 or below 1', async () => {
      expectError(await queue(admin, { first: 101 }), 'BAD_USER_INPUT', ['first']);
      expectError(await queue(admin, { first: 0 }), 'BAD_USER_INPUT', ['first']);
      dataOf(await queue(admin, { first: 100 }), 'verificationRequests');
    });

    it.each([
      ['garbage', 'not-a-cursor!!'],
      ['valid base64 of something else', Buffer.from('{"a":1}').toString('base64url')],
      ['a cursor with a bad id', Buffer.from('["2024-01-01T00:00:00.000Z","x"]').toString('base64url')],
      [
        'a cursor with a number for the date',
        Buffer.from(JSON.stringify([123, randomUUID()])).toString('base64url'),
      ],
      [
        'a cursor with a date Postgres cannot read',
        Buffer.from(JSON.stringify(['March 7', randomUUID()])).toString('base64url'),
      ],
    ])('refuses %s as the after cursor', async (_label, after) => {
      expectError(await queue(admin, { after }), 'BAD_USER_INPUT', ['after']);
    });
  });

  describe('reviewVerification', () => {
    it('approves: the request records the reviewer, the clinician gets its specialties and jurisdiction', async () => {
      const clinician = await givenClinician(t);
      const request = await submitCredentials(t, clinician, {
        jurisdiction: 'CA-BC',
        specialtyCodes: ['dermatology', 'infectious-disease'],
      });
      const before = Date.now();
      const res = await t.gql(
        REVIEW,
        { input: { requestId: request.id, approve: true } },
        { token: admin.accessToken },
      );
      const reviewed = dataOf(res, 'reviewVerification');
      expect(reviewed).toMatchObject({
        id: request.id,
        status: 'VERIFIED',
        reviewer: { id: admin.id },
        reason: null,
        clinician: { id: clinician.id },
      });
      expect(Date.parse(reviewed.reviewedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(reviewed.reviewedAt)).toBeLessThanOrEqual(Date.now() + 1000);

      const profile = await me(clinician);
      expect(profile).toMatchObject({
        verificationStatus: 'VERIFIED',
        jurisdiction: 'CA-BC',
        verificationNote: null,
      });
      expect(codes(profile.specialties)).toEqual(['dermatology', 'infectious-disease']);
      const [row] = await t.dataSource.query(
        'SELECT status, reviewer_id, reviewed_at FROM verification_requests WHERE id = $1',
        [request.id],
      );
      expect(row).toMatchObject({ status: 'VERIFIED', reviewer_id: admin.id });
      expect(row.reviewed_at).toBeInstanceOf(Date);
    });

    it('requires a reason to reject, and leaves the request pending without one', async () => {
      const clinician = await givenPendingClinician(t);
      const [{ id }] = await requestRows(clinician.id);
      for (const reason of [undefined, null, '', '   ']) {
        const res = await t.gql(
          REVIEW,
          { input: { requestId: id, approve: false, reason } },
          { token: admin.accessToken },
        );
        expectError(res, 'BAD_USER_INPUT', ['input.reason']);
      }
      expect(await requestRows(clinician.id)).toMatchObject([{ id, status: 'PENDING' }]);
      expect((await me(clinician)).verificationStatus).toBe('PENDING');
    });

    it('rejects: the clinician is REJECTED and told why', async () => {
      const clinician = await givenClinician(t);
      const request = await submitCredentials(t, clinician);
      const reason = 'The licence number is not on the CPSO register';
      const reviewed = await review(t, admin, request.id, false, reason);
      expect(reviewed).toMatchObject({ status: 'REJECTED', reason });
      const profile = await me(clinician);
      expect(profile.verificationStatus).toBe('REJECTED');
      expect(profile.verificationNote).toContain(reason);
      expectError(await setAvailability(clinician, true), 'FORBIDDEN');
      // They may try again.
      await submitCredentials(t, clinician);
      expect((await me(clinician)).verificationStatus).toBe('PENDING');
    });

    it('refuses to review a request twice', async () => {
      const approved = await submitCredentials(t, await givenClinician(t));
      await review(t, admin, approved.id, true);
      const rejected = await submitCredentials(t, await givenClinician(t));
      await review(t, admin, rejected.id, false, 'Incomplete');
      for (const [id, approve] of [
        [approved.id, true],
        [approved.id, false],
        [rejected.id, true],
      ] as const) {
        const res = await t.gql(
          REVIEW,
          { input: { requestId: id, approve, reason: 'again' } },
          { token: admin.accessToken },
        );
        expectError(res, 'CONFLICT');
      }
      const rows = await t.dataSource.query(
        'SELECT id, status FROM verification_requests WHERE id = ANY($1) ORDER BY status',
        [[approved.id, rejected.id]],
      );
      expect(rows).toEqual([
        { id: rejected.id, status: 'REJECTED' },
        { id: approved.id, status: 'VERIFIED' },
      ]);
    });

    it('answers NOT_FOUND for an unknown request', async () => {
      for (const requestId of [randomUUID(), 'not-a-uuid']) {
        const res = await t.gql(
          REVIEW,
          { input: { requestId, approve: true } },
          { token: admin.accessToken },
        );
        expectError(res, 'NOT_FOUND');
      }
    });

    it('is for admins only', async () => {
      const clinician = await givenPendingClinician(t);
      const [{ id }] = await requestRows(clinician.id);
      const verified = await givenVerifiedClinician(t, admin);
      for (const who of [verified, clinician]) {
        const res = await t.gql(
          REVIEW,
          { input: { requestId: id, approve: true } },
          { token: who.accessToken },
        );
        expectError(res, 'FORBIDDEN');
      }
      expectError(await t.gql(REVIEW, { input: { requestId: id, approve: true } }), 'UNAUTHENTICATED');
      expect(await requestRows(clinician.id)).toMatchObject([{ status: 'PENDING' }]);
    });

    it('does not let an admin review their own request', async () => {
      const secondAdmin = await givenAnotherAdmin();
      const request = await submitCredentials(t, secondAdmin);
      const res = await t.gql(
        REVIEW,
        { input: { requestId: request.id, approve: true } },
        { token: secondAdmin.accessToken },
      );
      expectError(res, 'FORBIDDEN');
      expect(await requestRows(secondAdmin.id)).toMatchObject([{ id: request.id, status: 'PENDING' }]);
      // Another admin may.
      expect((await review(t, admin, request.id, true)).status).toBe('VERIFIED');
    });

    it('lets only one of two racing reviews decide', async () => {
      const clinician = await givenClinician(t);
      const request = await submitCredentials(t, clinician);
      const [approve, reject] = await Promise.all(
        [true, false].map((approve) =>
          t.gql(
            REVIEW,
            { input: { requestId: request.id, approve, reason: approve ? null : 'Duplicate account' } },
            { token: admin.accessToken },
          ),
        ),
      );
      const outcomes = [approve, reject].map((res) => res.errors?.[0]?.extensions?.code ?? 'OK').sort();
      expect(outcomes).toEqual(['CONFLICT', 'OK']);
      const [row] = await requestRows(clinician.id);
      const expected = approve.errors ? 'REJECTED' : 'VERIFIED';
      expect(row.status).toBe(expected);
      expect((await me(clinician)).verificationStatus).toBe(expected);
      const decisions = await t.dataSource.query(
        "SELECT action FROM audit_log WHERE target_id = $1 AND action IN ('verification.approved', 'verification.rejected')",
        [request.id],
      );
      expect(decisions).toHaveLength(1);
    });

    it('refuses to approve a request whose licence expiry has passed since submission', async () => {
      const clinician = await givenClinician(t);
      const request = await submitCredentials(t, clinician, { licenseExpiresOn: inDays(30) });
      await t.dataSource.query(
        "UPDATE verification_requests SET license_expires_on = now() - interval '1 minute' WHERE id = $1",
        [request.id],
      );
      const res = await t.gql(
        REVIEW,
        { input: { requestId: request.id, approve: true } },
        { token: admin.accessToken },
      );
      expectError(res, 'CONFLICT');
      // The whole review rolled back.
      expect(await requestRows(clinician.id)).toMatchObject([{ id: request.id, status: 'PENDING' }]);
      expect((await me(clinician)).verificationStatus).toBe('PENDING');
      const audit = await t.dataSource.query(
        "SELECT 1 FROM audit_log WHERE target_id = $1 AND action = 'verification.approved'",
        [request.id],
      );
      expect(audit).toHaveLength(0);
    });
  });

  describe('revokeVerification', () => {
    it('applies to the very next request made with the same access token', async () => {
      const clinician = await givenVerifiedClinician(t, admin);
      expect(dataOf(await setAvailability(clinician, true), 'setConsultAvailability').acceptingConsults).toBe(
        true,
      );
      const res = await t.gql(
        REVOKE,
        { id: clinician.id, reason: 'Licence suspended by the regulator' },
        { token: admin.accessToken },
      );
      expect(dataOf(res, 'revokeVerification')).toEqual({
        id: clinician.id,
        verificationStatus: 'REVOKED',
        acceptingConsults: false,
      });

      const profile = await me(clinician);
      expect(profile).toMatchObject({ verificationStatus: 'REVOKED', acceptingConsults: false });
      expect(profile.verificationNote).toContain('Licence suspended by the regulator');
      expectError(await setAvailability(clinician, true), 'FORBIDDEN');
      const [row] = await t.dataSource.query('SELECT accepting_consults FROM clinicians WHERE id = $1', [
        clinician.id,
      ]);
      expect(row.accepting_consults).toBe(false);
    });

    it('is restored by a new submission and approval', async () => {
      const clinician = await givenRevokedClinician(t, admin);
      const request = await submitCredentials(t, clinician, { specialtyCodes: ['neurology'] });
      expect((await me(clinician)).verificationStatus).toBe('PENDING');
      await review(t, admin, request.id, true);
      const profile = await me(clinician);
      expect(profile).toMatchObject({ verificationStatus: 'VERIFIED', verificationNote: null });
      expect(codes(profile.specialties)).toEqual(['neurology']);
      expect(dataOf(await setAvailability(clinician, true), 'setConsultAvailability').acceptingConsults).toBe(
        true,
      );
    });

    it('closes a pending update, so approving it later cannot undo the revocation', async () => {
      const clinician = await givenVerifiedClinician(t, admin);
      const update = await submitCredentials(t, clinician, { specialtyCodes: ['neurology'] });
      await t.gql(REVOKE, { id: clinician.id, reason: 'Licence suspended' }, { token: admin.accessToken });
      const [row] = await t.dataSource.query(
        'SELECT status, reason FROM verification_requests WHERE id = $1',
        [update.id],
      );
      expect(row).toEqual({ status: 'REJECTED', reason: 'closed by revocation' });
      const approve = await t.gql(
        'mutation($input: ReviewInput!) { reviewVerification(input: $input) { id } }',
        { input: { requestId: update.id, approve: true } },
        { token: admin.accessToken },
      );
      expectError(approve, 'CONFLICT');
      expect((await me(clinician)).verificationStatus).toBe('REVOKED');
    });

    it('requires a reason', async () => {
      const clinician = await givenVerifiedClinician(t, admin);
      for (const reason of ['', '   ', 'x'.repeat(501)]) {
        expectError(
          await t.gql(REVOKE, { id: clinician.id, reason }, { token: admin.accessToken }),
          'BAD_USER_INPUT',
          ['reason'],
        );
      }
      expect((await me(clinician)).verificationStatus).toBe('VERIFIED');
    });

    it('is for admins only, and answers NOT_FOUND for an unknown clinician', async () => {
      const target = await givenVerifiedClinician(t, admin);
      const other = await givenVerifiedClinician(t, admin);
      const variables = { id: target.id, reason: 'No reason' };
      expectError(await t.gql(REVOKE, variables, { token: other.accessToken }), 'FORBIDDEN');
      expectError(await t.gql(REVOKE, variables, { token: target.accessToken }), 'FORBIDDEN');
      expectError(await t.gql(REVOKE, variables), 'UNAUTHENTICATED');
      expect((await me(target)).verificationStatus).toBe('VERIFIED');
      for (const id of [randomUUID(), 'nope']) {
        expectError(await t.gql(REVOKE, { id, reason: 'Gone' }, { token: admin.accessToken }), 'NOT_FOUND');
      }
    });
  });

  describe('licence expiry', () => {
    it('lapses verification on the next request once the expiry date has passed', async () => {
      const clinician = await givenVerifiedClinician(t, admin, { licenseExpiresOn: inDays(90) });
      expect(dataOf(await setAvailability(clinician, true), 'setConsultAvailability').acceptingConsults).toBe(
        true,
      );
      await t.dataSource.query(
        "UPDATE clinicians SET license_expires_on = now() - interval '1 minute' WHERE id = $1",
        [clinician.id],
      );

      const profile = await me(clinician);
      expect(profile).toMatchObject({ verificationStatus: 'EXPIRED', acceptingConsults: false });
      expect(profile.verificationNote).toMatch(/licence expiry date \(\d{4}-\d{2}-\d{2}\) has passed/);
      expectError(await setAvailability(clinician, true), 'FORBIDDEN');
      const audit = await t.dataSource.query(
        "SELECT actor_id, target_type, target_id FROM audit_log WHERE action = 'verification.expired' AND target_id = $1",
        [clinician.id],
      );
      expect(audit).toEqual([{ actor_id: null, target_type: 'clinician', target_id: clinician.id }]);

      // Renewed credentials restore the verification.
      const request = await submitCredentials(t, clinician, { licenseExpiresOn: inDays(365) });
      expect((await me(clinician)).verificationStatus).toBe('PENDING');
      await review(t, admin, request.id, true);
      const renewed = await me(clinician);
      expect(renewed).toMatchObject({ verificationStatus: 'VERIFIED', verificationNote: null });
      expect(Date.parse(renewed.licenseExpiresOn)).toBeGreaterThan(Date.now() + 300 * DAY);
      dataOf(await setAvailability(clinician, true), 'setConsultAvailability');
      // Expired once, audited once.
      const rows = await t.dataSource.query(
        "SELECT 1 FROM audit_log WHERE action = 'verification.expired' AND target_id = $1",
        [clinician.id],
      );
      expect(rows).toHaveLength(1);
    });

    it('shows EXPIRED to everyone else before the clinician makes another request', async () => {
      const clinician = await givenVerifiedClinician(t, admin, { licenseExpiresOn: inDays(90) });
      dataOf(await setAvailability(clinician, true), 'setConsultAvailability');
      await t.dataSource.query(
        "UPDATE clinicians SET license_expires_on = now() - interval '1 minute' WHERE id = $1",
        [clinician.id],
      );
      const seen = await t.gql(
        'query($id: ID!) { clinician(id: $id) { verificationStatus acceptingConsults } }',
        {
          id: clinician.id,
        },
      );
      expect(seen.data.clinician).toEqual({ verificationStatus: 'EXPIRED', acceptingConsults: false });
    });

    it('lapses on its own when the real expiry instant passes', async () => {
      const clinician = await givenClinician(t);
      const request = dataOf(
        await submit(clinician, { licenseExpiresOn: new Date(Date.now() + 1500).toISOString() }),
        'submitCredentials',
      );
      await review(t, admin, request.id, true);
      expect((await me(clinician)).verificationStatus).toBe('VERIFIED');
      await new Promise((resolve) => setTimeout(resolve, 1600));
      expect((await me(clinician)).verificationStatus).toBe('EXPIRED');
    });
  });

  describe('setConsultAvailability', () => {
    it('is for verified clinicians only', async () => {
      const unverified = await givenClinician(t);
      const pending = await givenPendingClinician(t);
      for (const who of [unverified, pending]) {
        expectError(await setAvailability(who, true), 'FORBIDDEN');
        const [row] = await t.dataSource.query('SELECT accepting_consults FROM clinicians WHERE id = $1', [
          who.id,
        ]);
        expect(row.accepting_consults).toBe(false);
      }
      expectError(await t.gql(SET_AVAILABILITY, { accepting: true }), 'UNAUTHENTICATED');
    });

    it('turns availability on and off for a verified clinician', async () => {
      const verified = await givenVerifiedClinician(t, admin);
      expect(dataOf(await setAvailability(verified, true), 'setConsultAvailability')).toEqual({
        id: verified.id,
        acceptingConsults: true,
        verificationStatus: 'VERIFIED',
      });
      expect((await me(verified)).acceptingConsults).toBe(true);
      expect(dataOf(await setAvailability(verified, false), 'setConsultAvailability').acceptingConsults).toBe(
        false,
      );
      expect((await me(verified)).acceptingConsults).toBe(false);
    });
  });

  describe('clinician profile', () => {
    it('shows the email only to the clinician themself and admins', async () => {
      const subject = await givenVerifiedClinician(t, admin);
      const other = await givenVerifiedClinician(t, admin);
      const lookup = async (token?: string) =>
        t.gql(CLINICIAN, { id: subject.id }, { token }).then((res) => dataOf(res, 'clinician'));

      expect((await lookup(subject.accessToken)).email).toBe(subject.email);
      expect((await lookup(admin.accessToken)).email).toBe(subject.email);
      expect(await lookup(other.accessToken)).toMatchObject({ id: subject.id, email: null });
      expect(await lookup()).toMatchObject({ id: subject.id, email: null, verificationStatus: 'VERIFIED' });
    });

    it('is null for an unknown or malformed id', async () => {
      for (const id of [randomUUID(), 'not-a-uuid', '']) {
        const res = await t.gql(CLINICIAN, { id }, { token: admin.accessToken });
        expect(res.errors).toBeUndefined();
        expect(res.data.clinician).toBeNull();
      }
    });
  });
});
