import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { viewerOf } from '../access-policy/viewer.js';
import { AdminOnly, SignedIn, Verified } from '../auth/access.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { CaseQueriesService } from '../cases/case-queries.service.js';
import { Case } from '../cases/case.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { loadClinician } from '../identity/clinician-loaders.js';
import { Clinician } from '../identity/clinician.model.js';
import { CliniciansService } from '../identity/clinicians.service.js';
import { Specialty } from '../specialties/specialty.model.js';
import { SpecialtiesService } from '../specialties/specialties.service.js';
import { ConsultMetricsInput, SpecialtyConsultMetrics } from './consult-metrics.model.js';
import { ConsultMetricsService } from './consult-metrics.service.js';
import { ConsultQueriesService } from './consult-queries.service.js';
import { ConsultRequest, ConsultRequestConnection } from './consult-request.model.js';
import { ConsultsService } from './consults.service.js';
import { MyConsultsArgs, RequestMoreInfoArgs, RespondToConsultArgs } from './dto/consult.args.js';

@Resolver(() => ConsultRequest)
export class ConsultsResolver {
  constructor(
    private readonly consults: ConsultsService,
    private readonly queries: ConsultQueriesService,
    private readonly metrics: ConsultMetricsService,
    private readonly caseQueries: CaseQueriesService,
    private readonly clinicians: CliniciansService,
    private readonly specialties: SpecialtiesService,
  ) {}

  @SignedIn()
  @Query(() => ConsultRequestConnection, { description: 'Consults offered to you, newest first' })
  myConsults(@Args() args: MyConsultsArgs, @CurrentCaller() caller: Caller) {
    return this.queries.inbox(viewerOf(caller), args.status, args);
  }

  @Verified()
  @Mutation(() => ConsultRequest, { description: 'Accept or decline a consult offered to you' })
  respondToConsult(
    @Args() args: RespondToConsultArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<ConsultRequest> {
    return this.consults.respond(caller, args.id, args.accept);
  }

  @Verified()
  @Mutation(() => ConsultRequest, {
    description: 'Ask the case author for more information; the deadline pauses',
  })
  requestMoreInfo(
    @Args() args: RequestMoreInfoArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<ConsultRequest> {
    return this.consults.requestMoreInfo(caller, args.consultId, args.question);
  }

  @AdminOnly()
  @Query(() => [SpecialtyConsultMetrics], { description: 'Response times and outcomes per specialty' })
  consultMetrics(@Args('input') input: ConsultMetricsInput): Promise<SpecialtyConsultMetrics[]> {
    return this.metrics.bySpecialty(input.from, input.to);
  }

  /** Through the read policy, like every path to a case. */
  @ResolveField(() => Case)
  case(
    @Parent() consult: ConsultRequest,
    @CurrentCaller() caller: Caller | null,
    @Context() context: GraphQLContext,
  ) {
    const viewer = viewerOf(caller);
    return context.loaders
      .get<string, Case | null>('case.readable', (ids) => this.caseQueries.findReadableByIds(ids, viewer))
      .load(consult.caseId);
  }

  @ResolveField(() => Clinician)
  async specialist(
    @Parent() consult: ConsultRequest,
    @Context() context: GraphQLContext,
  ): Promise<Clinician> {
    return (await loadClinician(context, this.clinicians, consult.specialistId))!;
  }

  @ResolveField(() => Specialty)
  async specialty(@Parent() consult: ConsultRequest, @Context() context: GraphQLContext): Promise<Specialty> {
    const byCode = async (codes: readonly string[]) => {
      const found = new Map((await this.specialties.findByCodes(codes)).map((s) => [s.code, s]));
      return codes.map((code) => found.get(code)!);
    };
    return context.loaders.get<string, Specialty>('specialty.byCode', byCode).load(consult.specialtyCode);
  }
}

/** Case.consults: the author, admins and the offered specialists see offers; others an empty list. */
@Resolver(() => Case)
export class CaseConsultsResolver {
  constructor(private readonly queries: ConsultQueriesService) {}

  @ResolveField(() => [ConsultRequest])
  consults(@Parent() kase: Case, @CurrentCaller() caller: Caller | null, @Context() context: GraphQLContext) {
    const viewer = viewerOf(caller);
    return context.loaders
      .get<{ id: string; authorId: string }, ConsultRequest[]>('case.consults', (cases) =>
        this.queries.forCases(cases, viewer),
      )
      .load({ id: kase.id, authorId: kase.authorId });
  }
}
