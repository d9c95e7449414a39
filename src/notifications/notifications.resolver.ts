import { Args, Context, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { viewerOf } from '../access-policy/viewer.js';
import { SignedIn } from '../auth/access.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { CaseQueriesService } from '../cases/case-queries.service.js';
import { Case } from '../cases/case.model.js';
import { ConsultRequest } from '../consults/consult-request.model.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import {
  MarkNotificationsReadArgs,
  Notification,
  NotificationConnection,
  NotificationsArgs,
} from './notification.model.js';
import { NotificationsService } from './notifications.service.js';

@Resolver(() => Notification)
export class NotificationsResolver {
  constructor(
    private readonly inbox: NotificationsService,
    private readonly cases: CaseQueriesService,
  ) {}

  @SignedIn()
  @Query(() => NotificationConnection, { description: 'Your notifications, newest first' })
  notifications(@Args() args: NotificationsArgs, @CurrentCaller() caller: Caller) {
    return this.inbox.list(caller.id, args);
  }

  @SignedIn()
  @Query(() => Int, { description: 'How many of your notifications are unread' })
  unreadNotificationCount(@CurrentCaller() caller: Caller): Promise<number> {
    return this.inbox.unreadCount(caller.id);
  }

  @SignedIn()
  @Mutation(() => Int, {
    description: 'Marks your notifications read (these ids, or all when omitted); returns how many changed',
  })
  markNotificationsRead(
    @Args() args: MarkNotificationsReadArgs,
    @CurrentCaller() caller: Caller,
  ): Promise<number> {
    return this.inbox.markRead(caller.id, args.ids);
  }

  /** Through the read policy, as every path to a case: null once the case is no longer readable. */
  @ResolveField(() => Case, { nullable: true })
  case(
    @Parent() notification: Notification,
    @CurrentCaller() caller: Caller | null,
    @Context() context: GraphQLContext,
  ) {
    if (!notification.caseId) return null;
    const viewer = viewerOf(caller);
    return context.loaders
      .get<string, Case | null>('notification.case', (ids) => this.cases.findReadableByIds(ids, viewer))
      .load(notification.caseId);
  }

  @ResolveField(() => ConsultRequest, { nullable: true })
  consult(
    @Parent() notification: Notification,
    @CurrentCaller() caller: Caller | null,
    @Context() context: GraphQLContext,
  ) {
    if (!notification.consultId) return null;
    const viewer = viewerOf(caller);
    return context.loaders
      .get<string, ConsultRequest | null>('notification.consult', (ids) =>
        this.inbox.consultsFor(ids, viewer),
      )
      .load(notification.consultId);
  }
}
