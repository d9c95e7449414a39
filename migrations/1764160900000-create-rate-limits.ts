import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cost budgets as token buckets shared by every API instance (when Redis is not configured). One
 * function call takes the cost from all of a request's buckets (app, user, address) at once, or from
 * none of them when any is short, and says how long to wait.
 */
export class CreateRateLimits1764160900000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNLOGGED TABLE rate_limit_buckets (
        key text PRIMARY KEY,
        tokens double precision NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await queryRunner.query(`
      CREATE FUNCTION rate_limit_take(p_keys text[], p_capacity float8[], p_refill float8[], p_cost float8)
      RETURNS TABLE (allowed boolean, remaining float8, retry_after float8, exhausted text[])
      LANGUAGE plpgsql AS $$
      DECLARE
        i int;
        level float8;
        levels float8[] := '{}';
        ok boolean := true;
        wait float8 := 0;
        lowest float8 := 'Infinity';
        short text[] := '{}';
      BEGIN
        FOR i IN 1 .. coalesce(array_length(p_keys, 1), 0) LOOP
          INSERT INTO rate_limit_buckets (key, tokens, updated_at) VALUES (p_keys[i], p_capacity[i], clock_timestamp())
          ON CONFLICT (key) DO NOTHING;
          SELECT least(p_capacity[i], b.tokens + extract(epoch FROM clock_timestamp() - b.updated_at) * p_refill[i])
            INTO level FROM rate_limit_buckets b WHERE b.key = p_keys[i] FOR UPDATE;
          levels := levels || level;
          IF level < p_cost THEN
            ok := false;
            short := short || p_keys[i];
            wait := greatest(wait, (p_cost - level) / p_refill[i]);
          END IF;
        END LOOP;
        FOR i IN 1 .. coalesce(array_length(p_keys, 1), 0) LOOP
          level := levels[i] - CASE WHEN ok THEN p_cost ELSE 0 END;
          UPDATE rate_limit_buckets SET tokens = level, updated_at = clock_timestamp() WHERE key = p_keys[i];
          lowest := least(lowest, level);
        END LOOP;
        RETURN QUERY SELECT ok, lowest, wait, short;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION rate_limit_take(text[], float8[], float8[], float8)');
    await queryRunner.query('DROP TABLE rate_limit_buckets');
  }
}
