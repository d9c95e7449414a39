import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Min } from 'class-validator';
import { IsCaseBody, IsCaseTitle, IsSpecialtyCodeList, IsTagList } from './case-text.validators.js';

@InputType({ description: 'Fields left out stay as they are' })
export class EditCaseInput {
  @Field({ nullable: true })
  @IsOptional()
  @IsCaseTitle()
  title?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsCaseBody()
  body?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsTagList()
  tags?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsSpecialtyCodeList()
  specialtyCodes?: string[];

  @Field(() => ID, { nullable: true, description: 'Move the case to another forum (author only)' })
  @IsOptional()
  @IsString()
  forumId?: string;

  @Field(() => Int, { description: 'The version you edited; CONFLICT if the case changed since' })
  @IsInt()
  @Min(1)
  expectedVersion: number;
}
