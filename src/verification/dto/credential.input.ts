import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDate,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class CredentialInput {
  @Field({ description: 'Licence or registration number as issued by the regulator' })
  @Transform(trim)
  @IsString()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 ./-]{1,39}$/, {
    message: 'licenseNumber must be 2 to 40 letters, digits, spaces, dots, slashes or hyphens',
  })
  licenseNumber: string;

  @Field({ description: 'ISO 3166-2 subdivision code of the licensing body, e.g. CA-ON or US-NY' })
  @Transform(trim)
  @IsString()
  @MaxLength(6)
  jurisdiction: string;

  @Field(() => String, { nullable: true, description: 'US National Provider Identifier (10 digits)' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  npi?: string | null;

  @Field(() => Date, { nullable: true, description: 'Verification lapses to EXPIRED on its own after this' })
  @IsOptional()
  @IsDate()
  licenseExpiresOn?: Date | null;

  @Field(() => [String], { description: 'Specialty codes (see the specialties query); may be empty' })
  @ArrayMinSize(0)
  @ArrayMaxSize(5)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  specialtyCodes: string[];
}
