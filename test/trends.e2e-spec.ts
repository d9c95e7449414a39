import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { projectRoot } from '../src/common/project-root.js';
import {
  type Account,
  givenAdmin,
  givenClinician,
  givenForum,
  givenVerifiedClinician,
} from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const CHROMIUM = '/usr/bin/chromium';
const TRENDS = `query($input: TrendInput!) { caseTrends(input: $input) { start count suppressed } }`;

interface Bucket {
  start: string;
  count: number | null;
  suppressed: boolean;
}

describe('caseTrends and /trends.svg', () => {
  let t: TestApp;
  let admin: Account;
  let verified: Account;
  let unverified: Account;
  let openForum: string;
  let privateForum: string;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    admin = await givenAdmin(t);
    verified = await givenVerifiedClinician(t, admin);
    unverified = await givenClinician(t);
    openForum = (await givenForum(t, admin, 'OPEN')).id;
    privateForum = (await givenForum(t, admin, 'PRIVATE')).id;
  }, 60_000);
  afterAll(() => t.close());

  /** n cases created at `at` (plus i milliseconds each, staying inside the same bucket), by SQL for speed. */
  async function seed(
    at: string,
    n: number,
    options: {
      title?: string;
      specialty?: string;
      forumId?: string;
      removed?: boolean;
      hidden?: boolean;
      spreadMs?: number;
    } = {},
  ): Promise<void> {
    if (n === 0) return;
    const rows: { id: string }[] = await t.dataSource.query(
      `INSERT INTO cases (forum_id, author_id, title, body, created_at, removed_at, hidden_at)
       SELECT $1, $2, $3, 'De-identified case body for trend counting.',
              $4::timestamptz + (i * $7::int) * interval '1 millisecond',
              CASE WHEN $5 THEN now() END, CASE WHEN $6 THEN now() END
       FROM generate_series(0, $8::int - 1) AS i
       RETURNING id`,
      [
        options.forumId ?? openForum,
        verified.id,
        options.title ?? 'Fever and cough',
        at,
        options.removed ?? false,
        options.hidden ?? false,
        options.spreadMs ?? 1,
        n,
      ],
    );
    if (options.specialty) {
      await t.dataSource.query(
        'INSERT INTO case_specialties (case_id, specialty_code) SELECT unnest($1::uuid[]), $2',
        [rows.map((r) => r.id), options.specialty],
      );
    }
  }

  async function trends(input: Record<string, unknown>, who: Account | null = verified) {
    return t.gql<{ caseTrends: Bucket[] }>(TRENDS, { input }, { token: who?.accessToken ?? null });
  }

  async function buckets(input: Record<string, unknown>, who: Account | null = verified): Promise<Bucket[]> {
    const res = await trends(input, who);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data!.caseTrends;
  }

  const counts = (list: Bucket[]) => list.map((b) => (b.suppressed ? 'S' : b.count));

  function svg(params: Record<string, string | string[]>, who: Account | null = verified) {
    const req = t
      .http()
      .get('/trends.svg')
      .query(params)
      .buffer(true)
      .parse((res, done) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
        });
        res.on('end', () => done(null, text));
      });
    if (who) req.set('authorization', `Bearer ${who.accessToken}`);
    return req;
  }

  describe('small-cell suppression', () => {
    it('suppresses 1..10, not 0 or 11, and returns every bucket in order', async () => {
      // Day i of January 2031 gets i cases (0..12).
      for (let i = 0; i <= 12; i++) await seed(`2031-01-${String(i + 1).padStart(2, '0')}T08:00:00Z`, i);
      const list = await buckets({
        from: '2031-01-01T00:00:00Z',
        to: '2031-01-14T00:00:00Z',
        interval: 'DAY',
      });
      expect(list.map((b) => b.start.slice(0, 10))).toEqual(
        Array.from({ length: 13 }, (_, i) => `2031-01-${String(i + 1).padStart(2, '0')}`),
      );
      expect(list[0]).toEqual({ start: '2031-01-01T00:00:00.000Z', count: 0, suppressed: false });
      for (let i = 1; i <= 10; i++) expect(list[i]).toMatchObject({ count: null, suppressed: true });
      expect(list[11]).toMatchObject({ count: 11, suppressed: false });
      expect(list[12]).toMatchObject({ count: 12, suppressed: false });
    });

    it('withholds a count when a broader filter exceeds it by 1..10 (filter differencing)', async () => {
      // January 2033: 15 measles/pediatrics, 12 measles/dermatology; 20 chest pain/cardiology.
      await seed('2033-01-10T10:00:00Z', 15, {
        title: 'Suspected measles in a child',
        specialty: 'pediatrics',
      });
      await seed('2033-01-11T10:00:00Z', 12, { title: 'Measles exposure, rash', specialty: 'dermatology' });
      await seed('2033-01-12T10:00:00Z', 20, { title: 'Chest pain on exertion', specialty: 'cardiology' });
      // February 2033: 14 measles/pediatrics, 4 measles/dermatology.
      await seed('2033-02-10T10:00:00Z', 14, {
        title: 'Suspected measles in a child',
        specialty: 'pediatrics',
      });
      await seed('2033-02-11T10:00:00Z', 4, { title: 'Measles exposure, rash', specialty: 'dermatology' });
      const range = { from: '2033-01-01T00:00:00Z', to: '2033-03-01T00:00:00Z', interval: 'MONTH' };

      expect(counts(await buckets({ ...range, query: 'measles' }))).toEqual([27, 18]);
      // February: all cases (18) minus pediatrics (14) would reveal the 4 others.
      expect(counts(await buckets({ ...range, specialtyCode: 'pediatrics' }))).toEqual([15, 'S']);
      expect(counts(await buckets({ ...range, specialtyCode: 'cardiology' }))).toEqual([20, 0]);
      // 14 alone would be published, but "measles" (18) minus 14 reveals the 4 dermatology cases.
      expect(counts(await buckets({ ...range, query: 'measles', specialtyCode: 'pediatrics' }))).toEqual([
        15,
        'S',
      ]);
      expect(counts(await buckets({ ...range, query: 'chest pain' }))).toEqual([20, 0]);
      expect(counts(await buckets({ ...range, query: 'measles', specialtyCode: 'cardiology' }))).toEqual([
        0, 0,
      ]);
    });
  });

  describe('bucket alignment', () => {
    beforeAll(async () => {
      // 2032-01-05 and 2032-01-12 are Mondays; 2032 is a leap year.
      await seed('2032-01-11T23:59:59.989Z', 11); // last instants of Sunday (ISO week of 5 Jan)
      await seed('2032-01-12T00:00:00.000Z', 12); // Monday
      await seed('2032-02-29T23:59:59.980Z', 13); // last instants of February
      await seed('2032-03-01T00:00:00.000Z', 14);
    });

    it('counts by UTC day', async () => {
      const list = await buckets({
        from: '2032-01-11T00:00:00Z',
        to: '2032-01-13T00:00:00Z',
        interval: 'DAY',
      });
      expect(list).toEqual([
        { start: '2032-01-11T00:00:00.000Z', count: 11, suppressed: false },
        { start: '2032-01-12T00:00:00.000Z', count: 12, suppressed: false },
      ]);
      const offset = await buckets({
        from: '2032-01-11T01:00:00+01:00',
        to: '2032-01-12T19:00:00-05:00',
        interval: 'DAY',
      });
      expect(counts(offset)).toEqual([11, 12]);
    });

    it('counts by ISO week starting Monday', async () => {
      const list = await buckets({
        from: '2032-01-05T00:00:00Z',
        to: '2032-01-19T00:00:00Z',
        interval: 'WEEK',
      });
      expect(list).toEqual([
        { start: '2032-01-05T00:00:00.000Z', count: 11, suppressed: false },
        { start: '2032-01-12T00:00:00.000Z', count: 12, suppressed: false },
      ]);
    });

    it('counts by calendar month, and defaults to DAY', async () => {
      const list = await buckets({
        from: '2032-01-01T00:00:00Z',
        to: '2032-04-01T00:00:00Z',
        interval: 'MONTH',
      });
      expect(list).toEqual([
        { start: '2032-01-01T00:00:00.000Z', count: 23, suppressed: false },
        { start: '2032-02-01T00:00:00.000Z', count: 13, suppressed: false },
        { start: '2032-03-01T00:00:00.000Z', count: 14, suppressed: false },
      ]);
      expect(await buckets({ from: '2032-02-29T00:00:00Z', to: '2032-03-02T00:00:00Z' })).toHaveLength(2);
    });
  });

  describe('refused input', () => {
    async function refused(input: Record<string, unknown>) {
      const res = await trends(input);
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
      return { fields: res.errors![0].extensions?.fields, message: res.errors![0].message };
    }

    it('refuses ranges that do not start and end on bucket boundaries', async () => {
      const day = { interval: 'DAY' };
      expect(
        (await refused({ ...day, from: '2031-01-01T12:00:00Z', to: '2031-01-03T00:00:00Z' })).fields,
      ).toEqual(['input.from']);
      expect(
        (await refused({ ...day, from: '2031-01-01T00:00:00Z', to: '2031-01-02T00:00:01Z' })).fields,
      ).toEqual(['input.to']);
      // 2031-01-01 is a Wednesday.
      const week = await refused({
        interval: 'WEEK',
        from: '2031-01-01T00:00:00Z',
        to: '2031-01-13T00:00:00Z',
      });
      expect(week.fields).toEqual(['input.from']);
      expect(week.message).toMatch(/Monday/);
      expect(
        (await refused({ interval: 'MONTH', from: '2031-01-02T00:00:00Z', to: '2031-02-02T00:00:00Z' }))
          .fields,
      ).toEqual(['input.from', 'input.to']);
    });

    it('refuses to <= from', async () => {
      expect((await refused({ from: '2031-01-02T00:00:00Z', to: '2031-01-02T00:00:00Z' })).fields).toEqual([
        'input.to',
      ]);
      expect((await refused({ from: '2031-01-02T00:00:00Z', to: '2031-01-01T00:00:00Z' })).fields).toEqual([
        'input.to',
      ]);
    });

    it('allows 400 buckets and refuses 401', async () => {
      expect(
        await buckets({ from: '2030-01-01T00:00:00Z', to: '2031-02-05T00:00:00Z', interval: 'DAY' }),
      ).toHaveLength(400);
      const tooMany = await refused({
        from: '2030-01-01T00:00:00Z',
        to: '2031-02-06T00:00:00Z',
        interval: 'DAY',
      });
      expect(tooMany.fields).toEqual(['input.from', 'input.to']);
      expect(tooMany.message).toMatch(/more than 400/);
    });

    it('limits the query text and checks the specialty', async () => {
      const range = { from: '2031-01-01T00:00:00Z', to: '2031-01-02T00:00:00Z' };
      expect((await refused({ ...range, query: 'measles '.repeat(30) })).fields).toEqual(['input.query']);
      expect((await refused({ ...range, query: 'the and of' })).fields).toEqual(['input.query']);
      expect((await refused({ ...range, specialtyCode: 'astrology' })).fields).toEqual([
        'input.specialtyCode',
      ]);
      expect((await refused({ ...range, interval: 'YEAR' })).fields).toEqual(['input.interval']);
    });
  });

  describe('what is counted', () => {
    beforeAll(async () => {
      // March 2034: 11 live in an open forum, 12 live in a private one, 3 removed, 2 hidden after a PHI flag.
      await seed('2034-03-06T09:00:00Z', 11, { title: 'Pertussis cluster', forumId: openForum });
      await seed('2034-03-07T09:00:00Z', 12, { title: 'Pertussis cluster', forumId: privateForum });
      await seed('2034-03-08T09:00:00Z', 3, { title: 'Pertussis cluster', removed: true });
      await seed('2034-03-08T10:00:00Z', 2, {
        title: 'Pertussis cluster',
        hidden: true,
        forumId: privateForum,
      });
    });
    const range = { from: '2034-03-01T00:00:00Z', to: '2034-04-01T00:00:00Z', interval: 'MONTH' };

    it('counts open and private forums together and never removed or hidden cases, for admins too', async () => {
      expect(counts(await buckets({ ...range, query: 'pertussis' }))).toEqual([23]);
      expect(counts(await buckets({ ...range, query: 'pertussis' }, admin))).toEqual([23]);
      expect(counts(await buckets(range, admin))).toEqual([23]);
    });
  });

  describe('access', () => {
    const range = { from: '2031-01-01T00:00:00Z', to: '2031-01-02T00:00:00Z' };

    it('needs a signed-in, verified clinician or an admin', async () => {
      expect((await trends(range, null)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect((await trends(range, unverified)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await trends(range, verified)).errors).toBeUndefined();
      const me = await t.gql('{ me { role verificationStatus } }', {}, { token: admin.accessToken });
      expect(me.data.me).toEqual({
        role: 'ADMIN',
        verificationStatus: expect.not.stringMatching('^VERIFIED$'),
      });
      expect((await trends(range, admin)).errors).toBeUndefined();
    });
  });

  describe('GET /trends.svg', () => {
    const range = { from: '2032-01-05T00:00:00Z', to: '2032-01-19T00:00:00Z', interval: 'WEEK' };

    it('draws the buckets as an SVG image', async () => {
      const res = await svg(range);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
      expect(res.headers['content-security-policy']).toBe("default-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(res.body.match(/<rect class="bar[ "]/g)).toHaveLength(2);
      expect(res.body).toContain('data-count="11"');
      expect(res.body).toContain('Cases per week');
      expect((await svg(range, admin)).status).toBe(200);
    });

    it('marks suppressed buckets', async () => {
      const res = await svg({ from: '2031-01-01T00:00:00Z', to: '2031-01-14T00:00:00Z', interval: 'DAY' });
      expect(res.status).toBe(200);
      expect(res.body.match(/class="bar suppressed"/g)).toHaveLength(10);
      expect(res.body).not.toMatch(/data-count="([1-9]|10)"/);
    });

    it('escapes the query it echoes', async () => {
      const res = await svg({ ...range, query: '<script>alert(1)</script> measles "&' });
      expect(res.status).toBe(200);
      expect(res.body).not.toContain('<script');
      expect(res.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; measles &quot;&amp;');
    });

    it('applies the same access rule', async () => {
      const anonymous = await svg(range, null);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers['content-type']).toMatch(/^application\/json/);
      expect(JSON.parse(anonymous.body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const forbidden = await svg(range, unverified);
      expect(forbidden.status).toBe(403);
      expect(JSON.parse(forbidden.body).errors[0].extensions.code).toBe('FORBIDDEN');
    });

    it('refuses the same input, naming the parameter', async () => {
      const cases: [Record<string, string | string[]>, string[]][] = [
        [{ ...range, from: '2032-01-06T00:00:00Z' }, ['from']],
        [{ ...range, to: '2032-01-18T00:00:00Z' }, ['to']],
        [{ ...range, to: range.from }, ['to']],
        [{ from: '2030-01-01T00:00:00Z', to: '2031-02-06T00:00:00Z', interval: 'DAY' }, ['from', 'to']],
        [{ ...range, interval: 'YEAR' }, ['interval']],
        [{ ...range, from: 'yesterday' }, ['from']],
        [{ interval: 'WEEK', to: range.to }, ['from']],
        [{ ...range, from: [range.from, '2032-01-12T00:00:00Z'] }, ['from']],
        [{ ...range, query: 'x'.repeat(201) }, ['query']],
        [{ ...range, specialtyCode: 'astrology' }, ['specialtyCode']],
      ];
      for (const [params, fields] of cases) {
        const res = await svg(params);
        expect({ params, status: res.status }).toEqual({ params, status: 400 });
        const error = JSON.parse(res.body).errors[0];
        expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', fields });
        expect(error.message).not.toContain('yesterday');
      }
    });
  });

  const browserIt = existsSync(CHROMIUM) ? it : it.skip;
  if (!existsSync(CHROMIUM)) {
    console.warn(
      `Skipping the headless-browser chart test: ${CHROMIUM} is not installed (apt-get install chromium).`,
    );
  }

  browserIt(
    'renders in a real browser: one bar per bucket, suppressed ones hatched (screenshot in docs/trends-chart.png)',
    async () => {
      // 26 weeks from Monday 2035-01-01 of a made-up measles-like rise, with zeros and small cells.
      const weekly = [
        12, 14, 0, 3, 15, 18, 22, 7, 25, 31, 40, 38, 52, 47, 60, 55, 0, 9, 44, 36, 28, 19, 13, 5, 12, 16,
      ];
      for (const [i, n] of weekly.entries()) {
        const day = new Date(Date.UTC(2035, 0, 1 + 7 * i, 9));
        await seed(day.toISOString(), n, {
          title: 'Fever, cough and a measles-like rash',
          spreadMs: 3_600_000,
        });
      }
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
          '--disable-sync',
        ],
      });
      try {
        const page = await browser.newPage({
          viewport: { width: 960, height: 460 },
          extraHTTPHeaders: { authorization: `Bearer ${verified.accessToken}` },
        });
        const port = (t.app.getHttpServer().address() as AddressInfo).port;
        const url = new URL(`http://127.0.0.1:${port}/trends.svg`);
        url.search = new URLSearchParams({
          query: 'measles',
          from: '2035-01-01T00:00:00Z',
          to: '2035-07-02T00:00:00Z',
          interval: 'WEEK',
        }).toString();
        const response = await page.goto(url.toString());
        expect(response?.status()).toBe(200);
        expect(response?.headers()['content-type']).toBe('image/svg+xml; charset=utf-8');
        expect(await page.locator('rect.bar').count()).toBe(weekly.length);
        expect(await page.locator('rect.bar.suppressed').count()).toBe(
          weekly.filter((n) => n >= 1 && n <= 10).length,
        );
        const size = await page.locator('svg').first().boundingBox();
        expect(size?.width).toBeGreaterThan(900);
        const tallest = await page.locator('rect.bar[data-count="60"]').boundingBox();
        expect(tallest?.height).toBeGreaterThan(100);
        const dir = join(projectRoot(), 'docs');
        mkdirSync(dir, { recursive: true });
        await page.screenshot({ path: join(dir, 'trends-chart.png') });
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
