import {
  Args,
  ArgsType,
  Context,
  Field,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { viewerOf } from '../access-policy/viewer.js';
import { AdminOnly, SignedIn } from '../auth/access.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { CaseQueriesService } from '../cases/case-queries.service.js';
import { toCaseModel } from '../cases/case-mapping.js';
import { Case } from '../cases/case.model.js';
import { PageArgs } from '../graphql/connection.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { loadClinician } from '../identity/clinician-loaders.js';
import { Clinician } from '../identity/clinician.model.js';
import { CliniciansService } from '../identity/clinicians.service.js';
import { RepliesService, toReplyModel } from '../replies/replies.service.js';
import { Reply } from '../replies/reply.model.js';
import { FlagInput } from './dto/flag.input.js';
import { ResolveFlagInput } from './dto/resolve-flag.input.js';
import { Flag, FlagConnection, FlagStatus } from './flag.model.js';
import { ModerationService } from './moderation.service.js';

@ArgsType()
class FlagQueueArgs extends PageArgs {
  @Field(() => FlagStatus, { nullable: true })
  @IsOptional()
  @IsEnum(FlagStatus)
  status?: FlagStatus;
}

@Resolver(() => Flag)
export class ModerationResolver {
  constructor(
    private readonly moderation: ModerationService,
    private readonly cases: CaseQueriesService,
    private readonly replies: RepliesService,
    private readonly clinicians: CliniciansService,
  ) {}

  @SignedIn()
  @Mutation(() => Boolean, {
    description: 'Flag a case or reply you can read. A PHI flag hides it until an admin reviews it.',
  })
  flagContent(@Args('input') input: FlagInput, @CurrentCaller() caller: Caller): Promise<boolean> {
    return this.moderation.flag(caller, viewerOf(caller), input);
  }

  @AdminOnly()
  @Query(() => FlagConnection, { description: 'The moderation queue, oldest first' })
  flags(@Args() args: FlagQueueArgs) {
    return this.moderation.list(args.status, args);
  }

  @AdminOnly()
  @Mutation(() => Flag)
  resolveFlag(@Args('input') input: ResolveFlagInput, @CurrentCaller() caller: Caller): Promise<Flag> {
    return this.moderation.resolve(caller, input);
  }

  @ResolveField(() => Clinician)
  async reporter(@Parent() flag: Flag, @Context() context: GraphQLContext): Promise<Clinician> {
    return (await loadClinician(context, this.clinicians, flag.reporterId))!;
  }

  @ResolveField(() => Case, { nullable: true })
  async case(@Parent() flag: Flag, @CurrentCaller() caller: Caller): Promise<Case | null> {
    if (!flag.caseId) return null;
    const found = await this.cases.findReadable(flag.caseId, viewerOf(caller));
    return found ? toCaseModel(found) : null;
  }

  @ResolveField(() => Reply, { nullable: true })
  async reply(@Parent() flag: Flag, @CurrentCaller() caller: Caller): Promise<Reply | null> {
    if (!flag.replyId) return null;
    const found = await this.replies.findReadable(flag.replyId, viewerOf(caller));
    return found ? toReplyModel(found) : null;
  }
}
