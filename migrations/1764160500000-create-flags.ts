import { MigrationInterface, QueryRunner } from 'typeorm';

/** Moderation flags on cases and replies. The note is de-identified before it is stored. */
export class CreateFlags1764160500000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE flags (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid REFERENCES cases (id),
        reply_id uuid REFERENCES replies (id),
        reporter_id uuid NOT NULL REFERENCES clinicians (id),
        reason text NOT NULL CHECK (reason IN ('PHI', 'INAPPROPRIATE', 'MISINFORMATION', 'OTHER')),
        note text,
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DISMISSED', 'CONTENT_REMOVED')),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        resolved_at timestamptz,
        resolved_by uuid REFERENCES clinicians (id),
        CHECK ((case_id IS NULL) <> (reply_id IS NULL))
      )`);
    await queryRunner.query('CREATE INDEX flags_queue_idx ON flags (status, created_at, id)');
    await queryRunner.query('CREATE INDEX flags_case_idx ON flags (case_id) WHERE case_id IS NOT NULL');
    await queryRunner.query('CREATE INDEX flags_reply_idx ON flags (reply_id) WHERE reply_id IS NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE flags');
  }
}
