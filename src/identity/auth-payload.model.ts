import { Field, ObjectType } from '@nestjs/graphql';
import { Clinician } from './clinician.model.js';

@ObjectType('AuthPayload')
export class AuthPayload {
  @Field({ description: 'Short-lived JWT for the Authorization: Bearer header' })
  accessToken: string;

  @Field({ description: 'Single-use; exchange with refreshSession for a new pair' })
  refreshToken: string;

  @Field(() => Clinician)
  clinician: Clinician;
}
