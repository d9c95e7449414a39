import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { ConsultsModule } from '../consults/consults.module.js';
import { RepliesModule } from '../replies/replies.module.js';
import { WatchesModule } from '../watches/watches.module.js';
import { DEFAULT_REALTIME_OPTIONS, REALTIME_OPTIONS, RealtimePubSub } from './pubsub.provider.js';
import { RealtimeAuthModule } from './realtime-auth.module.js';
import { RealtimeBridge } from './realtime-bridge.service.js';
import { RealtimeResolver } from './realtime.resolver.js';

/** GraphQL subscriptions: the PubSub, the bridge from domain events, and the subscription resolvers. */
@Module({
  imports: [RealtimeAuthModule, CasesModule, RepliesModule, ConsultsModule, WatchesModule],
  providers: [
    { provide: REALTIME_OPTIONS, useValue: DEFAULT_REALTIME_OPTIONS },
    RealtimePubSub,
    RealtimeBridge,
    RealtimeResolver,
  ],
  exports: [RealtimePubSub],
})
export class RealtimeModule {}
