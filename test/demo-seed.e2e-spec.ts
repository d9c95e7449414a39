import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO_CLINICIANS, DEMO_PASSWORD } from '../src/demo/demo-clinicians.js';
import { signIn } from './support/factories.js';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('demo seed (SEED_DEMO)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ SEED_DEMO: 'true' });
  });
  afterAll(() => t.close());

  it('creates verified demo specialists who accept consults and can sign in', async () => {
    const rows = await t.dataSource.query(
      "SELECT email, verification_status, accepting_consults FROM clinicians WHERE role = 'CLINICIAN' ORDER BY email",
    );
    expect(rows).toHaveLength(DEMO_CLINICIANS.length);
    for (const row of rows)
      expect(row).toMatchObject({ verification_status: 'VERIFIED', accepting_consults: true });
    const demo = await signIn(t, DEMO_CLINICIANS[0].email, DEMO_PASSWORD);
    const me = await t.gql(
      '{ me { verificationStatus specialties { code } } }',
      {},
      { token: demo.accessToken },
    );
    expect(me.data.me).toEqual({ verificationStatus: 'VERIFIED', specialties: [{ code: 'cardiology' }] });
  });

  it('does not seed a database that already has clinicians', async () => {
    const { DemoSeedService } = await import('../src/demo/demo-seed.service.js');
    await t.app.get(DemoSeedService).onApplicationBootstrap();
    const [{ n }] = await t.dataSource.query(
      "SELECT count(*)::int AS n FROM clinicians WHERE role = 'CLINICIAN'",
    );
    expect(n).toBe(DEMO_CLINICIANS.length);
  });
});
