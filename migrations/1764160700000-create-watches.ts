import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Keyword watches. Each watch keeps its query as written (returned to its owner only), the tsquery
 * computed once at creation (`websearch_to_tsquery('english', query)`), and the lexemes a matching case
 * must contain at least one of (those of `querytree(tsquery)`, i.e. without negated terms). A GIN index
 * on `lexemes` lets a new case find its candidate watches with `lexemes && <case lexemes>` before the
 * exact `tsquery @@ search` check, instead of testing every watch. `watch_matches` records each
 * (watch, case) pair once, so an edit never notifies a watcher twice about the same case.
 */
export class CreateWatches1764160700000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE watches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        clinician_id uuid NOT NULL REFERENCES clinicians (id),
        query text NOT NULL CHECK (char_length(query) BETWEEN 1 AND 200),
        tsquery tsquery NOT NULL,
        lexemes text[] NOT NULL CHECK (cardinality(lexemes) > 0),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        UNIQUE (clinician_id, tsquery)
      )`);
    await queryRunner.query('CREATE INDEX watches_owner_idx ON watches (clinician_id, created_at, id)');
    // Watches are written rarely and searched on every post: no pending list, which every search would scan.
    await queryRunner.query(
      'CREATE INDEX watches_lexemes_idx ON watches USING GIN (lexemes) WITH (fastupdate = off)',
    );
    await queryRunner.query(`
      CREATE TABLE watch_matches (
        watch_id uuid NOT NULL REFERENCES watches (id) ON DELETE CASCADE,
        case_id uuid NOT NULL REFERENCES cases (id),
        -- The watch's owner, copied for the notification fan-out (no foreign key: it follows the watch).
        clinician_id uuid NOT NULL,
        matched_at timestamptz(3) NOT NULL DEFAULT now(),
        PRIMARY KEY (watch_id, case_id)
      )`);
    await queryRunner.query('CREATE INDEX watch_matches_case_idx ON watch_matches (case_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE watch_matches');
    await queryRunner.query('DROP TABLE watches');
  }
}
