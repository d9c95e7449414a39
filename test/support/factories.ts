import { randomBytes } from 'node:crypto';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type TestApp } from './test-app.js';

export interface Account {
  id: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

const AUTH_FIELDS = 'accessToken refreshToken clinician { id }';

function unique(): string {
  return randomBytes(4).toString('hex');
}

/** Throws with the GraphQL errors when a setup step fails, so a broken factory is obvious. */
export function dataOf<T = any>(response: { data: any; errors?: unknown }, field: string): T {
  if (response.errors || !response.data?.[field]) {
    throw new Error(`${field} failed: ${JSON.stringify(response.errors)}`);
  }
  return response.data[field];
}

export async function signIn(t: TestApp, email: string, password: string): Promise<Account> {
  const res = await t.gql(`mutation($input: LoginInput!) { login(input: $input) { ${AUTH_FIELDS} } }`, {
    input: { email, password },
  });
  const payload = dataOf(res, 'login');
  return {
    id: payload.clinician.id,
    email,
    password,
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
  };
}

export function givenAdmin(t: TestApp): Promise<Account> {
  return signIn(t, ADMIN_EMAIL, ADMIN_PASSWORD);
}

/** A newly registered, unverified clinician. */
export async function givenClinician(t: TestApp, displayName = 'Dr. Test Clinician'): Promise<Account> {
  const email = `clinician-${unique()}@curbside.test`;
  const password = `lichen-harbor-${unique()}`;
  const res = await t.gql(`mutation($input: RegisterInput!) { register(input: $input) { ${AUTH_FIELDS} } }`, {
    input: { email, password, displayName },
  });
  const payload = dataOf(res, 'register');
  return {
    id: payload.clinician.id,
    email,
    password,
    accessToken: payload.accessToken,
    refreshToken: payload.refreshToken,
  };
}

export interface CredentialsOverrides {
  jurisdiction?: string;
  specialtyCodes?: string[];
  licenseExpiresOn?: string | null;
  npi?: string | null;
}

export async function submitCredentials(t: TestApp, who: Account, overrides: CredentialsOverrides = {}) {
  const res = await t.gql(
    `mutation($input: CredentialInput!) { submitCredentials(input: $input) { id status } }`,
    {
      input: {
        licenseNumber: `LIC-${unique()}`,
        jurisdiction: overrides.jurisdiction ?? 'CA-ON',
        specialtyCodes: overrides.specialtyCodes ?? ['cardiology'],
        licenseExpiresOn: overrides.licenseExpiresOn ?? null,
        npi: overrides.npi ?? null,
      },
    },
    { token: who.accessToken },
  );
  return dataOf<{ id: string; status: string }>(res, 'submitCredentials');
}

export async function review(
  t: TestApp,
  admin: Account,
  requestId: string,
  approve: boolean,
  reason?: string,
) {
  const res = await t.gql(
    `mutation($input: ReviewInput!) { reviewVerification(input: $input) { id status reason } }`,
    { input: { requestId, approve, reason } },
    { token: admin.accessToken },
  );
  return dataOf(res, 'reviewVerification');
}

/** A clinician who registered, submitted credentials and was approved by an admin. */
export async function givenVerifiedClinician(
  t: TestApp,
  admin: Account,
  overrides: CredentialsOverrides = {},
): Promise<Account> {
  const clinician = await givenClinician(t);
  const request = await submitCredentials(t, clinician, overrides);
  await review(t, admin, request.id, true);
  return clinician;
}

/** A clinician whose credentials are waiting for review. */
export async function givenPendingClinician(t: TestApp): Promise<Account> {
  const clinician = await givenClinician(t);
  await submitCredentials(t, clinician);
  return clinician;
}

export async function givenRevokedClinician(t: TestApp, admin: Account): Promise<Account> {
  const clinician = await givenVerifiedClinician(t, admin);
  const res = await t.gql(
    'mutation($id: ID!) { revokeVerification(clinicianId: $id, reason: "Licence suspended by regulator") { id } }',
    { id: clinician.id },
    { token: admin.accessToken },
  );
  dataOf(res, 'revokeVerification');
  return clinician;
}

export type Visibility = 'OPEN' | 'PRIVATE';

export async function givenForum(t: TestApp, admin: Account, visibility: Visibility = 'OPEN') {
  const slug = `${visibility.toLowerCase()}-${unique()}`;
  const res = await t.gql(
    'mutation($input: CreateForumInput!) { createForum(input: $input) { id slug visibility } }',
    { input: { slug, name: `Forum ${slug}`, visibility } },
    { token: admin.accessToken },
  );
  return dataOf<{ id: string; slug: string; visibility: Visibility }>(res, 'createForum');
}

export interface CaseOverrides {
  title?: string;
  body?: string;
  tags?: string[];
  specialtyCodes?: string[];
  urgency?: 'ROUTINE' | 'URGENT';
}

/** A PHI-free case posted by a verified clinician. */
export async function givenCase(t: TestApp, author: Account, forumId: string, overrides: CaseOverrides = {}) {
  const res = await t.gql(
    `mutation($input: PostCaseInput!) { postCase(input: $input) { case { id version title body } redactions { kind } } }`,
    {
      input: {
        forumId,
        title: overrides.title ?? 'Recurrent fevers with a migratory rash',
        body:
          overrides.body ??
          'A 45-year-old woman has had recurrent fevers for 3 weeks with a migratory rash and arthralgia. ' +
            'Ferritin is markedly raised. What would you check next?',
        tags: overrides.tags ?? ['fever'],
        specialtyCodes: overrides.specialtyCodes ?? ['rheumatology'],
        urgency: overrides.urgency ?? 'ROUTINE',
      },
    },
    { token: author.accessToken },
  );
  return dataOf<{
    case: { id: string; version: number; title: string; body: string };
    redactions: { kind: string }[];
  }>(res, 'postCase').case;
}

export async function givenReply(
  t: TestApp,
  author: Account,
  caseId: string,
  body = 'Check ferritin trend and consider adult-onset Still disease.',
) {
  const res = await t.gql(
    'mutation($input: ReplyInput!) { replyToCase(input: $input) { id body } }',
    { input: { caseId, body } },
    { token: author.accessToken },
  );
  return dataOf<{ id: string; body: string }>(res, 'replyToCase');
}

export async function removeCase(t: TestApp, who: Account, caseId: string) {
  const res = await t.gql(
    'mutation($id: ID!) { removeCase(id: $id) }',
    { id: caseId },
    { token: who.accessToken },
  );
  return dataOf<boolean>(res, 'removeCase');
}

export async function flagContent(
  t: TestApp,
  who: Account,
  target: { caseId?: string; replyId?: string },
  reason: 'PHI' | 'INAPPROPRIATE' | 'MISINFORMATION' | 'OTHER' = 'PHI',
) {
  const res = await t.gql(
    'mutation($input: FlagInput!) { flagContent(input: $input) }',
    { input: { ...target, reason } },
    { token: who.accessToken },
  );
  return dataOf<boolean>(res, 'flagContent');
}
