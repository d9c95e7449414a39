import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConsultsService } from '../src/consults/consults.service.js';
import { ConsultOffersService } from '../src/routing/consult-offers.service.js';
import { SPECIALTY_TERMS } from '../src/routing/specialty-inference.js';
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

const HOUR = 3_600_000;

describe('consult routing', () => {
  let t: TestApp;
  let admin: Account;
  let forumId: string;

  beforeAll(async () => {
    t = await createTestApp({ JOBS_ENABLED: 'false', ROUTING_FANOUT: '3' });
    admin = await givenAdmin(t);
    forumId = (await givenForum(t, admin, 'OPEN')).id;
  });
  afterAll(() => t.close());

  async function givenSpecialists(n: number, code: string, accepting = true): Promise<Account[]> {
    const specialists: Account[] = [];
    for (let i = 0; i < n; i++) {
      const s = await givenVerifiedClinician(t, admin, { specialtyCodes: [code] });
      if (accepting) {
        dataOf(
          await t.gql(
            'mutation { setConsultAvailability(accepting: true) { id } }',
            {},
            { token: s.accessToken },
          ),
          'setConsultAvailability',
        );
      }
      specialists.push(s);
    }
    return specialists;
  }

  const givenAuthor = () => givenVerifiedClinician(t, admin, { specialtyCodes: ['family-medicine'] });

  async function offersOf(
    caseId: string,
  ): Promise<{ specialist_id: string; status: string; specialty_code: string }[]> {
    return t.dataSource.query(
      'SELECT specialist_id, status, specialty_code FROM consult_offers WHERE case_id = $1 ORDER BY offered_at, id',
      [caseId],
    );
  }

  const consultOf = async (caseId: string, specialistId: string) =>
    (
      await t.dataSource.query(
        'SELECT id, status, due_at FROM consult_offers WHERE case_id = $1 AND specialist_id = $2',
        [caseId, specialistId],
      )
    )[0];

  it('offers each requested specialty to up to ROUTING_FANOUT eligible specialists, never the ineligible', async () => {
    const eligible = await givenSpecialists(4, 'urology');
    const notAccepting = await givenSpecialists(1, 'urology', false);
    const pendingUrologist = await givenClinician(t);
    await t.gql(
      'mutation($input: CredentialInput!) { submitCredentials(input: $input) { id } }',
      { input: { licenseNumber: 'LIC-PEND-1', jurisdiction: 'CA-ON', specialtyCodes: ['urology'] } },
      { token: pendingUrologist.accessToken },
    );
    const expired = (await givenSpecialists(1, 'urology'))[0];
    await t.dataSource.query(
      "UPDATE clinicians SET license_expires_on = now() - interval '1 day' WHERE id = $1",
      [expired.id],
    );
    const authorUrologist = (await givenSpecialists(1, 'urology'))[0];

    const kase = await givenCase(t, authorUrologist, forumId, { specialtyCodes: ['urology'] });
    const offers = await offersOf(kase.id);
    expect(offers).toHaveLength(3);
    const offered = new Set(offers.map((o) => o.specialist_id));
    for (const id of offered) expect(eligible.map((s) => s.id)).toContain(id);
    for (const excluded of [notAccepting[0], pendingUrologist, expired, authorUrologist])
      expect(offered.has(excluded.id)).toBe(false);
    expect(offers.every((o) => o.status === 'OFFERED' && o.specialty_code === 'urology')).toBe(true);
  });

  it('infers specialties from the text when the author names none, and says so', async () => {
    await givenSpecialists(1, 'cardiology');
    const author = await givenAuthor();
    const res = await t.gql(
      'mutation($input: PostCaseInput!) { postCase(input: $input) { case { id specialtiesInferred specialties { code } } } }',
      {
        input: {
          forumId,
          title: 'Exertional syncope with a new murmur',
          body: 'Exertional syncope twice this month, harsh systolic murmur, LVH on ECG. How urgent is echo?',
        },
      },
      { token: author.accessToken },
    );
    const posted = dataOf(res, 'postCase').case;
    expect(posted.specialtiesInferred).toBe(true);
    expect(posted.specialties.map((s: { code: string }) => s.code)).toContain('cardiology');
    expect((await offersOf(posted.id)).some((o) => o.specialty_code === 'cardiology')).toBe(true);
  });

  it('uses only specialty codes that exist', async () => {
    const [{ codes }] = await t.dataSource.query('SELECT array_agg(code) AS codes FROM specialties');
    for (const code of Object.keys(SPECIALTY_TERMS)) expect(codes).toContain(code);
  });

  it('spreads offers evenly: after many cases, any two specialists differ by at most one', async () => {
    const specialists = await givenSpecialists(5, 'nephrology');
    const author = await givenAuthor();
    for (let i = 0; i < 12; i++) await givenCase(t, author, forumId, { specialtyCodes: ['nephrology'] });
    const rows: { specialist_id: string; n: number }[] = await t.dataSource.query(
      `SELECT specialist_id, count(*)::int AS n FROM consult_offers WHERE specialty_code = 'nephrology' GROUP BY specialist_id`,
    );
    const counts = specialists.map((s) => rows.find((r) => r.specialist_id === s.id)?.n ?? 0);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(36);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  it('leaves hash joins on for the rest of the transaction, whether or not anyone was offered the case', async () => {
    await givenSpecialists(1, 'clinical-pharmacology');
    const author = await givenAuthor();
    const kase = await givenCase(t, author, forumId, { specialtyCodes: ['family-medicine'] });
    const routing = t.app.get(ConsultOffersService);
    for (const code of ['clinical-pharmacology', 'tropical-medicine']) {
      const setting = await t.dataSource.transaction(async (manager) => {
        await routing.routeCase(
          { caseId: kase.id, authorId: author.id, urgency: 'ROUTINE', specialtyCodes: [code] },
          manager,
        );
        return (await manager.query('SHOW enable_hashjoin'))[0].enable_hashjoin;
      });
      expect(setting).toBe('on');
    }
    expect((await offersOf(kase.id)).map((o) => o.specialty_code)).toContain('clinical-pharmacology');
  });

  it('never over-assigns when cases are posted concurrently', async () => {
    const specialists = await givenSpecialists(6, 'rheumatology');
    const authors = await Promise.all([givenAuthor(), givenAuthor(), givenAuthor()]);
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        givenCase(t, authors[i % 3], forumId, { specialtyCodes: ['rheumatology'] }),
      ),
    );
    const rows: { specialist_id: string; n: number }[] = await t.dataSource.query(
      `SELECT specialist_id, count(*)::int AS n FROM consult_offers WHERE specialty_code = 'rheumatology' GROUP BY specialist_id`,
    );
    const counts = specialists.map((s) => rows.find((r) => r.specialist_id === s.id)?.n ?? 0);
    // 12 cases x 3 offers over 6 specialists: exactly 6 each when no two posts used a stale view.
    expect(counts).toEqual([6, 6, 6, 6, 6, 6]);
    const load: { open_offers: number }[] = await t.dataSource.query(
      'SELECT open_offers FROM routing_load WHERE clinician_id = ANY($1)',
      [specialists.map((s) => s.id)],
    );
    expect(load.map((l) => l.open_offers)).toEqual([6, 6, 6, 6, 6, 6]);
  });

  it('re-routes a decline to the next eligible specialist, never back to one who declined', async () => {
    const specialists = await givenSpecialists(3, 'ophthalmology');
    const author = await givenAuthor();
    const res = await t.gql(
      'mutation($input: PostCaseInput!) { postCase(input: $input) { case { id } } }',
      {
        input: {
          forumId,
          title: 'Painful red eye',
          body: 'Painful red eye with photophobia for two days, no trauma.',
          specialtyCodes: ['ophthalmology'],
        },
      },
      { token: author.accessToken },
    );
    const caseId = dataOf(res, 'postCase').case.id;
    await t.dataSource.query('UPDATE routing_load SET open_offers = 0 WHERE clinician_id = ANY($1)', [
      specialists.map((s) => s.id),
    ]);
    const first = (await offersOf(caseId)).map((o) => o.specialist_id);
    expect(first).toHaveLength(3);

    const decliner = specialists.find((s) => s.id === first[0])!;
    const offer = await consultOf(caseId, decliner.id);
    const other = specialists.find((s) => s.id !== decliner.id)!;
    const forbidden = await t.gql(
      'mutation($id: ID!) { respondToConsult(id: $id, accept: false) { status } }',
      { id: offer.id },
      { token: other.accessToken },
    );
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const declined = await t.gql(
      'mutation($id: ID!) { respondToConsult(id: $id, accept: false) { status respondedAt } }',
      { id: offer.id },
      { token: decliner.accessToken },
    );
    expect(dataOf(declined, 'respondToConsult')).toMatchObject({ status: 'DECLINED' });
    // All three ophthalmologists were already offered this case: nobody new, and the decliner is not asked again.
    const after = await offersOf(caseId);
    expect(after).toHaveLength(3);
    expect(after.filter((o) => o.specialist_id === decliner.id).map((o) => o.status)).toEqual(['DECLINED']);

    const newcomer = (await givenSpecialists(1, 'ophthalmology'))[0];
    const second = specialists.find((s) => s.id === first[1])!;
    await t.gql(
      'mutation($id: ID!) { respondToConsult(id: $id, accept: false) { status } }',
      { id: (await consultOf(caseId, second.id)).id },
      { token: second.accessToken },
    );
    const rerouted = await offersOf(caseId);
    expect(rerouted).toHaveLength(4);
    expect(rerouted.at(-1)).toMatchObject({ specialist_id: newcomer.id, status: 'OFFERED' });
  });

  it('expires overdue offers when the clock passes their deadline, and re-routes them', async () => {
    const specialists = await givenSpecialists(2, 'hematology');
    const author = await givenAuthor();
    const withFanout = await t.gql(
      'mutation($input: PostCaseInput!) { postCase(input: $input) { case { id } } }',
      {
        input: {
          forumId,
          title: 'Unexplained thrombocytopenia',
          body: 'Platelets 45 with no bleeding; smear pending. Next steps?',
          specialtyCodes: ['hematology'],
          urgency: 'URGENT',
        },
      },
      { token: author.accessToken },
    );
    const caseId = dataOf(withFanout, 'postCase').case.id;
    const offers = await offersOf(caseId);
    expect(offers).toHaveLength(2);
    const [{ due_at }] = await t.dataSource.query(
      'SELECT due_at FROM consult_offers WHERE case_id = $1 LIMIT 1',
      [caseId],
    );
    // Urgent: due in hours, not days.
    expect(new Date(due_at).getTime() - Date.now()).toBeLessThanOrEqual(4 * HOUR + 60_000);

    const late = await givenSpecialists(1, 'hematology');
    const consults = t.app.get(ConsultsService);
    expect(await consults.expireDue(new Date(Date.now() + HOUR))).toBe(0);
    // Move these offers' deadlines into the past instead of waiting for them.
    await t.dataSource.query(
      "UPDATE consult_offers SET due_at = now() - interval '1 minute' WHERE case_id = $1",
      [caseId],
    );
    const expired = await consults.expireDue(new Date());
    expect(expired).toBeGreaterThanOrEqual(2);
    const after = await offersOf(caseId);
    expect(
      after.filter((o) => specialists.some((s) => s.id === o.specialist_id)).map((o) => o.status),
    ).toEqual(['EXPIRED', 'EXPIRED']);
    expect(after.at(-1)).toMatchObject({ specialist_id: late[0].id, status: 'OFFERED' });
  });

  it('pauses the deadline while the specialist waits for more information, and resumes on the author’s reply', async () => {
    const [specialist] = await givenSpecialists(1, 'endocrinology');
    const author = await givenAuthor();
    const kase = await givenCase(t, author, forumId, { specialtyCodes: ['endocrinology'] });
    const offer = await consultOf(kase.id, specialist.id);
    const asked = await t.gql(
      'mutation($id: ID!, $q: String!) { requestMoreInfo(consultId: $id, question: $q) { status question } }',
      { id: offer.id, q: 'What was the TSH? Please ask Dr. Jane Hopper at 416-555-0123.' },
      { token: specialist.accessToken },
    );
    const info = dataOf(asked, 'requestMoreInfo');
    expect(info.status).toBe('INFO_REQUESTED');
    expect(info.question).not.toContain('Hopper');
    expect(info.question).not.toContain('555-0123');

    // Far past the original deadline: a paused offer does not expire.
    await t.app.get(ConsultsService).expireDue(new Date(Date.now() + 30 * 24 * HOUR));
    expect((await consultOf(kase.id, specialist.id)).status).toBe('INFO_REQUESTED');

    await givenReply(t, author, kase.id, 'TSH was 0.01 with a free T4 of 40.');
    const resumed = await consultOf(kase.id, specialist.id);
    expect(resumed.status).toBe('ACCEPTED');
    const remaining = new Date(resumed.due_at).getTime() - Date.now();
    expect(remaining).toBeGreaterThan(47 * HOUR);
    expect(remaining).toBeLessThanOrEqual(48 * HOUR);
  });

  it('marks an offer ANSWERED when the specialist replies, and frees their load', async () => {
    const [specialist] = await givenSpecialists(1, 'pulmonology');
    const author = await givenAuthor();
    const kase = await givenCase(t, author, forumId, { specialtyCodes: ['pulmonology'] });
    const before = (
      await t.dataSource.query('SELECT open_offers FROM routing_load WHERE clinician_id = $1', [
        specialist.id,
      ])
    )[0].open_offers;
    await givenReply(t, specialist, kase.id, 'Get spirometry with bronchodilator response first.');
    expect((await consultOf(kase.id, specialist.id)).status).toBe('ANSWERED');
    const after = (
      await t.dataSource.query('SELECT open_offers FROM routing_load WHERE clinician_id = $1', [
        specialist.id,
      ])
    )[0].open_offers;
    expect(after).toBe(before - 1);
  });

  it('leaves offers for cases the specialist can no longer read out of the inbox', async () => {
    const [specialist] = await givenSpecialists(1, 'otolaryngology');
    const author = await givenAuthor();
    const kept = await givenCase(t, author, forumId, { specialtyCodes: ['otolaryngology'] });
    const removed = await givenCase(t, author, forumId, { specialtyCodes: ['otolaryngology'] });
    await t.gql(
      'mutation($id: ID!) { removeCase(id: $id) }',
      { id: removed.id },
      { token: author.accessToken },
    );
    const inbox = await t.gql(
      '{ myConsults { totalCount edges { node { case { id } } } } }',
      {},
      { token: specialist.accessToken },
    );
    const ids = dataOf(inbox, 'myConsults').edges.map(
      (e: { node: { case: { id: string } } }) => e.node.case.id,
    );
    expect(ids).toEqual([kept.id]);
    expect(inbox.data.myConsults.totalCount).toBe(1);
  });

  it('shows Case.consults to the author, admins and the offered specialist only', async () => {
    const specialists = await givenSpecialists(2, 'psychiatry');
    const author = await givenAuthor();
    const bystander = await givenAuthor();
    const kase = await givenCase(t, author, forumId, { specialtyCodes: ['psychiatry'] });
    const query =
      'query($id: ID!) { case(id: $id) { consults { specialist { id } status specialty { code } case { id } } } }';
    const seen = async (who: Account | null) =>
      (await t.gql(query, { id: kase.id }, { token: who?.accessToken })).data.case.consults.map(
        (c: { specialist: { id: string } }) => c.specialist.id,
      );
    expect((await seen(author)).sort()).toEqual(specialists.map((s) => s.id).sort());
    expect((await seen(admin)).sort()).toEqual(specialists.map((s) => s.id).sort());
    expect(await seen(specialists[0])).toEqual([specialists[0].id]);
    expect(await seen(bystander)).toEqual([]);
    expect(await seen(null)).toEqual([]);
  });

  it('lists a specialist’s inbox by status, and records the outcome when the author closes the case', async () => {
    const [specialist] = await givenSpecialists(1, 'geriatrics');
    const author = await givenAuthor();
    const kase = await givenCase(t, author, forumId, { specialtyCodes: ['geriatrics'] });
    const inbox = await t.gql(
      '{ myConsults(status: OFFERED) { totalCount edges { node { id status case { id } } } } }',
      {},
      { token: specialist.accessToken },
    );
    expect(
      dataOf(inbox, 'myConsults').edges.map((e: { node: { case: { id: string } } }) => e.node.case.id),
    ).toContain(kase.id);
    const offer = await consultOf(kase.id, specialist.id);
    await t.gql(
      'mutation($id: ID!) { respondToConsult(id: $id, accept: true) { status } }',
      { id: offer.id },
      { token: specialist.accessToken },
    );

    const notAuthor = await t.gql(
      'mutation($id: ID!) { closeCase(id: $id, outcome: REFERRAL_AVOIDED) { status } }',
      { id: kase.id },
      { token: specialist.accessToken },
    );
    expect(notAuthor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const closed = await t.gql(
      'mutation($id: ID!) { closeCase(id: $id, outcome: REFERRAL_AVOIDED) { status outcome } }',
      { id: kase.id },
      { token: author.accessToken },
    );
    expect(dataOf(closed, 'closeCase')).toEqual({ status: 'RESOLVED', outcome: 'REFERRAL_AVOIDED' });
    expect((await consultOf(kase.id, specialist.id)).status).toBe('EXPIRED');

    const metrics = await t.gql(
      'query($input: ConsultMetricsInput!) { consultMetrics(input: $input) { specialty { code } cases casesResponded medianHoursToFirstResponse outcomes { outcome cases } } }',
      {
        input: {
          from: new Date(Date.now() - HOUR).toISOString(),
          to: new Date(Date.now() + HOUR).toISOString(),
        },
      },
      { token: admin.accessToken },
    );
    const geriatrics = dataOf(metrics, 'consultMetrics').find(
      (m: { specialty: { code: string } }) => m.specialty.code === 'geriatrics',
    );
    expect(geriatrics).toMatchObject({
      cases: 1,
      casesResponded: 1,
      outcomes: [{ outcome: 'REFERRAL_AVOIDED', cases: 1 }],
    });
    expect(geriatrics.medianHoursToFirstResponse).toBeGreaterThanOrEqual(0);
    expect(geriatrics.medianHoursToFirstResponse).toBeLessThan(1);
    const forbidden = await t.gql(
      'query($input: ConsultMetricsInput!) { consultMetrics(input: $input) { cases } }',
      { input: { from: new Date(0).toISOString(), to: new Date().toISOString() } },
      { token: author.accessToken },
    );
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('consult expiry jobs survive a restart', () => {
  it('runs a queued expiry job on the next instance after the first one stopped', async () => {
    const first = await createTestApp({ JOBS_ENABLED: 'true' });
    const admin = await givenAdmin(first);
    const forum = await givenForum(first, admin, 'OPEN');
    const specialist = await givenVerifiedClinician(first, admin, { specialtyCodes: ['oncology'] });
    await first.gql(
      'mutation { setConsultAvailability(accepting: true) { id } }',
      {},
      { token: specialist.accessToken },
    );
    const author = await givenVerifiedClinician(first, admin, { specialtyCodes: ['family-medicine'] });
    const kase = await givenCase(first, author, forum.id, { specialtyCodes: ['oncology'] });
    // Wait for the offer's expiry job to be queued, then stop this instance.
    const queued = async () =>
      (
        await first.dataSource.query(
          "SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'consult-expire-offer'",
        )
      )[0].n;
    for (let i = 0; i < 50 && (await queued()) === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(await queued()).toBe(1);
    await first.stop();

    // The deadline passes while no instance runs; a new instance picks the job up.
    const second = await createTestApp({ JOBS_ENABLED: 'true' }, { database: first.database });
    try {
      await second.dataSource.query(
        "UPDATE consult_offers SET due_at = now() - interval '1 minute' WHERE case_id = $1",
        [kase.id],
      );
      await second.dataSource.query(
        "UPDATE pgboss.job SET start_after = now() WHERE name = 'consult-expire-offer'",
      );
      let status = '';
      for (let i = 0; i < 60 && status !== 'EXPIRED'; i++) {
        await new Promise((r) => setTimeout(r, 250));
        status = (
          await second.dataSource.query('SELECT status FROM consult_offers WHERE case_id = $1', [kase.id])
        )[0].status;
      }
      expect(status).toBe('EXPIRED');
    } finally {
      await second.close();
    }
  }, 60_000);
});
