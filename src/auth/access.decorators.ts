import { SetMetadata } from '@nestjs/common';

/** Who may call an operation. Every root field declares one; a test enforces it. */
export enum Access {
  PUBLIC = 'public',
  SIGNED_IN = 'signed-in',
  VERIFIED = 'verified',
  VERIFIED_OR_ADMIN = 'verified-or-admin',
  ADMIN = 'admin',
}

export const ACCESS_KEY = 'curbside:access';

/** Anyone, signed in or not. */
export const Public = () => SetMetadata(ACCESS_KEY, Access.PUBLIC);
/** Any signed-in account, whatever its verification status. */
export const SignedIn = () => SetMetadata(ACCESS_KEY, Access.SIGNED_IN);
/** Clinicians whose verification is currently VERIFIED. */
export const Verified = () => SetMetadata(ACCESS_KEY, Access.VERIFIED);
/** Clinicians whose verification is currently VERIFIED, and admins (who need not be verified). */
export const VerifiedOrAdmin = () => SetMetadata(ACCESS_KEY, Access.VERIFIED_OR_ADMIN);
/** Admins only. */
export const AdminOnly = () => SetMetadata(ACCESS_KEY, Access.ADMIN);
