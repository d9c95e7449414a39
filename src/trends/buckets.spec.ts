import { describe, expect, it } from '@jest/globals';
import {
  bucketStartOf,
  bucketStarts,
  isAligned,
  MAX_BUCKETS,
  nextBucketStart,
  publish,
  rangeProblem,
  TrendInterval,
} from './buckets.js';

const d = (iso: string) => new Date(iso);
const isoList = (dates: Date[]) => dates.map((date) => date.toISOString().slice(0, 10));

describe('alignment', () => {
  it('days start at UTC midnight', () => {
    expect(isAligned(d('2025-03-05T00:00:00Z'), TrendInterval.DAY)).toBe(true);
    expect(isAligned(d('2025-03-05T00:00:00.001Z'), TrendInterval.DAY)).toBe(false);
    expect(isAligned(d('2025-03-05T00:00:00+01:00'), TrendInterval.DAY)).toBe(false);
    expect(isAligned(d('2025-03-05T01:00:00+01:00'), TrendInterval.DAY)).toBe(true);
  });

  it('weeks start on Monday (ISO), months on the 1st', () => {
    expect(isAligned(d('2025-03-03T00:00:00Z'), TrendInterval.WEEK)).toBe(true); // Monday
    expect(isAligned(d('2025-03-02T00:00:00Z'), TrendInterval.WEEK)).toBe(false); // Sunday
    expect(isAligned(d('2025-03-01T00:00:00Z'), TrendInterval.MONTH)).toBe(true);
    expect(isAligned(d('2025-03-02T00:00:00Z'), TrendInterval.MONTH)).toBe(false);
    expect(isAligned(new Date(Number.NaN), TrendInterval.DAY)).toBe(false);
  });

  it('truncates like date_trunc in UTC', () => {
    expect(bucketStartOf(d('2025-03-09T23:59:59.999Z'), TrendInterval.WEEK).toISOString()).toBe(
      '2025-03-03T00:00:00.000Z',
    );
    expect(bucketStartOf(d('2025-03-10T00:00:00Z'), TrendInterval.WEEK).toISOString()).toBe(
      '2025-03-10T00:00:00.000Z',
    );
    expect(bucketStartOf(d('2024-02-29T12:00:00Z'), TrendInterval.MONTH).toISOString()).toBe(
      '2024-02-01T00:00:00.000Z',
    );
    expect(bucketStartOf(d('2024-02-29T12:00:00Z'), TrendInterval.DAY).toISOString()).toBe(
      '2024-02-29T00:00:00.000Z',
    );
  });

  it('steps across month ends, leap days and year ends', () => {
    expect(nextBucketStart(d('2024-01-31T00:00:00Z'), TrendInterval.DAY).toISOString()).toBe(
      '2024-02-01T00:00:00.000Z',
    );
    expect(nextBucketStart(d('2024-12-30T00:00:00Z'), TrendInterval.WEEK).toISOString()).toBe(
      '2025-01-06T00:00:00.000Z',
    );
    expect(nextBucketStart(d('2024-12-01T00:00:00Z'), TrendInterval.MONTH).toISOString()).toBe(
      '2025-01-01T00:00:00.000Z',
    );
  });
});

describe('bucket generation', () => {
  it('lists every bucket in [from, to), in order', () => {
    expect(
      isoList(bucketStarts(d('2024-02-27T00:00:00Z'), d('2024-03-02T00:00:00Z'), TrendInterval.DAY)),
    ).toEqual(['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01']);
    expect(
      isoList(bucketStarts(d('2024-12-23T00:00:00Z'), d('2025-01-13T00:00:00Z'), TrendInterval.WEEK)),
    ).toEqual(['2024-12-23', '2024-12-30', '2025-01-06']);
    expect(
      isoList(bucketStarts(d('2024-11-01T00:00:00Z'), d('2025-02-01T00:00:00Z'), TrendInterval.MONTH)),
    ).toEqual(['2024-11-01', '2024-12-01', '2025-01-01']);
  });
});

describe('range checks', () => {
  it('accepts aligned ranges', () => {
    expect(rangeProblem(d('2025-01-01T00:00:00Z'), d('2025-01-02T00:00:00Z'), TrendInterval.DAY)).toBeNull();
    expect(rangeProblem(d('2025-01-06T00:00:00Z'), d('2025-02-03T00:00:00Z'), TrendInterval.WEEK)).toBeNull();
    expect(
      rangeProblem(d('2025-01-01T00:00:00Z'), d('2026-01-01T00:00:00Z'), TrendInterval.MONTH),
    ).toBeNull();
  });

  it('refuses to <= from', () => {
    const same = d('2025-01-01T00:00:00Z');
    expect(rangeProblem(same, same, TrendInterval.DAY)?.fields).toEqual(['to']);
    expect(rangeProblem(d('2025-01-02T00:00:00Z'), same, TrendInterval.DAY)?.fields).toEqual(['to']);
  });

  it('names each misaligned end', () => {
    expect(
      rangeProblem(d('2025-01-01T12:00:00Z'), d('2025-01-03T00:00:00Z'), TrendInterval.DAY)?.fields,
    ).toEqual(['from']);
    // 2025-01-01 is a Wednesday; 2025-01-13 a Monday.
    expect(
      rangeProblem(d('2025-01-01T00:00:00Z'), d('2025-01-13T00:00:00Z'), TrendInterval.WEEK)?.fields,
    ).toEqual(['from']);
    expect(
      rangeProblem(d('2025-01-06T00:00:00Z'), d('2025-01-14T00:00:00Z'), TrendInterval.WEEK)?.fields,
    ).toEqual(['to']);
    expect(
      rangeProblem(d('2025-01-02T00:00:00Z'), d('2025-03-15T00:00:00Z'), TrendInterval.MONTH)?.fields,
    ).toEqual(['from', 'to']);
  });

  it(`allows ${MAX_BUCKETS} buckets and refuses ${MAX_BUCKETS + 1}`, () => {
    const from = d('2024-01-01T00:00:00Z');
    const days = (n: number) => new Date(from.getTime() + n * 86_400_000);
    expect(rangeProblem(from, days(MAX_BUCKETS), TrendInterval.DAY)).toBeNull();
    expect(bucketStarts(from, days(MAX_BUCKETS), TrendInterval.DAY)).toHaveLength(MAX_BUCKETS);
    expect(rangeProblem(from, days(MAX_BUCKETS + 1), TrendInterval.DAY)?.fields).toEqual(['from', 'to']);
    expect(rangeProblem(from, days(7 * (MAX_BUCKETS + 1)), TrendInterval.WEEK)?.message).toMatch(
      /more than 400/,
    );
    expect(rangeProblem(from, d('2057-05-01T00:00:00Z'), TrendInterval.MONTH)).toBeNull(); // 400 months
    expect(rangeProblem(from, d('2057-06-01T00:00:00Z'), TrendInterval.MONTH)).not.toBeNull();
  });
});

describe('suppression', () => {
  it('withholds 1..10, publishes 0 and 11+', () => {
    expect(publish(0)).toEqual({ count: 0, suppressed: false });
    for (let n = 1; n <= 10; n++) expect(publish(n)).toEqual({ count: null, suppressed: true });
    expect(publish(11)).toEqual({ count: 11, suppressed: false });
  });

  it('withholds a count whose difference from a broader filter is 1..10', () => {
    expect(publish(20, [25])).toEqual({ count: null, suppressed: true });
    expect(publish(20, [30])).toEqual({ count: null, suppressed: true });
    expect(publish(20, [20, 31])).toEqual({ count: 20, suppressed: false });
    expect(publish(0, [5])).toEqual({ count: 0, suppressed: false });
  });
});
