import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('specialties')
export class SpecialtyEntity {
  @PrimaryColumn('text')
  code: string;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  snomedCode: string | null;
}
