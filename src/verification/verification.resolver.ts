import {
  Args,
  ArgsType,
  Context,
  Field,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { AdminOnly, SignedIn } from '../auth/access.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { PageArgs } from '../graphql/connection.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { loadClinician } from '../identity/clinician-loaders.js';
import { VerificationStatus } from '../identity/clinician.enums.js';
import { Clinician } from '../identity/clinician.model.js';
import { CliniciansService, toClinicianModel } from '../identity/clinicians.service.js';
import { CredentialInput } from './dto/credential.input.js';
import { ReviewInput } from './dto/review.input.js';
import { VerificationRequest, VerificationRequestConnection } from './verification-request.model.js';
import { VerificationService } from './verification.service.js';

@ArgsType()
class VerificationQueueArgs extends PageArgs {
  @Field(() => VerificationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(VerificationStatus)
  status?: VerificationStatus;
}

@Resolver(() => VerificationRequest)
export class VerificationResolver {
  constructor(
    private readonly verification: VerificationService,
    private readonly clinicians: CliniciansService,
  ) {}

  @SignedIn()
  @Mutation(() => VerificationRequest, {
    description:
      'Submit licence details for review. Replaces a pending request; keeps a current verification until decided.',
  })
  submitCredentials(@Args('input') input: CredentialInput, @CurrentCaller() caller: Caller) {
    return this.verification.submit(caller, input);
  }

  @SignedIn()
  @Query(() => [VerificationRequest], { description: 'Your own verification requests, newest first' })
  myVerificationRequests(@CurrentCaller() caller: Caller) {
    return this.verification.listOwn(caller.id);
  }

  @AdminOnly()
  @Query(() => VerificationRequestConnection, { description: 'The review queue, oldest first' })
  verificationRequests(@Args() args: VerificationQueueArgs) {
    return this.verification.list(args.status, args);
  }

  @AdminOnly()
  @Mutation(() => VerificationRequest)
  reviewVerification(@Args('input') input: ReviewInput, @CurrentCaller() caller: Caller) {
    return this.verification.review(caller, input);
  }

  @AdminOnly()
  @Mutation(() => Clinician, {
    description: 'Withdraw a verification; applies to the clinician’s next request',
  })
  async revokeVerification(
    @Args('clinicianId', { type: () => ID }) clinicianId: string,
    @Args('reason') reason: string,
    @CurrentCaller() caller: Caller,
  ): Promise<Clinician> {
    return toClinicianModel(await this.verification.revoke(caller, clinicianId, reason));
  }

  @ResolveField(() => Clinician)
  async clinician(@Parent() request: VerificationRequest, @Context() context: GraphQLContext) {
    return loadClinician(context, this.clinicians, request.clinicianId);
  }

  @ResolveField(() => Clinician, { nullable: true })
  reviewer(@Parent() request: VerificationRequest, @Context() context: GraphQLContext) {
    return request.reviewerId ? loadClinician(context, this.clinicians, request.reviewerId) : null;
  }
}
