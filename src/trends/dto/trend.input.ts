import { Field, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { TrendInterval } from '../buckets.js';
import { TREND_LIMITS } from '../trend-limits.js';

@InputType({ description: 'Which cases to count, and over which aligned calendar range' })
export class TrendInput {
  @Field({ nullable: true, description: 'Full-text query (web-search syntax), as in cases(filter.query)' })
  @IsOptional()
  @IsString()
  @MaxLength(TREND_LIMITS.query)
  query?: string;

  @Field({ nullable: true, description: 'Only cases tagged with this specialty' })
  @IsOptional()
  @IsString()
  @MaxLength(TREND_LIMITS.specialtyCode)
  specialtyCode?: string;

  @Field({ description: 'Start of the first bucket (inclusive); must be aligned to the interval' })
  @IsDate()
  from!: Date;

  @Field({ description: 'End of the last bucket (exclusive); must be aligned to the interval' })
  @IsDate()
  to!: Date;

  @Field(() => TrendInterval, { nullable: true, defaultValue: TrendInterval.DAY })
  @IsOptional()
  @IsEnum(TrendInterval)
  interval?: TrendInterval;
}
