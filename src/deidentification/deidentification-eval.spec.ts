import { describe, expect, it } from '@jest/globals';
import { ratio, scoreFixtures } from './evaluation/score.js';

// Enforces the quality goals on the labelled fixture set (test/fixtures/deid); `npm run eval:deid` prints detail.
describe('de-identification quality on the fixture set', () => {
  const score = scoreFixtures();

  it('has at least 300 labelled identifiers and 100 PHI-free sentences', () => {
    expect(score.overall.total).toBeGreaterThanOrEqual(300);
    expect(score.phiFreeTotal).toBeGreaterThanOrEqual(100);
  });

  it('catches at least 99.5% of identifiers', () => {
    expect(ratio(score.overall.caught, score.overall.total)).toBeGreaterThanOrEqual(0.995);
  });

  it('keeps at least 99% of clinical terms', () => {
    expect(ratio(score.clinicalTermsKept, score.clinicalTermsTotal)).toBeGreaterThanOrEqual(0.99);
  });

  it('alters at most 5% of PHI-free sentences', () => {
    expect(ratio(score.phiFreeAltered, score.phiFreeTotal)).toBeLessThanOrEqual(0.05);
  });
});
