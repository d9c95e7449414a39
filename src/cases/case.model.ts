import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Connection } from '../graphql/connection.js';
import { Clinician } from '../identity/clinician.model.js';
import { PhiFinding } from '../redaction/phi-finding.model.js';
import { Specialty } from '../specialties/specialty.model.js';
import { Forum } from '../forums/forum.model.js';
import { CaseStatus, CaseUrgency, ConsultOutcome } from './case.enums.js';

@ObjectType('Case', {
  description: 'A de-identified case. Text fields hold what the engine stored, never the raw input.',
})
export class Case {
  @Field(() => ID)
  id: string;

  @Field(() => Forum)
  forum?: Forum;

  forumId: string;

  @Field(() => Clinician)
  author?: Clinician;

  authorId: string;

  @Field()
  title: string;

  @Field()
  body: string;

  @Field(() => CaseUrgency)
  urgency: CaseUrgency;

  @Field(() => CaseStatus)
  status: CaseStatus;

  @Field(() => Int, { description: 'Pass as editCase expectedVersion' })
  version: number;

  @Field(() => [Specialty])
  specialties?: Specialty[];

  @Field(() => [String])
  tags: string[];

  @Field({
    description: 'True when the author named no specialty and they were inferred from the text for routing',
  })
  specialtiesInferred: boolean;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  editedAt: Date | null;

  @Field(() => ConsultOutcome, { nullable: true })
  outcome: ConsultOutcome | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Set when the case was removed (seen by its author and admins only)',
  })
  removedAt: Date | null;

  @Field({
    description: 'True while a PHI flag hides the case pending review (seen by its author and admins only)',
  })
  hidden: boolean;
}

@ObjectType('CaseRevision')
export class CaseRevision {
  @Field(() => Int)
  version: number;

  @Field()
  title: string;

  @Field()
  body: string;

  @Field(() => [String])
  tags: string[];

  @Field()
  editedAt: Date;

  @Field(() => Clinician)
  editor?: Clinician;

  editorId: string;
}

@ObjectType('PostCasePayload')
export class PostCasePayload {
  @Field(() => Case)
  case: Case;

  @Field(() => [PhiFinding], { description: 'What de-identification removed from the title and body' })
  redactions: PhiFinding[];
}

export const CaseConnection = Connection(Case, 'Case');
