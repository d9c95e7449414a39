import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type ConsultStatusValue =
  | 'OFFERED'
  | 'ACCEPTED'
  | 'DECLINED'
  | 'INFO_REQUESTED'
  | 'ANSWERED'
  | 'EXPIRED';

/** One offer of a case to one specialist. */
@Entity('consult_offers')
export class ConsultOfferEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  caseId: string;

  @Column('uuid')
  specialistId: string;

  @Column('text')
  specialtyCode: string;

  @Column('text')
  status: ConsultStatusValue;

  @Column('timestamptz')
  offeredAt: Date;

  @Column('timestamptz')
  dueAt: Date;

  @Column('timestamptz', { nullable: true })
  respondedAt: Date | null;

  /** De-identified question from requestMoreInfo. */
  @Column('text', { nullable: true })
  question: string | null;
}
