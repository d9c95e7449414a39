import { Query, Resolver } from '@nestjs/graphql';
import { Public } from '../auth/access.decorators.js';
import { Specialty } from './specialty.model.js';
import { SpecialtiesService } from './specialties.service.js';

@Resolver(() => Specialty)
export class SpecialtiesResolver {
  constructor(private readonly catalogue: SpecialtiesService) {}

  @Public()
  @Query(() => [Specialty], { description: 'Every specialty, by name' })
  specialties(): Promise<Specialty[]> {
    return this.catalogue.listAll();
  }
}
