import { Args, ArgsType, Context, Field, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { AdminOnly } from '../auth/access.decorators.js';
import { PageArgs } from '../graphql/connection.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { loadClinician } from '../identity/clinician-loaders.js';
import { Clinician } from '../identity/clinician.model.js';
import { CliniciansService } from '../identity/clinicians.service.js';
import { AuditEntry, AuditEntryConnection } from './audit-entry.model.js';
import { AuditService } from './audit.service.js';

@ArgsType()
class AuditLogArgs extends PageArgs {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  actorId?: string;

  @Field(() => String, { nullable: true, description: 'e.g. login.failed, verification.approved' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;
}

@Resolver(() => AuditEntry)
export class AuditResolver {
  constructor(
    private readonly audit: AuditService,
    private readonly clinicians: CliniciansService,
  ) {}

  @AdminOnly()
  @Query(() => AuditEntryConnection, { description: 'The append-only audit log, newest first' })
  auditLog(@Args() args: AuditLogArgs) {
    return this.audit.list(args);
  }

  @ResolveField(() => Clinician, { nullable: true })
  actor(@Parent() entry: AuditEntry, @Context() context: GraphQLContext): Promise<Clinician | null> {
    if (!entry.actorId) return Promise.resolve(null);
    return loadClinician(context, this.clinicians, entry.actorId);
  }
}
