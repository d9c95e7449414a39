import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Case lists report totalCount: a count of every case the viewer may read. Without this index that is a
 * sequential scan of the whole (wide: body and tsvector) cases table; with it, an index-only scan of
 * the few columns the read policy needs (bench/README.md: count over 100,000 cases ~200 → ~50 ms).
 */
export class AddCasesReadableCountIndex1764161000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX cases_readable_count_idx ON cases (id) INCLUDE (forum_id, author_id, removed_at, hidden_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX cases_readable_count_idx');
  }
}
