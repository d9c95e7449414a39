import { ArgsType, Field, ID } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, IsString, Length } from 'class-validator';
import { TEXT_LIMITS } from '../../common/text-limits.js';
import { PageArgs } from '../../graphql/connection.js';
import { ConsultStatus } from '../consult-request.model.js';

@ArgsType()
export class MyConsultsArgs extends PageArgs {
  @Field(() => ConsultStatus, { nullable: true })
  @IsOptional()
  @IsEnum(ConsultStatus)
  status?: ConsultStatus;
}

@ArgsType()
export class RespondToConsultArgs {
  @Field(() => ID)
  @IsString()
  id: string;

  @Field({ description: 'true to accept, false to decline, which offers the case to the next specialist' })
  @IsBoolean()
  accept: boolean;
}

@ArgsType()
export class RequestMoreInfoArgs {
  @Field(() => ID)
  @IsString()
  consultId: string;

  @Field({ description: 'De-identified before it is stored; the deadline pauses until the author replies' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(3, TEXT_LIMITS.reply)
  question: string;
}
