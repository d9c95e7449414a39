import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from './support/test-app.js';

describe('errors and request logging', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('returns INTERNAL_SERVER_ERROR with a request id and no stack or SQL, and logs the details under that id', async () => {
    await t.dataSource.query('ALTER TABLE specialties RENAME TO specialties_hidden');
    try {
      const res = await t.gql('{ specialties { code } }', undefined, {
        headers: { 'x-request-id': 'req-boom-1' },
      });
      const error = res.errors?.[0];
      expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-boom-1' });
      expect(error?.message).toBe('Internal server error');
      expect(JSON.stringify({ message: error?.message, extensions: error?.extensions })).not.toMatch(
        /SELECT|relation|does not exist|stack|\.ts/i,
      );
      const logged = t.logLines.filter((line) => line.includes('req-boom-1'));
      expect(logged.some((line) => line.includes('unexpected error') && line.includes('specialties'))).toBe(
        true,
      );
    } finally {
      await t.dataSource.query('ALTER TABLE specialties_hidden RENAME TO specialties');
    }
  });

  it('logs one structured line per request without bodies, variables or credentials', async () => {
    const secretPassword = 'ultraviolet-secret-passphrase';
    const secretEmail = 'hidden-person@clinic.test';
    await t.gql(
      'mutation Login($input: LoginInput!) { login(input: $input) { accessToken } }',
      { input: { email: secretEmail, password: secretPassword } },
      { headers: { 'x-request-id': 'req-login-1' }, token: 'a.b.c' },
    );
    const lines = t.logLines.filter((line) => line.includes('req-login-1'));
    expect(lines.length).toBeGreaterThan(0);
    const entry = JSON.parse(lines.at(-1)!);
    expect(entry).toMatchObject({
      req: { id: 'req-login-1', method: 'POST', path: '/graphql' },
      res: { statusCode: 200 },
    });
    expect(entry.operationName).toBe('Login');
    const everything = t.logLines.join('\n');
    expect(everything).not.toContain(secretPassword);
    expect(everything).not.toContain(secretEmail);
    expect(everything).not.toContain('a.b.c');
  });

  it('echoes a request id on every response', async () => {
    const res = await t.http().get('/health');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('maps GraphQL syntax errors to BAD_USER_INPUT', async () => {
    const res = await t.gql('{ specialties { code ');
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('does not echo literal argument values in validation errors', async () => {
    const res = await t.gql(
      '{ clinician(id: 12345678) { id } auditLog(first: "patient-name-here") { totalCount } }',
    );
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors)).not.toContain('patient-name-here');
  });

  it('bounds page sizes at 100', async () => {
    const res = await t.gql('{ auditLog(first: 101) { totalCount } }');
    // Anonymous callers are refused before the arguments matter; admins get the bound (see audit tests).
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});
