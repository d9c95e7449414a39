import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Consult routing: offers of a case to specialists, each specialist's routing load (kept in step with
 * the offers so choosing the least-loaded specialists is one indexed query), whether a case's
 * specialties were inferred from its text, when it was closed, and the notifications inbox.
 */
export class CreateConsults1764160600000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE cases ADD COLUMN specialties_inferred boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query('ALTER TABLE cases ADD COLUMN closed_at timestamptz');
    await queryRunner.query(`
      CREATE TABLE consult_offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        specialist_id uuid NOT NULL REFERENCES clinicians (id),
        specialty_code text NOT NULL REFERENCES specialties (code),
        status text NOT NULL DEFAULT 'OFFERED'
          CHECK (status IN ('OFFERED', 'ACCEPTED', 'DECLINED', 'INFO_REQUESTED', 'ANSWERED', 'EXPIRED')),
        offered_at timestamptz(3) NOT NULL DEFAULT now(),
        due_at timestamptz(3) NOT NULL,
        responded_at timestamptz,
        -- While INFO_REQUESTED the deadline is paused: the time left is kept here and restored on the author's reply.
        paused_remaining interval,
        question text,
        UNIQUE (case_id, specialist_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX consult_offers_inbox_idx ON consult_offers (specialist_id, offered_at DESC, id DESC)',
    );
    await queryRunner.query(
      'CREATE INDEX consult_offers_case_idx ON consult_offers (case_id, specialty_code)',
    );
    await queryRunner.query(
      "CREATE INDEX consult_offers_due_idx ON consult_offers (due_at) WHERE status IN ('OFFERED', 'ACCEPTED')",
    );
    await queryRunner.query(`
      CREATE TABLE routing_load (
        clinician_id uuid PRIMARY KEY REFERENCES clinicians (id),
        open_offers integer NOT NULL DEFAULT 0 CHECK (open_offers >= 0),
        last_offered_at timestamptz
      )`);
    await queryRunner.query(
      'CREATE INDEX routing_load_order_idx ON routing_load (open_offers, last_offered_at NULLS FIRST, clinician_id)',
    );
    await queryRunner.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        recipient_id uuid NOT NULL REFERENCES clinicians (id),
        kind text NOT NULL,
        case_id uuid REFERENCES cases (id),
        consult_id uuid REFERENCES consult_offers (id),
        reply_id uuid REFERENCES replies (id),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await queryRunner.query(
      'CREATE INDEX notifications_inbox_idx ON notifications (recipient_id, created_at DESC, id DESC)',
    );
    await queryRunner.query(
      'CREATE INDEX notifications_unread_idx ON notifications (recipient_id) WHERE read_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE notifications');
    await queryRunner.query('DROP TABLE routing_load');
    await queryRunner.query('DROP TABLE consult_offers');
    await queryRunner.query('ALTER TABLE cases DROP COLUMN closed_at');
    await queryRunner.query('ALTER TABLE cases DROP COLUMN specialties_inferred');
  }
}
