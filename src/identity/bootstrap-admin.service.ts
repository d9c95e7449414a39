import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { ConfigError } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Role } from './clinician.enums.js';
import { CliniciansService } from './clinicians.service.js';
import { IdentityService } from './identity.service.js';
import { RoleChangeService } from './role-change.service.js';

/**
 * Creates the first admin from BOOTSTRAP_ADMIN_EMAIL / BOOTSTRAP_ADMIN_PASSWORD when there is no
 * admin yet. An existing account with that email is promoted instead (its password is kept).
 */
@Injectable()
export class BootstrapAdminService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clinicians: CliniciansService,
    private readonly identity: IdentityService,
    private readonly roles: RoleChangeService,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { bootstrapAdminEmail: email, bootstrapAdminPassword: password } = this.config;
    if (!email || !password || (await this.clinicians.countAdmins()) > 0) return;
    const existing = await this.clinicians.findByEmail(email);
    if (existing) {
      await this.roles.setRole(existing.id, Role.ADMIN, null);
      return;
    }
    try {
      const admin = await this.identity.createAccount(
        { email, password, displayName: 'Curbside Admin', role: Role.ADMIN },
        'BOOTSTRAP_ADMIN',
        null,
      );
      await this.audit.record({
        action: AuditAction.ADMIN_BOOTSTRAPPED,
        targetType: 'clinician',
        targetId: admin.id,
      });
    } catch (error) {
      if (error instanceof DomainError && error.options.fields?.[0] === 'BOOTSTRAP_ADMIN.password') {
        throw new ConfigError('BOOTSTRAP_ADMIN_PASSWORD', `is refused: ${error.message}`);
      }
      throw error;
    }
  }
}
