import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, type AccessTokenClaims } from '../auth/access-token.js';
import { DomainError } from '../common/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { returningRows } from '../database/returning-rows.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { SessionEntity } from './session.entity.js';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const INVALID_REFRESH = 'Refresh token is not valid; sign in again';

/**
 * Sign-in sessions. Each login starts a session (a family of refresh tokens); every refresh uses up
 * its token and issues the next. Presenting a used token means it was copied: the whole family ends.
 */
@Injectable()
export class SessionTokensService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
  ) {}

  /** Starts a new session for the clinician and returns its first token pair. */
  async startSession(clinicianId: string, manager: EntityManager): Promise<TokenPair> {
    const session = await manager.getRepository(SessionEntity).save({ clinicianId });
    return this.issuePair(clinicianId, session.id, manager);
  }

  async rotate(refreshToken: string): Promise<TokenPair & { clinicianId: string }> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const rows: {
        id: string;
        session_id: string;
        clinician_id: string;
        used_at: Date | null;
        expires_at: Date;
        revoked_at: Date | null;
      }[] = await manager.query(
        `SELECT t.id, t.session_id, s.clinician_id, t.used_at, t.expires_at, s.revoked_at
           FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
          WHERE t.token_hash = $1
          FOR UPDATE OF t, s`,
        [digest(refreshToken)],
      );
      const token = rows[0];
      if (!token || token.revoked_at || token.expires_at <= new Date()) return { kind: 'invalid' as const };
      if (token.used_at) {
        await this.endSession(token.session_id, 'refresh token reused', manager);
        await this.audit.record(
          {
            action: AuditAction.SESSION_REUSE_DETECTED,
            actorId: token.clinician_id,
            targetType: 'session',
            targetId: token.session_id,
            detail: 'a used refresh token was presented; every token of the session was revoked',
          },
          manager,
        );
        return { kind: 'reused' as const };
      }
      await manager.getRepository(RefreshTokenEntity).update({ id: token.id }, { usedAt: new Date() });
      const pair = await this.issuePair(token.clinician_id, token.session_id, manager);
      return { kind: 'rotated' as const, pair, clinicianId: token.clinician_id };
    });
    // Thrown after the transaction commits, so the revocation of a reused family sticks.
    if (outcome.kind !== 'rotated') throw DomainError.unauthenticated(INVALID_REFRESH);
    return { ...outcome.pair, clinicianId: outcome.clinicianId };
  }

  /** Ends the session a refresh token belongs to. Returns false when the token is unknown or already ended. */
  async logout(refreshToken: string): Promise<{ ended: boolean; clinicianId?: string; sessionId?: string }> {
    const rows: { session_id: string; clinician_id: string }[] = await this.dataSource.query(
      `SELECT t.session_id, s.clinician_id FROM refresh_tokens t JOIN sessions s ON s.id = t.session_id
        WHERE t.token_hash = $1 AND s.revoked_at IS NULL`,
      [digest(refreshToken)],
    );
    const found = rows[0];
    if (!found) return { ended: false };
    await this.endSession(found.session_id, 'logged out', this.dataSource.manager);
    return { ended: true, clinicianId: found.clinician_id, sessionId: found.session_id };
  }

  /** Ends every open session of a clinician (e.g. after a role change or revocation, if wanted). */
  async endAllSessions(clinicianId: string, reason: string, manager: EntityManager): Promise<number> {
    const result = await manager.query(
      'UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE clinician_id = $1 AND revoked_at IS NULL RETURNING id',
      [clinicianId, reason],
    );
    return returningRows(result).length;
  }

  private async endSession(sessionId: string, reason: string, manager: EntityManager): Promise<void> {
    await manager.query(
      'UPDATE sessions SET revoked_at = now(), revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL',
      [sessionId, reason],
    );
  }

  private async issuePair(
    clinicianId: string,
    sessionId: string,
    manager: EntityManager,
  ): Promise<TokenPair> {
    const refreshToken = randomBytes(32).toString('base64url');
    await manager.getRepository(RefreshTokenEntity).insert({
      sessionId,
      tokenHash: digest(refreshToken),
      expiresAt: new Date(Date.now() + this.config.refreshTokenTtlDays * 86_400_000),
    });
    const claims: AccessTokenClaims = { sub: clinicianId, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims, {
      secret: this.config.jwtSecret,
      algorithm: 'HS256',
      expiresIn: this.config.accessTokenTtlSeconds,
      issuer: ACCESS_TOKEN_ISSUER,
      audience: ACCESS_TOKEN_AUDIENCE,
    });
    return { accessToken, refreshToken };
  }
}
