import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type Account,
  dataOf,
  givenAdmin,
  givenCase,
  givenClinician,
  givenForum,
  givenPendingClinician,
  givenReply,
  givenRevokedClinician,
  givenVerifiedClinician,
} from './support/factories.js';
import { createTestApp, type GraphQLResponse, type TestApp } from './support/test-app.js';

const CASE_FIELDS = `id title body version tags status urgency editedAt removedAt hidden
  forum { id visibility } author { id } specialties { code }`;
const POST = `mutation($input: PostCaseInput!) {
  postCase(input: $input) { case { ${CASE_FIELDS} } redactions { kind start end replacement field } }
}`;
const EDIT = `mutation($id: ID!, $input: EditCaseInput!) { editCase(id: $id, input: $input) { ${CASE_FIELDS} } }`;
const REMOVE = 'mutation($id: ID!, $reason: String) { removeCase(id: $id, reason: $reason) }';
const READ = `query($id: ID!) {
  case(id: $id) { ${CASE_FIELDS} revisions { version title body tags editedAt editor { id } } }
}`;
const REPLY = 'mutation($input: ReplyInput!) { replyToCase(input: $input) { id body } }';
const FLAG = 'mutation($input: FlagInput!) { flagContent(input: $input) }';

/** A case written the way a hurried clinician would write it: full of identifiers. */
const PHI_TITLE = 'Rash after travel: Margaret Okonkwo seen at St. Bartholomew Hospital on 03/14/2024';
const PHI_BODY =
  'Patient Margaret Okonkwo (MRN 48213377) presented on 03/14/2024 to St. Bartholomew Hospital. ' +
  'She lives at 1427 Wexford Lane and can be reached at (416) 555-0192. Fever and rash for 3 weeks.';
const PHI_RAW = [
  'Margaret Okonkwo',
  'Okonkwo',
  '48213377',
  '03/14/2024',
  'Bartholomew',
  'Wexford',
  '555-0192',
];

const EDIT_TITLE = 'Edited title for Gwendolyn Achterberg';
const EDIT_BODY =
  'Update: Gwendolyn Achterberg was seen again on 14 Mar 2024 at Lakeshore General Hospital, ' +
  'MRN 99120044, 88 Birchmount Road; call 647-555-0133.';
const EDIT_RAW = [
  'Gwendolyn',
  'Achterberg',
  '14 Mar 2024',
  'Lakeshore General',
  '99120044',
  'Birchmount',
  '555-0133',
];

const REPLY_BODY =
  'I saw a similar case; ask Thaddeus Vanterpool, born 07/22/1961, phone 905-555-0147, at Riverside Community Hospital.';
const REPLY_RAW = ['Thaddeus', 'Vanterpool', '07/22/1961', '555-0147', 'Riverside Community'];

const REASON = 'Posted by mistake for Ingrid Castellanos, MRN 77301925';
const REASON_RAW = ['Ingrid', 'Castellanos', '77301925'];

const NOTE = 'The post identifies Rosalind Featherstone by name, phone 289-555-0178, seen 02/02/2024';
const NOTE_RAW = ['Rosalind', 'Featherstone', '555-0178', '02/02/2024'];

const PLACEHOLDER = /^\[[A-Z_]+\]$/;

function expectError(res: GraphQLResponse, code: string, fields?: string[]) {
  expect(res.errors).toHaveLength(1);
  expect(res.errors![0].extensions?.code).toBe(code);
  if (fields) expect(res.errors![0].extensions?.fields).toEqual(fields);
}

function expectNoneOf(text: string, raw: readonly string[]) {
  const lower = text.toLowerCase();
  for (const value of raw)
    expect({ value, found: lower.includes(value.toLowerCase()) }).toEqual({ value, found: false });
}

/** Applies findings (offsets into the submitted text) the way the engine says it did. */
function applyFindings(
  text: string,
  findings: { start: number; end: number; replacement: string }[],
): string {
  let out = text;
  for (const f of [...findings].sort((a, b) => b.start - a.start)) {
    out = out.slice(0, f.start) + f.replacement + out.slice(f.end);
  }
  return out;
}

describe('cases: posting, editing and removing', () => {
  let t: TestApp;
  let admin: Account;

  const post = (who: Account | null, input: Record<string, unknown>) =>
    t.gql(POST, { input }, { token: who?.accessToken });
  const edit = (who: Account | null, id: string, input: Record<string, unknown>) =>
    t.gql(EDIT, { id, input }, { token: who?.accessToken });
  const read = (who: Account | null, id: string) => t.gql(READ, { id }, { token: who?.accessToken });
  const caseRow = async (id: string) =>
    (await t.dataSource.query('SELECT * FROM cases WHERE id = $1', [id]))[0];
  const revisionRows = (id: string) =>
    t.dataSource.query('SELECT * FROM case_revisions WHERE case_id = $1 ORDER BY version', [id]);
  const casesBy = async (authorId: string) =>
    Number(
      (await t.dataSource.query('SELECT count(*) FROM cases WHERE author_id = $1', [authorId]))[0].count,
    );
  const auditFor = (targetId: string) =>
    t.dataSource.query(
      'SELECT action, actor_id, target_type, detail FROM audit_log WHERE target_id = $1 ORDER BY id',
      [targetId],
    );
  const validInput = (forumId: string, overrides: Record<string, unknown> = {}) => ({
    forumId,
    title: 'Unexplained hypercalcaemia in a runner',
    body: 'Calcium 3.1 mmol/L with suppressed PTH, normal renal function. No malignancy found so far.',
    tags: ['hypercalcaemia'],
    specialtyCodes: ['endocrinology'],
    ...overrides,
  });

  /**
   * Every text-like column of every table, cast to text, searched case-insensitively for each raw value.
   * Returns "table.column: value" for every hit.
   */
  async function scanDatabase(raw: readonly string[]): Promise<string[]> {
    const columns: { table_name: string; column_name: string }[] = await t.dataSource.query(
      `SELECT c.table_name, c.column_name
         FROM information_schema.columns c
         JOIN information_schema.tables tb ON tb.table_schema = c.table_schema AND tb.table_name = c.table_name
        WHERE c.table_schema = 'public' AND tb.table_type = 'BASE TABLE'
          AND (c.data_type IN ('text', 'character varying', 'character', 'tsvector', 'json', 'jsonb')
               OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))`,
    );
    expect(columns.length).toBeGreaterThan(20);
    const tables = new Set(columns.map((c) => c.table_name));
    for (const table of ['cases', 'case_revisions', 'replies', 'flags', 'audit_log'])
      expect(tables).toContain(table);
    const patterns = raw.map((value) => `%${value.toLowerCase()}%`);
    const hits: string[] = [];
    for (const { table_name, column_name } of columns) {
      const rows: { value: string }[] = await t.dataSource.query(
        `SELECT "${column_name}"::text AS value FROM "${table_name}" WHERE lower("${column_name}"::text) LIKE ANY ($1)`,
        [patterns],
      );
      for (const row of rows) {
        for (const value of raw) {
          if (row.value.toLowerCase().includes(value.toLowerCase()))
            hits.push(`${table_name}.${column_name}: ${value}`);
        }
      }
    }
    return hits;
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await givenAdmin(t);
  });
  afterAll(() => t.close());

  describe('postCase', () => {
    it('lets a verified clinician post to an open forum, storing the case and its first revision', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin, 'OPEN');
      const res = await post(
        author,
        validInput(forum.id, { urgency: 'URGENT', tags: [' Sports-Medicine ', 'pth'] }),
      );
      const payload = dataOf(res, 'postCase');
      expect(payload.redactions).toEqual([]);
      expect(payload.case).toMatchObject({
        title: 'Unexplained hypercalcaemia in a runner',
        version: 1,
        status: 'OPEN',
        urgency: 'URGENT',
        tags: ['sports-medicine', 'pth'],
        removedAt: null,
        hidden: false,
        forum: { id: forum.id },
        author: { id: author.id },
        specialties: [{ code: 'endocrinology' }],
      });
      const row = await caseRow(payload.case.id);
      expect(row).toMatchObject({ forum_id: forum.id, author_id: author.id, version: 1, removed_at: null });
      const revisions = await revisionRows(payload.case.id);
      expect(revisions).toHaveLength(1);
      expect(revisions[0]).toMatchObject({
        version: 1,
        title: row.title,
        body: row.body,
        editor_id: author.id,
      });
    });

    it('answers with the specialties the case is stored with, as a later read returns them', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin, 'OPEN');
      const fields = 'specialties { code name snomedCode }';
      const posted = dataOf(
        await t.gql(
          `mutation($input: PostCaseInput!) { postCase(input: $input) { case { id ${fields} } } }`,
          {
            input: validInput(forum.id, {
              specialtyCodes: ['Rheumatology', 'endocrinology', 'rheumatology'],
            }),
          },
          { token: author.accessToken },
        ),
        'postCase',
      ).case;
      const read = dataOf(
        await t.gql(
          `query($id: ID!) { case(id: $id) { ${fields} } }`,
          { id: posted.id },
          { token: author.accessToken },
        ),
        'case',
      );
      expect(posted.specialties.map((s: { code: string }) => s.code)).toEqual([
        'endocrinology',
        'rheumatology',
      ]);
      expect(posted.specialties[0].name).toBe('Endocrinology');
      expect(posted.specialties).toEqual(read.specialties);
    });

    it('lets a verified clinician post to a private forum', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin, 'PRIVATE');
      const payload = dataOf(await post(author, validInput(forum.id)), 'postCase');
      expect(payload.case.forum).toEqual({ id: forum.id, visibility: 'PRIVATE' });
      expect(await casesBy(author.id)).toBe(1);
    });

    it('refuses unverified, pending and revoked clinicians (FORBIDDEN) and anonymous callers (UNAUTHENTICATED)', async () => {
      const forum = await givenForum(t, admin, 'OPEN');
      const refused: [Account, string][] = [
        [await givenClinician(t), 'FORBIDDEN'],
        [await givenPendingClinician(t), 'FORBIDDEN'],
        [await givenRevokedClinician(t, admin), 'FORBIDDEN'],
      ];
      for (const [who, code] of refused) {
        const res = await post(who, validInput(forum.id));
        expectError(res, code);
        expect(res.data?.postCase ?? null).toBeNull();
        expect(await casesBy(who.id)).toBe(0);
      }
      expectError(await post(null, validInput(forum.id)), 'UNAUTHENTICATED');
      const [{ count }] = await t.dataSource.query(
        'SELECT count(*)::int AS count FROM cases WHERE forum_id = $1',
        [forum.id],
      );
      expect(count).toBe(0);
    });

    it('answers NOT_FOUND naming input.forumId for an unknown forum', async () => {
      const author = await givenVerifiedClinician(t, admin);
      expectError(await post(author, validInput(randomUUID())), 'NOT_FOUND', ['input.forumId']);
      expectError(await post(author, validInput('not-a-forum')), 'NOT_FOUND', ['input.forumId']);
      expect(await casesBy(author.id)).toBe(0);
    });

    it('answers BAD_USER_INPUT naming input.specialtyCodes for an unknown specialty', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin);
      const res = await post(author, validInput(forum.id, { specialtyCodes: ['cardiology', 'astrology'] }));
      expectError(res, 'BAD_USER_INPUT', ['input.specialtyCodes']);
      expect(await casesBy(author.id)).toBe(0);
    });

    it('validates title, body and tags, naming each field at fault', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin);
      const cases: [Record<string, unknown>, string[]][] = [
        [{ title: 'ab' }, ['input.title']],
        [{ title: '      ' }, ['input.title']],
        [{ title: 'x'.repeat(201) }, ['input.title']],
        [{ body: 'too short' }, ['input.body']],
        [{ body: 'y'.repeat(20_001) }, ['input.body']],
        [{ tags: ['has space'] }, ['input.tags']],
        [{ tags: Array.from({ length: 11 }, (_, i) => `tag-${i}`) }, ['input.tags']],
        [{ title: 'ab', body: 'short' }, ['input.title', 'input.body']],
      ];
      for (const [overrides, fields] of cases) {
        const res = await post(author, validInput(forum.id, overrides));
        expectError(res, 'BAD_USER_INPUT');
        expect([...res.errors![0].extensions!.fields].sort()).toEqual([...fields].sort());
      }
      expect(await casesBy(author.id)).toBe(0);
    });

    it.each([['john-smith'], ['margaret-okonkwo'], ['2024-03-14'], ['march-14'], ['416-555-0192']])(
      'refuses the tag %s with PHI_DETECTED naming input.tags, storing nothing and echoing nothing',
      async (tag) => {
        const author = await givenVerifiedClinician(t, admin);
        const forum = await givenForum(t, admin);
        const res = await post(author, validInput(forum.id, { tags: ['fever', tag] }));
        expectError(res, 'PHI_DETECTED', ['input.tags']);
        expect(JSON.stringify(res.errors)).not.toContain(tag);
        expect(await casesBy(author.id)).toBe(0);
        const [{ count }] = await t.dataSource.query(
          'SELECT count(*)::int AS count FROM case_revisions WHERE editor_id = $1',
          [author.id],
        );
        expect(count).toBe(0);
      },
    );

    it('keeps clinical tags (eponyms, abbreviations) that are not identifiers', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin);
      const tags = [
        'st-elevation',
        'covid-19',
        'still-disease',
        'crohn',
        'q-fever',
        'hiv',
        'pth',
        'afib',
        'pcos',
        'sle',
      ];
      const payload = dataOf(await post(author, validInput(forum.id, { tags })), 'postCase');
      expect(payload.case.tags).toEqual(tags);
    });
  });

  describe('de-identification before storage', () => {
    it('replaces identifiers with placeholders, reporting each with its kind, field and offsets', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin);
      const payload = dataOf(
        await post(author, validInput(forum.id, { title: PHI_TITLE, body: PHI_BODY })),
        'postCase',
      );
      const { redactions } = payload;
      const kinds = new Set(redactions.map((r: { kind: string }) => r.kind));
      for (const kind of ['NAME', 'DATE', 'PHONE', 'ID_NUMBER', 'INSTITUTION', 'LOCATION'])
        expect(kinds).toContain(kind);
      expect(new Set(redactions.map((r: { field: string }) => r.field))).toEqual(new Set(['title', 'body']));

      const submitted: Record<string, string> = { title: PHI_TITLE, body: PHI_BODY };
      for (const r of redactions) {
        expect(r.replacement).toMatch(PLACEHOLDER);
        expect(r.end).toBeGreaterThan(r.start);
        const removed = submitted[r.field].slice(r.start, r.end);
        expect(removed.trim().length).toBeGreaterThan(0);
        expect(removed).not.toContain('[');
      }
      // The offsets point into the submitted text: replaying them gives exactly what was stored.
      for (const field of ['title', 'body']) {
        const own = redactions.filter((r: { field: string }) => r.field === field);
        expect(applyFindings(submitted[field], own)).toBe(payload.case[field]);
      }
      // Each raw identifier was covered by some finding.
      const removedTexts = redactions.map((r: { field: string; start: number; end: number }) =>
        submitted[r.field].slice(r.start, r.end),
      );
      for (const value of ['Margaret Okonkwo', '48213377', '03/14/2024', '555-0192', 'Wexford']) {
        expect(removedTexts.some((text: string) => text.includes(value))).toBe(true);
      }

      for (const text of [payload.case.title, payload.case.body]) expectNoneOf(text, PHI_RAW);
      expect(payload.case.title).toContain('[NAME]');
      expect(payload.case.body).toEqual(expect.stringContaining('[PHONE]'));
      expect(payload.case.body).toContain('Fever and rash for 3 weeks.');

      const row = await caseRow(payload.case.id);
      expect(row.title).toBe(payload.case.title);
      expect(row.body).toBe(payload.case.body);
      const [revision] = await revisionRows(payload.case.id);
      expect(revision.title).toBe(payload.case.title);
      expect(revision.body).toBe(payload.case.body);
      const [{ search }] = await t.dataSource.query(
        'SELECT search::text AS search FROM cases WHERE id = $1',
        [payload.case.id],
      );
      expectNoneOf(search, PHI_RAW);
    });

    it('de-identifies edits, keeping only de-identified text in every revision', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin);
      const created = dataOf(
        await post(author, validInput(forum.id, { title: PHI_TITLE, body: PHI_BODY })),
        'postCase',
      );
      const edited = dataOf(
        await edit(author, created.case.id, { title: EDIT_TITLE, body: EDIT_BODY, expectedVersion: 1 }),
        'editCase',
      );
      expect(edited.version).toBe(2);
      expect(edited.title).toBe('Edited title for [NAME]');
      expect(edited.body).toContain('[PHONE]');
      expectNoneOf(`${edited.title} ${edited.body}`, EDIT_RAW);
      const revisions = await revisionRows(created.case.id);
      expect(revisions.map((r: { version: number }) => r.version)).toEqual([1, 2]);
      for (const r of revisions) expectNoneOf(`${r.title} ${r.body}`, [...PHI_RAW, ...EDIT_RAW]);
      const seen = dataOf(await read(author, created.case.id), 'case');
      for (const r of seen.revisions) expectNoneOf(`${r.title} ${r.body}`, [...PHI_RAW, ...EDIT_RAW]);
    });

    it('keeps every raw identifier out of the whole database, the logs and error responses', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const replier = await givenVerifiedClinician(t, admin);
      const reader = await givenClinician(t);
      const forum = await givenForum(t, admin);
      const responses: GraphQLResponse[] = [];
      const remember = (res: GraphQLResponse) => {
        responses.push(res);
        return res;
      };

      const created = dataOf(
        remember(await post(author, validInput(forum.id, { title: PHI_TITLE, body: PHI_BODY }))),
        'postCase',
      );
      const caseId = created.case.id;
      dataOf(
        remember(await edit(author, caseId, { title: EDIT_TITLE, body: EDIT_BODY, expectedVersion: 1 })),
        'editCase',
      );
      const reply = dataOf(
        remember(await t.gql(REPLY, { input: { caseId, body: REPLY_BODY } }, { token: replier.accessToken })),
        'replyToCase',
      );
      expectNoneOf(reply.body, REPLY_RAW);
      expect(
        dataOf(
          remember(
            await t.gql(
              FLAG,
              { input: { caseId, reason: 'OTHER', note: NOTE } },
              { token: reader.accessToken },
            ),
          ),
          'flagContent',
        ),
      ).toBe(true);
      expect(
        dataOf(
          remember(await t.gql(REMOVE, { id: caseId, reason: REASON }, { token: author.accessToken })),
          'removeCase',
        ),
      ).toBe(true);

      // Bad inputs carrying identifiers: refused, and the refusal never echoes them.
      const badInputs: GraphQLResponse[] = [
        await post(author, validInput(forum.id, { title: 'ab', body: PHI_BODY })),
        await post(author, validInput(forum.id, { title: `${PHI_TITLE} ${'x'.repeat(200)}` })),
        await post(author, validInput(forum.id, { body: PHI_BODY, urgency: 'Margaret Okonkwo' })),
        await post(author, validInput(forum.id, { tags: ['Margaret Okonkwo 03/14/2024'] })),
        await post(author, validInput(forum.id, { tags: ['margaret-okonkwo'] })),
        await post(author, validInput(randomUUID(), { title: PHI_TITLE, body: PHI_BODY })),
        await post(author, validInput(forum.id, { body: PHI_BODY, specialtyCodes: ['Okonkwo-48213377'] })),
        await edit(author, caseId, { title: PHI_TITLE, expectedVersion: 2 }),
        await edit(replier, randomUUID(), { body: PHI_BODY, expectedVersion: 1 }),
        await t.gql(
          `mutation { postCase(input: { forumId: "${forum.id}", title: "${PHI_TITLE}", body: "${PHI_BODY}", urgency: OKONKWO }) { case { id } } }`,
          {},
          { token: author.accessToken },
        ),
        await t.gql(
          REPLY,
          { input: { caseId: 'Margaret Okonkwo', body: REPLY_BODY } },
          { token: replier.accessToken },
        ),
        await t.gql(
          REMOVE,
          { id: caseId, reason: `${REASON} ${'z'.repeat(500)}` },
          { token: author.accessToken },
        ),
        await t.gql(
          FLAG,
          { input: { caseId, replyId: reply.id, reason: 'PHI', note: NOTE } },
          { token: reader.accessToken },
        ),
      ];
      for (const res of badInputs) {
        expect(res.errors?.length).toBeGreaterThan(0);
        expectNoneOf(JSON.stringify(res.errors), [...PHI_RAW, ...REPLY_RAW, ...NOTE_RAW, ...REASON_RAW]);
      }
      for (const res of responses) {
        expectNoneOf(JSON.stringify(res.data), [
          ...PHI_RAW,
          ...EDIT_RAW,
          ...REPLY_RAW,
          ...NOTE_RAW,
          ...REASON_RAW,
        ]);
      }

      const [row] = await t.dataSource.query('SELECT removal_reason FROM cases WHERE id = $1', [caseId]);
      expect(row.removal_reason).toBe('Posted by mistake for [NAME], MRN [ID]');
      const [flag] = await t.dataSource.query('SELECT note FROM flags WHERE case_id = $1', [caseId]);
      expect(flag.note).toContain('[NAME]');
      expect(flag.note).toContain('[PHONE]');

      const everything = [...PHI_RAW, ...EDIT_RAW, ...REPLY_RAW, ...NOTE_RAW, ...REASON_RAW];
      expect(await scanDatabase(everything)).toEqual([]);
      expect(t.logLines.length).toBeGreaterThan(0);
      expectNoneOf(t.logLines.join('\n'), everything);
    });

    it('the database scan does find an identifier that was stored (the scan itself works)', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin);
      const kase = await givenCase(t, author, forum.id);
      await t.dataSource.query(
        "UPDATE case_revisions SET body = body || ' Zebulon Quartermaine' WHERE case_id = $1",
        [kase.id],
      );
      expect(await scanDatabase(['Zebulon Quartermaine'])).toEqual([
        'case_revisions.body: Zebulon Quartermaine',
      ]);
      await t.dataSource.query(
        "UPDATE case_revisions SET body = replace(body, ' Zebulon Quartermaine', '') WHERE case_id = $1",
        [kase.id],
      );
    });
  });

  describe('editCase', () => {
    it('lets the author edit; every edit is a revision, newest first, the first version included', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin);
      const kase = await givenCase(t, author, forum.id);
      const v2 = dataOf(
        await edit(author, kase.id, { title: 'Recurrent fevers, now with hepatomegaly', expectedVersion: 1 }),
        'editCase',
      );
      expect(v2).toMatchObject({
        version: 2,
        title: 'Recurrent fevers, now with hepatomegaly',
        body: kase.body,
      });
      expect(v2.editedAt).not.toBeNull();
      const v3 = dataOf(
        await edit(author, kase.id, {
          body: 'Ferritin came back above 10,000 ng/mL; liver enzymes raised. Thoughts on next steps?',
          tags: ['fever', 'ferritin'],
          specialtyCodes: ['rheumatology', 'hematology'],
          expectedVersion: 2,
        }),
        'editCase',
      );
      expect(v3).toMatchObject({ version: 3, title: v2.title, tags: ['fever', 'ferritin'] });
      expect(v3.specialties.map((s: { code: string }) => s.code).sort()).toEqual([
        'hematology',
        'rheumatology',
      ]);

      const seen = dataOf(await read(author, kase.id), 'case');
      expect(seen.revisions.map((r: { version: number }) => r.version)).toEqual([3, 2, 1]);
      expect(seen.revisions[2]).toMatchObject({
        title: kase.title,
        body: kase.body,
        editor: { id: author.id },
      });
      expect(seen.revisions[1]).toMatchObject({ title: v2.title, body: kase.body });
      expect(seen.revisions[0]).toMatchObject({
        title: v2.title,
        body: v3.body,
        tags: ['fever', 'ferritin'],
      });
      expect((await revisionRows(kase.id)).length).toBe(3);
    });

    it('refuses anyone but the author: another verified clinician and an admin get FORBIDDEN, nothing changes', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const other = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin);
      const kase = await givenCase(t, author, forum.id);
      const before = await caseRow(kase.id);
      for (const who of [other, admin]) {
        const res = await edit(who, kase.id, { title: 'Hijacked title', expectedVersion: 1 });
        expectError(res, 'FORBIDDEN');
        expect(res.data?.editCase ?? null).toBeNull();
      }
      expectError(
        await edit(await givenClinician(t), kase.id, { title: 'Hijacked title', expectedVersion: 1 }),
        'FORBIDDEN',
      );
      expectError(
        await edit(null, kase.id, { title: 'Hijacked title', expectedVersion: 1 }),
        'UNAUTHENTICATED',
      );
      expect(await caseRow(kase.id)).toEqual(before);
      expect(await revisionRows(kase.id)).toHaveLength(1);
    });

    it('answers CONFLICT naming input.expectedVersion for a stale version, changing nothing', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin);
      const other = await givenForum(t, admin);
      const kase = await givenCase(t, author, forum.id);
      dataOf(
        await edit(author, kase.id, { title: 'Second version of the title', expectedVersion: 1 }),
        'editCase',
      );
      const before = await caseRow(kase.id);
      const specialtiesBefore = await t.dataSource.query(
        'SELECT specialty_code FROM case_specialties WHERE case_id = $1 ORDER BY 1',
        [kase.id],
      );
      const res = await edit(author, kase.id, {
        title: 'A stale edit that must not land',
        body: 'This body must not be stored anywhere at all.',
        tags: ['stale'],
        specialtyCodes: ['cardiology'],
        forumId: other.id,
        expectedVersion: 1,
      });
      expectError(res, 'CONFLICT', ['input.expectedVersion']);
      expect(await caseRow(kase.id)).toEqual(before);
      expect(
        await t.dataSource.query(
          'SELECT specialty_code FROM case_specialties WHERE case_id = $1 ORDER BY 1',
          [kase.id],
        ),
      ).toEqual(specialtiesBefore);
      expect((await revisionRows(kase.id)).map((r: { version: number }) => r.version)).toEqual([1, 2]);
      expectError(await edit(author, kase.id, { title: 'Future version', expectedVersion: 3 }), 'CONFLICT', [
        'input.expectedVersion',
      ]);
    });

    it('leaves fields given as null as they are (no internal error)', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin);
      const kase = await givenCase(t, author, forum.id);
      const edited = dataOf(
        await edit(author, kase.id, {
          title: null,
          body: null,
          tags: null,
          specialtyCodes: null,
          forumId: null,
          expectedVersion: 1,
        }),
        'editCase',
      );
      expect(edited).toMatchObject({
        title: kase.title,
        body: kase.body,
        tags: ['fever'],
        version: 2,
        forum: { id: forum.id },
        specialties: [{ code: 'rheumatology' }],
      });
    });

    it('refuses a tag with an identifier on edit (PHI_DETECTED), changing nothing', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin);
      const kase = await givenCase(t, author, forum.id);
      const before = await caseRow(kase.id);
      expectError(await edit(author, kase.id, { tags: ['john-smith'], expectedVersion: 1 }), 'PHI_DETECTED', [
        'input.tags',
      ]);
      expect(await caseRow(kase.id)).toEqual(before);
    });

    it('moves a case to another forum by forumId, and NOT_FOUND naming input.forumId for an unknown one', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const from = await givenForum(t, admin);
      const to = await givenForum(t, admin);
      const kase = await givenCase(t, author, from.id);
      expectError(await edit(author, kase.id, { forumId: randomUUID(), expectedVersion: 1 }), 'NOT_FOUND', [
        'input.forumId',
      ]);
      expect((await caseRow(kase.id)).forum_id).toBe(from.id);
      const moved = dataOf(await edit(author, kase.id, { forumId: to.id, expectedVersion: 1 }), 'editCase');
      expect(moved.forum.id).toBe(to.id);
      expect(moved.version).toBe(2);
      expect((await caseRow(kase.id)).forum_id).toBe(to.id);
      const revisions = await revisionRows(kase.id);
      expect(revisions.map((r: { forum_id: string }) => r.forum_id)).toEqual([from.id, to.id]);
    });

    it('audits moving a case from a private to an open forum (case.visibility_widened), not the reverse', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const privateForum = await givenForum(t, admin, 'PRIVATE');
      const openForum = await givenForum(t, admin, 'OPEN');
      const otherPrivate = await givenForum(t, admin, 'PRIVATE');

      const narrowing = await givenCase(t, author, openForum.id);
      dataOf(await edit(author, narrowing.id, { forumId: privateForum.id, expectedVersion: 1 }), 'editCase');
      dataOf(await edit(author, narrowing.id, { forumId: otherPrivate.id, expectedVersion: 2 }), 'editCase');
      expect((await auditFor(narrowing.id)).map((e: { action: string }) => e.action)).not.toContain(
        'case.visibility_widened',
      );

      const widening = await givenCase(t, author, privateForum.id);
      dataOf(await edit(author, widening.id, { forumId: openForum.id, expectedVersion: 1 }), 'editCase');
      const entries = (await auditFor(widening.id)).filter(
        (e: { action: string }) => e.action === 'case.visibility_widened',
      );
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ actor_id: author.id, target_type: 'case' });
    });

    it('shows revisions to the author and admins, and an empty list to other verified clinicians', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const other = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin);
      const kase = await givenCase(t, author, forum.id);
      dataOf(
        await edit(author, kase.id, { title: 'A corrected title here', expectedVersion: 1 }),
        'editCase',
      );
      expect(dataOf(await read(author, kase.id), 'case').revisions).toHaveLength(2);
      expect(dataOf(await read(admin, kase.id), 'case').revisions).toHaveLength(2);
      const forOther = dataOf(await read(other, kase.id), 'case');
      expect(forOther.title).toBe('A corrected title here');
      expect(forOther.revisions).toEqual([]);
      expect(dataOf(await read(await givenClinician(t), kase.id), 'case').revisions).toEqual([]);
      expect(dataOf(await read(null, kase.id), 'case').revisions).toEqual([]);
    });
  });

  describe('removeCase', () => {
    it('tombstones the case: others see null, the author and admins see it with removedAt and its revisions', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const other = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin);
      const kase = await givenCase(t, author, forum.id);
      dataOf(await edit(author, kase.id, { title: 'Edited before removal', expectedVersion: 1 }), 'editCase');
      expect(dataOf(await t.gql(REMOVE, { id: kase.id }, { token: author.accessToken }), 'removeCase')).toBe(
        true,
      );

      for (const who of [other, await givenClinician(t), null]) {
        const res = await read(who, kase.id);
        expect(res.errors).toBeUndefined();
        expect(res.data.case).toBeNull();
      }
      for (const who of [author, admin]) {
        const seen = dataOf(await read(who, kase.id), 'case');
        expect(seen.removedAt).not.toBeNull();
        expect(seen.revisions.map((r: { version: number }) => r.version)).toEqual([2, 1]);
      }

      const row = await caseRow(kase.id);
      expect(row).toMatchObject({ removed_by: author.id, title: 'Edited before removal' });
      expect(row.removed_at).not.toBeNull();
      expect(await revisionRows(kase.id)).toHaveLength(2);
      const removed = (await auditFor(kase.id)).filter(
        (e: { action: string }) => e.action === 'case.removed',
      );
      expect(removed).toHaveLength(1);
      expect(removed[0]).toMatchObject({ actor_id: author.id, target_type: 'case' });
    });

    it('lets an admin remove any case, audited with the admin as actor', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin, 'PRIVATE');
      const kase = await givenCase(t, author, forum.id);
      expect(
        dataOf(
          await t.gql(REMOVE, { id: kase.id, reason: 'Duplicate post' }, { token: admin.accessToken }),
          'removeCase',
        ),
      ).toBe(true);
      const row = await caseRow(kase.id);
      expect(row).toMatchObject({ removed_by: admin.id, removal_reason: 'Duplicate post' });
      expect(
        (await auditFor(kase.id)).filter((e: { action: string }) => e.action === 'case.removed'),
      ).toEqual([expect.objectContaining({ actor_id: admin.id })]);
      expect(dataOf(await read(author, kase.id), 'case').removedAt).not.toBeNull();
    });

    it('refuses other clinicians (FORBIDDEN) and anonymous callers (UNAUTHENTICATED), changing nothing', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin);
      const kase = await givenCase(t, author, forum.id);
      for (const who of [await givenVerifiedClinician(t, admin), await givenClinician(t)]) {
        expectError(await t.gql(REMOVE, { id: kase.id }, { token: who.accessToken }), 'FORBIDDEN');
      }
      expectError(await t.gql(REMOVE, { id: kase.id }), 'UNAUTHENTICATED');
      expect((await caseRow(kase.id)).removed_at).toBeNull();
      expect((await auditFor(kase.id)).map((e: { action: string }) => e.action)).not.toContain(
        'case.removed',
      );
      expect(dataOf(await read(null, kase.id), 'case').id).toBe(kase.id);
    });

    it('a removed case cannot be edited or replied to (CONFLICT)', async () => {
      const author = await givenVerifiedClinician(t, admin);
      const other = await givenVerifiedClinician(t, admin);
      const forum = await givenForum(t, admin);
      const kase = await givenCase(t, author, forum.id);
      await givenReply(t, other, kase.id);
      await t.gql(REMOVE, { id: kase.id }, { token: author.accessToken });
      const before = await caseRow(kase.id);

      expectError(
        await edit(author, kase.id, { title: 'Edit after removal', expectedVersion: 1 }),
        'CONFLICT',
      );
      expectError(
        await t.gql(
          REPLY,
          { input: { caseId: kase.id, body: 'A reply to a removed case' } },
          { token: author.accessToken },
        ),
        'CONFLICT',
      );
      // Someone who can no longer see it gets the same answer as for a case that never existed.
      expectError(
        await t.gql(
          REPLY,
          { input: { caseId: kase.id, body: 'A reply to a removed case' } },
          { token: other.accessToken },
        ),
        'NOT_FOUND',
      );
      expect(await caseRow(kase.id)).toEqual(before);
      const [{ count }] = await t.dataSource.query(
        'SELECT count(*)::int AS count FROM replies WHERE case_id = $1',
        [kase.id],
      );
      expect(count).toBe(1);
      // Removing again is harmless and does not audit twice.
      expect(dataOf(await t.gql(REMOVE, { id: kase.id }, { token: author.accessToken }), 'removeCase')).toBe(
        true,
      );
      expect(
        (await auditFor(kase.id)).filter((e: { action: string }) => e.action === 'case.removed'),
      ).toHaveLength(1);
    });
  });
});
