import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Every version of a case, the first included; never updated or deleted. */
@Entity('case_revisions')
export class CaseRevisionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  caseId: string;

  @Column('int')
  version: number;

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  @Column('text', { array: true })
  tags: string[];

  @Column('uuid')
  forumId: string;

  @Column('uuid')
  editorId: string;

  @Column('timestamptz')
  editedAt: Date;
}
