import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  CLINICIAN = 'CLINICIAN',
  ADMIN = 'ADMIN',
}

export enum VerificationStatus {
  UNVERIFIED = 'UNVERIFIED',
  PENDING = 'PENDING',
  VERIFIED = 'VERIFIED',
  REJECTED = 'REJECTED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(Role, { name: 'Role' });
registerEnumType(VerificationStatus, {
  name: 'VerificationStatus',
  description: 'EXPIRED: the licence expiry date on file has passed; submit renewed credentials.',
});
