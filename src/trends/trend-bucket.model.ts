import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TrendInterval } from './buckets.js';

registerEnumType(TrendInterval, {
  name: 'TrendInterval',
  description: 'Bucket size; buckets are calendar units in UTC (ISO weeks start on Monday)',
});

@ObjectType({ description: 'Cases created in one calendar bucket [start, next start)' })
export class TrendBucket {
  @Field({ description: 'Start of the bucket (UTC midnight; a Monday for weeks, the 1st for months)' })
  start!: Date;

  @Field(() => Int, {
    nullable: true,
    description: 'Number of cases; null when suppressed',
  })
  count!: number | null;

  @Field({
    description:
      'True when the count is withheld: it is from 1 to 10, or publishing it would reveal such a count by subtraction from a broader filter',
  })
  suppressed!: boolean;
}
