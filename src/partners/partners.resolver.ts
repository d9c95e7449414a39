import { Args, GraphQLISODateTime, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AdminOnly } from '../auth/access.decorators.js';
import type { Caller } from '../auth/caller.js';
import { ClientIp, CurrentCaller } from '../auth/current-caller.decorator.js';
import { RequiresScope } from '../auth/scopes.js';
import { DomainError } from '../common/domain-error.js';
import {
  PartnerApp,
  PartnerAppCredentials,
  PartnerAppInput,
  PartnerAppUsageDay,
} from './partner-app.model.js';
import { PartnerAppsService } from './partner-apps.service.js';
import { PartnerUsageService } from './partner-usage.service.js';

/** At most this many days per usage query. */
const MAX_USAGE_DAYS = 366;

@Resolver(() => PartnerApp)
export class PartnersResolver {
  constructor(
    private readonly apps: PartnerAppsService,
    private readonly usage: PartnerUsageService,
  ) {}

  @AdminOnly()
  @RequiresScope('partners:manage')
  @Query(() => [PartnerApp], { description: 'Every partner app, newest first' })
  partnerApps(): Promise<PartnerApp[]> {
    return this.apps.list();
  }

  @AdminOnly()
  @RequiresScope('partners:manage')
  @Mutation(() => PartnerAppCredentials, {
    description: 'Issue a partner app and its API key. The key is in this response only',
  })
  createPartnerApp(
    @Args('input') input: PartnerAppInput,
    @CurrentCaller() caller: Caller,
    @ClientIp() ip: string | null,
  ): Promise<PartnerAppCredentials> {
    return this.apps.create(input, caller.id, ip);
  }

  @AdminOnly()
  @RequiresScope('partners:manage')
  @Mutation(() => PartnerApp, { description: 'Revoke an app’s key; refused from the very next request' })
  revokePartnerApp(
    @Args('id', { type: () => ID }) id: string,
    @CurrentCaller() caller: Caller,
    @ClientIp() ip: string | null,
  ): Promise<PartnerApp> {
    return this.apps.revoke(id, caller.id, ip);
  }

  @AdminOnly()
  @RequiresScope('partners:manage')
  @Query(() => [PartnerAppUsageDay], {
    description: 'A partner app’s requests, errors and query cost per UTC day (days with traffic only)',
  })
  async partnerAppUsage(
    @Args('appId', { type: () => ID }) appId: string,
    @Args('from', { type: () => GraphQLISODateTime }) from: Date,
    @Args('to', { type: () => GraphQLISODateTime }) to: Date,
  ): Promise<PartnerAppUsageDay[]> {
    if (from > to) throw DomainError.badInput('from', 'from must not be after to');
    if (to.getTime() - from.getTime() > MAX_USAGE_DAYS * 86_400_000)
      throw DomainError.badInput('to', `at most ${MAX_USAGE_DAYS} days per query`);
    if (!(await this.apps.exists(appId))) throw DomainError.notFound('Partner app');
    return this.usage.days(appId, from, to);
  }
}
