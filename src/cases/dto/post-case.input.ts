import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString } from 'class-validator';
import { CaseUrgency } from '../case.enums.js';
import { IsCaseBody, IsCaseTitle, IsSpecialtyCodeList, IsTagList } from './case-text.validators.js';

@InputType()
export class PostCaseInput {
  @Field(() => ID)
  @IsString()
  forumId: string;

  @Field({ description: 'De-identified before it is stored' })
  @IsCaseTitle()
  title: string;

  @Field({ description: 'De-identified before it is stored' })
  @IsCaseBody()
  body: string;

  @Field(() => CaseUrgency, { nullable: true, defaultValue: CaseUrgency.ROUTINE })
  @IsOptional()
  @IsEnum(CaseUrgency)
  urgency?: CaseUrgency;

  @Field(() => [String], { nullable: true, description: 'Specialties asked; see the specialties query' })
  @IsOptional()
  @IsSpecialtyCodeList()
  specialtyCodes?: string[];

  @Field(() => [String], {
    nullable: true,
    description: 'Lowercase keywords; refused if they contain identifiers',
  })
  @IsOptional()
  @IsTagList()
  tags?: string[];
}
