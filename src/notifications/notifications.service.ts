import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Viewer } from '../access-policy/viewer.js';
import { isUuid } from '../common/uuid.js';
import { returningRows } from '../database/returning-rows.js';
import { toConsultModel } from '../consults/consult-mapping.js';
import { ConsultOfferEntity } from '../consults/consult-offer.entity.js';
import type { ConsultRequest } from '../consults/consult-request.model.js';
import { DomainEvents } from '../events/domain-events.js';
import { decodeTimeIdCursor, type Page, pageSize, toPage } from '../graphql/connection.js';
import { NotificationEntity } from './notification.entity.js';
import { Notification, NotificationKind, type NotificationsArgs } from './notification.model.js';

function toNotificationModel(row: NotificationEntity): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    createdAt: row.createdAt,
    readAt: row.readAt,
    caseId: row.caseId,
    consultId: row.consultId,
    replyId: row.replyId,
  };
}

/**
 * The notifications inbox. Rows are written from committed domain events (ids only) and read back by
 * their recipient alone; what they point at is re-read through the read policy when displayed.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  private queued: { row: (string | null)[]; resolve: () => void; reject: (error: unknown) => void }[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: DomainEvents,
  ) {}

  onModuleInit(): void {
    this.events.on('consult.offered', ({ offerId, caseId, specialistId }) =>
      this.record(specialistId, NotificationKind.CONSULT_OFFERED, { caseId, consultId: offerId }),
    );
    this.events.on('consult.info_requested', ({ offerId, caseId, authorId }) =>
      this.record(authorId, NotificationKind.INFO_REQUESTED, { caseId, consultId: offerId }),
    );
    // The case author hears of every reply but their own.
    this.events.on('reply.posted', async ({ replyId, caseId, authorId }) => {
      await this.dataSource.query(
        `INSERT INTO notifications (recipient_id, kind, case_id, reply_id)
         SELECT c.author_id, $1, c.id, $3 FROM cases c WHERE c.id = $2 AND c.author_id <> $4`,
        [NotificationKind.CASE_REPLIED, caseId, replyId, authorId],
      );
    });
    // Matching already kept only watchers who may read the case, once per watch and case. A common
    // term can match thousands of watches at once: they are written together, like consult notices.
    this.events.on('watch.matched', ({ caseId, watcherId }) =>
      this.record(watcherId, NotificationKind.WATCH_MATCHED, { caseId, consultId: null }),
    );
  }

  /**
   * Queues one notification; those queued in the same turn of the event loop (the offers of one post,
   * the watches one case matched, often several posts under load) are written in one statement.
   */
  private record(
    recipientId: string,
    kind: NotificationKind,
    about: { caseId: string; consultId: string | null },
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queued.push({ row: [recipientId, kind, about.caseId, about.consultId], resolve, reject });
      if (this.queued.length === 1) setImmediate(() => void this.writeQueued());
    });
  }

  private async writeQueued(): Promise<void> {
    const batch = this.queued;
    this.queued = [];
    const column = (i: number) => batch.map((entry) => entry.row[i]);
    try {
      await this.dataSource.query(
        `INSERT INTO notifications (recipient_id, kind, case_id, consult_id)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::uuid[])`,
        [column(0), column(1), column(2), column(3)],
      );
      for (const entry of batch) entry.resolve();
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    }
  }

  /** The recipient's inbox, newest first, keyset-paginated on (created_at, id). */
  async list(recipientId: string, args: NotificationsArgs): Promise<Page<Notification>> {
    const size = pageSize(args);
    const filtered = () => {
      const qb = this.dataSource
        .getRepository(NotificationEntity)
        .createQueryBuilder('n')
        .where('n.recipient_id = :recipientId', { recipientId });
      if (args.unreadOnly) qb.andWhere('n.read_at IS NULL');
      return qb;
    };
    const page = filtered()
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(size + 1);
    if (args.after) {
      const { at, id } = decodeTimeIdCursor(args.after);
      page.andWhere('(n.created_at, n.id) < (:at, :id)', { at, id });
    }
    const [rows, totalCount] = await Promise.all([page.getMany(), filtered().getCount()]);
    return toPage(
      rows,
      size,
      totalCount,
      (row) => [row.createdAt.toISOString(), row.id],
      toNotificationModel,
    );
  }

  async unreadCount(recipientId: string): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(
      'SELECT count(*)::int AS n FROM notifications WHERE recipient_id = $1 AND read_at IS NULL',
      [recipientId],
    );
    return rows[0].n;
  }

  /** Marks the recipient's own unread notifications read (these ids, or all); returns how many changed. */
  async markRead(recipientId: string, ids: readonly string[] | null | undefined): Promise<number> {
    if (ids) {
      const valid = [...new Set(ids.filter(isUuid))];
      if (!valid.length) return 0;
      const result = await this.dataSource.query(
        `UPDATE notifications SET read_at = now()
          WHERE recipient_id = $1 AND read_at IS NULL AND id = ANY($2::uuid[]) RETURNING id`,
        [recipientId, valid],
      );
      return returningRows(result).length;
    }
    const result = await this.dataSource.query(
      'UPDATE notifications SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL RETURNING id',
      [recipientId],
    );
    return returningRows(result).length;
  }

  /**
   * For DataLoaders: the consult offers among these ids that the viewer may see (the offered specialist,
   * the author of the case, admins), null for the others.
   */
  async consultsFor(ids: readonly string[], viewer: Viewer): Promise<(ConsultRequest | null)[]> {
    const valid = ids.filter(isUuid);
    if (!viewer.id || !valid.length) return ids.map(() => null);
    const { entities, raw } = await this.dataSource
      .getRepository(ConsultOfferEntity)
      .createQueryBuilder('o')
      .innerJoin('cases', 'c', 'c.id = o.case_id')
      .addSelect('c.author_id', 'case_author_id')
      .where({ id: In(valid) })
      .getRawAndEntities<{ o_id: string; case_author_id: string }>();
    const authors = new Map(raw.map((row) => [row.o_id, row.case_author_id]));
    const visible = new Map(
      entities
        .filter((row) => viewer.admin || row.specialistId === viewer.id || authors.get(row.id) === viewer.id)
        .map((row) => [row.id, toConsultModel(row)]),
    );
    return ids.map((id) => visible.get(id) ?? null);
  }
}
