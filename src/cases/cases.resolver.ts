import { Args, Context, ID, Info, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { selectsField } from '../graphql/selected-fields.js';
import { viewerOf } from '../access-policy/viewer.js';
import { Public, SignedIn, Verified } from '../auth/access.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { Forum } from '../forums/forum.model.js';
import { ForumsService } from '../forums/forums.service.js';
import { type GraphQLContext, viewerOfContext } from '../graphql/graphql-context.js';
import { loadClinician } from '../identity/clinician-loaders.js';
import { Clinician } from '../identity/clinician.model.js';
import { CliniciansService } from '../identity/clinicians.service.js';
import { Specialty } from '../specialties/specialty.model.js';
import { toCaseModel } from './case-mapping.js';
import { ConsultOutcome } from './case.enums.js';
import { CaseQueriesService } from './case-queries.service.js';
import { Case, CaseConnection, CaseRevision, PostCasePayload } from './case.model.js';
import { CasesService } from './cases.service.js';
import { CasesArgs } from './dto/case-filter.input.js';
import { EditCaseInput } from './dto/edit-case.input.js';
import { PostCaseInput } from './dto/post-case.input.js';
import { RemoveCaseArgs } from './dto/remove-case.args.js';

@Resolver(() => Case)
export class CasesResolver {
  constructor(
    private readonly writer: CasesService,
    private readonly queries: CaseQueriesService,
    private readonly forums: ForumsService,
    private readonly clinicians: CliniciansService,
  ) {}

  @Public()
  @Query(() => Case, {
    nullable: true,
    description: 'null when the case does not exist or you may not read it',
  })
  async case(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller | null,
  ): Promise<Case | null> {
    const found = await this.queries.findReadable(id, viewerOf(caller));
    return found ? toCaseModel(found) : null;
  }

  @Public()
  @Query(() => CaseConnection, {
    description: 'Cases you may read, newest first (or by relevance with filter.query)',
  })
  cases(@Args() args: CasesArgs, @CurrentCaller() caller: Caller | null, @Info() info: GraphQLResolveInfo) {
    return this.queries.list(args, viewerOf(caller), { countTotal: selectsField(info, 'totalCount') });
  }

  @Verified()
  @Mutation(() => PostCasePayload, {
    description: 'Post a case; title and body are de-identified before storage',
  })
  async postCase(
    @Args('input') input: PostCaseInput,
    @CurrentCaller() caller: Caller,
    @Context() context: GraphQLContext,
  ): Promise<PostCasePayload> {
    const { specialties, ...payload } = await this.writer.post(caller, viewerOf(caller), input);
    // The new case's specialties are known: the response need not read them back.
    this.specialtiesLoader(context).prime(payload.case.id, specialties);
    return payload;
  }

  @Verified()
  @Mutation(() => Case, { description: 'Edit your case; every edit is de-identified and kept as a revision' })
  editCase(
    @Args('id', { type: () => ID }) id: string,
    @Args('input') input: EditCaseInput,
    @CurrentCaller() caller: Caller,
  ): Promise<Case> {
    return this.writer.edit(caller, viewerOf(caller), id, input);
  }

  @SignedIn()
  @Mutation(() => Boolean, {
    description: 'Remove a case (author or admin). It becomes a tombstone; history is kept.',
  })
  removeCase(@Args() args: RemoveCaseArgs, @CurrentCaller() caller: Caller): Promise<boolean> {
    return this.writer.remove(caller, viewerOf(caller), args.id, args.reason);
  }

  @SignedIn()
  @Mutation(() => Case, { description: 'The author closes the case, recording the outcome of the consult' })
  closeCase(
    @Args('id', { type: () => ID }) id: string,
    @Args('outcome', { type: () => ConsultOutcome }) outcome: ConsultOutcome,
    @CurrentCaller() caller: Caller,
  ): Promise<Case> {
    return this.writer.close(caller, viewerOf(caller), id, outcome);
  }

  // Field resolvers below take GraphQL's own (parent, args, context) arguments, without Nest parameter
  // decorators: Nest then calls them directly instead of running each parameter through the pipes on
  // every call (20 cases x 4 fields per feed page; bench/README.md, decision 6).

  @ResolveField(() => Forum)
  async forum(kase: Case, _args: unknown, context: GraphQLContext): Promise<Forum> {
    const forum = await context.loaders
      .get<string, Forum | null>('forum.byId', (ids) => this.forums.findByIds(ids))
      .load(kase.forumId);
    return forum!;
  }

  @ResolveField(() => Clinician)
  async author(kase: Case, _args: unknown, context: GraphQLContext): Promise<Clinician> {
    return (await loadClinician(context, this.clinicians, kase.authorId))!;
  }

  @ResolveField(() => [Specialty])
  specialties(kase: Case, _args: unknown, context: GraphQLContext): Promise<Specialty[]> {
    return this.specialtiesLoader(context).load(kase.id);
  }

  private specialtiesLoader(context: GraphQLContext) {
    return context.loaders.get<string, Specialty[]>('case.specialties', (ids) =>
      this.queries.specialtiesOf(ids),
    );
  }

  @ResolveField(() => [CaseRevision], {
    description: 'Every version, newest first: the author and admins only; empty for others',
  })
  revisions(kase: Case, _args: unknown, context: GraphQLContext): Promise<CaseRevision[]> {
    const viewer = viewerOfContext(context);
    if (!viewer.admin && viewer.id !== kase.authorId) return Promise.resolve([]);
    return this.queries.revisionsOf(kase.id);
  }
}

@Resolver(() => CaseRevision)
export class CaseRevisionResolver {
  constructor(private readonly clinicians: CliniciansService) {}

  @ResolveField(() => Clinician)
  async editor(revision: CaseRevision, _args: unknown, context: GraphQLContext): Promise<Clinician> {
    return (await loadClinician(context, this.clinicians, revision.editorId))!;
  }
}
