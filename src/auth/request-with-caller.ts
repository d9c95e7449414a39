import type { Request } from 'express';
import type { Caller } from './caller.js';

/** The HTTP request as the auth layer leaves it. */
export interface RequestWithCaller extends Omit<Request, 'user'> {
  /** Set by AccessGuard: the caller, or null when anonymous or the token was not accepted. */
  user?: Caller | null;
  /**
   * The check of the bearer token (if any) for this request, started by the first guard: a query's
   * root fields run concurrently, and each waits for the same check.
   */
  callerResolved?: Promise<void>;
  /** A bearer token was sent but refused (expired, bad signature, session ended). */
  bearerRejected?: boolean;
  /** The partner app identified by X-Api-Key, once checked; null when no key was sent. */
  partnerApp?: PartnerAppIdentity | null;
}

/** What the rest of the request needs to know about the calling partner app. */
export interface PartnerAppIdentity {
  id: string;
  name: string;
  scopes: readonly string[];
}
