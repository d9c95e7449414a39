import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { DomainError } from '../common/domain-error.js';
import { isUuid } from '../common/uuid.js';
import { decodeCursor, Page, PageArgs, pageSize, toPage } from '../graphql/connection.js';
import { AuditAction } from './audit-action.js';
import { AuditEntry } from './audit-entry.model.js';
import { AuditEntryEntity } from './audit-entry.entity.js';

const MAX_BIGINT = 9223372036854775807n;

export interface AuditRecord {
  action: AuditAction;
  actorId?: string | null;
  targetType?: string;
  targetId?: string;
  /** Short, system-written detail. Never passwords, tokens or clinician-written case text. */
  detail?: string;
  ipAddress?: string | null;
}

export interface AuditQuery extends PageArgs {
  actorId?: string;
  action?: string;
}

function toModel(row: AuditEntryEntity): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actorId,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    detail: row.detail,
  };
}

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEntryEntity) private readonly entries: Repository<AuditEntryEntity>) {}

  /** Appends an entry; pass the transaction's manager so the entry commits or rolls back with the change. */
  async record(record: AuditRecord, manager?: EntityManager): Promise<void> {
    const repository = manager ? manager.getRepository(AuditEntryEntity) : this.entries;
    await repository.insert({
      action: record.action,
      actorId: record.actorId ?? null,
      targetType: record.targetType ?? null,
      targetId: record.targetId ?? null,
      detail: record.detail ?? null,
      ipAddress: record.ipAddress ?? null,
    });
  }

  /** Newest first, keyset-paginated on id. */
  async list(query: AuditQuery): Promise<Page<AuditEntry>> {
    const size = pageSize(query);
    // actor_id is a uuid column: any other text made PostgreSQL fail the whole query (an internal
    // error). IDs are opaque, so an id that is not one of ours simply matches nothing.
    if (query.actorId !== undefined && query.actorId !== null && !isUuid(query.actorId)) {
      return { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
    }
    const filtered = () => {
      const qb = this.entries.createQueryBuilder('e');
      if (query.actorId) qb.andWhere('e.actor_id = :actorId', { actorId: query.actorId });
      if (query.action) qb.andWhere('e.action = :action', { action: query.action });
      return qb;
    };
    const page = filtered()
      .orderBy('e.id', 'DESC')
      .limit(size + 1);
    if (query.after) {
      const [id] = decodeCursor(query.after, 1);
      // Digits alone are not enough: a value beyond bigint made PostgreSQL fail (an internal error).
      if (!/^\d{1,19}$/.test(String(id)) || BigInt(id) > MAX_BIGINT)
        throw DomainError.badInput('after', 'after is not a cursor returned by this list');
      page.andWhere('e.id < :afterId', { afterId: String(id) });
    }
    const [rows, totalCount] = await Promise.all([page.getMany(), filtered().getCount()]);
    return toPage(rows, size, totalCount, (row) => [row.id], toModel);
  }
}
