import { deidentify } from '../src/deidentification/deidentify.js';

// Realistic case-post prose: PHI-bearing sentences mixed with PHI-free clinical ones (all synthetic).
const SENTENCES = [
  "Pt Maria Gonzalez-Smith, 47F, seen at St. Michael's Hospital on 03/14/2024 with fever and RUQ pain.",
  'BP 142/88, HR 96, RR 18, SpO2 94% on room air; grade 2/6 systolic murmur at the RUSB.',
  'Her son Kevin (cell 416-555-0187) found her confused on the 3rd of June.',
  'Started metformin 500 mg PO BID; HbA1c 8.9%, eGFR 38, potassium 5.6 mmol/L.',
  'MRN 00482913, OHIP 4521 873 190 KT; lives at 88 Dundas Street West, Toronto, ON M5T 1G4.',
  "History of Crohn's disease since 2019 on adalimumab; Murphy's sign positive, Babinski absent.",
  'A 92-year-old man from Kamloops, BC was referred by Dr. Priya Raman at Riverside Family Clinic.',
  'Day 3 of admission: tolerating diet, mobilizing with physiotherapy, afebrile for 48 hours.',
  'Please email results to anna.s@mercyhealth.org or fax (905) 555-0144 before March 14th.',
  'ANA positive at 1:160; Apgar 8/9; GCS 15; staging T2N0M0 with no distant disease.',
];

const TARGET_BYTES = 4 * 1024 * 1024;
const RUNS = 7;

function buildCorpus(): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < TARGET_BYTES; i++) {
    const sentence = SENTENCES[i % SENTENCES.length];
    parts.push(sentence);
    size += Buffer.byteLength(sentence) + 1;
  }
  return parts.join(' ');
}

/** Prints single-core throughput of deidentify() in MB/s (median of several runs after warm-up). */
export async function benchDeidentify(): Promise<void> {
  const corpus = buildCorpus();
  const megabytes = Buffer.byteLength(corpus) / (1024 * 1024);
  deidentify(corpus.slice(0, 200_000)); // warm-up: loads word lists, JIT-compiles the regexes
  const rates: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = process.hrtime.bigint();
    deidentify(corpus);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    rates.push(megabytes / seconds);
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)];
  console.log(
    `deidentify: ${median.toFixed(2)} MB/s (median of ${RUNS} runs over ${megabytes.toFixed(1)} MB, one core; min ${rates[0].toFixed(2)}, max ${rates[rates.length - 1].toFixed(2)})`,
  );
}
