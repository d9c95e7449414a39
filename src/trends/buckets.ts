/**
 * Calendar buckets for trends, in UTC: days, ISO weeks (starting Monday) and months. Pure functions,
 * no framework. Ranges must start and end on a boundary of the interval, so every bucket is a whole
 * calendar unit and two requests can never produce overlapping, shifted buckets whose difference is a
 * small count.
 */

export enum TrendInterval {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}

/** At most this many buckets per request (a little over a year of days). */
export const MAX_BUCKETS = 400;

/** Counts from 1 to this are suppressed (CMS cell-size rule: no cell of 1 to 10). */
export const SUPPRESSION_THRESHOLD = 10;

/** The Postgres date_trunc unit for each interval (its 'week' is the ISO week, Monday first). */
export const DATE_TRUNC_UNIT: Record<TrendInterval, 'day' | 'week' | 'month'> = {
  [TrendInterval.DAY]: 'day',
  [TrendInterval.WEEK]: 'week',
  [TrendInterval.MONTH]: 'month',
};

const NAMES: Record<TrendInterval, string> = {
  [TrendInterval.DAY]: 'a UTC midnight',
  [TrendInterval.WEEK]: 'a Monday at UTC midnight',
  [TrendInterval.MONTH]: 'the first day of a month at UTC midnight',
};

/** A refused range: which end (`from`, `to` or both) and why. Messages never echo the input. */
export interface RangeProblem {
  fields: ('from' | 'to')[];
  message: string;
}

/** True when `date` is the start of a bucket of this interval. */
export function isAligned(date: Date, interval: TrendInterval): boolean {
  if (Number.isNaN(date.getTime())) return false;
  const midnight =
    date.getUTCHours() === 0 &&
    date.getUTCMinutes() === 0 &&
    date.getUTCSeconds() === 0 &&
    date.getUTCMilliseconds() === 0;
  if (!midnight) return false;
  if (interval === TrendInterval.WEEK) return date.getUTCDay() === 1;
  if (interval === TrendInterval.MONTH) return date.getUTCDate() === 1;
  return true;
}

/** The start of the bucket after the one starting at `start` (which must be aligned). */
export function nextBucketStart(start: Date, interval: TrendInterval): Date {
  if (interval === TrendInterval.MONTH) {
    return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
  }
  const days = interval === TrendInterval.WEEK ? 7 : 1;
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + days));
}

/** The start of the bucket containing `date` (truncation, as Postgres date_trunc does in UTC). */
export function bucketStartOf(date: Date, interval: TrendInterval): Date {
  const y = date.getUTCFullYear();
  const m = date.getUTCMonth();
  const d = date.getUTCDate();
  if (interval === TrendInterval.MONTH) return new Date(Date.UTC(y, m, 1));
  if (interval === TrendInterval.WEEK) {
    const sinceMonday = (date.getUTCDay() + 6) % 7;
    return new Date(Date.UTC(y, m, d - sinceMonday));
  }
  return new Date(Date.UTC(y, m, d));
}

/** Why this range is refused, or null when it is fine. */
export function rangeProblem(from: Date, to: Date, interval: TrendInterval): RangeProblem | null {
  if (Number.isNaN(from.getTime())) return { fields: ['from'], message: 'from is not a valid date-time' };
  if (Number.isNaN(to.getTime())) return { fields: ['to'], message: 'to is not a valid date-time' };
  if (to.getTime() <= from.getTime()) return { fields: ['to'], message: 'to must be later than from' };
  const misaligned = (['from', 'to'] as const).filter(
    (field) => !isAligned(field === 'from' ? from : to, interval),
  );
  if (misaligned.length) {
    return {
      fields: [...misaligned],
      message: `${misaligned.join(' and ')} must be ${NAMES[interval]} for interval ${interval}, so buckets are whole calendar units`,
    };
  }
  if (countBuckets(from, to, interval) > MAX_BUCKETS) {
    return {
      fields: ['from', 'to'],
      message: `The range covers more than ${MAX_BUCKETS} ${interval.toLowerCase()} buckets; shorten it or use a longer interval`,
    };
  }
  return null;
}

function countBuckets(from: Date, to: Date, interval: TrendInterval): number {
  if (interval === TrendInterval.MONTH) {
    return (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  }
  const days = Math.round((to.getTime() - from.getTime()) / 86_400_000);
  return interval === TrendInterval.WEEK ? days / 7 : days;
}

/** Every bucket start in [from, to), in order. The range must have passed `rangeProblem`. */
export function bucketStarts(from: Date, to: Date, interval: TrendInterval): Date[] {
  const starts: Date[] = [];
  for (
    let start = new Date(from.getTime());
    start < to && starts.length <= MAX_BUCKETS;
    start = nextBucketStart(start, interval)
  ) {
    starts.push(start);
  }
  return starts;
}

/** Primary suppression: a count from 1 to the threshold is withheld; zero stays zero. */
export function isSmallCell(count: number): boolean {
  return count >= 1 && count <= SUPPRESSION_THRESHOLD;
}

/**
 * The published value of a bucket. `parents` are the counts of the same bucket under every broader
 * filter (each filter combination with one or more of the requested filters dropped). When a parent
 * exceeds the count by 1 to the threshold, publishing both would reveal that small complementary cell
 * by subtraction (e.g. "measles" minus "measles" in dermatology), so this bucket is withheld too.
 * Zero is always published: it reveals no count (and a small parent is itself withheld).
 */
export function publish(
  count: number,
  parents: readonly number[] = [],
): { count: number | null; suppressed: boolean } {
  if (count === 0) return { count: 0, suppressed: false };
  const suppressed = isSmallCell(count) || parents.some((parent) => isSmallCell(parent - count));
  return suppressed ? { count: null, suppressed: true } : { count, suppressed: false };
}
