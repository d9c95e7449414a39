import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { PartnersModule } from '../partners/partners.module.js';
import { SubscriberAuthenticator } from './subscriber-authenticator.service.js';

/** WebSocket authentication, on its own so the GraphQL driver's options factory can inject it. */
@Module({
  imports: [IdentityModule, PartnersModule],
  providers: [SubscriberAuthenticator],
  exports: [SubscriberAuthenticator],
})
export class RealtimeAuthModule {}
