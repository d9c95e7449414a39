import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Specialty', { description: 'A clinical specialty; code is stable and lowercase.' })
export class Specialty {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'SNOMED CT clinical specialty code' })
  snomedCode: string | null;
}
