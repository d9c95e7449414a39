import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../access-policy/viewer.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { CaseQueriesService } from '../cases/case-queries.service.js';
import { CasesService } from '../cases/cases.service.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { isUuid } from '../common/uuid.js';
import { decodeTimeIdCursor, Page, PageArgs, pageSize, toPage } from '../graphql/connection.js';
import { RedactionService } from '../redaction/redaction.service.js';
import { RepliesService } from '../replies/replies.service.js';
import { FlagInput } from './dto/flag.input.js';
import { ResolveFlagInput } from './dto/resolve-flag.input.js';
import { FlagEntity } from './flag.entity.js';
import { Flag, FlagReason, FlagResolution, FlagStatus } from './flag.model.js';

function toModel(row: FlagEntity): Flag {
  return {
    id: row.id,
    reason: row.reason as FlagReason,
    note: row.note,
    status: row.status as FlagStatus,
    createdAt: row.createdAt,
    resolvedAt: row.resolvedAt,
    reporterId: row.reporterId,
    caseId: row.caseId,
    replyId: row.replyId,
  };
}

interface Target {
  kind: 'case' | 'reply';
  id: string;
}

/** Flags from any signed-in reader; a PHI flag hides the content at once until an admin decides. */
@Injectable()
export class ModerationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly caseQueries: CaseQueriesService,
    private readonly cases: CasesService,
    private readonly replies: RepliesService,
    private readonly redaction: RedactionService,
    private readonly audit: AuditService,
  ) {}

  async flag(reporter: Caller, viewer: Viewer, input: FlagInput): Promise<boolean> {
    if (Boolean(input.caseId) === Boolean(input.replyId)) {
      throw new DomainError(ErrorCode.BAD_USER_INPUT, 'Give either caseId or replyId', {
        fields: ['input.caseId', 'input.replyId'],
      });
    }
    const target: Target = input.caseId
      ? { kind: 'case', id: input.caseId }
      : { kind: 'reply', id: input.replyId! };
    const readable =
      target.kind === 'case'
        ? await this.caseQueries.findReadable(target.id, viewer)
        : await this.replies.findReadable(target.id, viewer);
    if (!readable) {
      throw new DomainError(ErrorCode.NOT_FOUND, `${target.kind === 'case' ? 'Case' : 'Reply'} not found`, {
        fields: [target.kind === 'case' ? 'input.caseId' : 'input.replyId'],
      });
    }
    const note = input.note?.trim() ? this.redaction.redact(input.note.trim()).text : null;
    await this.dataSource.transaction(async (manager) => {
      const flag = await manager.getRepository(FlagEntity).save({
        caseId: target.kind === 'case' ? target.id : null,
        replyId: target.kind === 'reply' ? target.id : null,
        reporterId: reporter.id,
        reason: input.reason as FlagEntity['reason'],
        note,
        status: 'OPEN' as const,
      });
      await this.audit.record(
        {
          action: AuditAction.CONTENT_FLAGGED,
          actorId: reporter.id,
          targetType: target.kind,
          targetId: target.id,
          detail: `${input.reason} (flag ${flag.id})`,
        },
        manager,
      );
      if (input.reason === FlagReason.PHI) {
        await this.setHidden(target, true, manager);
        await this.audit.record(
          {
            action: AuditAction.CONTENT_HIDDEN,
            actorId: reporter.id,
            targetType: target.kind,
            targetId: target.id,
            detail: 'hidden pending PHI review',
          },
          manager,
        );
      }
    });
    return true;
  }

  /** The moderation queue, oldest first. */
  async list(status: FlagStatus | undefined, args: PageArgs): Promise<Page<Flag>> {
    const size = pageSize(args);
    const filtered = () => {
      const qb = this.dataSource.getRepository(FlagEntity).createQueryBuilder('fl');
      if (status) qb.where('fl.status = :status', { status });
      return qb;
    };
    const page = filtered()
      .orderBy('fl.created_at', 'ASC')
      .addOrderBy('fl.id', 'ASC')
      .limit(size + 1);
    if (args.after) {
      const { at, id } = decodeTimeIdCursor(args.after);
      page.andWhere('(fl.created_at, fl.id) > (:at, :id)', { at, id });
    }
    const [rows, totalCount] = await Promise.all([page.getMany(), filtered().getCount()]);
    return toPage(rows, size, totalCount, (row) => [row.createdAt.toISOString(), row.id], toModel);
  }

  async resolve(admin: Caller, input: ResolveFlagInput): Promise<Flag> {
    if (!isUuid(input.flagId)) throw DomainError.notFound('Flag');
    const resolved = await this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(FlagEntity);
      const flag = await repository.findOne({
        where: { id: input.flagId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!flag) throw DomainError.notFound('Flag');
      if (flag.status !== 'OPEN')
        throw new DomainError(ErrorCode.CONFLICT, 'This flag has already been resolved');
      const target: Target = flag.caseId
        ? { kind: 'case', id: flag.caseId }
        : { kind: 'reply', id: flag.replyId! };
      const sameTarget = target.kind === 'case' ? { caseId: target.id } : { replyId: target.id };
      if (input.resolution === FlagResolution.REMOVE_CONTENT) {
        await this.tombstone(target, admin.id, manager);
        // Removing the content settles every open flag on it.
        await repository.update(
          { ...sameTarget, status: 'OPEN' },
          { status: 'CONTENT_REMOVED', resolvedAt: new Date(), resolvedBy: admin.id },
        );
      } else {
        await repository.update(
          { id: flag.id },
          { status: 'DISMISSED', resolvedAt: new Date(), resolvedBy: admin.id },
        );
        const openPhi = await repository.countBy({ ...sameTarget, status: 'OPEN', reason: 'PHI' });
        if (openPhi === 0) await this.setHidden(target, false, manager);
      }
      await this.audit.record(
        {
          action:
            input.resolution === FlagResolution.REMOVE_CONTENT
              ? AuditAction.FLAG_CONTENT_REMOVED
              : AuditAction.FLAG_DISMISSED,
          actorId: admin.id,
          targetType: target.kind,
          targetId: target.id,
          detail: `flag ${flag.id}`,
        },
        manager,
      );
      return repository.findOneByOrFail({ id: flag.id });
    });
    return toModel(resolved);
  }

  private setHidden(target: Target, hidden: boolean, manager: EntityManager): Promise<void> {
    return target.kind === 'case'
      ? this.cases.setHidden(target.id, hidden, manager)
      : this.replies.setHidden(target.id, hidden, manager);
  }

  private tombstone(target: Target, adminId: string, manager: EntityManager): Promise<void> {
    return target.kind === 'case'
      ? this.cases.tombstone(target.id, adminId, manager)
      : this.replies.tombstone(target.id, adminId, manager);
  }
}
