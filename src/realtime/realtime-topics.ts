/**
 * PubSub topics and what they carry. Payloads are ids only: they may cross Redis, and everything a
 * subscriber sees is loaded from the database, through the read policy, for that subscriber.
 */
export interface ConsultOfferedMessage {
  offerId: string;
  specialistId: string;
}

export interface CaseRepliedMessage {
  replyId: string;
  caseId: string;
}

export interface WatchMatchedMessage {
  watchId: string;
  caseId: string;
  watcherId: string;
}

export const RealtimeTopics = {
  /** One topic per specialist, so an offer is never fanned out to other subscribers. */
  consultOffered: (specialistId: string) => `consult-offered.${specialistId}`,
  /** One topic per case thread. */
  caseReplied: (caseId: string) => `case-replied.${caseId}`,
  /** One topic per watcher, so a match is never fanned out to other subscribers. */
  watchMatched: (watcherId: string) => `watch-matched.${watcherId}`,
};
