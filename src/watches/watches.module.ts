import { Module } from '@nestjs/common';
import { RedactionModule } from '../redaction/redaction.module.js';
import { WatchJobsService } from './watch-jobs.service.js';
import { WatchMatchingService } from './watch-matching.service.js';
import { WatchesResolver } from './watches.resolver.js';
import { WatchesService } from './watches.service.js';

/** Keyword watches: the caller's list, and matching new or edited cases against every watch. */
@Module({
  imports: [RedactionModule],
  providers: [WatchesService, WatchMatchingService, WatchJobsService, WatchesResolver],
  exports: [WatchesService, WatchMatchingService],
})
export class WatchesModule {}
