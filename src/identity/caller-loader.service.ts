import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { isUuid } from '../common/uuid.js';
import { Role, VerificationStatus } from './clinician.enums.js';
import { CliniciansService } from './clinicians.service.js';

interface CallerRow {
  id: string;
  role: Role;
  verification_status: VerificationStatus;
  license_expires_on: Date | null;
}

/**
 * Loads the caller behind an access token on every request: one indexed query that also checks the
 * sign-in session is still open. A licence expiry that has passed lapses verification right here,
 * so it never depends on a periodic job having run.
 */
@Injectable()
export class CallerLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clinicians: CliniciansService,
    private readonly audit: AuditService,
  ) {}

  async load(clinicianId: string, sessionId: string): Promise<Caller | null> {
    if (!isUuid(clinicianId) || !isUuid(sessionId)) return null;
    const rows: CallerRow[] = await this.dataSource.query(
      `SELECT c.id, c.role, c.verification_status, c.license_expires_on
         FROM clinicians c JOIN sessions s ON s.clinician_id = c.id
        WHERE c.id = $1 AND s.id = $2 AND s.revoked_at IS NULL`,
      [clinicianId, sessionId],
    );
    const row = rows[0];
    if (!row) return null;
    let status = row.verification_status;
    if (
      status === VerificationStatus.VERIFIED &&
      row.license_expires_on &&
      row.license_expires_on <= new Date()
    ) {
      status = await this.expire(row.id);
    }
    return { id: row.id, role: row.role, verificationStatus: status, sessionId };
  }

  private async expire(clinicianId: string): Promise<VerificationStatus> {
    return this.dataSource.transaction(async (manager) => {
      const expiredOn = await this.clinicians.expireLapsedVerification(clinicianId, manager);
      if (expiredOn) {
        await this.audit.record(
          {
            action: AuditAction.VERIFICATION_EXPIRED,
            targetType: 'clinician',
            targetId: clinicianId,
            detail: `licence expiry ${expiredOn.toISOString().slice(0, 10)} passed`,
          },
          manager,
        );
      }
      return VerificationStatus.EXPIRED;
    });
  }
}
