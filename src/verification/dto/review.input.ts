import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

@InputType()
export class ReviewInput {
  @Field(() => ID)
  @IsString()
  requestId: string;

  @Field()
  @IsBoolean()
  approve: boolean;

  @Field(() => String, { nullable: true, description: 'Shown to the clinician; required when rejecting' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 500)
  reason?: string | null;
}
