import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { RedactionModule } from '../redaction/redaction.module.js';
import { RoutingModule } from '../routing/routing.module.js';
import { SpecialtiesModule } from '../specialties/specialties.module.js';
import { ConsultJobsService } from './consult-jobs.service.js';
import { ConsultMetricsService } from './consult-metrics.service.js';
import { ConsultQueriesService } from './consult-queries.service.js';
import { CaseConsultsResolver, ConsultsResolver } from './consults.resolver.js';
import { ConsultsService } from './consults.service.js';

@Module({
  imports: [CasesModule, RoutingModule, IdentityModule, SpecialtiesModule, RedactionModule],
  providers: [
    ConsultsService,
    ConsultQueriesService,
    ConsultMetricsService,
    ConsultJobsService,
    ConsultsResolver,
    CaseConsultsResolver,
  ],
  exports: [ConsultQueriesService, ConsultsService],
})
export class ConsultsModule {}
