import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from '../access-policy/viewer.js';
import { AuditAction } from '../audit/audit-action.js';
import { AuditService } from '../audit/audit.service.js';
import type { Caller } from '../auth/caller.js';
import { DomainError, ErrorCode } from '../common/domain-error.js';
import { returningRows } from '../database/returning-rows.js';
import { ForumVisibility } from '../forums/forum.model.js';
import { ForumsService } from '../forums/forums.service.js';
import { RedactionService } from '../redaction/redaction.service.js';
import { SpecialtiesService } from '../specialties/specialties.service.js';
import type { Specialty } from '../specialties/specialty.model.js';
import { DomainEvents } from '../events/domain-events.js';
import { ConsultOffersService, type NewOffer, routingOrder } from '../routing/consult-offers.service.js';
import { inferSpecialties } from '../routing/specialty-inference.js';
import { toCaseModel } from './case-mapping.js';
import { CaseQueriesService } from './case-queries.service.js';
import { CaseRevisionEntity } from './case-revision.entity.js';
import { CaseSpecialtyEntity } from './case-specialty.entity.js';
import { CaseEntity } from './case.entity.js';
import { CaseUrgency, ConsultOutcome } from './case.enums.js';
import { Case, PostCasePayload } from './case.model.js';
import { EditCaseInput } from './dto/edit-case.input.js';
import { PostCaseInput } from './dto/post-case.input.js';
import { insertNewCase } from './new-case.statement.js';

/**
 * Posting, editing and removing cases. Title and body are de-identified here, before anything touches
 * the database; the raw input is not kept, logged or echoed.
 */
@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: CaseQueriesService,
    private readonly forums: ForumsService,
    private readonly specialties: SpecialtiesService,
    private readonly redaction: RedactionService,
    private readonly audit: AuditService,
    private readonly routing: ConsultOffersService,
    private readonly events: DomainEvents,
  ) {}

  /** Posts a case; also returns its specialties (for the response, without reading them back). */
  async post(
    author: Caller,
    viewer: Viewer,
    input: PostCaseInput,
  ): Promise<PostCasePayload & { specialties: Specialty[] }> {
    const specialtyCodes = await this.specialties.assertCodesExist(
      input.specialtyCodes ?? [],
      'input.specialtyCodes',
    );
    const tags = input.tags ?? [];
    this.redaction.assertNoPhi(tags, 'input.tags');
    const { texts, findings } = this.redaction.redactFields({ title: input.title, body: input.body });
    // With no specialty named, route by what the (de-identified) text is about, and say so.
    const inferred = specialtyCodes.length === 0;
    const routedCodes = inferred ? inferSpecialties(`${texts.title}\n${texts.body}`) : specialtyCodes;
    const urgency = (input.urgency ?? CaseUrgency.ROUTINE) as CaseEntity['urgency'];

    const { created, offers } = await this.dataSource.transaction(async (manager) => {
      // The forum is checked by the insert itself: an unknown or unreadable one writes nothing.
      const created = await insertNewCase(
        manager,
        {
          forumId: input.forumId,
          authorId: author.id,
          title: texts.title,
          body: texts.body,
          urgency,
          tags,
          specialtyCodes: routedCodes,
          specialtiesInferred: inferred && routedCodes.length > 0,
          routingLock: routingOrder(routedCodes)[0],
        },
        viewer,
      );
      if (!created)
        throw new DomainError(ErrorCode.NOT_FOUND, 'Forum not found', { fields: ['input.forumId'] });
      const offers = await this.routing.routeCase(
        { caseId: created.id, authorId: author.id, urgency, specialtyCodes: routedCodes },
        manager,
        undefined,
        { firstSpecialtyLocked: true },
      );
      return { created, offers };
    });
    this.announceOffers(offers);
    this.events.emit('case.changed', { caseId: created.id });
    // In code order, as Case.specialties reads them.
    const specialties = await this.specialties.findByCodes([...routedCodes].sort());
    return { case: toCaseModel(created), redactions: findings, specialties };
  }

  async edit(editor: Caller, viewer: Viewer, caseId: string, input: EditCaseInput): Promise<Case> {
    const current = await this.queries.findReadable(caseId, viewer);
    if (!current) throw DomainError.notFound('Case');
    if (current.authorId !== editor.id) throw DomainError.forbidden('Only the author may edit a case');
    if (current.removedAt) throw new DomainError(ErrorCode.CONFLICT, 'A removed case cannot be edited');

    const oldForum = (await this.forums.findByIds([current.forumId]))[0]!;
    // Fields left out, or given as null, stay as they are.
    const newForum =
      input.forumId != null && input.forumId !== current.forumId
        ? await this.forums.findReadable(input.forumId, viewer)
        : oldForum;
    if (!newForum)
      throw new DomainError(ErrorCode.NOT_FOUND, 'Forum not found', { fields: ['input.forumId'] });
    const specialtyCodes =
      input.specialtyCodes == null
        ? undefined
        : await this.specialties.assertCodesExist(input.specialtyCodes, 'input.specialtyCodes');
    const tags = input.tags ?? current.tags;
    this.redaction.assertNoPhi(tags, 'input.tags');
    const title = input.title == null ? current.title : this.redaction.redact(input.title).text;
    const body = input.body == null ? current.body : this.redaction.redact(input.body).text;

    const { updated, offers } = await this.dataSource.transaction(async (manager) => {
      // Optimistic concurrency: the update only applies to the version the editor saw.
      const result = await manager.query(
        `UPDATE cases SET title = $3, body = $4, tags = $5, forum_id = $6, version = version + 1, edited_at = now()
          WHERE id = $1 AND version = $2 AND removed_at IS NULL RETURNING version`,
        [caseId, input.expectedVersion, title, body, tags, newForum.id],
      );
      const version = returningRows<{ version: number }>(result)[0]?.version;
      if (version === undefined) {
        throw new DomainError(
          ErrorCode.CONFLICT,
          'The case changed since the version you edited; reload it and try again',
          {
            fields: ['input.expectedVersion'],
          },
        );
      }
      let offers: NewOffer[] = [];
      if (specialtyCodes) {
        const previous = await this.specialtyCodesOf(caseId, manager);
        await this.replaceSpecialties(caseId, specialtyCodes, manager);
        await manager.getRepository(CaseEntity).update({ id: caseId }, { specialtiesInferred: false });
        // Specialties added by an edit are routed like those of a new post.
        const added = specialtyCodes.filter((code) => !previous.includes(code));
        if (current.status !== 'RESOLVED') {
          offers = await this.routing.routeCase(
            { caseId, authorId: current.authorId, urgency: current.urgency, specialtyCodes: added },
            manager,
          );
        }
      }
      await this.recordRevision(manager, caseId, version, title, body, tags, newForum.id, editor.id);
      if (oldForum.visibility === ForumVisibility.PRIVATE && newForum.visibility === ForumVisibility.OPEN) {
        await this.audit.record(
          {
            action: AuditAction.CASE_MOVED_TO_WIDER_AUDIENCE,
            actorId: editor.id,
            targetType: 'case',
            targetId: caseId,
            detail: `moved from private forum ${oldForum.slug} to open forum ${newForum.slug}`,
          },
          manager,
        );
      }
      return { updated: await manager.getRepository(CaseEntity).findOneByOrFail({ id: caseId }), offers };
    });
    this.announceOffers(offers);
    this.events.emit('case.changed', { caseId });
    return toCaseModel(updated);
  }

  /** Tombstones a case (author or admin); it and its history stay for admins. */
  async remove(
    remover: Caller,
    viewer: Viewer,
    caseId: string,
    reason: string | undefined,
  ): Promise<boolean> {
    const current = await this.queries.findReadable(caseId, viewer);
    if (!current) throw DomainError.notFound('Case');
    if (current.authorId !== remover.id && !viewer.admin) {
      throw DomainError.forbidden('Only the author or an admin may remove a case');
    }
    if (current.removedAt) return true;
    const removalReason = reason ? this.redaction.redact(reason).text : null;
    await this.dataSource.transaction(async (manager) => {
      await manager
        .getRepository(CaseEntity)
        .update({ id: caseId }, { removedAt: new Date(), removedBy: remover.id, removalReason });
      await this.audit.record(
        {
          action: AuditAction.CASE_REMOVED,
          actorId: remover.id,
          targetType: 'case',
          targetId: caseId,
          detail: current.authorId === remover.id ? 'removed by its author' : 'removed by an admin',
        },
        manager,
      );
    });
    return true;
  }

  /** The author closes the case with the consult's outcome; open offers end. */
  async close(caller: Caller, viewer: Viewer, caseId: string, outcome: ConsultOutcome): Promise<Case> {
    const current = await this.queries.findReadable(caseId, viewer);
    if (!current) throw DomainError.notFound('Case');
    if (current.authorId !== caller.id) throw DomainError.forbidden('Only the author may close a case');
    if (current.removedAt) throw new DomainError(ErrorCode.CONFLICT, 'A removed case cannot be closed');
    if (current.status === 'RESOLVED')
      throw new DomainError(ErrorCode.CONFLICT, 'This case is already closed');
    const closed = await this.dataSource.transaction(async (manager) => {
      await manager
        .getRepository(CaseEntity)
        .update({ id: caseId }, { status: 'RESOLVED', outcome, closedAt: new Date() });
      await this.routing.closeOpenOffers(caseId, manager);
      return manager.getRepository(CaseEntity).findOneByOrFail({ id: caseId });
    });
    return toCaseModel(closed);
  }

  /** Moderation: hide a case pending review (PHI flag) or show it again. */
  async setHidden(caseId: string, hidden: boolean, manager: EntityManager): Promise<void> {
    await manager.query(
      hidden
        ? 'UPDATE cases SET hidden_at = coalesce(hidden_at, now()) WHERE id = $1'
        : 'UPDATE cases SET hidden_at = NULL WHERE id = $1',
      [caseId],
    );
  }

  /** Moderation: tombstone a case on an admin's decision. */
  async tombstone(caseId: string, removedBy: string, manager: EntityManager): Promise<void> {
    await manager.query(
      "UPDATE cases SET removed_at = coalesce(removed_at, now()), removed_by = coalesce(removed_by, $2), removal_reason = coalesce(removal_reason, 'removed by moderation') WHERE id = $1",
      [caseId, removedBy],
    );
  }

  /** After commit: real-time delivery and notifications for each new offer. */
  private announceOffers(offers: NewOffer[]): void {
    for (const offer of offers) {
      this.events.emit('consult.offered', {
        offerId: offer.offerId,
        caseId: offer.caseId,
        specialistId: offer.specialistId,
      });
    }
  }

  private async specialtyCodesOf(caseId: string, manager: EntityManager): Promise<string[]> {
    return (await manager.getRepository(CaseSpecialtyEntity).findBy({ caseId })).map(
      (link) => link.specialtyCode,
    );
  }

  private async replaceSpecialties(caseId: string, codes: string[], manager: EntityManager): Promise<void> {
    await manager.getRepository(CaseSpecialtyEntity).delete({ caseId });
    await this.insertSpecialtyLinks(caseId, codes, manager);
  }

  private async insertSpecialtyLinks(caseId: string, codes: string[], manager: EntityManager): Promise<void> {
    if (codes.length)
      await manager
        .getRepository(CaseSpecialtyEntity)
        .insert(codes.map((specialtyCode) => ({ caseId, specialtyCode })));
  }

  private async recordRevision(
    manager: EntityManager,
    caseId: string,
    version: number,
    title: string,
    body: string,
    tags: string[],
    forumId: string,
    editorId: string,
  ): Promise<void> {
    await manager
      .getRepository(CaseRevisionEntity)
      .insert({ caseId, version, title, body, tags, forumId, editorId, editedAt: new Date() });
  }
}
