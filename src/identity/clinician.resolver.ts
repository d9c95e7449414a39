import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AdminOnly, Public, SignedIn, Verified } from '../auth/access.decorators.js';
import { type Caller, isAdmin } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { DomainError } from '../common/domain-error.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { Specialty } from '../specialties/specialty.model.js';
import { Role } from './clinician.enums.js';
import { Clinician } from './clinician.model.js';
import { CliniciansService, toClinicianModel } from './clinicians.service.js';
import { RoleChangeService } from './role-change.service.js';

function canSeePrivate(caller: Caller | null, clinician: Clinician): boolean {
  return clinician.viewerIsOwner === true || caller?.id === clinician.id || isAdmin(caller);
}

@Resolver(() => Clinician)
export class ClinicianResolver {
  constructor(
    private readonly clinicians: CliniciansService,
    private readonly roles: RoleChangeService,
  ) {}

  @SignedIn()
  @Query(() => Clinician, { nullable: true, description: 'The signed-in clinician' })
  async me(@CurrentCaller() caller: Caller): Promise<Clinician | null> {
    const entity = await this.clinicians.findById(caller.id);
    return entity ? toClinicianModel(entity) : null;
  }

  @Public()
  @Query(() => Clinician, { nullable: true, description: 'A clinician’s public profile; null when unknown' })
  async clinician(@Args('id', { type: () => ID }) id: string): Promise<Clinician | null> {
    const entity = await this.clinicians.findById(id);
    return entity ? toClinicianModel(entity) : null;
  }

  @Verified()
  @Mutation(() => Clinician, { description: 'Whether routed consults may be offered to you' })
  async setConsultAvailability(
    @Args('accepting') accepting: boolean,
    @CurrentCaller() caller: Caller,
  ): Promise<Clinician> {
    return toClinicianModel(await this.clinicians.setAcceptingConsults(caller.id, accepting));
  }

  @AdminOnly()
  @Mutation(() => Clinician, {
    description: 'Grant or remove the admin role; takes effect on the next request',
  })
  async setClinicianRole(
    @Args('clinicianId', { type: () => ID }) clinicianId: string,
    @Args('role', { type: () => Role }) role: Role,
    @CurrentCaller() caller: Caller,
  ): Promise<Clinician> {
    const updated = await this.roles.setRole(clinicianId, role, caller);
    if (!updated) throw DomainError.notFound('Clinician');
    return toClinicianModel(updated);
  }

  @ResolveField(() => [Specialty])
  specialties(@Parent() clinician: Clinician, @Context() context: GraphQLContext): Promise<Specialty[]> {
    if (clinician.specialties) return Promise.resolve(clinician.specialties);
    return context.loaders
      .get<string, Specialty[]>('clinician.specialties', (ids) => this.clinicians.specialtiesOf(ids))
      .load(clinician.id);
  }

  @ResolveField(() => String, { nullable: true })
  email(@Parent() clinician: Clinician, @CurrentCaller() caller: Caller | null): string | null {
    return canSeePrivate(caller, clinician) ? clinician.privateFields.email : null;
  }

  @ResolveField(() => String, { nullable: true })
  verificationNote(@Parent() clinician: Clinician, @CurrentCaller() caller: Caller | null): string | null {
    return canSeePrivate(caller, clinician) ? clinician.privateFields.verificationNote : null;
  }

  @ResolveField(() => Date, { nullable: true })
  licenseExpiresOn(@Parent() clinician: Clinician, @CurrentCaller() caller: Caller | null): Date | null {
    return canSeePrivate(caller, clinician) ? clinician.privateFields.licenseExpiresOn : null;
  }
}
