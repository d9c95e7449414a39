import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('flags')
export class FlagEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid', { nullable: true })
  caseId: string | null;

  @Column('uuid', { nullable: true })
  replyId: string | null;

  @Column('uuid')
  reporterId: string;

  @Column('text')
  reason: 'PHI' | 'INAPPROPRIATE' | 'MISINFORMATION' | 'OTHER';

  /** De-identified. */
  @Column('text', { nullable: true })
  note: string | null;

  @Column('text')
  status: 'OPEN' | 'DISMISSED' | 'CONTENT_REMOVED';

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  resolvedAt: Date | null;

  @Column('uuid', { nullable: true })
  resolvedBy: string | null;
}
