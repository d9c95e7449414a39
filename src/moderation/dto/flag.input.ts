import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { TEXT_LIMITS } from '../../common/text-limits.js';
import { FlagReason } from '../flag.model.js';

@InputType({ description: 'Give caseId or replyId, not both' })
export class FlagInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  caseId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  replyId?: string;

  @Field(() => FlagReason)
  @IsEnum(FlagReason)
  reason: FlagReason;

  @Field(() => String, { nullable: true, description: 'De-identified before it is stored' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.flagNote)
  note?: string;
}
