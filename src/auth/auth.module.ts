import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { IdentityModule } from '../identity/identity.module.js';
import { AccessGuard } from './access.guard.js';
import { JwtStrategy } from './jwt.strategy.js';
import { ScopeGuard } from './scope.guard.js';

/**
 * Bearer-token authentication and the global deny-by-default guards: who may call (AccessGuard), then,
 * for partner apps, whether the key's scopes cover the operation (ScopeGuard). Order matters.
 */
@Module({
  imports: [PassportModule, IdentityModule],
  providers: [
    JwtStrategy,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: ScopeGuard },
  ],
})
export class AuthModule {}
