import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type RequestStatus = 'PENDING' | 'VERIFIED' | 'REJECTED';

@Entity('verification_requests')
export class VerificationRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  clinicianId: string;

  @Column('text')
  status: RequestStatus;

  @Column('text')
  licenseNumber: string;

  @Column('text')
  jurisdiction: string;

  @Column('text', { nullable: true })
  npi: string | null;

  @Column('timestamptz', { nullable: true })
  licenseExpiresOn: Date | null;

  @Column('timestamptz')
  submittedAt: Date;

  @Column('timestamptz', { nullable: true })
  reviewedAt: Date | null;

  @Column('uuid', { nullable: true })
  reviewerId: string | null;

  @Column('text', { nullable: true })
  reason: string | null;
}
