import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SpecialtiesResolver } from './specialties.resolver.js';
import { SpecialtiesService } from './specialties.service.js';
import { SpecialtyEntity } from './specialty.entity.js';

@Module({
  imports: [TypeOrmModule.forFeature([SpecialtyEntity])],
  providers: [SpecialtiesService, SpecialtiesResolver],
  exports: [SpecialtiesService],
})
export class SpecialtiesModule {}
