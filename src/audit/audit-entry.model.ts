import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Clinician } from '../identity/clinician.model.js';
import { Connection } from '../graphql/connection.js';

@ObjectType('AuditEntry')
export class AuditEntry {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field(() => Clinician, { nullable: true, description: 'Who acted; null for anonymous or system actions' })
  actor?: Clinician | null;

  /** Resolved into `actor` by a field resolver. */
  actorId: string | null;

  @Field()
  action: string;

  @Field(() => String, { nullable: true })
  targetType: string | null;

  @Field(() => String, { nullable: true })
  targetId: string | null;

  @Field(() => String, { nullable: true })
  detail: string | null;
}

export const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry');
