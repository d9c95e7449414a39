import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { ForumEntity } from './forum.entity.js';
import { ForumsResolver } from './forums.resolver.js';
import { ForumsService } from './forums.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ForumEntity]), AuditModule],
  providers: [ForumsService, ForumsResolver],
  exports: [ForumsService],
})
export class ForumsModule {}
