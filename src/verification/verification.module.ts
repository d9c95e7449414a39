import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { SpecialtiesModule } from '../specialties/specialties.module.js';
import { VerificationRequestSpecialtyEntity } from './verification-request-specialty.entity.js';
import { VerificationRequestEntity } from './verification-request.entity.js';
import { VerificationResolver } from './verification.resolver.js';
import { VerificationService } from './verification.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([VerificationRequestEntity, VerificationRequestSpecialtyEntity]),
    IdentityModule,
    SpecialtiesModule,
    AuditModule,
  ],
  providers: [VerificationService, VerificationResolver],
  exports: [VerificationService],
})
export class VerificationModule {}
