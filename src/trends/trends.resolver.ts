import { Args, Query, Resolver } from '@nestjs/graphql';
import { viewerOf } from '../access-policy/viewer.js';
import { VerifiedOrAdmin } from '../auth/access.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { TrendInput } from './dto/trend.input.js';
import { TrendBucket } from './trend-bucket.model.js';
import { TrendsService } from './trends.service.js';

@Resolver(() => TrendBucket)
export class TrendsResolver {
  constructor(private readonly trends: TrendsService) {}

  @VerifiedOrAdmin()
  @Query(() => [TrendBucket], {
    description:
      'Live cases (open and private forums) per UTC day, ISO week or month in [from, to), every bucket in order; counts from 1 to 10 are suppressed. Verified clinicians and admins.',
  })
  caseTrends(@Args('input') input: TrendInput, @CurrentCaller() caller: Caller): Promise<TrendBucket[]> {
    return this.trends.caseTrends(viewerOf(caller), input, 'input.');
  }
}
