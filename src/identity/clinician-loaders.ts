import type { GraphQLContext } from '../graphql/graphql-context.js';
import type { Clinician } from './clinician.model.js';
import type { CliniciansService } from './clinicians.service.js';

/** Batches every clinician lookup of one request into a single query. */
export function loadClinician(
  context: GraphQLContext,
  clinicians: CliniciansService,
  id: string,
): Promise<Clinician | null> {
  return context.loaders
    .get<string, Clinician | null>('clinician.byId', (ids) => clinicians.findByIds(ids))
    .load(id);
}
