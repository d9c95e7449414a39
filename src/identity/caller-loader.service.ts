import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { isUuid } from '../common/uuid.js';
import type { RiderQuery } from '../limits/rate-limit-store.js';
import { Role, VerificationStatus } from './clinician.enums.js';
import { CliniciansService } from './clinicians.service.js';

interface CallerRow {
  id: string;
  role: Role;
  verification_status: VerificationStatus;
  license_expires_on: Date | null;
}

/** The caller's row for an open session, with its two parameters numbered from `first`. */
const callerRowSql = (first: number) =>
  `SELECT c.id, c.role, c.verification_status, c.license_expires_on
     FROM clinicians c JOIN sessions s ON s.clinician_id = c.id
    WHERE c.id = $${first} AND s.id = $${first + 1} AND s.revoked_at IS NULL`;

const PREFETCHED = Symbol('prefetchedCallerRow');

interface PrefetchedRow {
  clinicianId: string;
  sessionId: string;
  row: CallerRow | null;
}

/**
 * Loads the caller behind an access token on every request: one indexed query that also checks the
 * sign-in session is still open. A licence expiry that has passed lapses verification right here,
 * so it never depends on a periodic job having run.
 *
 * For GraphQL requests the query rides along with the rate-limit charge, which runs just before the
 * operation (`riderFor`, `remember`): one round trip instead of two. The row is read in that same
 * request, so a revocation or logout still applies to the very next request.
 */
@Injectable()
export class CallerLoader {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clinicians: CliniciansService,
    private readonly audit: AuditService,
  ) {}

  /** The caller lookup for this session as a query another statement can carry. */
  riderFor(clinicianId: string, sessionId: string): RiderQuery | undefined {
    if (!isUuid(clinicianId) || !isUuid(sessionId)) return undefined;
    return { sql: callerRowSql, params: [clinicianId, sessionId] };
  }

  /** Keeps the row a carried lookup returned on the request, for `load` to use instead of a query. */
  remember(req: object, clinicianId: string, sessionId: string, row: Record<string, unknown> | null): void {
    const prefetched: PrefetchedRow = { clinicianId, sessionId, row: row as CallerRow | null };
    (req as { [PREFETCHED]?: PrefetchedRow })[PREFETCHED] = prefetched;
  }

  async load(clinicianId: string, sessionId: string, req?: object): Promise<Caller | null> {
    if (!isUuid(clinicianId) || !isUuid(sessionId)) return null;
    const prefetched = (req as { [PREFETCHED]?: PrefetchedRow } | undefined)?.[PREFETCHED];
    const row =
      prefetched && prefetched.clinicianId === clinicianId && prefetched.sessionId === sessionId
        ? prefetched.row
        : ((await this.dataSource.query(callerRowSql(1), [clinicianId, sessionId])) as CallerRow[])[0];
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
