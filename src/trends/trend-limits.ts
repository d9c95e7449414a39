import { TEXT_LIMITS } from '../common/text-limits.js';

export const TREND_LIMITS = {
  /** Same bound as case search. */
  query: TEXT_LIMITS.searchQuery,
  specialtyCode: 64,
} as const;
