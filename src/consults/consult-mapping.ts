import { ConsultOfferEntity } from './consult-offer.entity.js';
import { ConsultRequest, ConsultStatus } from './consult-request.model.js';

export function toConsultModel(row: ConsultOfferEntity): ConsultRequest {
  return {
    id: row.id,
    caseId: row.caseId,
    specialistId: row.specialistId,
    specialtyCode: row.specialtyCode,
    status: row.status as ConsultStatus,
    offeredAt: row.offeredAt,
    dueAt: row.dueAt,
    respondedAt: row.respondedAt,
    question: row.question,
  };
}
