import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { RedactionModule } from '../redaction/redaction.module.js';
import { RepliesModule } from '../replies/replies.module.js';
import { FlagEntity } from './flag.entity.js';
import { ModerationResolver } from './moderation.resolver.js';
import { ModerationService } from './moderation.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([FlagEntity]),
    CasesModule,
    RepliesModule,
    IdentityModule,
    RedactionModule,
    AuditModule,
  ],
  providers: [ModerationService, ModerationResolver],
})
export class ModerationModule {}
