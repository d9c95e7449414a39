import { Field, Float, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn, IsString, Length } from 'class-validator';
import { ALL_SCOPES } from '../auth/scopes.js';

@ObjectType('PartnerApp', { description: 'An app calling the API with its own key (X-Api-Key)' })
export class PartnerApp {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => [String], { description: 'What the app may do; see the README scopes table' })
  scopes: string[];

  @Field({ description: 'The public part of the key (cbk_<keyPrefix>_…), to tell keys apart' })
  keyPrefix: string;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Last request with this key (updated at most once a minute)',
  })
  lastUsedAt: Date | null;
}

@ObjectType('PartnerAppCredentials')
export class PartnerAppCredentials {
  @Field(() => PartnerApp)
  app: PartnerApp;

  @Field({ description: 'The API key. Shown once: only a hash is stored, it cannot be retrieved later' })
  apiKey: string;
}

@ObjectType('PartnerAppUsageDay', { description: "One UTC day of a partner app's traffic" })
export class PartnerAppUsageDay {
  @Field({ description: 'The UTC calendar day, YYYY-MM-DD' })
  day: string;

  @Field(() => Int)
  requests: number;

  @Field(() => Int, { description: 'Requests answered with an error (HTTP status >= 400 or GraphQL errors)' })
  errors: number;

  @Field(() => Float, { description: 'Summed query cost (see Limits in the README)' })
  cost: number;
}

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

@InputType()
export class PartnerAppInput {
  @Field()
  @Transform(trim)
  @IsString()
  @Length(2, 100)
  name: string;

  @Field(() => [String], { description: `Any of: ${ALL_SCOPES.join(', ')}` })
  @IsArray()
  @ArrayMaxSize(ALL_SCOPES.length)
  @ArrayUnique()
  @IsIn(ALL_SCOPES, { each: true, message: `each scope must be one of: ${ALL_SCOPES.join(', ')}` })
  scopes: string[];
}
