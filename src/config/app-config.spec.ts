import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

function errorFor(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('defaults to the embedded database with demo data on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, dataDir: './.data', seedDemo: true });
  });

  it('does not seed demo data by default on an external database', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://db/curbside' }).seedDemo).toBe(false);
  });

  it('names the variable in one line when a value is wrong', () => {
    for (const [env, variable] of [
      [{ PORT: 'eighty' }, 'PORT'],
      [{ PORT: '70000' }, 'PORT'],
      [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
      [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
      [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
      [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
      [{ BOOTSTRAP_ADMIN_EMAIL: 'admin@example.org' }, 'BOOTSTRAP_ADMIN_PASSWORD'],
      [{ REDIS_URL: 'http://cache' }, 'REDIS_URL'],
      [{ RATE_LIMIT_USER_PER_MINUTE: '600', QUERY_MAX_COST: '5000' }, 'RATE_LIMIT_USER_PER_MINUTE'],
    ] as const) {
      const error = errorFor(env);
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.variable).toBe(variable);
      expect(error.message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
      expect(error.message).not.toContain('\n');
    }
  });

  it('requires JWT_SECRET in production with an external database', () => {
    expect(errorFor({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/curbside' }).variable).toBe(
      'JWT_SECRET',
    );
    expect(
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', JWT_SECRET: 'x'.repeat(40) })
        .jwtSecret,
    ).toHaveLength(40);
  });

  it('does not echo a bad value back', () => {
    expect(errorFor({ DATABASE_URL: 'postgres//user:hunter2@db' }).message).not.toContain('hunter2');
  });
});
