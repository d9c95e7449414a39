import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Case } from '../cases/case.model.js';
import { Connection } from '../graphql/connection.js';
import { Clinician } from '../identity/clinician.model.js';

@ObjectType('Reply')
export class Reply {
  @Field(() => ID)
  id: string;

  @Field(() => Case)
  case?: Case;

  caseId: string;

  @Field(() => Clinician)
  author?: Clinician;

  authorId: string;

  @Field({ description: 'De-identified' })
  body: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  editedAt: Date | null;

  @Field({ description: 'Accepted by the case author as the answer' })
  accepted: boolean;

  @Field({
    description: 'True while a PHI flag hides the reply pending review (seen by its author and admins only)',
  })
  hidden: boolean;
}

export const ReplyConnection = Connection(Reply, 'Reply');
