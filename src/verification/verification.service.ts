import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { isUuid } from '../common/uuid.js';
import { decodeTimeIdCursor, Page, PageArgs, pageSize, toPage } from '../graphql/connection.js';
import { ClinicianEntity } from '../identity/clinician.entity.js';
import { VerificationStatus } from '../identity/clinician.enums.js';
import { CliniciansService } from '../identity/clinicians.service.js';
import { SpecialtiesService } from '../specialties/specialties.service.js';
import { CredentialInput } from './dto/credential.input.js';
import { ReviewInput } from './dto/review.input.js';
import { checkJurisdiction } from './jurisdiction.js';
import { isValidNpi } from './npi.js';
import { VerificationRequestSpecialtyEntity } from './verification-request-specialty.entity.js';
import { RequestStatus, VerificationRequestEntity } from './verification-request.entity.js';
import { VerificationRequest } from './verification-request.model.js';

const REVIEWABLE: readonly string[] = ['PENDING', 'VERIFIED', 'REJECTED'];

/** Credential submission, the admin review queue, approval, rejection and revocation. */
@Injectable()
export class VerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(VerificationRequestEntity)
    private readonly requests: Repository<VerificationRequestEntity>,
    private readonly clinicians: CliniciansService,
    private readonly specialties: SpecialtiesService,
    private readonly audit: AuditService,
  ) {}

  async submit(caller: Caller, input: CredentialInput): Promise<VerificationRequest> {
    const jurisdiction = checkJurisdiction(input.jurisdiction);
    if (!jurisdiction.ok)
      throw DomainError.badInput('input.jurisdiction', `jurisdiction ${jurisdiction.problem}`);
    const npi = input.npi ? input.npi : null;
    if (npi !== null && !isValidNpi(npi)) {
      throw DomainError.badInput('input.npi', 'npi must be 10 digits ending in a valid check digit');
    }
    if (input.licenseExpiresOn && input.licenseExpiresOn <= new Date()) {
      throw DomainError.badInput('input.licenseExpiresOn', 'licenseExpiresOn must be in the future');
    }
    const specialtyCodes = await this.specialties.assertCodesExist(
      input.specialtyCodes,
      'input.specialtyCodes',
    );

    const saved = await this.dataSource.transaction(async (manager) => {
      const clinician = await manager
        .getRepository(ClinicianEntity)
        .findOne({ where: { id: caller.id }, lock: { mode: 'pessimistic_write' } });
      if (!clinician) throw DomainError.unauthenticated();
      const repository = manager.getRepository(VerificationRequestEntity);
      const pending = await repository.findOneBy({ clinicianId: caller.id, status: 'PENDING' });
      const fields = {
        licenseNumber: input.licenseNumber,
        jurisdiction: jurisdiction.code,
        npi,
        licenseExpiresOn: input.licenseExpiresOn ?? null,
        submittedAt: new Date(),
      };
      let requestId: string;
      if (pending) {
        // Resubmitting while pending replaces the open request rather than queueing a second one.
        await repository.update({ id: pending.id }, fields);
        await manager.getRepository(VerificationRequestSpecialtyEntity).delete({ requestId: pending.id });
        requestId = pending.id;
      } else {
        requestId = (await repository.save({ clinicianId: caller.id, status: 'PENDING' as const, ...fields }))
          .id;
      }
      if (specialtyCodes.length) {
        await manager
          .getRepository(VerificationRequestSpecialtyEntity)
          .insert(specialtyCodes.map((specialtyCode) => ({ requestId, specialtyCode })));
      }
      // A verified clinician stays verified while their update is reviewed.
      if (clinician.verificationStatus !== VerificationStatus.VERIFIED) {
        await this.clinicians.setVerificationStatus(caller.id, VerificationStatus.PENDING, null, manager);
      }
      await this.audit.record(
        {
          action: AuditAction.VERIFICATION_SUBMITTED,
          actorId: caller.id,
          targetType: 'verification_request',
          targetId: requestId,
          detail: `${jurisdiction.code}${pending ? ', replaced the pending request' : ''}`,
        },
        manager,
      );
      return repository.findOneByOrFail({ id: requestId });
    });
    return (await this.toModels([saved]))[0];
  }

  async review(reviewer: Caller, input: ReviewInput): Promise<VerificationRequest> {
    const reason = input.reason ?? null;
    if (!input.approve && !reason)
      throw DomainError.badInput('input.reason', 'reason is required when rejecting');
    if (!isUuid(input.requestId)) throw DomainError.notFound('Verification request');

    const reviewed = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(VerificationRequestEntity);
      const request = await repository.findOne({
        where: { id: input.requestId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!request) throw DomainError.notFound('Verification request');
      if (request.status !== 'PENDING') {
        throw new DomainError(ErrorCode.CONFLICT, 'This request has already been reviewed');
      }
      if (request.clinicianId === reviewer.id)
        throw DomainError.forbidden('You cannot review your own credentials');
      const clinician = await manager
        .getRepository(ClinicianEntity)
        .findOne({ where: { id: request.clinicianId }, lock: { mode: 'pessimistic_write' } });
      if (!clinician) throw DomainError.notFound('Clinician');

      const status: RequestStatus = input.approve ? 'VERIFIED' : 'REJECTED';
      await repository.update(
        { id: request.id },
        { status, reviewedAt: new Date(), reviewerId: reviewer.id, reason },
      );
      if (input.approve) {
        if (request.licenseExpiresOn && request.licenseExpiresOn <= new Date()) {
          throw new DomainError(
            ErrorCode.CONFLICT,
            'The licence expiry date on this request has passed; ask for a new one',
          );
        }
        await this.clinicians.applyApprovedCredentials(
          request.clinicianId,
          {
            jurisdiction: request.jurisdiction,
            licenseExpiresOn: request.licenseExpiresOn,
            specialtyCodes: await this.specialtyCodesOf(request.id, manager),
          },
          manager,
        );
      } else if (clinician.verificationStatus !== VerificationStatus.VERIFIED) {
        // A rejected update leaves an existing verification in place; otherwise the clinician is told why.
        await this.clinicians.setVerificationStatus(
          request.clinicianId,
          VerificationStatus.REJECTED,
          `Your credentials were not accepted: ${reason}`,
          manager,
        );
      }
      await this.audit.record(
        {
          action: input.approve ? AuditAction.VERIFICATION_APPROVED : AuditAction.VERIFICATION_REJECTED,
          actorId: reviewer.id,
          targetType: 'verification_request',
          targetId: request.id,
          detail: reason ?? undefined,
        },
        manager,
      );
      return repository.findOneByOrFail({ id: request.id });
    });
    return (await this.toModels([reviewed]))[0];
  }

  async revoke(admin: Caller, clinicianId: string, reason: string): Promise<ClinicianEntity> {
    const trimmed = reason.trim();
    if (trimmed.length === 0 || trimmed.length > 500) {
      throw DomainError.badInput('reason', 'reason must be 1 to 500 characters');
    }
    const clinician = await this.clinicians.findById(clinicianId);
    if (!clinician) throw DomainError.notFound('Clinician');
    await this.dataSource.transaction(async (manager) => {
      // A pending update must not quietly undo the revocation when someone approves it later.
      await manager.getRepository(VerificationRequestEntity).update(
        { clinicianId, status: 'PENDING' },
        {
          status: 'REJECTED',
          reviewedAt: new Date(),
          reviewerId: admin.id,
          reason: 'closed by revocation',
        },
      );
      await this.clinicians.setVerificationStatus(
        clinicianId,
        VerificationStatus.REVOKED,
        `Your verification was revoked: ${trimmed}`,
        manager,
      );
      await this.audit.record(
        {
          action: AuditAction.VERIFICATION_REVOKED,
          actorId: admin.id,
          targetType: 'clinician',
          targetId: clinicianId,
          detail: trimmed,
        },
        manager,
      );
    });
    return (await this.clinicians.findById(clinicianId))!;
  }

  /**
   * Records credentials as verified without an admin review. Only the demo seed uses this, so a
   * fresh local install has verified specialists to try the API with; it is audited as such.
   */
  async grantForDemo(
    clinicianId: string,
    credentials: { licenseNumber: string; jurisdiction: string; specialtyCodes: string[] },
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const request = await manager.getRepository(VerificationRequestEntity).save({
        clinicianId,
        status: 'VERIFIED' as const,
        licenseNumber: credentials.licenseNumber,
        jurisdiction: credentials.jurisdiction,
        npi: null,
        licenseExpiresOn: null,
        submittedAt: new Date(),
        reviewedAt: new Date(),
        reason: 'demo data',
      });
      await manager
        .getRepository(VerificationRequestSpecialtyEntity)
        .insert(
          credentials.specialtyCodes.map((specialtyCode) => ({ requestId: request.id, specialtyCode })),
        );
      await this.clinicians.applyApprovedCredentials(
        clinicianId,
        {
          jurisdiction: credentials.jurisdiction,
          licenseExpiresOn: null,
          specialtyCodes: credentials.specialtyCodes,
        },
        manager,
      );
      await this.audit.record(
        {
          action: AuditAction.VERIFICATION_APPROVED,
          targetType: 'verification_request',
          targetId: request.id,
          detail: 'demo seed',
        },
        manager,
      );
    });
  }

  /** The admin queue: oldest submission first, keyset-paginated on (submitted_at, id). */
  async list(status: VerificationStatus | undefined, args: PageArgs): Promise<Page<VerificationRequest>> {
    const size = pageSize(args);
    if (status && !REVIEWABLE.includes(status)) {
      return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    }
    const filtered = () => {
      const qb = this.requests.createQueryBuilder('r');
      if (status) qb.where('r.status = :status', { status });
      return qb;
    };
    const page = filtered()
      .orderBy('r.submitted_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(size + 1);
    if (args.after) {
      const { at, id } = decodeTimeIdCursor(args.after);
      page.andWhere('(r.submitted_at, r.id) > (:at, :id)', { at, id });
    }
    const [rows, totalCount] = await Promise.all([page.getMany(), filtered().getCount()]);
    const models = await this.toModels(rows.slice(0, size));
    const byId = new Map(models.map((m) => [m.id, m]));
    return toPage(
      rows,
      size,
      totalCount,
      (row) => [row.submittedAt.toISOString(), row.id],
      (row) => byId.get(row.id)!,
    );
  }

  async listOwn(clinicianId: string): Promise<VerificationRequest[]> {
    const rows = await this.requests.find({
      where: { clinicianId },
      order: { submittedAt: 'DESC' },
      take: 50,
    });
    return this.toModels(rows);
  }

  private async specialtyCodesOf(requestId: string, manager: EntityManager): Promise<string[]> {
    const links = await manager.getRepository(VerificationRequestSpecialtyEntity).findBy({ requestId });
    return links.map((l) => l.specialtyCode);
  }

  /** Requests with their specialties, in two queries whatever the number of rows. */
  private async toModels(rows: VerificationRequestEntity[]): Promise<VerificationRequest[]> {
    const links = rows.length
      ? await this.dataSource
          .getRepository(VerificationRequestSpecialtyEntity)
          .findBy({ requestId: In(rows.map((r) => r.id)) })
      : [];
    const specialties = await this.specialties.findByCodes([...new Set(links.map((l) => l.specialtyCode))]);
    const byCode = new Map(specialties.map((s) => [s.code, s]));
    return rows.map((row) => {
      const codes = links.filter((l) => l.requestId === row.id).map((l) => l.specialtyCode);
      return {
        id: row.id,
        clinicianId: row.clinicianId,
        status: row.status as VerificationStatus,
        licenseNumber: row.licenseNumber,
        jurisdiction: row.jurisdiction,
        npi: row.npi,
        licenseExpiresOn: row.licenseExpiresOn,
        specialtyCodes: codes,
        specialties: codes.flatMap((c) => byCode.get(c) ?? []),
        submittedAt: row.submittedAt,
        reviewedAt: row.reviewedAt,
        reviewerId: row.reviewerId,
        reason: row.reason,
      };
    });
  }
}
