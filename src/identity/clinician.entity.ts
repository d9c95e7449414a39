import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role, VerificationStatus } from './clinician.enums.js';

/** An account. Never exposed as-is: Clinician (the GraphQL type) picks what may leave. */
@Entity('clinicians')
export class ClinicianEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  email: string;

  @Column('text')
  displayName: string;

  @Column('text')
  passwordHash: string;

  @Column('text')
  role: Role;

  @Column('text')
  verificationStatus: VerificationStatus;

  /** Why the status is what it is (rejection reason, revocation reason, licence expiry), for the clinician. */
  @Column('text', { nullable: true })
  verificationNote: string | null;

  @Column('text', { nullable: true })
  jurisdiction: string | null;

  @Column('timestamptz', { nullable: true })
  licenseExpiresOn: Date | null;

  @Column('boolean')
  acceptingConsults: boolean;

  @Column('timestamptz')
  createdAt: Date;

  @Column('timestamptz')
  updatedAt: Date;
}
