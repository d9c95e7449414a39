import { Entity, PrimaryColumn } from 'typeorm';

@Entity('verification_request_specialties')
export class VerificationRequestSpecialtyEntity {
  @PrimaryColumn('uuid')
  requestId: string;

  @PrimaryColumn('text')
  specialtyCode: string;
}
