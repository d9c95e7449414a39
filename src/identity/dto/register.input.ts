import { Field, InputType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEmail, IsString, Length, Matches, MaxLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class RegisterInput {
  @Field()
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: 'At least 12 characters and not a commonly used password' })
  @IsString()
  @MaxLength(1024)
  password: string;

  @Field({ description: 'Name shown to other clinicians, e.g. "Dr. Amara Singh"' })
  @Transform(trim)
  @IsString()
  @Length(2, 80)
  // Letters, marks, spaces and common name punctuation only: no control characters or markup.
  @Matches(/^[\p{L}\p{M}][\p{L}\p{M} .,'’-]*$/u, {
    message: "displayName may contain letters, spaces and . , ' - only",
  })
  displayName: string;
}
