import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Forums, de-identified cases with their revisions and specialties, and replies. Only de-identified
 * text ever reaches these tables. Full-text search runs on a generated tsvector with a GIN index.
 */
export class CreateForumsAndCases1764160400000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE forums (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$'),
        name text NOT NULL,
        description text,
        visibility text NOT NULL CHECK (visibility IN ('OPEN', 'PRIVATE')),
        created_by uuid REFERENCES clinicians (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        forum_id uuid NOT NULL REFERENCES forums (id),
        author_id uuid NOT NULL REFERENCES clinicians (id),
        title text NOT NULL,
        body text NOT NULL,
        urgency text NOT NULL DEFAULT 'ROUTINE' CHECK (urgency IN ('ROUTINE', 'URGENT')),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'ANSWERED', 'RESOLVED')),
        outcome text CHECK (outcome IN ('ADVICE_ONLY', 'REFERRAL_AVOIDED', 'REFERRAL_STILL_NEEDED', 'REFERRAL_NEWLY_PROMPTED')),
        tags text[] NOT NULL DEFAULT '{}',
        version integer NOT NULL DEFAULT 1,
        -- Millisecond precision: list cursors carry these as JavaScript dates.
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        edited_at timestamptz,
        removed_at timestamptz,
        removed_by uuid REFERENCES clinicians (id),
        removal_reason text,
        hidden_at timestamptz,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body), 'B')
        ) STORED
      )`);
    await queryRunner.query('CREATE INDEX cases_newest_idx ON cases (created_at DESC, id DESC)');
    await queryRunner.query(
      'CREATE INDEX cases_forum_newest_idx ON cases (forum_id, created_at DESC, id DESC)',
    );
    await queryRunner.query('CREATE INDEX cases_author_idx ON cases (author_id, created_at DESC)');
    await queryRunner.query('CREATE INDEX cases_search_idx ON cases USING GIN (search)');
    await queryRunner.query('CREATE INDEX cases_tags_idx ON cases USING GIN (tags)');
    await queryRunner.query(`
      CREATE TABLE case_specialties (
        case_id uuid NOT NULL REFERENCES cases (id),
        specialty_code text NOT NULL REFERENCES specialties (code),
        PRIMARY KEY (case_id, specialty_code)
      )`);
    await queryRunner.query(
      'CREATE INDEX case_specialties_specialty_idx ON case_specialties (specialty_code, case_id)',
    );
    await queryRunner.query(`
      CREATE TABLE case_revisions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        version integer NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        tags text[] NOT NULL,
        forum_id uuid NOT NULL REFERENCES forums (id),
        editor_id uuid NOT NULL REFERENCES clinicians (id),
        edited_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (case_id, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE replies (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES cases (id),
        author_id uuid NOT NULL REFERENCES clinicians (id),
        body text NOT NULL,
        accepted boolean NOT NULL DEFAULT false,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        edited_at timestamptz,
        removed_at timestamptz,
        removed_by uuid REFERENCES clinicians (id),
        hidden_at timestamptz
      )`);
    await queryRunner.query('CREATE INDEX replies_case_idx ON replies (case_id, created_at, id)');
    await queryRunner.query('CREATE UNIQUE INDEX replies_one_accepted ON replies (case_id) WHERE accepted');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE replies');
    await queryRunner.query('DROP TABLE case_revisions');
    await queryRunner.query('DROP TABLE case_specialties');
    await queryRunner.query('DROP TABLE cases');
    await queryRunner.query('DROP TABLE forums');
  }
}
