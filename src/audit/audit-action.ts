/** Every action the audit log records. Detail never holds passwords, tokens or case text. */
export enum AuditAction {
  LOGIN_SUCCEEDED = 'login.succeeded',
  LOGIN_FAILED = 'login.failed',
  LOGIN_THROTTLED = 'login.throttled',
  REGISTERED = 'clinician.registered',
  SESSION_REUSE_DETECTED = 'session.refresh_token_reused',
  LOGGED_OUT = 'session.logged_out',
  ROLE_CHANGED = 'clinician.role_changed',
  ADMIN_BOOTSTRAPPED = 'admin.bootstrapped',
  VERIFICATION_SUBMITTED = 'verification.submitted',
  VERIFICATION_APPROVED = 'verification.approved',
  VERIFICATION_REJECTED = 'verification.rejected',
  VERIFICATION_REVOKED = 'verification.revoked',
  VERIFICATION_EXPIRED = 'verification.expired',
}
