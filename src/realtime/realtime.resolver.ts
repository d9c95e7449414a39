import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { viewerOf } from '../access-policy/viewer.js';
import { SignedIn } from '../auth/access.decorators.js';
import type { Caller } from '../auth/caller.js';
import { CurrentCaller } from '../auth/current-caller.decorator.js';
import { toCaseModel } from '../cases/case-mapping.js';
import { CaseQueriesService } from '../cases/case-queries.service.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { ConsultQueriesService } from '../consults/consult-queries.service.js';
import { ConsultRequest } from '../consults/consult-request.model.js';
import { RepliesService, toReplyModel } from '../replies/replies.service.js';
import { Reply } from '../replies/reply.model.js';
import { WatchMatch } from '../watches/watch.model.js';
import { WatchesService } from '../watches/watches.service.js';
import { RealtimePubSub } from './pubsub.provider.js';
import {
  type CaseRepliedMessage,
  type ConsultOfferedMessage,
  RealtimeTopics,
  type WatchMatchedMessage,
} from './realtime-topics.js';
import { SubscriberAuthenticator, type SubscriptionContext } from './subscriber-authenticator.service.js';

/** What the per-event check found, handed from `filter` to `resolve` (they run in turn for each event). */
interface CheckedEvent<T> {
  key: string;
  value: T;
}

interface RealtimeContext extends SubscriptionContext {
  checked?: CheckedEvent<unknown>;
}

/**
 * Subscriptions. Access is checked twice: when subscribing (as for a query) and again for every event,
 * with the caller re-loaded from the database and the item re-read through the read policy, so a
 * logout, a revoked verification, a PHI flag or a removal stops delivery at the next event.
 */
@Resolver()
export class RealtimeResolver {
  constructor(
    private readonly pubsub: RealtimePubSub,
    private readonly auth: SubscriberAuthenticator,
    private readonly cases: CaseQueriesService,
    private readonly replies: RepliesService,
    private readonly consults: ConsultQueriesService,
    private readonly watches: WatchesService,
  ) {}

  @SignedIn()
  @Subscription(() => ConsultRequest, {
    description: 'Consult offers made to you, as they are made',
    filter(this: RealtimeResolver, message: ConsultOfferedMessage, _args: unknown, context: RealtimeContext) {
      return this.checkConsultOffer(message, context);
    },
    resolve(
      this: RealtimeResolver,
      message: ConsultOfferedMessage,
      _args: unknown,
      context: RealtimeContext,
    ) {
      return this.take<ConsultRequest>(context, message.offerId);
    },
  })
  consultOffered(@CurrentCaller() caller: Caller): AsyncIterableIterator<ConsultOfferedMessage> {
    return this.pubsub.iterator(RealtimeTopics.consultOffered(caller.id));
  }

  @SignedIn()
  @Subscription(() => Reply, {
    description: 'New replies to a case you may read; the same NOT_FOUND as an unknown case otherwise',
    filter(
      this: RealtimeResolver,
      message: CaseRepliedMessage,
      args: { caseId: string },
      context: RealtimeContext,
    ) {
      return this.checkReply(message, args.caseId, context);
    },
    resolve(this: RealtimeResolver, message: CaseRepliedMessage, _args: unknown, context: RealtimeContext) {
      return this.take<Reply>(context, message.replyId);
    },
  })
  async caseReplied(
    @Args('caseId', { type: () => ID }) caseId: string,
    @CurrentCaller() caller: Caller,
  ): Promise<AsyncIterableIterator<CaseRepliedMessage>> {
    const kase = await this.cases.findReadable(caseId, viewerOf(caller));
    if (!kase) throw new DomainError(ErrorCode.NOT_FOUND, 'Case not found', { fields: ['caseId'] });
    return this.pubsub.iterator(RealtimeTopics.caseReplied(kase.id));
  }

  @SignedIn()
  @Subscription(() => WatchMatch, {
    description:
      'Cases matching one of your keyword watches, as they are posted or edited; only those you may read',
    filter(this: RealtimeResolver, message: WatchMatchedMessage, _args: unknown, context: RealtimeContext) {
      return this.checkWatchMatch(message, context);
    },
    resolve(this: RealtimeResolver, message: WatchMatchedMessage, _args: unknown, context: RealtimeContext) {
      return this.take<WatchMatch>(context, `${message.watchId}:${message.caseId}`);
    },
  })
  watchMatched(@CurrentCaller() caller: Caller): AsyncIterableIterator<WatchMatchedMessage> {
    return this.pubsub.iterator(RealtimeTopics.watchMatched(caller.id));
  }

  private async checkConsultOffer(
    message: ConsultOfferedMessage,
    context: RealtimeContext,
  ): Promise<boolean> {
    context.checked = undefined;
    const caller = await this.auth.refresh(context);
    if (!caller || message.specialistId !== caller.id) return false;
    const offer = await this.consults.findById(message.offerId);
    if (!offer || offer.specialistId !== caller.id) return false;
    context.checked = { key: offer.id, value: offer };
    return true;
  }

  private async checkReply(
    message: CaseRepliedMessage,
    caseId: string,
    context: RealtimeContext,
  ): Promise<boolean> {
    context.checked = undefined;
    const caller = await this.auth.refresh(context);
    if (!caller || message.caseId !== caseId) return false;
    const reply = await this.replies.findReadable(message.replyId, viewerOf(caller));
    if (!reply || reply.caseId !== caseId) return false;
    context.checked = { key: reply.id, value: toReplyModel(reply) };
    return true;
  }

  private async checkWatchMatch(message: WatchMatchedMessage, context: RealtimeContext): Promise<boolean> {
    context.checked = undefined;
    const caller = await this.auth.refresh(context);
    if (!caller || message.watcherId !== caller.id) return false;
    const viewer = viewerOf(caller);
    // Watches are dormant while their owner is not verified (or an admin), as in matching.
    if (!viewer.verified && !viewer.admin) return false;
    const watch = await this.watches.findMatch(message.watchId, message.caseId, caller.id);
    if (!watch) return false;
    const kase = await this.cases.findReadable(message.caseId, viewer);
    if (!kase || kase.authorId === caller.id) return false;
    context.checked = { key: `${watch.id}:${kase.id}`, value: { watch, case: toCaseModel(kase) } };
    return true;
  }

  /** The item the filter just approved for this subscriber; never anything it did not check. */
  private take<T>(context: RealtimeContext, key: string): T {
    const checked = context.checked;
    context.checked = undefined;
    if (!checked || checked.key !== key) throw DomainError.notFound('Item');
    return checked.value as T;
  }
}
