import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ForumVisibility } from '../forum.model.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class CreateForumInput {
  @Field({ description: 'URL-safe name: lowercase letters, digits and hyphens' })
  @Transform(trim)
  @Matches(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/, {
    message:
      'slug must be 3 to 64 lowercase letters, digits or hyphens, not starting or ending with a hyphen',
  })
  slug: string;

  @Field()
  @Transform(trim)
  @IsString()
  @Length(2, 100)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(0, 1000)
  description?: string | null;

  @Field(() => ForumVisibility)
  @IsEnum(ForumVisibility)
  visibility: ForumVisibility;
}
