import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Case } from '../cases/case.model.js';
import { Connection } from '../graphql/connection.js';
import { Clinician } from '../identity/clinician.model.js';
import { Reply } from '../replies/reply.model.js';

export enum FlagReason {
  PHI = 'PHI',
  INAPPROPRIATE = 'INAPPROPRIATE',
  MISINFORMATION = 'MISINFORMATION',
  OTHER = 'OTHER',
}

export enum FlagStatus {
  OPEN = 'OPEN',
  DISMISSED = 'DISMISSED',
  CONTENT_REMOVED = 'CONTENT_REMOVED',
}

export enum FlagResolution {
  DISMISS = 'DISMISS',
  REMOVE_CONTENT = 'REMOVE_CONTENT',
}

registerEnumType(FlagReason, {
  name: 'FlagReason',
  description: 'PHI hides the content at once until an admin reviews it',
});
registerEnumType(FlagStatus, { name: 'FlagStatus' });
registerEnumType(FlagResolution, {
  name: 'FlagResolution',
  description: 'DISMISS restores hidden content; REMOVE_CONTENT tombstones it',
});

@ObjectType('Flag')
export class Flag {
  @Field(() => ID)
  id: string;

  @Field(() => FlagReason)
  reason: FlagReason;

  @Field(() => String, { nullable: true, description: 'De-identified' })
  note: string | null;

  @Field(() => FlagStatus)
  status: FlagStatus;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt: Date | null;

  @Field(() => Clinician)
  reporter?: Clinician;

  @Field(() => Case, { nullable: true })
  case?: Case | null;

  @Field(() => Reply, { nullable: true })
  reply?: Reply | null;

  reporterId: string;
  caseId: string | null;
  replyId: string | null;
}

export const FlagConnection = Connection(Flag, 'Flag');
