import { type PhiCandidate, PhiKind } from '../phi-kind.js';
import { lookBehind, matchAll } from './regex-util.js';

const NUM = '(?:\\s{0,2}(?:number|num|no\\.?|nbr|#|id))?';
/** Words that announce an identifier: record, account, plan, licence, device, vehicle, government numbers. */
const ID_CUES = [
  'mrn',
  'mr#',
  'medical\\s+record',
  'health\\s+record',
  'record',
  'chart',
  'hospital',
  'hosp',
  'nhi',
  'aadhaa?r',
  'philhealth',
  'ur',
  'urn',
  'uhid',
  'ip\\s+no',
  'op\\s+no',
  'crn',
  'chi',
  'ppsn?',
  'tfn',
  'ird',
  'nric',
  'bvn',
  'nin',
  'nid',
  'pan',
  'sss',
  'gsis',
  'umid',
  'tin',
  'nhif',
  'medical\\s+aid',
  'omang',
  'id\\s+(?:no|number)',
  'unit\\s+(?:no|record)',
  'patient\\s+id',
  'pt\\s+id',
  'unit\\s+number',
  'account',
  'acct\\.?',
  'a/c',
  'member',
  'membership',
  'policy',
  'group',
  'plan',
  'subscriber',
  'beneficiary',
  'claim',
  'insurance',
  'insurer',
  'coverage',
  'licen[cs]e',
  'lic\\.?',
  'certificate',
  'cert\\.?',
  'registration',
  'reg\\.?',
  'serial',
  's/n',
  'sn',
  'device',
  'implant',
  'pacemaker',
  'icd',
  'pump',
  'plate',
  'licen[cs]e\\s+plate',
  'vin',
  'vehicle',
  'npi',
  'dea',
  'cpso',
  'cpsbc',
  'cmq',
  'college',
  'ohip',
  'medicare',
  'medicaid',
  'mbi',
  'nhs',
  'chi',
  'hin',
  'ihi',
  'health\\s+insurance',
  'health\\s+number',
  'insurance\\s+number',
  'health\\s+card',
  'hcn',
  'phn',
  'ramq',
  'nam',
  'uli',
  'phin',
  'msp',
  'mcp',
  'carte',
  'identifier',
  'id',
  'case',
  'encounter',
  'visit',
  'accession',
  'specimen',
  'sample',
  'requisition',
  'req',
  'order',
  'passport',
  "driver['’]?s\\s+licen[cs]e",
  'dl',
  'ssn',
  'sin',
  'nas',
  'social\\s+security',
  'social\\s+insurance',
  'employee',
  'student',
  'file',
  'reference',
  'ref\\.?',
  'confirmation',
  'ticket',
  'badge',
  'tracking',
  'invoice',
  'bill',
  'billing',
  'prescription',
  'rx',
  'pharmacy',
  'benefit',
  'band',
  'bracelet',
  'tag',
  'barcode',
  'lot',
  'kit',
  'permit',
  'firearms?',
  'boat',
  'hull',
  'tail',
  'aircraft',
].join('|');
// Value: up to four groups; each group has a digit, or is a 1–2 letter version code ("1234-567-890-AB").
const GROUP = '[A-Za-z]{0,6}\\d[A-Za-z0-9]{0,24}';
const VALUE = `(?:[A-Za-z]{1,4}[\\s/-])?${GROUP}(?:[\\s/-](?:${GROUP}|[A-Z]{1,2}\\b)){0,4}`;
const CUED_ID = new RegExp(
  `\\b(?:${ID_CUES})(?![A-Za-z])${NUM}(?:\\s{0,2}(?:is|was|=|of|:|#|no\\.?|number|\\(s\\)))?(?:[\\s:#.=]|\\s-\\s){0,4}(${VALUE})`,
  'gi',
);
const SSN = /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g;
const NINE_DIGITS = /(?<![\d-])\d{3}[\s-]?\d{3}[\s-]?\d{3}(?![\d-]|\s\d)/g;
// OHIP: 10 digits grouped 4-3-3 with an optional two-letter version code.
const OHIP = /(?<![\d-])\d{4}[\s-]?\d{3}[\s-]?\d{3}(?:[\s-]?[A-Z]{2})?(?![\dA-Za-z])/g;
// Quebec RAMQ: four letters then eight digits ("GONM 8503 1512").
const RAMQ = /\b[A-Z]{4}[\s-]?\d{4}[\s-]?\d{4}\b/g;
// Any long digit run or mixed letter-digit code: record numbers rarely look like anything clinical.
const ALNUM = /(?<![A-Za-z0-9])[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){3,60}(?![A-Za-z0-9])/g;
// "CPSO #12345", "chart #48213".
const HASH_NUMBER = /(?<![\w#])#\s?\d{4,12}\b/g;
// NHS number: ten digits grouped 3-3-4 with a modulus-11 check digit.
const NHS_NUMBER = /(?<![\d-])\d{3}[\s-]?\d{3}[\s-]?\d{4}(?![\d-])/g;
const VIN = /\b[A-HJ-NPR-Z0-9]{17}\b/g;

export function detectIdentifiers(text: string): PhiCandidate[] {
  const out: PhiCandidate[] = [];
  const add = (start: number, end: number, confidence = 2) =>
    out.push({ kind: PhiKind.ID_NUMBER, start, end, confidence });
  matchAll(text, CUED_ID, (m) => {
    const value = m[1].replace(/[\s-]+$/, '');
    // "hospital on 03/14/2024": a date after the cue is a date, and a lowercase word is no prefix.
    if (/^[a-z]+\s/.test(value) || /^\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(value)) return;
    const digits = value.replace(/\D/g, '').length;
    // A short value needs an explicit marker ("Group # 12", "case no. 31") or letters ("policy ZX-44").
    const marked = /(?:#|\bno\.?|\bnumber|\bnum|\bnbr|\bid)[\s:.]{0,3}$/i.test(
      m[0].slice(0, m[0].length - m[1].length),
    );
    const minDigits = marked || /[A-Z]/.test(value) ? 2 : 3;
    if (digits < minDigits || isMeasurement(value, text, m.index + m[0].length)) return;
    const start = m.index + m[0].length - m[1].length;
    add(start, start + value.length, 3);
  });
  matchAll(text, SSN, (m) => add(m.index, m.index + m[0].length, 3));
  matchAll(text, NINE_DIGITS, (m) => {
    // A SIN passes the Luhn check; a 9-digit number right after a SIN/SSN cue goes anyway (CUED_ID).
    if (luhnValid(m[0].replace(/\D/g, ''))) add(m.index, m.index + m[0].length, 3);
  });
  matchAll(text, NHS_NUMBER, (m) => {
    if (nhsValid(m[0].replace(/\D/g, ''))) add(m.index, m.index + m[0].length, 1);
  });
  for (const re of [OHIP, RAMQ, VIN, HASH_NUMBER])
    matchAll(text, re, (m) => add(m.index, m.index + m[0].length));
  matchAll(text, ALNUM, (m) => {
    const token = m[0];
    const digits = token.replace(/\D/g, '').length;
    const letters = token.length - digits - (token.match(/-/g)?.length ?? 0);
    if (digits >= 7 || (digits >= 5 && letters >= 1 && !CLINICAL_CODE.test(token))) {
      const phoneCue = /(?:phone|tel|cell|call|fax)\W{0,4}$/.test(lookBehind(text, m.index, 12));
      if (phoneCue)
        out.push({ kind: PhiKind.PHONE, start: m.index, end: m.index + token.length, confidence: 2 });
      else add(m.index, m.index + token.length, 1);
    }
  });
  return out;
}

// Coded clinical tokens that carry digits: genes, variants, HbA1c, ICD-10 codes, rsIDs are rarely 5+ digits
// but accession-like genomic references ("NM_000546") are not patient identifiers either.
const CLINICAL_CODE = /^(?:NM|NP|NC|NG|NR|XM|ENSG|ENST|rs|PMID|LOINC|SNOMED|CPT|ICD)[-_]?\d/i;

/** "plan 2 L/min", "group 3 weeks": a quantity with a unit after it is not an identifier. */
function isMeasurement(value: string, text: string, end: number): boolean {
  if (!/^\d{1,3}(?:\.\d+)?$/.test(value)) return false;
  return /^\s{0,2}(?:mg|mcg|g|kg|ml|l|mmol|units?|%|cm|mm|weeks?|days?|months?|years?|hours?|times|x|pm|am)\b/i.test(
    text.slice(end, end + 12),
  );
}

export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** NHS number check: weights 10..2 over the first nine digits; 11 - (sum mod 11) is the tenth (11 means 0). */
export function nhsValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check !== 10 && check === digits.charCodeAt(9) - 48;
}
