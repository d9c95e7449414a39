/** Categories of protected health information, mirrored by the GraphQL `PhiKind` enum. */
export enum PhiKind {
  NAME = 'NAME',
  DATE = 'DATE',
  AGE = 'AGE',
  PHONE = 'PHONE',
  FAX = 'FAX',
  EMAIL = 'EMAIL',
  ID_NUMBER = 'ID_NUMBER',
  URL = 'URL',
  IP_ADDRESS = 'IP_ADDRESS',
  LOCATION = 'LOCATION',
  INSTITUTION = 'INSTITUTION',
  OTHER = 'OTHER',
}

/** One redacted span; offsets are UTF-16 indexes into the input, end exclusive. */
export interface PhiFinding {
  kind: PhiKind;
  start: number;
  end: number;
  replacement: string;
}

/** What a detector proposes before overlapping proposals are merged. */
export interface PhiCandidate {
  kind: PhiKind;
  start: number;
  end: number;
  /** Overrides the kind's default placeholder (ZIP codes keep their first three digits, handles read [HANDLE]). */
  replacement?: string;
  /** Higher wins the kind when candidates overlap: cue-backed detections beat dictionary guesses. */
  confidence: number;
}
