import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A sign-in: the family of refresh tokens issued from one login. Revoking it ends them all. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  clinicianId: string;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  revokedAt: Date | null;

  @Column('text', { nullable: true })
  revokedReason: string | null;
}
