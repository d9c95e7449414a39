import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A reply in a case thread; body is de-identified text only. */
@Entity('replies')
export class ReplyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  caseId: string;

  @Column('uuid')
  authorId: string;

  @Column('text')
  body: string;

  @Column('boolean')
  accepted: boolean;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  editedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  removedAt: Date | null;

  @Column('uuid', { nullable: true })
  removedBy: string | null;

  @Column('timestamptz', { nullable: true })
  hiddenAt: Date | null;
}
