import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Append-only audit log. The database itself refuses UPDATE, DELETE and TRUNCATE, so no code path
 * (or a compromised one) can rewrite history.
 */
export class CreateAuditLog1764160300000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id uuid REFERENCES clinicians (id),
        action text NOT NULL,
        target_type text,
        target_id text,
        detail text,
        ip_address text
      )`);
    await queryRunner.query('CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, id)');
    await queryRunner.query('CREATE INDEX audit_log_action_idx ON audit_log (action, id)');
    await queryRunner.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
      FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
      FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE audit_log');
    await queryRunner.query('DROP FUNCTION audit_log_refuse_change()');
  }
}
