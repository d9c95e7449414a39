import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { RedactionModule } from '../redaction/redaction.module.js';
import { RoutingModule } from '../routing/routing.module.js';
import { RepliesService } from './replies.service.js';
import { CaseThreadResolver, RepliesResolver } from './replies.resolver.js';
import { ReplyEntity } from './reply.entity.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([ReplyEntity]),
    CasesModule,
    IdentityModule,
    RedactionModule,
    RoutingModule,
  ],
  providers: [RepliesService, RepliesResolver, CaseThreadResolver],
  exports: [RepliesService],
})
export class RepliesModule {}
