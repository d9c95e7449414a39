import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Case } from '../cases/case.model.js';
import { Connection } from '../graphql/connection.js';
import { Clinician } from '../identity/clinician.model.js';
import { Specialty } from '../specialties/specialty.model.js';

export enum ConsultStatus {
  OFFERED = 'OFFERED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  INFO_REQUESTED = 'INFO_REQUESTED',
  ANSWERED = 'ANSWERED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(ConsultStatus, {
  name: 'ConsultStatus',
  description: 'INFO_REQUESTED pauses the deadline until the case author replies',
});

@ObjectType('ConsultRequest', { description: 'A case offered to one specialist for one specialty' })
export class ConsultRequest {
  @Field(() => ID)
  id: string;

  @Field(() => Case)
  case?: Case;

  caseId: string;

  @Field(() => Clinician)
  specialist?: Clinician;

  specialistId: string;

  @Field(() => Specialty)
  specialty?: Specialty;

  specialtyCode: string;

  @Field(() => ConsultStatus)
  status: ConsultStatus;

  @Field()
  offeredAt: Date;

  @Field()
  dueAt: Date;

  @Field(() => Date, { nullable: true })
  respondedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'The specialist’s de-identified question, after requestMoreInfo',
  })
  question: string | null;
}

export const ConsultRequestConnection = Connection(ConsultRequest, 'ConsultRequest');
