import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Specialty } from '../specialties/specialty.model.js';
import { Role, VerificationStatus } from './clinician.enums.js';

/** Fields only the clinician themself and admins may read; resolved through a field resolver. */
export interface ClinicianPrivateFields {
  email: string;
  verificationNote: string | null;
  licenseExpiresOn: Date | null;
}

@ObjectType('Clinician')
export class Clinician {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  @Field(() => Role)
  role: Role;

  @Field(() => VerificationStatus)
  verificationStatus: VerificationStatus;

  @Field(() => [Specialty])
  specialties?: Specialty[];

  @Field()
  acceptingConsults: boolean;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2 licensing jurisdiction, once verified' })
  jurisdiction: string | null;

  @Field()
  createdAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Only for the clinician themself and admins; null otherwise',
  })
  email?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why verification is in its current state (e.g. licence expired). Self and admins only.',
  })
  verificationNote?: string | null;

  @Field(() => Date, { nullable: true, description: 'Licence expiry on file. Self and admins only.' })
  licenseExpiresOn?: Date | null;

  /** Not a GraphQL field. */
  privateFields: ClinicianPrivateFields;

  /** Not a GraphQL field: set when the object is returned to its own owner before they hold a token (AuthPayload). */
  viewerIsOwner?: boolean;
}
