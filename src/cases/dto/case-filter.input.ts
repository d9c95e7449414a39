import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { TEXT_LIMITS } from '../../common/text-limits.js';
import { PageArgs } from '../../graphql/connection.js';
import { CaseStatus } from '../case.enums.js';

@InputType()
export class CaseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  forumId?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  specialtyCode?: string;

  @Field(() => CaseStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CaseStatus)
  status?: CaseStatus;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.tag)
  tag?: string;

  @Field({
    nullable: true,
    description:
      'Full-text search over titles and bodies: the 1,000 most recent matching cases, ranked by relevance; totalCount counts those',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_LIMITS.searchQuery)
  query?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  authorId?: string;
}

@ArgsType()
export class CasesArgs extends PageArgs {
  @Field(() => CaseFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CaseFilter)
  filter?: CaseFilter;
}
