import { describe, expect, it } from '@jest/globals';
import { deidentify, PhiKind } from './deidentify.js';

const redact = (text: string) => deidentify(text).text;

describe('deidentify', () => {
  it('replaces a case-post header and returns sorted, non-overlapping findings on input offsets', () => {
    const input = "Pt Maria Gonzalez-Smith, 47F, seen at St. Michael's Hospital on 03/14/2024.";
    const { text, findings } = deidentify(input);
    expect(text).toBe('Pt [NAME], 47F, seen at [INSTITUTION] on [DATE].');
    expect(findings.map((f) => f.kind)).toEqual([PhiKind.NAME, PhiKind.INSTITUTION, PhiKind.DATE]);
    expect(input.slice(findings[0].start, findings[0].end)).toBe('Maria Gonzalez-Smith');
    for (let i = 1; i < findings.length; i++)
      expect(findings[i].start).toBeGreaterThanOrEqual(findings[i - 1].end);
  });

  it('handles names with titles, initials, apostrophes and family cues', () => {
    expect(redact('Seen by Dr. Anna S. and Mr. O’Brien; her son Will drove her.')).toBe(
      'Seen by Dr. [NAME] and Mr. [NAME]; her son [NAME] drove her.',
    );
    expect(redact("Mrs. Takahashi's daughter called.")).toBe("Mrs. [NAME]'s daughter called.");
  });

  it.each([
    ['14 Mar 2024'],
    ['March 14th'],
    ['the 3rd of June'],
    ['2024-03-14'],
    ['14/03/2024'],
    ['Christmas 2023'],
  ])('redacts the date %s', (date) => {
    expect(redact(`Admitted ${date} with chest pain.`)).toBe('Admitted [DATE] with chest pain.');
  });

  it('redacts ages over 89 only', () => {
    expect(redact('A 92-year-old and a 47-year-old; aged 95; 93 yo.')).toBe(
      'A [AGE] and a 47-year-old; [AGE]; [AGE].',
    );
  });

  it('redacts contact details and network identifiers', () => {
    expect(
      redact('Call 416-555-1234 ext. 22, fax (905) 555-0199, a.b@x.org, https://x.org/p, @handle, 10.0.0.1'),
    ).toBe('Call [PHONE], fax [FAX], [EMAIL], [URL], [HANDLE], [IP]');
    expect(redact('gateway 2001:db8::8a2e:370:7334')).toBe('gateway [IP]');
  });

  it('redacts record numbers, SIN (Luhn) and health cards', () => {
    expect(redact('MRN 00482913, SIN 046 454 286, OHIP 1234-567-890-AB, SSN 123-45-6789.')).toBe(
      'MRN [ID], SIN [ID], OHIP [ID], SSN [ID].',
    );
  });

  it('redacts addresses and generalises ZIP codes per Safe Harbor', () => {
    expect(redact('Lives at 123 Main St, Apt 4, Kamloops, BC V2C 1A1.')).toBe(
      'Lives at [LOCATION], BC [LOCATION].',
    );
    expect(redact('Springfield, IL 62704')).toBe('[LOCATION], IL 627XX');
    expect(redact('Reno, NV 89001')).toBe('[LOCATION], NV 000XX');
  });

  it('keeps clinical language', () => {
    const clinical =
      "BP 142/88, 2/6 murmur, titre 1:160, Apgar 8/9, GCS 15, T2N0M0, 47-year-old, in 2019, 3 days, 2 weeks ago, day 3 of admission. Parkinson disease, Crohn's, Graves' disease, Bell's palsy, Kawasaki disease, Hashimoto thyroiditis, Guillain-Barré syndrome, Down syndrome, Babinski sign, Murphy's sign, Lyme disease, West Nile virus, Rocky Mountain spotted fever.";
    expect(redact(clinical)).toBe(clinical);
  });

  it('finishes on 200 kB adversarial inputs (no catastrophic backtracking)', () => {
    const inputs = [
      'a'.repeat(200_000),
      '1'.repeat(200_000),
      'a.'.repeat(100_000),
      '1/'.repeat(100_000),
      'Dr. '.repeat(50_000),
      `${'x'.repeat(199_990)}@`,
      'St. A '.repeat(33_000),
      '1 A '.repeat(50_000),
      ':1'.repeat(100_000),
    ];
    for (const input of inputs) expect(typeof deidentify(input).text).toBe('string');
  });
});
