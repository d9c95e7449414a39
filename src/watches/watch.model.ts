import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Case } from '../cases/case.model.js';

@ObjectType('Watch', {
  description: 'A keyword watch: new or edited cases matching its full-text query are announced to its owner',
})
export class Watch {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The full-text query, as its owner wrote it (same syntax as case search)' })
  query: string;

  @Field()
  createdAt: Date;
}

@ObjectType('WatchMatch', { description: 'A case that matched one of your watches' })
export class WatchMatch {
  @Field(() => Watch)
  watch: Watch;

  @Field(() => Case)
  case: Case;
}
