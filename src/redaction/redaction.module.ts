import { Module } from '@nestjs/common';
import { RedactionResolver } from './redaction.resolver.js';
import { RedactionService } from './redaction.service.js';

@Module({ providers: [RedactionService, RedactionResolver], exports: [RedactionService] })
export class RedactionModule {}
