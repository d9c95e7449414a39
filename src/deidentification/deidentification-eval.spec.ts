import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { projectRoot } from '../common/project-root.js';
import { type KindRecall, ratio, scoreFixtures, scoreHoldout, scorePresidio } from './evaluation/score.js';

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

// Regression floors on the blind held-out set, set a little below the figures reached when it was last
// measured. Aggregate figures only: never inspect or tune on its content.
describe('de-identification quality on the held-out set (regression floors)', () => {
  const score = scoreHoldout();
  const itIfPresent = score ? it : it.skip;

  itIfPresent('keeps overall recall above its floor', () => {
    expect(ratio(score!.overall.caught, score!.overall.total)).toBeGreaterThanOrEqual(HOLDOUT_RECALL_FLOOR);
  });

  itIfPresent('keeps clinical terms and PHI-free sentences within their floors', () => {
    expect(ratio(score!.clinicalTermsKept, score!.clinicalTermsTotal)).toBeGreaterThanOrEqual(
      HOLDOUT_TERMS_KEPT_FLOOR,
    );
    expect(ratio(score!.phiFreeAltered, score!.phiFreeTotal)).toBeLessThanOrEqual(
      HOLDOUT_PHI_FREE_ALTERED_CEILING,
    );
  });
});

// Held-out set 2 was written blind in other styles (other countries' formats, headers, voice notes) and has
// never been tuned on; its floors sit a little below the figures reached (recall 78.8%, terms kept 97.5%,
// PHI-free altered 5.3%). Aggregate figures only.
describe('de-identification quality on held-out set 2 (regression floors)', () => {
  const score = scoreHoldout(join(projectRoot(), 'test/fixtures/deid-holdout-2/holdout.json'));
  const itIfPresent = score ? it : it.skip;

  itIfPresent('keeps overall recall above its floor', () => {
    expect(ratio(score!.overall.caught, score!.overall.total)).toBeGreaterThanOrEqual(0.785);
  });

  itIfPresent('keeps clinical terms and PHI-free sentences within their floors', () => {
    expect(ratio(score!.clinicalTermsKept, score!.clinicalTermsTotal)).toBeGreaterThanOrEqual(0.965);
    expect(ratio(score!.phiFreeAltered, score!.phiFreeTotal)).toBeLessThanOrEqual(0.06);
  });
});

// The Presidio synthetic set lives outside the project (../shared/data); these checks skip when it is absent.
describe('recall on presidio-synth (regression floors)', () => {
  const rows = scorePresidio();
  const itIfPresent = rows ? it : it.skip;
  const recall = (kind: string) => {
    const row = rows!.find((r: KindRecall) => r.kind === kind)!;
    return ratio(row.caught, row.total);
  };

  itIfPresent('keeps PERSON recall above its floor', () => {
    expect(recall('PERSON')).toBeGreaterThanOrEqual(0.885);
  });

  itIfPresent('keeps ORGANIZATION recall above its floor', () => {
    expect(recall('ORGANIZATION')).toBeGreaterThanOrEqual(0.7);
  });

  itIfPresent('keeps STREET_ADDRESS recall above its floor', () => {
    expect(recall('STREET_ADDRESS')).toBeGreaterThanOrEqual(0.68);
  });
});

const HOLDOUT_RECALL_FLOOR = 0.935;
const HOLDOUT_TERMS_KEPT_FLOOR = 0.955;
const HOLDOUT_PHI_FREE_ALTERED_CEILING = 0.055;
