import { type Caller, isAdmin, isVerified } from '../auth/caller.js';

/** Who is reading, reduced to what read access depends on. Anonymous readers have no id. */
export interface Viewer {
  id: string | null;
  admin: boolean;
  verified: boolean;
}

export const ANONYMOUS: Viewer = { id: null, admin: false, verified: false };

export function viewerOf(caller: Caller | null | undefined): Viewer {
  if (!caller) return ANONYMOUS;
  return { id: caller.id, admin: isAdmin(caller), verified: isVerified(caller) };
}
