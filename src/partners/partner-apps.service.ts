import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import { DataSource, Repository } from 'typeorm';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import type { PartnerAppIdentity } from '../auth/request-with-caller.js';
import { DomainError } from '../common/domain-error.js';
import { isUuid } from '../common/uuid.js';
import { LOGGER } from '../logging/logging.module.js';
import { issueKey, parseKey, secretMatches } from './api-key.js';
import { PartnerAppEntity } from './partner-app.entity.js';
import { PartnerApp, PartnerAppCredentials, PartnerAppInput } from './partner-app.model.js';

/** last_used_at is a hint for admins, not an access log: written at most once a minute per app. */
const TOUCH_INTERVAL_MS = 60_000;

export type KeyCheck =
  | { ok: true; app: PartnerAppIdentity }
  | { ok: false; reason: 'malformed' | 'unknown' | 'revoked' };

function toModel(row: PartnerAppEntity): PartnerApp {
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes,
    keyPrefix: row.keyPrefix,
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
    lastUsedAt: row.lastUsedAt,
  };
}

@Injectable()
export class PartnerAppsService {
  private readonly touchedAt = new Map<string, number>();

  constructor(
    @InjectRepository(PartnerAppEntity) private readonly apps: Repository<PartnerAppEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Issues a new app and its key; the key is in the result only, never stored or logged. */
  async create(
    input: PartnerAppInput,
    actorId: string,
    ipAddress: string | null,
  ): Promise<PartnerAppCredentials> {
    const key = issueKey();
    const scopes = [...new Set(input.scopes)].sort();
    const app = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(PartnerAppEntity);
      const { identifiers } = await repository.insert({
        name: input.name,
        scopes,
        keyPrefix: key.prefix,
        keyHash: key.hash,
        createdBy: actorId,
      });
      const row = await repository.findOneByOrFail({ id: identifiers[0].id as string });
      await this.audit.record(
        {
          action: AuditAction.PARTNER_KEY_ISSUED,
          actorId,
          targetType: 'partner_app',
          targetId: row.id,
          detail: `key cbk_${key.prefix}_… with scopes: ${scopes.join(' ') || '(none)'}`,
          ipAddress,
        },
        manager,
      );
      return row;
    });
    return { app: toModel(app), apiKey: key.apiKey };
  }

  /** Revokes at once: the key is checked against the database on every request. Idempotent. */
  async revoke(id: string, actorId: string, ipAddress: string | null): Promise<PartnerApp> {
    if (!isUuid(id)) throw DomainError.notFound('Partner app');
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(PartnerAppEntity);
      const row = await repository.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw DomainError.notFound('Partner app');
      if (row.revokedAt) return toModel(row);
      await repository.update({ id }, { revokedAt: () => 'now()' });
      await this.audit.record(
        {
          action: AuditAction.PARTNER_KEY_REVOKED,
          actorId,
          targetType: 'partner_app',
          targetId: id,
          detail: `key cbk_${row.keyPrefix}_…`,
          ipAddress,
        },
        manager,
      );
      return toModel(await repository.findOneByOrFail({ id }));
    });
  }

  async list(): Promise<PartnerApp[]> {
    const rows = await this.apps.find({ order: { createdAt: 'DESC', id: 'DESC' } });
    return rows.map(toModel);
  }

  async exists(id: string): Promise<boolean> {
    return isUuid(id) && (await this.apps.existsBy({ id }));
  }

  /** Checks an `X-Api-Key` value: one indexed look-up by prefix, then a constant-time hash comparison. */
  async check(apiKey: string): Promise<KeyCheck> {
    const parsed = parseKey(apiKey);
    if (!parsed) return { ok: false, reason: 'malformed' };
    const row = await this.apps
      .createQueryBuilder('a')
      .addSelect('a.keyHash')
      .where('a.key_prefix = :prefix', { prefix: parsed.prefix })
      .getOne();
    if (!row || !secretMatches(parsed.secret, row.keyHash)) return { ok: false, reason: 'unknown' };
    if (row.revokedAt) return { ok: false, reason: 'revoked' };
    await this.touch(row.id);
    return { ok: true, app: { id: row.id, name: row.name, scopes: row.scopes } };
  }

  private async touch(appId: string): Promise<void> {
    const now = Date.now();
    if (now - (this.touchedAt.get(appId) ?? 0) < TOUCH_INTERVAL_MS) return;
    this.touchedAt.set(appId, now);
    try {
      // The condition keeps several instances from each writing every minute.
      await this.apps
        .createQueryBuilder()
        .update()
        .set({ lastUsedAt: () => 'now()' })
        .where("id = :appId AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')", {
          appId,
        })
        .execute();
    } catch (error) {
      this.logger.warn({ appId, err: { message: (error as Error).message } }, 'could not record last use');
    }
  }
}
