import { Entity, PrimaryColumn } from 'typeorm';

@Entity('case_specialties')
export class CaseSpecialtyEntity {
  @PrimaryColumn('uuid')
  caseId: string;

  @PrimaryColumn('text')
  specialtyCode: string;
}
