import { Module } from '@nestjs/common';
import { SpecialtiesModule } from '../specialties/specialties.module.js';
import { TrendsController } from './trends.controller.js';
import { TrendsResolver } from './trends.resolver.js';
import { TrendsService } from './trends.service.js';

/** caseTrends and its SVG chart: small-cell-suppressed case counts per calendar bucket. */
@Module({
  imports: [SpecialtiesModule],
  providers: [TrendsService, TrendsResolver],
  controllers: [TrendsController],
})
export class TrendsModule {}
