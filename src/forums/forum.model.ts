import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum ForumVisibility {
  OPEN = 'OPEN',
  PRIVATE = 'PRIVATE',
}

registerEnumType(ForumVisibility, {
  name: 'ForumVisibility',
  description: 'OPEN: anyone may read. PRIVATE: verified clinicians only.',
});

@ObjectType('Forum')
export class Forum {
  @Field(() => ID)
  id: string;

  @Field()
  slug: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => ForumVisibility)
  visibility: ForumVisibility;

  @Field(() => Int, { description: 'Cases in this forum that you may read' })
  caseCount?: number;

  @Field()
  createdAt: Date;
}
