import { Args, ID, Info, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { viewerOf } from '../access-policy/viewer.js';
import { Verified, SignedIn } from '../auth/access.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { CaseQueriesService } from '../cases/case-queries.service.js';
import { Case } from '../cases/case.model.js';
import { PageArgs } from '../graphql/connection.js';
import { type GraphQLContext, viewerOfContext } from '../graphql/graphql-context.js';
import { selectsField } from '../graphql/selected-fields.js';
import { loadClinician } from '../identity/clinician-loaders.js';
import { Clinician } from '../identity/clinician.model.js';
import { CliniciansService } from '../identity/clinicians.service.js';
import { ReplyInput } from './dto/reply.input.js';
import { RepliesService } from './replies.service.js';
import { Reply, ReplyConnection } from './reply.model.js';

@Resolver(() => Reply)
export class RepliesResolver {
  constructor(
    private readonly replies: RepliesService,
    private readonly cases: CaseQueriesService,
    private readonly clinicians: CliniciansService,
  ) {}

  @Verified()
  @Mutation(() => Reply, {
    description: 'Reply to a case you may read; the body is de-identified before storage',
  })
  replyToCase(@Args('input') input: ReplyInput, @CurrentCaller() caller: Caller): Promise<Reply> {
    return this.replies.create(caller, viewerOf(caller), input);
  }

  @SignedIn()
  @Mutation(() => Reply, { description: 'The case author accepts a reply as the answer' })
  acceptReply(
    @Args('replyId', { type: () => ID }) replyId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<Reply> {
    return this.replies.accept(caller, viewerOf(caller), replyId);
  }

  /** Goes through the read policy like every other path to a case. */
  @ResolveField(() => Case)
  async case(reply: Reply, _args: unknown, context: GraphQLContext) {
    const viewer = viewerOfContext(context);
    return context.loaders
      .get<string, Case | null>('case.readable', (ids) => this.cases.findReadableByIds(ids, viewer))
      .load(reply.caseId);
  }

  // Decorator-free field resolvers (see CasesResolver.forum): no per-call pipes.
  @ResolveField(() => Clinician)
  async author(reply: Reply, _args: unknown, context: GraphQLContext): Promise<Clinician> {
    return (await loadClinician(context, this.clinicians, reply.authorId))!;
  }
}

/** The thread of a case: its replies and how many there are, as the viewer may read them. */
@Resolver(() => Case)
export class CaseThreadResolver {
  constructor(private readonly thread: RepliesService) {}

  @ResolveField(() => ReplyConnection)
  replies(
    @Parent() kase: Case,
    @Args() args: PageArgs,
    @CurrentCaller() caller: Caller | null,
    @Info() info: GraphQLResolveInfo,
  ) {
    // The count is a statement of its own: only when the query asks for it.
    return this.thread.listForCase(kase.id, args, viewerOf(caller), {
      countTotal: selectsField(info, 'totalCount'),
    });
  }

  @ResolveField(() => Int)
  replyCount(kase: Case, _args: unknown, context: GraphQLContext) {
    const viewer = viewerOfContext(context);
    return context.loaders
      .get<string, number>('case.replyCount', (ids) => this.thread.countReadable(ids, viewer))
      .load(kase.id);
  }
}
