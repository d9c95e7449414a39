import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, sign-in sessions (refresh-token families), refresh tokens and login throttling. */
export class CreateIdentity1764160100000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE clinicians (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL DEFAULT 'CLINICIAN' CHECK (role IN ('CLINICIAN', 'ADMIN')),
        verification_status text NOT NULL DEFAULT 'UNVERIFIED'
          CHECK (verification_status IN ('UNVERIFIED', 'PENDING', 'VERIFIED', 'REJECTED', 'REVOKED', 'EXPIRED')),
        verification_note text,
        jurisdiction text,
        license_expires_on timestamptz,
        accepting_consults boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query('CREATE UNIQUE INDEX clinicians_email_lower_key ON clinicians (lower(email))');
    await queryRunner.query(`CREATE INDEX clinicians_admins_idx ON clinicians (role) WHERE role = 'ADMIN'`);
    await queryRunner.query(`
      CREATE TABLE clinician_specialties (
        clinician_id uuid NOT NULL REFERENCES clinicians (id) ON DELETE CASCADE,
        specialty_code text NOT NULL REFERENCES specialties (code),
        PRIMARY KEY (clinician_id, specialty_code)
      )`);
    await queryRunner.query(
      'CREATE INDEX clinician_specialties_specialty_idx ON clinician_specialties (specialty_code)',
    );
    await queryRunner.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinician_id uuid NOT NULL REFERENCES clinicians (id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await queryRunner.query('CREATE INDEX sessions_clinician_idx ON sessions (clinician_id)');
    await queryRunner.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)');
    await queryRunner.query(`
      CREATE TABLE login_throttle (
        key text PRIMARY KEY,
        failures integer NOT NULL,
        first_failure_at timestamptz NOT NULL,
        blocked_until timestamptz
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE login_throttle');
    await queryRunner.query('DROP TABLE refresh_tokens');
    await queryRunner.query('DROP TABLE sessions');
    await queryRunner.query('DROP TABLE clinician_specialties');
    await queryRunner.query('DROP TABLE clinicians');
  }
}
