import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { positionalCondition } from '../access-policy/positional-condition.js';
import { ReadPolicy } from '../access-policy/read-policy.js';
import type { Viewer } from '../access-policy/viewer.js';
import type { Caller } from '../auth/caller.js';
import { CaseQueriesService } from '../cases/case-queries.service.js';
import { CaseEntity } from '../cases/case.entity.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { isUuid } from '../common/uuid.js';
import { decodeTimeIdCursor, Page, PageArgs, pageSize, toPage } from '../graphql/connection.js';
import { RedactionService } from '../redaction/redaction.service.js';
import { DomainEvents } from '../events/domain-events.js';
import { ConsultOffersService } from '../routing/consult-offers.service.js';
import { ReplyEntity } from './reply.entity.js';
import { Reply } from './reply.model.js';
import { ReplyInput } from './dto/reply.input.js';

export function toReplyModel(row: ReplyEntity): Reply {
  return {
    id: row.id,
    caseId: row.caseId,
    authorId: row.authorId,
    body: row.body,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    accepted: row.accepted,
    hidden: row.hiddenAt !== null,
  };
}

/** Replies: posting (de-identified), accepting, and every read through the read policy. */
@Injectable()
export class RepliesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cases: CaseQueriesService,
    private readonly redaction: RedactionService,
    private readonly routing: ConsultOffersService,
    private readonly events: DomainEvents,
  ) {}

  private readableReplies(viewer: Viewer): SelectQueryBuilder<ReplyEntity> {
    const policy = ReadPolicy.replies('r', 'c', 'f', viewer);
    return this.dataSource
      .getRepository(ReplyEntity)
      .createQueryBuilder('r')
      .innerJoin('cases', 'c', 'c.id = r.case_id')
      .innerJoin('forums', 'f', 'f.id = c.forum_id')
      .where(policy.sql, policy.params);
  }

  async findReadable(id: string, viewer: Viewer): Promise<ReplyEntity | null> {
    if (!isUuid(id)) return null;
    return this.readableReplies(viewer).andWhere('r.id = :id', { id }).getOne();
  }

  async create(author: Caller, viewer: Viewer, input: ReplyInput): Promise<Reply> {
    const kase = await this.cases.findReadable(input.caseId, viewer);
    if (!kase) throw new DomainError(ErrorCode.NOT_FOUND, 'Case not found', { fields: ['input.caseId'] });
    if (kase.removedAt || kase.hiddenAt) {
      throw new DomainError(
        ErrorCode.CONFLICT,
        'This case is removed or under review and cannot receive replies',
      );
    }
    const body = this.redaction.redact(input.body).text;
    const saved = await this.dataSource.transaction(async (manager) => {
      const reply = await manager
        .getRepository(ReplyEntity)
        .save({ caseId: kase.id, authorId: author.id, body, accepted: false });
      // An offered specialist's reply answers their consult; the author's reply resumes paused ones.
      await this.routing.onReply(kase.id, author.id, kase.authorId, manager);
      return manager.getRepository(ReplyEntity).findOneByOrFail({ id: reply.id });
    });
    this.events.emit('reply.posted', { replyId: saved.id, caseId: kase.id, authorId: author.id });
    return toReplyModel(saved);
  }

  /** The case author marks one reply as the answer; the case becomes ANSWERED. */
  async accept(caller: Caller, viewer: Viewer, replyId: string): Promise<Reply> {
    const reply = await this.findReadable(replyId, viewer);
    if (!reply) throw DomainError.notFound('Reply');
    const kase = await this.cases.findReadable(reply.caseId, viewer);
    if (!kase || kase.authorId !== caller.id)
      throw DomainError.forbidden('Only the case author may accept a reply');
    if (kase.removedAt || reply.removedAt || reply.hiddenAt) {
      throw new DomainError(ErrorCode.CONFLICT, 'A removed or hidden reply cannot be accepted');
    }
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE replies SET accepted = false WHERE case_id = $1 AND accepted', [kase.id]);
      await manager.getRepository(ReplyEntity).update({ id: reply.id }, { accepted: true });
      await manager.getRepository(CaseEntity).update({ id: kase.id, status: 'OPEN' }, { status: 'ANSWERED' });
    });
    return toReplyModel(await this.dataSource.getRepository(ReplyEntity).findOneByOrFail({ id: reply.id }));
  }

  /** Moderation: hide a reply pending review (PHI flag) or show it again. */
  async setHidden(replyId: string, hidden: boolean, manager: EntityManager): Promise<void> {
    await manager.query(
      hidden
        ? 'UPDATE replies SET hidden_at = coalesce(hidden_at, now()) WHERE id = $1'
        : 'UPDATE replies SET hidden_at = NULL WHERE id = $1',
      [replyId],
    );
  }

  /** Moderation: tombstone a reply on an admin's decision. */
  async tombstone(replyId: string, removedBy: string, manager: EntityManager): Promise<void> {
    await manager.query(
      'UPDATE replies SET removed_at = coalesce(removed_at, now()), removed_by = coalesce(removed_by, $2), accepted = false WHERE id = $1',
      [replyId, removedBy],
    );
  }

  /** A case's replies the viewer may read, oldest first, keyset-paginated. */
  async listForCase(
    caseId: string,
    args: PageArgs,
    viewer: Viewer,
    options: { countTotal: boolean } = { countTotal: true },
  ): Promise<Page<Reply>> {
    const size = pageSize(args);
    const filtered = () => this.readableReplies(viewer).andWhere('r.case_id = :caseId', { caseId });
    const page = filtered()
      .orderBy('r.created_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(size + 1);
    if (args.after) {
      const { at, id } = decodeTimeIdCursor(args.after);
      page.andWhere('(r.created_at, r.id) > (:at, :id)', { at, id });
    }
    const [rows, totalCount] = await Promise.all([
      page.getMany(),
      options.countTotal ? filtered().getCount() : 0,
    ]);
    return toPage(rows, size, totalCount, (row) => [row.createdAt.toISOString(), row.id], toReplyModel);
  }

  /** For DataLoaders: readable replies per case, in one grouped query. */
  async countReadable(caseIds: readonly string[], viewer: Viewer): Promise<number[]> {
    // Hand-written (no query builder): it runs for every case list page that shows reply counts.
    const values: unknown[] = [[...caseIds]];
    const policy = positionalCondition(ReadPolicy.replies('r', 'c', 'f', viewer), values);
    const rows: { case_id: string; n: number }[] = await this.dataSource.query(
      `SELECT r.case_id, count(*)::int AS n
         FROM replies r JOIN cases c ON c.id = r.case_id JOIN forums f ON f.id = c.forum_id
        WHERE r.case_id = ANY($1::uuid[]) AND ${policy}
        GROUP BY r.case_id`,
      values,
    );
    const counts = new Map(rows.map((row) => [row.case_id, row.n]));
    return caseIds.map((id) => counts.get(id) ?? 0);
  }
}
