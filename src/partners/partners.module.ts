import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { PartnerAppEntity, PartnerAppUsageEntity } from './partner-app.entity.js';
import { PartnerAppsService } from './partner-apps.service.js';
import { PartnerKeyMiddleware } from './partner-key.middleware.js';
import { PartnerUsagePlugin } from './partner-usage.plugin.js';
import { PartnerUsageService } from './partner-usage.service.js';
import { PartnersResolver } from './partners.resolver.js';

/**
 * Partner apps: their API keys (X-Api-Key on every HTTP request), management by admins, and usage per
 * app per day. PartnerUsageService is exported for the query-cost plugin (`recordUsage(appId, { cost })`).
 */
@Module({
  imports: [TypeOrmModule.forFeature([PartnerAppEntity, PartnerAppUsageEntity]), AuditModule],
  providers: [
    PartnerAppsService,
    PartnerUsageService,
    PartnersResolver,
    PartnerUsagePlugin,
    PartnerKeyMiddleware,
  ],
  exports: [PartnerUsageService, PartnerAppsService],
})
export class PartnersModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(PartnerKeyMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
