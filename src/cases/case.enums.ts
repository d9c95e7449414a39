import { registerEnumType } from '@nestjs/graphql';

export enum CaseUrgency {
  ROUTINE = 'ROUTINE',
  URGENT = 'URGENT',
}

export enum CaseStatus {
  OPEN = 'OPEN',
  ANSWERED = 'ANSWERED',
  RESOLVED = 'RESOLVED',
}

export enum ConsultOutcome {
  ADVICE_ONLY = 'ADVICE_ONLY',
  REFERRAL_AVOIDED = 'REFERRAL_AVOIDED',
  REFERRAL_STILL_NEEDED = 'REFERRAL_STILL_NEEDED',
  REFERRAL_NEWLY_PROMPTED = 'REFERRAL_NEWLY_PROMPTED',
}

registerEnumType(CaseUrgency, { name: 'CaseUrgency' });
registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: 'ANSWERED once the author accepts a reply; RESOLVED once the author closes it with an outcome',
});
registerEnumType(ConsultOutcome, { name: 'ConsultOutcome' });
