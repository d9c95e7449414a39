import { Field, InputType } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';

@InputType()
export class LoginInput {
  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(254)
  email: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  password: string;
}
