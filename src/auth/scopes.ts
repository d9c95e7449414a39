import { SetMetadata } from '@nestjs/common';

/**
 * What a partner app may do on a user's behalf (or alone, for open content). Scopes only narrow: a key
 * never grants more than the user's own rights, and a request without a key (first-party clients) is
 * not scoped at all. Every root field has one scope or is explicitly scope-free; a test enforces it.
 */
export const SCOPES = {
  'profile:read':
    'Read the signed-in clinician and public clinician profiles, and your verification requests',
  'profile:write': 'Submit credentials for verification and set consult availability',
  'cases:read': 'Read forums, cases (and their replies) the user may read; subscribe to replies',
  'cases:write':
    'Post, edit, close and remove cases; reply and accept replies; flag content; preview de-identification',
  'consults:read': 'List consults offered to the user; subscribe to new offers',
  'consults:write': 'Accept or decline a consult, ask the author for more information',
  'notifications:read': 'Read the notifications inbox and unread count',
  'notifications:write': 'Mark notifications read',
  'watches:read': 'List keyword watches; subscribe to their matches',
  'watches:write': 'Create and delete keyword watches',
  'trends:read': 'Case trend buckets and charts',
  admin: 'Admin work with an admin’s token: verification, moderation, forums, roles, audit log, metrics',
  'partners:manage': 'Create, list and revoke partner apps and read their usage (admin token needed too)',
} as const;

export type Scope = keyof typeof SCOPES;

export const ALL_SCOPES = Object.keys(SCOPES) as Scope[];

export function isScope(value: unknown): value is Scope {
  return typeof value === 'string' && Object.hasOwn(SCOPES, value);
}

/** Marks an operation as usable by any partner app whatever its scopes (sign-in, sign-out, health). */
export const SCOPE_FREE = 'scope-free';

export type ScopeDeclaration = Scope | typeof SCOPE_FREE;

export const SCOPE_KEY = 'curbside:scope';

/** The scope a partner app's key must carry to call this operation. No key, no scope check. */
export const RequiresScope = (scope: Scope) => SetMetadata(SCOPE_KEY, scope);

/** Any partner app may call this operation, whatever its scopes. */
export const ScopeFree = () => SetMetadata(SCOPE_KEY, SCOPE_FREE);

/**
 * Scopes of operations whose resolvers live in other modules, by `Type.field` (GraphQL root fields) or
 * `Controller.method` (plain HTTP). `@RequiresScope()` on the handler wins over this table; new
 * operations may use either. Entries for operations not (yet) in the schema are harmless.
 */
export const OPERATION_SCOPES: Readonly<Record<string, ScopeDeclaration>> = {
  // Sign-in and sessions: a partner app needs them to act for a user at all.
  'Mutation.register': SCOPE_FREE,
  'Mutation.login': SCOPE_FREE,
  'Mutation.refreshSession': SCOPE_FREE,
  'Mutation.logout': SCOPE_FREE,
  'HealthController.health': SCOPE_FREE,
  // Reference data anyone may read.
  'Query.specialties': SCOPE_FREE,

  'Query.me': 'profile:read',
  'Query.clinician': 'profile:read',
  'Query.myVerificationRequests': 'profile:read',
  'Mutation.submitCredentials': 'profile:write',
  'Mutation.setConsultAvailability': 'profile:write',

  'Query.forums': 'cases:read',
  'Query.case': 'cases:read',
  'Query.cases': 'cases:read',
  'Subscription.caseReplied': 'cases:read',
  'Query.previewDeidentification': 'cases:write',
  'Mutation.postCase': 'cases:write',
  'Mutation.editCase': 'cases:write',
  'Mutation.removeCase': 'cases:write',
  'Mutation.closeCase': 'cases:write',
  'Mutation.replyToCase': 'cases:write',
  'Mutation.acceptReply': 'cases:write',
  'Mutation.flagContent': 'cases:write',

  'Query.myConsults': 'consults:read',
  'Subscription.consultOffered': 'consults:read',
  'Mutation.respondToConsult': 'consults:write',
  'Mutation.requestMoreInfo': 'consults:write',

  'Query.notifications': 'notifications:read',
  'Query.unreadNotificationCount': 'notifications:read',
  'Mutation.markNotificationsRead': 'notifications:write',

  'Query.watches': 'watches:read',
  'Subscription.watchMatched': 'watches:read',
  'Mutation.createWatch': 'watches:write',
  'Mutation.deleteWatch': 'watches:write',

  'Query.caseTrends': 'trends:read',
  'TrendsController.chart': 'trends:read',

  'Query.verificationRequests': 'admin',
  'Mutation.reviewVerification': 'admin',
  'Mutation.revokeVerification': 'admin',
  'Mutation.setClinicianRole': 'admin',
  'Mutation.createForum': 'admin',
  'Query.flags': 'admin',
  'Mutation.resolveFlag': 'admin',
  'Query.auditLog': 'admin',
  'Query.consultMetrics': 'admin',
};
