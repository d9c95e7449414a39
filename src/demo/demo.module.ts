import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module.js';
import { ForumsModule } from '../forums/forums.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { VerificationModule } from '../verification/verification.module.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({
  imports: [IdentityModule, VerificationModule, ForumsModule, CasesModule],
  providers: [DemoSeedService],
})
export class DemoModule {}
