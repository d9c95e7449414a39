import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class RemoveCaseArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field(() => String, { nullable: true, description: 'Kept for admins, de-identified' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
