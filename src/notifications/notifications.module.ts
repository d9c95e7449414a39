import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { ConsultOfferEntity } from '../consults/consult-offer.entity.js';
import { NotificationEntity } from './notification.entity.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';

/** The inbox: written from domain events, read by its recipient. */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity, ConsultOfferEntity]), CasesModule],
  providers: [NotificationsService, NotificationsResolver],
})
export class NotificationsModule {}
