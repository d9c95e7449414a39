import { Entity, PrimaryColumn } from 'typeorm';

@Entity('clinician_specialties')
export class ClinicianSpecialtyEntity {
  @PrimaryColumn('uuid')
  clinicianId: string;

  @PrimaryColumn('text')
  specialtyCode: string;
}
