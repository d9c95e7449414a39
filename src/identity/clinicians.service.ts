import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, Repository } from 'typeorm';
import { isUuid } from '../common/uuid.js';
import { findByIdsLean } from '../database/find-by-ids.js';
import { returningRows } from '../database/returning-rows.js';
import { Specialty } from '../specialties/specialty.model.js';
import { SpecialtiesService } from '../specialties/specialties.service.js';
import { ClinicianSpecialtyEntity } from './clinician-specialty.entity.js';
import { ClinicianEntity } from './clinician.entity.js';
import { Role, VerificationStatus } from './clinician.enums.js';
import { Clinician } from './clinician.model.js';

/**
 * The status as of now: a verification whose licence expiry has passed reads as EXPIRED to everyone,
 * even before that clinician's next request writes the lapse down.
 */
export function effectiveVerificationStatus(entity: ClinicianEntity, now = new Date()): VerificationStatus {
  const lapsed = entity.licenseExpiresOn !== null && entity.licenseExpiresOn <= now;
  return entity.verificationStatus === VerificationStatus.VERIFIED && lapsed
    ? VerificationStatus.EXPIRED
    : entity.verificationStatus;
}

export function toClinicianModel(entity: ClinicianEntity): Clinician {
  const status = effectiveVerificationStatus(entity);
  return {
    id: entity.id,
    displayName: entity.displayName,
    role: entity.role,
    verificationStatus: status,
    acceptingConsults: entity.acceptingConsults && status === VerificationStatus.VERIFIED,
    jurisdiction: entity.jurisdiction,
    createdAt: entity.createdAt,
    privateFields: {
      email: entity.email,
      verificationNote: entity.verificationNote,
      licenseExpiresOn: entity.licenseExpiresOn,
    },
  };
}

export interface ApprovedCredentials {
  jurisdiction: string;
  licenseExpiresOn: Date | null;
  specialtyCodes: string[];
}

/** The clinicians table: profiles, specialties and the verification state other modules change. */
@Injectable()
export class CliniciansService {
  constructor(
    @InjectRepository(ClinicianEntity) private readonly clinicians: Repository<ClinicianEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly specialties: SpecialtiesService,
  ) {}

  async findById(id: string): Promise<ClinicianEntity | null> {
    return isUuid(id) ? this.clinicians.findOneBy({ id }) : null;
  }

  async findByEmail(email: string): Promise<ClinicianEntity | null> {
    return this.clinicians
      .createQueryBuilder('c')
      .where('lower(c.email) = lower(:email)', { email })
      .getOne();
  }

  /** For DataLoaders: one entry per id, null when missing. */
  async findByIds(ids: readonly string[]): Promise<(Clinician | null)[]> {
    const valid = ids.filter(isUuid);
    const rows = await findByIdsLean(this.dataSource, ClinicianEntity, valid);
    const byId = new Map(rows.map((row) => [row.id, toClinicianModel(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** For DataLoaders: each clinician's specialties, in one query. */
  async specialtiesOf(ids: readonly string[]): Promise<Specialty[][]> {
    const links = await this.dataSource
      .getRepository(ClinicianSpecialtyEntity)
      .findBy({ clinicianId: In([...ids]) });
    const codes = [...new Set(links.map((l) => l.specialtyCode))];
    const byCode = new Map((await this.specialties.findByCodes(codes)).map((s) => [s.code, s]));
    return ids.map((id) =>
      links
        .filter((l) => l.clinicianId === id)
        .flatMap((l) => byCode.get(l.specialtyCode) ?? [])
        .sort((a, b) => a.name.localeCompare(b.name)),
    );
  }

  async setAcceptingConsults(id: string, accepting: boolean): Promise<ClinicianEntity> {
    await this.clinicians.update({ id }, { acceptingConsults: accepting, updatedAt: new Date() });
    return this.clinicians.findOneByOrFail({ id });
  }

  async setRole(id: string, role: Role, manager: EntityManager): Promise<void> {
    await manager.getRepository(ClinicianEntity).update({ id }, { role, updatedAt: new Date() });
  }

  async countAdmins(manager: EntityManager = this.dataSource.manager): Promise<number> {
    return this.countByRole(Role.ADMIN, manager);
  }

  async countByRole(role: Role, manager: EntityManager = this.dataSource.manager): Promise<number> {
    return manager.getRepository(ClinicianEntity).countBy({ role });
  }

  /** Verification granted: status, jurisdiction, licence expiry and specialties come from the approved request. */
  async applyApprovedCredentials(
    id: string,
    credentials: ApprovedCredentials,
    manager: EntityManager,
  ): Promise<void> {
    await manager.getRepository(ClinicianEntity).update(
      { id },
      {
        verificationStatus: VerificationStatus.VERIFIED,
        verificationNote: null,
        jurisdiction: credentials.jurisdiction,
        licenseExpiresOn: credentials.licenseExpiresOn,
        updatedAt: new Date(),
      },
    );
    const links = manager.getRepository(ClinicianSpecialtyEntity);
    await links.delete({ clinicianId: id });
    if (credentials.specialtyCodes.length) {
      await links.insert(
        credentials.specialtyCodes.map((specialtyCode) => ({ clinicianId: id, specialtyCode })),
      );
    }
  }

  async setVerificationStatus(
    id: string,
    status: VerificationStatus,
    note: string | null,
    manager: EntityManager,
  ): Promise<void> {
    const update: Partial<ClinicianEntity> = {
      verificationStatus: status,
      verificationNote: note,
      updatedAt: new Date(),
    };
    // A clinician who is no longer verified stops receiving consults.
    if (status !== VerificationStatus.VERIFIED) update.acceptingConsults = false;
    await manager.getRepository(ClinicianEntity).update({ id }, update);
  }

  /**
   * Lapses a verification whose licence expiry has passed. Conditional in SQL, so concurrent
   * requests expire it once; returns the expiry date when this call did it.
   */
  async expireLapsedVerification(
    id: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Date | null> {
    const result = await manager.query(
      `UPDATE clinicians
          SET verification_status = 'EXPIRED', accepting_consults = false, updated_at = now(),
              verification_note = 'Your licence expiry date (' || to_char(license_expires_on AT TIME ZONE 'UTC', 'YYYY-MM-DD')
                || ') has passed. Submit renewed credentials to be verified again.'
        WHERE id = $1 AND verification_status = 'VERIFIED' AND license_expires_on <= now()
        RETURNING license_expires_on`,
      [id],
    );
    return returningRows<{ license_expires_on: Date }>(result)[0]?.license_expires_on ?? null;
  }
}
