import { Field, Float, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsDate } from 'class-validator';
import { Specialty } from '../specialties/specialty.model.js';

@InputType()
export class ConsultMetricsInput {
  @Field({ description: 'Cases posted from this instant' })
  @IsDate()
  from: Date;

  @Field({ description: 'up to this instant' })
  @IsDate()
  to: Date;
}

@ObjectType('OutcomeCount')
export class OutcomeCount {
  @Field()
  outcome: string;

  @Field(() => Int)
  cases: number;
}

@ObjectType('SpecialtyConsultMetrics', {
  description: 'How fast a specialty answers and what its consults achieve, for cases posted in the window',
})
export class SpecialtyConsultMetrics {
  @Field(() => Specialty)
  specialty: Specialty;

  @Field(() => Int, { description: 'Cases routed to this specialty' })
  cases: number;

  @Field(() => Int)
  offers: number;

  @Field(() => Int, { description: 'Cases where at least one offered specialist responded' })
  casesResponded: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Median hours from post to the first specialist response',
  })
  medianHoursToFirstResponse: number | null;

  @Field(() => Float, { nullable: true, description: '90th percentile of the same' })
  p90HoursToFirstResponse: number | null;

  @Field(() => [OutcomeCount], { description: 'Outcomes recorded by authors who closed their case' })
  outcomes: OutcomeCount[];
}
