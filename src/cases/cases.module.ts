import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { ForumsModule } from '../forums/forums.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { RedactionModule } from '../redaction/redaction.module.js';
import { RoutingModule } from '../routing/routing.module.js';
import { SpecialtiesModule } from '../specialties/specialties.module.js';
import { CaseQueriesService } from './case-queries.service.js';
import { CaseRevisionEntity } from './case-revision.entity.js';
import { CaseSpecialtyEntity } from './case-specialty.entity.js';
import { CaseEntity } from './case.entity.js';
import { CaseRevisionResolver, CasesResolver } from './cases.resolver.js';
import { CasesService } from './cases.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([CaseEntity, CaseRevisionEntity, CaseSpecialtyEntity]),
    ForumsModule,
    IdentityModule,
    SpecialtiesModule,
    RedactionModule,
    AuditModule,
    RoutingModule,
  ],
  providers: [CasesService, CaseQueriesService, CasesResolver, CaseRevisionResolver],
  exports: [CaseQueriesService, CasesService],
})
export class CasesModule {}
