import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { SpecialtiesModule } from '../specialties/specialties.module.js';
import { BootstrapAdminService } from './bootstrap-admin.service.js';
import { CallerLoader } from './caller-loader.service.js';
import { ClinicianSpecialtyEntity } from './clinician-specialty.entity.js';
import { ClinicianEntity } from './clinician.entity.js';
import { ClinicianResolver } from './clinician.resolver.js';
import { CliniciansService } from './clinicians.service.js';
import { IdentityResolver } from './identity.resolver.js';
import { IdentityService } from './identity.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { RoleChangeService } from './role-change.service.js';
import { SessionEntity } from './session.entity.js';
import { SessionTokensService } from './session-tokens.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([ClinicianEntity, ClinicianSpecialtyEntity, SessionEntity, RefreshTokenEntity]),
    JwtModule.register({}),
    AuditModule,
    SpecialtiesModule,
  ],
  providers: [
    CliniciansService,
    CallerLoader,
    IdentityService,
    LoginThrottleService,
    SessionTokensService,
    RoleChangeService,
    BootstrapAdminService,
    IdentityResolver,
    ClinicianResolver,
  ],
  exports: [CliniciansService, CallerLoader, IdentityService, SessionTokensService],
})
export class IdentityModule {}
