import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { ReadPolicy } from '../access-policy/read-policy.js';
import type { Viewer } from '../access-policy/viewer.js';
import { isUuid } from '../common/uuid.js';
import { decodeTimeIdCursor, Page, PageArgs, pageSize, toPage } from '../graphql/connection.js';
import { toConsultModel } from './consult-mapping.js';
import { ConsultOfferEntity } from './consult-offer.entity.js';
import { ConsultRequest, ConsultStatus } from './consult-request.model.js';

/** Reads of consult offers. Who may see an offer: the offered specialist, the case author and admins. */
@Injectable()
export class ConsultQueriesService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<ConsultRequest | null> {
    if (!isUuid(id)) return null;
    const row = await this.dataSource.getRepository(ConsultOfferEntity).findOneBy({ id });
    return row ? toConsultModel(row) : null;
  }

  /**
   * The specialist's inbox, newest first. Offers whose case the specialist can no longer read (removed,
   * hidden after a PHI flag, or private after their verification lapsed) are left out, like every read.
   */
  async inbox(
    viewer: Viewer,
    status: ConsultStatus | undefined,
    args: PageArgs,
  ): Promise<Page<ConsultRequest>> {
    const size = pageSize(args);
    const policy = ReadPolicy.cases('c', 'f', viewer);
    const filtered = () => {
      const qb = this.dataSource
        .getRepository(ConsultOfferEntity)
        .createQueryBuilder('o')
        .innerJoin('cases', 'c', 'c.id = o.case_id')
        .innerJoin('forums', 'f', 'f.id = c.forum_id')
        .where('o.specialist_id = :specialistId', { specialistId: viewer.id })
        .andWhere(policy.sql, policy.params);
      if (status) qb.andWhere('o.status = :status', { status });
      return qb;
    };
    const page = filtered()
      .orderBy('o.offered_at', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .limit(size + 1);
    if (args.after) {
      const { at, id } = decodeTimeIdCursor(args.after);
      page.andWhere('(o.offered_at, o.id) < (:at, :id)', { at, id });
    }
    const [rows, totalCount] = await Promise.all([page.getMany(), filtered().getCount()]);
    return toPage(rows, size, totalCount, (row) => [row.offeredAt.toISOString(), row.id], toConsultModel);
  }

  /**
   * For DataLoaders: each case's offers as this viewer may see them. The author of the case and admins
   * see all of them; an offered specialist sees their own; anyone else sees none.
   */
  async forCases(
    cases: readonly { id: string; authorId: string }[],
    viewer: Viewer,
  ): Promise<ConsultRequest[][]> {
    if (!viewer.id) return cases.map(() => []);
    const rows = await this.dataSource
      .getRepository(ConsultOfferEntity)
      .find({ where: { caseId: In(cases.map((c) => c.id)) }, order: { offeredAt: 'ASC', id: 'ASC' } });
    return cases.map((kase) => {
      const all = rows.filter((row) => row.caseId === kase.id);
      const seesAll = viewer.admin || kase.authorId === viewer.id;
      return (seesAll ? all : all.filter((row) => row.specialistId === viewer.id)).map(toConsultModel);
    });
  }
}
