import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError } from 'typeorm';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { ClinicianEntity } from './clinician.entity.js';
import { Role, VerificationStatus } from './clinician.enums.js';
import { CliniciansService } from './clinicians.service.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password-hasher.js';
import { passwordProblem } from './password-policy.js';
import { SessionTokensService, TokenPair } from './session-tokens.service.js';

export interface SignedIn extends TokenPair {
  clinician: ClinicianEntity;
}

export interface NewAccount {
  email: string;
  password: string;
  displayName: string;
  role?: Role;
}

const UNIQUE_VIOLATION = '23505';

/** Registration, login, session refresh and logout. */
@Injectable()
export class IdentityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clinicians: CliniciansService,
    private readonly sessions: SessionTokensService,
    private readonly throttle: LoginThrottleService,
    private readonly audit: AuditService,
  ) {}

  async register(input: NewAccount, ipAddress: string | null): Promise<SignedIn> {
    const account = await this.createAccount(input, 'input', ipAddress);
    const clinician = await this.clinicians.findById(account.id);
    return this.dataSource.transaction(async (manager) => ({
      clinician: clinician!,
      ...(await this.sessions.startSession(account.id, manager)),
    }));
  }

  /** Creates an account (registration, bootstrap admin, demo seed). fieldPrefix names input paths in errors. */
  async createAccount(
    input: NewAccount,
    fieldPrefix: string,
    ipAddress: string | null,
  ): Promise<ClinicianEntity> {
    const problem = passwordProblem(input.password, { email: input.email });
    if (problem) throw DomainError.badInput(`${fieldPrefix}.password`, problem);
    const passwordHash = await hashPassword(input.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const created = await manager.getRepository(ClinicianEntity).save({
          email: input.email.trim(),
          displayName: input.displayName.trim(),
          passwordHash,
          role: input.role ?? Role.CLINICIAN,
          verificationStatus: VerificationStatus.UNVERIFIED,
          acceptingConsults: false,
        });
        await this.audit.record(
          {
            action: AuditAction.REGISTERED,
            actorId: created.id,
            targetType: 'clinician',
            targetId: created.id,
            detail: input.role === Role.ADMIN ? 'admin account' : undefined,
            ipAddress,
          },
          manager,
        );
        return created;
      });
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string })?.code === UNIQUE_VIOLATION
      ) {
        throw new DomainError(ErrorCode.CONFLICT, 'An account with this email already exists', {
          fields: [`${fieldPrefix}.email`],
        });
      }
      throw error;
    }
  }

  async login(email: string, password: string, ipAddress: string | null): Promise<SignedIn> {
    const keys = this.throttle.keysFor(email, ipAddress);
    await this.throttle.assertAllowed(keys);
    const clinician = await this.clinicians.findByEmail(email.trim());
    const valid = clinician
      ? await verifyPassword(clinician.passwordHash, password)
      : await verifyAgainstDummy(password);
    if (!clinician || !valid) {
      await this.throttle.recordFailure(keys);
      await this.audit.record({
        action: AuditAction.LOGIN_FAILED,
        actorId: clinician?.id ?? null,
        targetType: clinician ? 'clinician' : undefined,
        targetId: clinician?.id,
        detail: clinician ? 'wrong password' : 'unknown email',
        ipAddress,
      });
      throw DomainError.unauthenticated('Email or password is incorrect');
    }
    await this.throttle.recordSuccess(keys);
    return this.dataSource.transaction(async (manager) => {
      await this.audit.record(
        {
          action: AuditAction.LOGIN_SUCCEEDED,
          actorId: clinician.id,
          targetType: 'clinician',
          targetId: clinician.id,
          ipAddress,
        },
        manager,
      );
      return { clinician, ...(await this.sessions.startSession(clinician.id, manager)) };
    });
  }

  async refresh(refreshToken: string): Promise<SignedIn> {
    const rotated = await this.sessions.rotate(refreshToken);
    const clinician = await this.clinicians.findById(rotated.clinicianId);
    if (!clinician) throw DomainError.unauthenticated('Refresh token is not valid; sign in again');
    return { clinician, accessToken: rotated.accessToken, refreshToken: rotated.refreshToken };
  }

  async logout(refreshToken: string, ipAddress: string | null): Promise<boolean> {
    const result = await this.sessions.logout(refreshToken);
    if (result.ended) {
      await this.audit.record({
        action: AuditAction.LOGGED_OUT,
        actorId: result.clinicianId,
        targetType: 'session',
        targetId: result.sessionId,
        ipAddress,
      });
    }
    return result.ended;
  }
}
