import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { ClinicianEntity } from './clinician.entity.js';
import { Role } from './clinician.enums.js';
import { CliniciansService } from './clinicians.service.js';

/** Granting and removing the admin role, audited, never leaving the platform without an admin. */
@Injectable()
export class RoleChangeService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clinicians: CliniciansService,
    private readonly audit: AuditService,
  ) {}

  async setRole(clinicianId: string, role: Role, actor: Caller | null): Promise<ClinicianEntity | null> {
    const target = await this.clinicians.findById(clinicianId);
    if (!target) return null;
    if (target.role === role) return target;
    await this.dataSource.transaction(async (manager) => {
      // Serialise role changes so two admins cannot demote each other into having none.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['curbside:role-change']);
      if (role !== Role.ADMIN && (await this.clinicians.countAdmins(manager)) <= 1) {
        throw new DomainError(ErrorCode.CONFLICT, 'The last admin cannot be demoted');
      }
      await this.clinicians.setRole(clinicianId, role, manager);
      await this.audit.record(
        {
          action: AuditAction.ROLE_CHANGED,
          actorId: actor?.id ?? null,
          targetType: 'clinician',
          targetId: clinicianId,
          detail: `${target.role} -> ${role}`,
        },
        manager,
      );
    });
    return this.clinicians.findById(clinicianId);
  }
}
