import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Role } from '../identity/clinician.enums.js';
import { CliniciansService } from '../identity/clinicians.service.js';
import { IdentityService } from '../identity/identity.service.js';
import { LOGGER } from '../logging/logging.module.js';
import { VerificationService } from '../verification/verification.service.js';
import { DEMO_CLINICIANS, DEMO_PASSWORD } from './demo-clinicians.js';
import { DEMO_CASES, DEMO_FORUMS } from './demo-content.js';
import { viewerOf } from '../access-policy/viewer.js';
import { CasesService } from '../cases/cases.service.js';
import { ForumsService } from '../forums/forums.service.js';

/**
 * With SEED_DEMO, fills an empty database with verified demo specialists accepting consults, an open and
 * a private forum and a few PHI-free cases, so a new user can try the API at once. A database that already has clinicians is left alone.
 */
@Injectable()
export class DemoSeedService implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly clinicians: CliniciansService,
    private readonly identity: IdentityService,
    private readonly verification: VerificationService,
    private readonly forums: ForumsService,
    private readonly cases: CasesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo || (await this.clinicians.countByRole(Role.CLINICIAN)) > 0) return;
    let n = 0;
    for (const demo of DEMO_CLINICIANS) {
      const account = await this.identity.createAccount(
        { email: demo.email, password: DEMO_PASSWORD, displayName: demo.displayName },
        'SEED_DEMO',
        null,
      );
      n += 1;
      await this.verification.grantForDemo(account.id, {
        licenseNumber: `DEMO-${String(n).padStart(4, '0')}`,
        jurisdiction: demo.jurisdiction,
        specialtyCodes: [...demo.specialtyCodes],
      });
      await this.clinicians.setAcceptingConsults(account.id, true);
    }
    await this.seedForumsAndCases();
    this.logger.info(
      { clinicians: DEMO_CLINICIANS.length, forums: DEMO_FORUMS.length, cases: DEMO_CASES.length },
      'demo data seeded',
    );
  }

  private async seedForumsAndCases(): Promise<void> {
    const forumIds = new Map<string, string>();
    for (const forum of DEMO_FORUMS) {
      forumIds.set(forum.slug, (await this.forums.create({ ...forum }, null)).id);
    }
    for (const demoCase of DEMO_CASES) {
      const author = (await this.clinicians.findByEmail(demoCase.authorEmail))!;
      const caller = {
        id: author.id,
        role: author.role,
        verificationStatus: author.verificationStatus,
        sessionId: '',
      };
      await this.cases.post(caller, viewerOf(caller), {
        forumId: forumIds.get(demoCase.forum)!,
        title: demoCase.title,
        body: demoCase.body,
        urgency: demoCase.urgency,
        specialtyCodes: [...demoCase.specialtyCodes],
        tags: [...demoCase.tags],
      });
    }
  }
}
