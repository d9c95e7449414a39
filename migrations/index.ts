import { CreateSpecialties1764160000000 } from './1764160000000-create-specialties.js';
import { CreateIdentity1764160100000 } from './1764160100000-create-identity.js';
import { CreateVerification1764160200000 } from './1764160200000-create-verification.js';
import { CreateAuditLog1764160300000 } from './1764160300000-create-audit-log.js';
import { CreateForumsAndCases1764160400000 } from './1764160400000-create-forums-and-cases.js';
import { CreateFlags1764160500000 } from './1764160500000-create-flags.js';
import { CreateConsults1764160600000 } from './1764160600000-create-consults.js';
import { CreateWatches1764160700000 } from './1764160700000-create-watches.js';
import { CreateRateLimits1764160900000 } from './1764160900000-create-rate-limits.js';
import { CreatePartnerApps1764160800000 } from './1764160800000-create-partner-apps.js';
import { AddCasesReadableCountIndex1764161000000 } from './1764161000000-add-cases-readable-count-index.js';

/** Every migration, oldest first. The app, the TypeORM CLI and the tests all run this list. */
export const MIGRATIONS = [
  CreateSpecialties1764160000000,
  CreateIdentity1764160100000,
  CreateVerification1764160200000,
  CreateAuditLog1764160300000,
  CreateForumsAndCases1764160400000,
  CreateFlags1764160500000,
  CreateConsults1764160600000,
  CreateWatches1764160700000,
  CreatePartnerApps1764160800000,
  CreateRateLimits1764160900000,
  AddCasesReadableCountIndex1764161000000,
];
