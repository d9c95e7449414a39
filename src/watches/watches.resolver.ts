import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { SignedIn, Verified } from '../auth/access.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { Watch } from './watch.model.js';
import { WatchesService } from './watches.service.js';

@Resolver(() => Watch)
export class WatchesResolver {
  constructor(private readonly service: WatchesService) {}

  /** Signed in, not only verified: a clinician whose verification lapsed can still see and delete theirs. */
  @SignedIn()
  @Query(() => [Watch], { description: 'Your keyword watches, oldest first' })
  watches(@CurrentCaller() caller: Caller): Promise<Watch[]> {
    return this.service.list(caller.id);
  }

  @Verified()
  @Mutation(() => Watch, {
    description:
      'Watches for new or edited cases matching a full-text query (the syntax of case search). At most 50 ' +
      'per clinician (CONFLICT beyond); a query with identifiers is refused with PHI_DETECTED.',
  })
  createWatch(@Args('query') query: string, @CurrentCaller() caller: Caller): Promise<Watch> {
    return this.service.create(caller, query);
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Deletes one of your watches' })
  deleteWatch(@Args('id', { type: () => ID }) id: string, @CurrentCaller() caller: Caller): Promise<boolean> {
    return this.service.delete(caller, id);
  }
}
