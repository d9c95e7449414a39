import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsString } from 'class-validator';
import { FlagResolution } from '../flag.model.js';

@InputType()
export class ResolveFlagInput {
  @Field(() => ID)
  @IsString()
  flagId: string;

  @Field(() => FlagResolution)
  @IsEnum(FlagResolution)
  resolution: FlagResolution;
}
