import { ArgsType, Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsBoolean, IsOptional, IsString } from 'class-validator';
import { Case } from '../cases/case.model.js';
import { ConsultRequest } from '../consults/consult-request.model.js';
import { Connection, PageArgs } from '../graphql/connection.js';

export enum NotificationKind {
  CONSULT_OFFERED = 'CONSULT_OFFERED',
  CASE_REPLIED = 'CASE_REPLIED',
  INFO_REQUESTED = 'INFO_REQUESTED',
  WATCH_MATCHED = 'WATCH_MATCHED',
}

registerEnumType(NotificationKind, {
  name: 'NotificationKind',
  valuesMap: {
    CONSULT_OFFERED: { description: 'A case was offered to you as a specialist' },
    CASE_REPLIED: { description: 'Someone replied to your case' },
    INFO_REQUESTED: { description: 'A specialist asked for more information on your case' },
    WATCH_MATCHED: { description: 'A new or edited case matched one of your keyword watches' },
  },
});

@ObjectType('Notification', { description: 'An entry in your inbox' })
export class Notification {
  @Field(() => ID)
  id: string;

  @Field(() => NotificationKind)
  kind: NotificationKind;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  readAt: Date | null;

  @Field(() => Case, { nullable: true, description: 'Null when you may no longer read the case' })
  case?: Case | null;

  caseId: string | null;

  @Field(() => ConsultRequest, {
    nullable: true,
    description: 'The consult offer, for its specialist and the author of its case; null otherwise',
  })
  consult?: ConsultRequest | null;

  consultId: string | null;

  replyId: string | null;
}

export const NotificationConnection = Connection(Notification, 'Notification');

@ArgsType()
export class NotificationsArgs extends PageArgs {
  @Field(() => Boolean, { nullable: true, description: 'Only notifications not yet marked read' })
  @IsOptional()
  @IsBoolean()
  unreadOnly?: boolean;
}

export const MAX_MARK_READ_IDS = 500;

@ArgsType()
export class MarkNotificationsReadArgs {
  @Field(() => [ID], {
    nullable: true,
    description: `Notifications to mark read (at most ${MAX_MARK_READ_IDS}); omitted or null marks all of yours`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_MARK_READ_IDS)
  @IsString({ each: true })
  ids?: string[] | null;
}
