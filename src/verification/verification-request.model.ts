import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '../graphql/connection.js';
import { Clinician } from '../identity/clinician.model.js';
import { VerificationStatus } from '../identity/clinician.enums.js';
import { Specialty } from '../specialties/specialty.model.js';

@ObjectType('VerificationRequest')
export class VerificationRequest {
  @Field(() => ID)
  id: string;

  @Field(() => Clinician)
  clinician?: Clinician;

  clinicianId: string;

  @Field(() => VerificationStatus, { description: 'PENDING until reviewed, then VERIFIED or REJECTED' })
  status: VerificationStatus;

  @Field()
  licenseNumber: string;

  @Field({ description: 'ISO 3166-2 subdivision that issued the licence' })
  jurisdiction: string;

  @Field(() => String, { nullable: true })
  npi: string | null;

  @Field(() => Date, { nullable: true })
  licenseExpiresOn: Date | null;

  @Field(() => [Specialty])
  specialties?: Specialty[];

  specialtyCodes: string[];

  @Field()
  submittedAt: Date;

  @Field(() => Date, { nullable: true })
  reviewedAt: Date | null;

  @Field(() => Clinician, { nullable: true })
  reviewer?: Clinician | null;

  reviewerId: string | null;

  @Field(() => String, { nullable: true, description: 'The reviewer’s reason (required for a rejection)' })
  reason: string | null;
}

export const VerificationRequestConnection = Connection(VerificationRequest, 'VerificationRequest');
