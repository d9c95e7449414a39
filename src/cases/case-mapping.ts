import { CaseEntity } from './case.entity.js';
import { CaseStatus, CaseUrgency, ConsultOutcome } from './case.enums.js';
import { Case } from './case.model.js';

export function toCaseModel(entity: CaseEntity): Case {
  return {
    id: entity.id,
    forumId: entity.forumId,
    authorId: entity.authorId,
    title: entity.title,
    body: entity.body,
    urgency: entity.urgency as CaseUrgency,
    status: entity.status as CaseStatus,
    version: entity.version,
    tags: entity.tags,
    specialtiesInferred: entity.specialtiesInferred,
    createdAt: entity.createdAt,
    editedAt: entity.editedAt,
    outcome: entity.outcome as ConsultOutcome | null,
    removedAt: entity.removedAt,
    hidden: entity.hiddenAt !== null,
  };
}
