import { Module } from '@nestjs/common';
import { ConsultOffersService } from './consult-offers.service.js';

/** Choosing specialists and recording offers; no dependency on cases or replies, so both can use it. */
@Module({ providers: [ConsultOffersService], exports: [ConsultOffersService] })
export class RoutingModule {}
