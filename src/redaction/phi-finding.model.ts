import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PhiKind } from '../deidentification/deidentify.js';

registerEnumType(PhiKind, {
  name: 'PhiKind',
  description: 'Kinds of identifier the de-identification engine removes',
});

@ObjectType('PhiFinding', {
  description: 'One removed identifier: where it was in the submitted text, and what replaced it',
})
export class PhiFinding {
  @Field(() => PhiKind)
  kind: PhiKind;

  @Field(() => Int, {
    description: 'Offset of the first character, in UTF-16 code units of the submitted text',
  })
  start: number;

  @Field(() => Int, { description: 'Offset just past the last character' })
  end: number;

  @Field({ description: 'The placeholder stored instead, e.g. [NAME]' })
  replacement: string;

  @Field(() => String, {
    nullable: true,
    description: 'Which input field it was found in (title, body), when there are several',
  })
  field?: string | null;
}

@ObjectType('DeidentificationResult')
export class DeidentificationResult {
  @Field({ description: 'The text as it would be stored' })
  text: string;

  @Field(() => [PhiFinding])
  findings: PhiFinding[];
}
