import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Caller } from '../auth/caller.js';
import { DomainError } from '../common/domain-error.js';
import { DomainEvents } from '../events/domain-events.js';
import { RedactionService } from '../redaction/redaction.service.js';
import { ConsultOffersService, type NewOffer } from '../routing/consult-offers.service.js';
import { ConsultQueriesService } from './consult-queries.service.js';
import { ConsultRequest } from './consult-request.model.js';

/** The specialist's side of a consult, and the expiry sweep; events go out after each commit. */
@Injectable()
export class ConsultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly offers: ConsultOffersService,
    private readonly queries: ConsultQueriesService,
    private readonly redaction: RedactionService,
    private readonly events: DomainEvents,
  ) {}

  async respond(caller: Caller, offerId: string, accept: boolean): Promise<ConsultRequest> {
    const rerouted = await this.dataSource.transaction((manager) =>
      this.offers.respond(offerId, caller.id, accept, manager),
    );
    this.announce(rerouted);
    return (await this.queries.findById(offerId))!;
  }

  async requestMoreInfo(caller: Caller, offerId: string, question: string): Promise<ConsultRequest> {
    const text = this.redaction.redact(question).text;
    const caseId = await this.dataSource.transaction((manager) =>
      this.offers.requestInfo(offerId, caller.id, text, manager),
    );
    const rows: { author_id: string }[] = await this.dataSource.query(
      'SELECT author_id FROM cases WHERE id = $1',
      [caseId],
    );
    if (!rows[0]) throw DomainError.notFound('Case');
    this.events.emit('consult.info_requested', { offerId, caseId, authorId: rows[0].author_id });
    return (await this.queries.findById(offerId))!;
  }

  /** Expires every offer due by `now` (in batches) and re-routes; returns how many expired. */
  async expireDue(now: Date = new Date()): Promise<number> {
    let total = 0;
    for (;;) {
      const { expired, offers } = await this.dataSource.transaction((manager) =>
        this.offers.expireDue(now, manager),
      );
      this.announce(offers);
      total += expired;
      if (expired === 0) return total;
    }
  }

  private announce(offers: NewOffer[]): void {
    for (const offer of offers) {
      this.events.emit('consult.offered', {
        offerId: offer.offerId,
        caseId: offer.caseId,
        specialistId: offer.specialistId,
      });
    }
  }
}
