import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A case post. title and body hold de-identified text only. */
@Entity('cases')
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  forumId: string;

  @Column('uuid')
  authorId: string;

  @Column('text')
  title: string;

  @Column('text')
  body: string;

  @Column('text')
  urgency: 'ROUTINE' | 'URGENT';

  @Column('text')
  status: 'OPEN' | 'ANSWERED' | 'RESOLVED';

  @Column('text', { nullable: true })
  outcome: string | null;

  @Column('text', { array: true })
  tags: string[];

  @Column('int')
  version: number;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  editedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  removedAt: Date | null;

  @Column('uuid', { nullable: true })
  removedBy: string | null;

  @Column('text', { nullable: true })
  removalReason: string | null;

  /** The specialties were inferred from the text because the author named none. */
  @Column('boolean')
  specialtiesInferred: boolean;

  @Column('timestamptz', { nullable: true })
  closedAt: Date | null;

  /** Set when a PHI flag hides the case until an admin reviews it. */
  @Column('timestamptz', { nullable: true })
  hiddenAt: Date | null;
}
