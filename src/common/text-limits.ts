/** Upper bounds on clinician-written text, so one request cannot make the engine or the index do unbounded work. */
export const TEXT_LIMITS = {
  caseTitle: 200,
  caseBody: 20_000,
  reply: 10_000,
  flagNote: 1_000,
  tag: 32,
  tagsPerCase: 10,
  specialtiesPerCase: 5,
  searchQuery: 200,
} as const;
