import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, Repository } from 'typeorm';
import { ReadPolicy } from '../access-policy/read-policy.js';
import type { Viewer } from '../access-policy/viewer.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { isUuid } from '../common/uuid.js';
import { findByIdsLean } from '../database/find-by-ids.js';
import { CreateForumInput } from './dto/create-forum.input.js';
import { ForumEntity } from './forum.entity.js';
import { Forum, ForumVisibility } from './forum.model.js';

function toModel(entity: ForumEntity): Forum {
  return {
    id: entity.id,
    slug: entity.slug,
    name: entity.name,
    description: entity.description,
    visibility: entity.visibility as ForumVisibility,
    createdAt: entity.createdAt,
  };
}

@Injectable()
export class ForumsService {
  constructor(
    @InjectRepository(ForumEntity) private readonly forums: Repository<ForumEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(input: CreateForumInput, actorId: string | null): Promise<Forum> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const saved = await manager.getRepository(ForumEntity).save({
          slug: input.slug,
          name: input.name,
          description: input.description ?? null,
          visibility: input.visibility as ForumEntity['visibility'],
          createdBy: actorId,
        });
        await this.audit.record(
          {
            action: AuditAction.FORUM_CREATED,
            actorId,
            targetType: 'forum',
            targetId: saved.id,
            detail: input.visibility,
          },
          manager,
        );
        return toModel(await manager.getRepository(ForumEntity).findOneByOrFail({ id: saved.id }));
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === '23505') {
        throw new DomainError(ErrorCode.CONFLICT, 'A forum with this slug already exists', {
          fields: ['input.slug'],
        });
      }
      throw error;
    }
  }

  /** Forums the viewer may read, by name. */
  async listReadable(viewer: Viewer): Promise<Forum[]> {
    const policy = ReadPolicy.forums('f', viewer);
    const rows = await this.forums
      .createQueryBuilder('f')
      .where(policy.sql, policy.params)
      .orderBy('f.name', 'ASC')
      .getMany();
    return rows.map(toModel);
  }

  /** A forum the viewer may read, or null (unknown and unreadable look the same). */
  async findReadable(id: string, viewer: Viewer): Promise<Forum | null> {
    if (!isUuid(id)) return null;
    const policy = ReadPolicy.forums('f', viewer);
    const row = await this.forums
      .createQueryBuilder('f')
      .where('f.id = :id', { id })
      .andWhere(policy.sql, policy.params)
      .getOne();
    return row ? toModel(row) : null;
  }

  /** For DataLoaders resolving the forum of a case already known to be readable. */
  async findByIds(ids: readonly string[]): Promise<(Forum | null)[]> {
    const rows = await findByIdsLean(this.dataSource, ForumEntity, ids.filter(isUuid));
    const byId = new Map(rows.map((row) => [row.id, toModel(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** For DataLoaders: cases each forum holds that the viewer may read, in one grouped query. */
  async countReadableCases(forumIds: readonly string[], viewer: Viewer): Promise<number[]> {
    const policy = ReadPolicy.cases('c', 'f', viewer);
    const rows: { forum_id: string; n: number }[] = await this.dataSource
      .createQueryBuilder()
      .select('c.forum_id', 'forum_id')
      .addSelect('count(*)::int', 'n')
      .from('cases', 'c')
      .innerJoin('forums', 'f', 'f.id = c.forum_id')
      .where('c.forum_id IN (:...forumIds)', { forumIds })
      .andWhere(policy.sql, policy.params)
      .groupBy('c.forum_id')
      .getRawMany();
    const counts = new Map(rows.map((row) => [row.forum_id, row.n]));
    return forumIds.map((id) => counts.get(id) ?? 0);
  }
}
