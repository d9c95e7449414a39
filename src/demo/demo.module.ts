import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module.js';
import { VerificationModule } from '../verification/verification.module.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({ imports: [IdentityModule, VerificationModule], providers: [DemoSeedService] })
export class DemoModule {}
