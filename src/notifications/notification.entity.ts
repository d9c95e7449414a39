import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One inbox entry: ids of what happened, never any text. */
@Entity('notifications')
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  recipientId: string;

  @Column('text')
  kind: string;

  @Column('uuid', { nullable: true })
  caseId: string | null;

  @Column('uuid', { nullable: true })
  consultId: string | null;

  @Column('uuid', { nullable: true })
  replyId: string | null;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  readAt: Date | null;
}
