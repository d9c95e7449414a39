import { join } from 'node:path';
import { projectRoot } from '../src/common/project-root.js';
// Prints de-identification quality on the project's labelled fixtures and, when the shared development
// copy exists, recall on the Presidio synthetic PII set. Prints figures only, never fixture text.
import {
  type KindRecall,
  ratio,
  scoreFixtures,
  scoreHoldout,
  scorePresidio,
} from '../src/deidentification/evaluation/score.js';

const pct = (n: number, d: number) => `${(100 * ratio(n, d)).toFixed(2)}%`;
const row = (r: KindRecall) =>
  `${r.kind.padEnd(18)} ${String(r.caught).padStart(4)}/${String(r.total).padEnd(4)} recall ${pct(r.caught, r.total).padStart(7)}   same kind ${pct(r.sameKind, r.total).padStart(7)}   any overlap ${pct(r.overlapped, r.total).padStart(7)}`;

const fixtures = scoreFixtures();
console.log('== Curbside fixtures (test/fixtures/deid) ==');
for (const r of fixtures.perKind) console.log(row(r));
console.log(row(fixtures.overall));
console.log(
  `clinical terms kept: ${fixtures.clinicalTermsKept}/${fixtures.clinicalTermsTotal} (${pct(fixtures.clinicalTermsKept, fixtures.clinicalTermsTotal)})`,
);
console.log(
  `PHI-free sentences altered: ${fixtures.phiFreeAltered}/${fixtures.phiFreeTotal} (${pct(fixtures.phiFreeAltered, fixtures.phiFreeTotal)})`,
);
if (process.argv.includes('--show-missed')) {
  // Fixture content is synthetic, so listing misses is safe here and helps development.
  for (const m of fixtures.missed) console.log(`missed ${m.kind} in case ${m.caseIndex}: ${m.value}`);
}

const presidio = scorePresidio();
if (presidio) {
  console.log(
    '\n== presidio-synth synth_dataset_v2.json (HIPAA-relevant types; DATE_TIME finer than a year, AGE > 89) ==',
  );
  console.log(
    'GPE includes countries and states, which Safe Harbor lets stay; ORGANIZATION is mostly not health institutions.',
  );
  for (const r of presidio) console.log(row(r));
} else {
  console.log('\npresidio-synth data not found next to the project; skipped.');
}

// The held-out sets were written blind; only aggregate figures are printed, never their text or misses.
// Set 1 has been looked at (aggregates only) while the engine was improved; set 2 has not.
for (const folder of ['deid-holdout', 'deid-holdout-2']) {
  const holdout = scoreHoldout(join(projectRoot(), 'test/fixtures', folder, 'holdout.json'));
  if (!holdout) {
    console.log(`\nheld-out set test/fixtures/${folder} not found; skipped.`);
    continue;
  }
  console.log(`\n== held-out (test/fixtures/${folder}, aggregate only) ==`);
  for (const r of holdout.perKind) console.log(row(r));
  console.log(row(holdout.overall));
  console.log(
    `clinical terms kept: ${holdout.clinicalTermsKept}/${holdout.clinicalTermsTotal} (${pct(holdout.clinicalTermsKept, holdout.clinicalTermsTotal)})`,
  );
  console.log(
    `PHI-free sentences altered: ${holdout.phiFreeAltered}/${holdout.phiFreeTotal} (${pct(holdout.phiFreeAltered, holdout.phiFreeTotal)})`,
  );
}
