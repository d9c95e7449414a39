import { Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { PartnersModule } from '../partners/partners.module.js';
import { PostgresRateLimitStore } from './postgres-rate-limit.store.js';
import { QueryLimitsPlugin } from './query-limits.plugin.js';
import { RefusalCache } from './refusal-cache.js';
import { RATE_LIMIT_STORE } from './rate-limit-store.js';
import { RateLimiterService } from './rate-limiter.service.js';
import { RedisRateLimitStore } from './redis-rate-limit.store.js';

/** Query cost limits and cost-based rate limiting, shared across instances (Redis or PostgreSQL). */
@Module({
  imports: [PartnersModule, IdentityModule],
  providers: [
    {
      provide: RATE_LIMIT_STORE,
      inject: [APP_CONFIG, getDataSourceToken()],
      useFactory: (config: AppConfig, dataSource: DataSource) =>
        config.redisUrl ? new RedisRateLimitStore(config.redisUrl) : new PostgresRateLimitStore(dataSource),
    },
    RefusalCache,
    RateLimiterService,
    QueryLimitsPlugin,
  ],
  exports: [RateLimiterService, RefusalCache],
})
export class LimitsModule {}
