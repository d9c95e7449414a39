import { EventEmitter } from 'node:events';
import { Injectable, OnModuleDestroy } from '@nestjs/common';

/** What domain services announce after their transaction commits. Payloads hold ids, never text. */
export interface DomainEventMap {
  'consult.offered': { offerId: string; caseId: string; specialistId: string };
  'consult.info_requested': { offerId: string; caseId: string; authorId: string };
  'reply.posted': { replyId: string; caseId: string; authorId: string };
  /** A case was posted or edited (its text, tags or forum may have changed). */
  'case.changed': { caseId: string };
  /** A case matched a keyword watch, for the first time, and the watcher may read it. */
  'watch.matched': { watchId: string; caseId: string; watcherId: string };
}

export type DomainEventName = keyof DomainEventMap;

/**
 * In-process announcements between modules (routing → real-time delivery, notifications). Listeners
 * run after the emitter's transaction committed; a failing listener is reported, never rethrown into
 * the request that caused the event.
 */
@Injectable()
export class DomainEvents implements OnModuleDestroy {
  private readonly emitter = new EventEmitter();
  private failureHandler: (event: string, error: unknown) => void = () => {};

  emit<E extends DomainEventName>(event: E, payload: DomainEventMap[E]): void {
    this.emitter.emit(event, payload);
  }

  on<E extends DomainEventName>(
    event: E,
    listener: (payload: DomainEventMap[E]) => Promise<void> | void,
  ): void {
    this.emitter.on(event, (payload: DomainEventMap[E]) => {
      Promise.resolve()
        .then(() => listener(payload))
        .catch((error: unknown) => this.failureHandler(event, error));
    });
  }

  onListenerFailure(handler: (event: string, error: unknown) => void): void {
    this.failureHandler = handler;
  }

  onModuleDestroy(): void {
    this.emitter.removeAllListeners();
  }
}
