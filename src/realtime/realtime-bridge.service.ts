import { Injectable, OnModuleInit } from '@nestjs/common';
import { DomainEvents } from '../events/domain-events.js';
import { RealtimePubSub } from './pubsub.provider.js';
import {
  type CaseRepliedMessage,
  type ConsultOfferedMessage,
  RealtimeTopics,
  type WatchMatchedMessage,
} from './realtime-topics.js';

/** Forwards committed domain events to the PubSub, ids only (no clinician text ever reaches Redis). */
@Injectable()
export class RealtimeBridge implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    private readonly pubsub: RealtimePubSub,
  ) {}

  onModuleInit(): void {
    this.events.on('consult.offered', ({ offerId, specialistId }) => {
      const message: ConsultOfferedMessage = { offerId, specialistId };
      return this.pubsub.publish(RealtimeTopics.consultOffered(specialistId), message);
    });
    this.events.on('reply.posted', ({ replyId, caseId }) => {
      const message: CaseRepliedMessage = { replyId, caseId };
      return this.pubsub.publish(RealtimeTopics.caseReplied(caseId), message);
    });
    this.events.on('watch.matched', ({ watchId, caseId, watcherId }) => {
      const message: WatchMatchedMessage = { watchId, caseId, watcherId };
      return this.pubsub.publish(RealtimeTopics.watchMatched(watcherId), message);
    });
  }
}
