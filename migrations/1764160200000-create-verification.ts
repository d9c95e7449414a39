import { MigrationInterface, QueryRunner } from 'typeorm';

/** Credential verification requests and the specialties each one claims. */
export class CreateVerification1764160200000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE verification_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinician_id uuid NOT NULL REFERENCES clinicians (id) ON DELETE CASCADE,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'VERIFIED', 'REJECTED')),
        license_number text NOT NULL,
        jurisdiction text NOT NULL,
        npi text CHECK (npi ~ '^[0-9]{10}$'),
        license_expires_on timestamptz,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        reviewed_at timestamptz,
        reviewer_id uuid REFERENCES clinicians (id),
        reason text
      )`);
    // At most one open request per clinician: resubmitting replaces it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX verification_requests_one_pending ON verification_requests (clinician_id) WHERE status = 'PENDING'`,
    );
    await queryRunner.query(
      'CREATE INDEX verification_requests_queue_idx ON verification_requests (status, submitted_at, id)',
    );
    await queryRunner.query(`
      CREATE TABLE verification_request_specialties (
        request_id uuid NOT NULL REFERENCES verification_requests (id) ON DELETE CASCADE,
        specialty_code text NOT NULL REFERENCES specialties (code),
        PRIMARY KEY (request_id, specialty_code)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE verification_request_specialties');
    await queryRunner.query('DROP TABLE verification_requests');
  }
}
