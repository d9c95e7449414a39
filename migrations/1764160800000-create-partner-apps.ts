import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner apps (EHR plug-ins, hospital portals, mobile clients) and their API keys. Only a hash of each
 * key's secret is stored; the short public prefix finds the row. Usage is counted per app per UTC day.
 */
export class CreatePartnerApps1764160800000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE partner_apps (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 2 AND 100),
        scopes text[] NOT NULL DEFAULT '{}',
        key_prefix text NOT NULL UNIQUE,
        key_hash bytea NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        created_by uuid REFERENCES clinicians (id),
        revoked_at timestamptz(3),
        last_used_at timestamptz(3)
      )`);
    await queryRunner.query(`
      CREATE TABLE partner_app_usage (
        app_id uuid NOT NULL REFERENCES partner_apps (id),
        day date NOT NULL,
        requests bigint NOT NULL DEFAULT 0 CHECK (requests >= 0),
        errors bigint NOT NULL DEFAULT 0 CHECK (errors >= 0),
        cost bigint NOT NULL DEFAULT 0 CHECK (cost >= 0),
        PRIMARY KEY (app_id, day)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE partner_app_usage');
    await queryRunner.query('DROP TABLE partner_apps');
  }
}
