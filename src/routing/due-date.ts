import type { AppConfig } from '../config/app-config.js';

export type Urgency = 'ROUTINE' | 'URGENT';

/** When an offer made at `from` must be answered: hours by urgency, from settings. */
export function dueAtFor(
  urgency: Urgency,
  from: Date,
  config: Pick<AppConfig, 'consultDueHoursUrgent' | 'consultDueHoursRoutine'>,
): Date {
  const hours = urgency === 'URGENT' ? config.consultDueHoursUrgent : config.consultDueHoursRoutine;
  return new Date(from.getTime() + hours * 3_600_000);
}
