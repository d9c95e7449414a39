import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength } from 'class-validator';
import { TEXT_LIMITS } from '../common/text-limits.js';

@ArgsType()
export class PreviewArgs {
  @Field()
  @IsString()
  @MaxLength(TEXT_LIMITS.caseBody)
  text: string;
}
