import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_PIPE } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Logger } from 'pino';
import { AuditQueryModule } from './audit/audit-query.module.js';
import { AuthModule } from './auth/auth.module.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { ConsultsModule } from './consults/consults.module.js';
import { CasesModule } from './cases/cases.module.js';
import { ForumsModule } from './forums/forums.module.js';
import { ModerationModule } from './moderation/moderation.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PartnersModule } from './partners/partners.module.js';
import { RealtimeAuthModule } from './realtime/realtime-auth.module.js';
import { RealtimeModule } from './realtime/realtime.module.js';
import { SubscriberAuthenticator } from './realtime/subscriber-authenticator.service.js';
import { RedactionModule } from './redaction/redaction.module.js';
import { RepliesModule } from './replies/replies.module.js';
import { EventsModule } from './events/events.module.js';
import { DemoModule } from './demo/demo.module.js';
import { DatabaseModule } from './database/database.module.js';
import { graphqlOptions } from './graphql/graphql-options.js';
import { InputValidationPipe } from './graphql/input-validation.pipe.js';
import { HealthModule } from './health/health.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { LimitsModule } from './limits/limits.module.js';
import { LoggingModule } from './logging/logging.module.js';
import { SpecialtiesModule } from './specialties/specialties.module.js';
import { TrendsModule } from './trends/trends.module.js';
import { VerificationModule } from './verification/verification.module.js';
import { WatchesModule } from './watches/watches.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  /** The database actually used (embedded or DATABASE_URL). */
  databaseUrl: string;
  logger: Logger;
}

@Module({})
export class AppModule {
  static forRoot({ config, databaseUrl, logger }: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(logger),
        EventsModule,
        DatabaseModule.forRoot(databaseUrl),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [RealtimeAuthModule],
          inject: [SubscriberAuthenticator],
          useFactory: (subscribers: SubscriberAuthenticator) => graphqlOptions(logger, config, subscribers),
        }),
        AuthModule,
        IdentityModule,
        SpecialtiesModule,
        VerificationModule,
        AuditQueryModule,
        RedactionModule,
        ForumsModule,
        CasesModule,
        RepliesModule,
        ModerationModule,
        ConsultsModule,
        LimitsModule,
        HealthModule,
        TrendsModule,
        RealtimeModule,
        WatchesModule,
        NotificationsModule,
        DemoModule,
        PartnersModule,
      ],
      providers: [{ provide: APP_PIPE, useClass: InputValidationPipe }],
    };
  }
}
