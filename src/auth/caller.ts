import { Role, VerificationStatus } from '../identity/clinician.enums.js';

/** Who is calling, as the database says right now (not as the token said when issued). */
export interface Caller {
  id: string;
  role: Role;
  verificationStatus: VerificationStatus;
  sessionId: string;
}

export function isAdmin(caller: Caller | null | undefined): boolean {
  return caller?.role === Role.ADMIN;
}

export function isVerified(caller: Caller | null | undefined): boolean {
  return caller?.verificationStatus === VerificationStatus.VERIFIED;
}
