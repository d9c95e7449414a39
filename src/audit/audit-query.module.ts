import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { AuditModule } from './audit.module.js';
import { AuditResolver } from './audit.resolver.js';

@Module({
  imports: [AuditModule, IdentityModule],
  providers: [AuditResolver],
})
export class AuditQueryModule {}
