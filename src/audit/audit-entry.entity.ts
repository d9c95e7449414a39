import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One row of the append-only audit log (the database refuses UPDATE and DELETE). */
@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column('timestamptz')
  at: Date;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  @Column('text')
  action: string;

  @Column('text', { nullable: true })
  targetType: string | null;

  @Column('text', { nullable: true })
  targetId: string | null;

  @Column('text', { nullable: true })
  detail: string | null;

  @Column('text', { nullable: true })
  ipAddress: string | null;
}
