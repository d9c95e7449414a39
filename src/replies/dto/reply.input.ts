import { Field, ID, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { TEXT_LIMITS } from '../../common/text-limits.js';

@InputType()
export class ReplyInput {
  @Field(() => ID)
  @IsString()
  caseId: string;

  @Field({ description: 'De-identified before it is stored' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, TEXT_LIMITS.reply)
  body: string;
}
