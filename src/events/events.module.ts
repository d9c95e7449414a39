import { Global, Inject, Module, OnModuleInit } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER } from '../logging/logging.module.js';
import { DomainEvents } from './domain-events.js';

@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class EventsModule implements OnModuleInit {
  constructor(
    private readonly events: DomainEvents,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.events.onListenerFailure((event, error) =>
      this.logger.error(
        { event, err: { type: (error as Error)?.name, message: (error as Error)?.message } },
        'domain event listener failed',
      ),
    );
  }
}
