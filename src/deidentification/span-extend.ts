import { type PhiFinding, PhiKind } from './phi-kind.js';
import { PLACEHOLDERS } from './placeholders.js';

/**
 * Whole-span coverage. Detectors find the distinctive part of an address, place, institution or name
 * ("Ballymun Road", "Glasnevin", "Dublin"); this pass grows each finding over the tokens that belong to it
 * (house and unit numbers, postcodes, district numbers, ward/bed numbers, initials, surname particles) and
 * joins neighbouring findings of one entity that only punctuation or a region separates. Every step looks
 * at a bounded window next to a finding, so the pass stays linear in the input.
 */

// Before an address: "Flat 2, ", "Unit 5/", "Plot 12, ", "18 ", "4B-", "No. 7 ".
const UNIT_WORD =
  '(?:Flat|Unit|Apt|Apartment|Suite|Ste|Plot|Lot|House|Block|Blk|Door|Shop|Room|Rm|Level|Lvl|Floor|Bldg|Building|No|Nr|Stand|Erf|Villa|Bungalow|Quarters|Qtrs)\\.?';
const LEFT_PIECE = new RegExp(
  `(?:(?<![\\p{L}\\d])${UNIT_WORD}[ \\t]{0,2}#?[ \\t]{0,2}[A-Za-z0-9][A-Za-z0-9-]{0,5}|(?<![\\p{L}\\d.,/:-])#?\\d{1,6}[A-Za-z]?)(?:,?[ \\t]{1,2}|[/-])$`,
  'iu',
);
// After an address or place: unit, postcode (after an optional region or country), district number.
const RIGHT_UNIT = new RegExp(
  `^,?[ \\t]{0,2}${UNIT_WORD}[ \\t]{0,2}#?[ \\t]{0,2}[A-Za-z0-9][A-Za-z0-9-]{0,5}\\b`,
  'i',
);
const RIGHT_POSTCODE =
  /^[ \t]{0,2},?[ \t]{0,2}(?:\r?\n[ \t>]{0,8},?[ \t]{0,2})?(?:(?:\p{Lu}[\p{L}'’.-]*|\(\p{L}+\))(?:[ \t]{1,2}(?:\p{Lu}[\p{L}'’.-]*|\(\p{L}+\))){0,2}[ \t]{0,2},?[ \t]{1,2})?(\d{3,6}(?:[ -]\d{3,4})?)(?![\d:/%]|[.,]\d|[ \t]?(?:mg|mcg|ml|kg|g|cm|mm|units?|years?|yrs?|days?|weeks?|patients|people|km|m)\b)/u;
const RIGHT_DISTRICT = /^[ \t]\d{1,2}(?=[ \t]{0,2}(?:[,.;|)\n]|$))/;
// After an institution: its ward, wing, block, unit or bed ("Ward 3B, Block C", "ward 4B").
const RIGHT_WARD =
  /^,?[ \t]{1,2}(?:Ward|Wing|Block|Pavilion|Unit|Bed|Floor|Level|Building|Bldg|Room|Rm)\.?[ \t]{0,2}#?[ \t]{0,2}[A-Za-z0-9][A-Za-z0-9-]{0,4}\b/i;
// Between two pieces of one address: commas, one line break, and at most a region or country name.
// A two- or three-letter state or province code stays visible (Safe Harbor), so it splits the pieces.
const LOCATION_GAP =
  /^[ \t]{0,3}[,;/–-]?[ \t]{0,3}(?:\r?\n[ \t>]{0,8})?,?[ \t]{0,3}(?:(?!\p{Lu}{2,3}\b)(?:\p{Lu}[\p{L}'’.-]*|\(\p{L}+\))(?:[ \t]{1,2}(?:\p{Lu}[\p{L}'’.-]*|\(\p{L}+\))){0,2}[ \t]{0,3},?[ \t]{0,3}(?:\r?\n[ \t>]{0,8})?,?[ \t]{0,3})?$/u;
const COMMA_OR_SPACE = /^,?[ \t]{1,2}$/;
// Surname particles and initials inside one name: "van der", "de la", "bin", "H.".
const NAME_GAP =
  /^[ \t]{1,2}(?:(?:van|von|der|den|de|da|del|della|di|du|la|le|bin|binti|ibn|al|el|ter|ten|y|dos|das|do|mac|ap|\p{Lu}\.?)[ \t]{1,2}){1,3}$|^,?[ \t]{1,2}$/u;
const LEFT_INITIALS =
  /(?<![\p{L}.])(?:\p{Lu}\.[ \t]?){1,3}$|(?:\b(?:Dr|Mr|Mrs|Ms|Mx|Prof|Dre|Sr|Sra)\.?[ \t]{1,2})(\p{Lu})[ \t]{1,2}$/u;
const RIGHT_SURNAME_AFTER_INITIAL = /^[ \t]{1,2}\p{Lu}[\p{Ll}'’-]{1,30}(?:-\p{Lu}[\p{Ll}'’-]{1,30})?/u;

// After an institution: its abbreviation in brackets ("(RMH)", "(KATH)") and its campus or site
// ("– Idi-Araba Campus", "@ Jurong", ", North Campus", " Site B").
const RIGHT_ABBREVIATION = /^[ \t]{0,2}\((?=[^()\n]{0,10}\p{Lu}[^()\n]{0,10}\p{Lu})[\p{L}\d&.'’-]{2,10}\)/u;
const SITE_WORD = '(?:Campus|Site|Branch|Annexe?|Division|Unit)';
const RIGHT_SITE = new RegExp(
  `^(?:[ \\t]{0,2}[–—][ \\t]{0,2}|[ \\t]{1,2}[-@][ \\t]{1,2}|,?[ \\t]{1,2}(?=(?:\\p{Lu}[\\p{L}'’-]*[ \\t]{1,2}){0,2}${SITE_WORD}\\b))(?!(?:Dr|Mr|Mrs|Ms|Prof|Sister|Nurse|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Admitted|Discharged|Seen|Transferred|Referred|ICU|ED|Emergency|Outpatients?)\\b)\\p{Lu}[\\p{L}'’-]*(?:[ \\t]{1,2}(?:\\p{Lu}[\\p{L}'’-]*|of|de|du|la|[A-Z0-9]{1,3}\\b)){0,3}`,
  'u',
);

// A place-labelled span that is really an institution ("Lagos University Teaching Hospital").
const INSTITUTION_END =
  /(?:Hospital|Clinic|Centre|Center|Infirmary|Hospice|Institute|Polyclinic|Dispensary|College|University|Home|Ltd|Inc)$/;

const ADDRESSY = new Set<PhiKind>([PhiKind.LOCATION, PhiKind.INSTITUTION]);

export function extendFindings(text: string, findings: PhiFinding[]): PhiFinding[] {
  const grown = findings.map((f) => ({ ...f, changed: false }));
  // "Flat 2, 18 Heol y Parc, Pontypridd": a name-like street between two pieces of an address is the address.
  for (let i = 1; i + 1 < grown.length; i++) {
    if (grown[i].kind !== PhiKind.NAME || grown[i - 1].kind !== PhiKind.LOCATION) continue;
    let j = i;
    while (
      j + 1 < grown.length &&
      j - i < 3 &&
      grown[j + 1].kind === PhiKind.NAME &&
      NAME_GAP.test(text.slice(grown[j].end, grown[j + 1].start))
    )
      j++;
    if (j + 1 >= grown.length || grown[j + 1].kind !== PhiKind.LOCATION) continue;
    const before = text.slice(grown[i - 1].end, grown[i].start);
    const after = text.slice(grown[j].end, grown[j + 1].start);
    if (!/^,?[ \t]{1,2}(?:\d{1,6}[A-Za-z]?[ \t]{1,2})?$/.test(before) || !/^,?[ \t]{1,2}$/.test(after))
      continue;
    for (let k = i; k <= j; k++) grown[k].kind = PhiKind.LOCATION;
    grown[i].end = grown[j].end;
    i = j;
  }
  for (let i = 0; i < grown.length; i++) {
    const f = grown[i];
    const prevEnd = i > 0 ? grown[i - 1].end : 0;
    const nextStart = i + 1 < grown.length ? grown[i + 1].start : text.length;
    if (
      f.kind === PhiKind.INSTITUTION ||
      (f.kind === PhiKind.LOCATION && INSTITUTION_END.test(text.slice(f.start, f.end)))
    ) {
      // "Shepherd Ltd.", "Conway Inc.": the abbreviation's full stop belongs to the name.
      if (/(?:^|[ \t])(?:Inc|Ltd|Co|Corp|Pty|Bros)$/.test(text.slice(f.start, f.end)) && text[f.end] === '.')
        f.end++;
      for (const re of [RIGHT_ABBREVIATION, RIGHT_SITE]) {
        const m = re.exec(text.slice(f.end, f.end + 50));
        if (m) f.end += m[0].length;
      }
    }
    if (ADDRESSY.has(f.kind)) {
      const m = RIGHT_WARD.exec(text.slice(f.end, Math.min(nextStart, f.end + 30)));
      if (m) f.end += m[0].length;
    }
    if (f.kind === PhiKind.LOCATION) {
      for (let step = 0; step < 3; step++) {
        const from = Math.max(prevEnd, f.start - 24);
        const left = LEFT_PIECE.exec(text.slice(from, f.start));
        if (!left) break;
        f.start = from + left.index;
      }
      for (let step = 0; step < 3; step++) {
        const after = text.slice(f.end, Math.min(nextStart, f.end + 60));
        const ward = /^(?:ward|unit|room|bed|bay|floor|level|pod|wing|block|theatre|suite|station)$/i.test(
          text.slice(f.start, f.end),
        );
        const m =
          RIGHT_UNIT.exec(after) ?? RIGHT_POSTCODE.exec(after) ?? (ward ? null : RIGHT_DISTRICT.exec(after));
        if (!m) break;
        // A year is not a postcode ("Lagos 2019").
        if (m[1] && /^(?:19|20)\d\d$/.test(m[1])) break;
        f.end += m[0].length;
      }
    } else if (f.kind === PhiKind.NAME) {
      const from = Math.max(prevEnd, f.start - 12);
      const left = LEFT_INITIALS.exec(text.slice(from, f.start));
      if (left) f.start = from + left.index + (left[1] ? left[0].indexOf(left[1]) : 0);
      if (/(?:^|[ \t])\p{Lu}\.?$/u.test(text.slice(f.start, f.end))) {
        const m = RIGHT_SURNAME_AFTER_INITIAL.exec(text.slice(f.end, Math.min(nextStart, f.end + 40)));
        if (m) f.end += m[0].length;
      }
    }
  }
  const out: Array<PhiFinding & { changed: boolean }> = [];
  grown.forEach((f, i) => {
    if (f.start !== findings[i].start || f.end !== findings[i].end) f.changed = true;
    const last = out[out.length - 1];
    if (last && (f.start <= last.end || joinable(last.kind, f.kind, text.slice(last.end, f.start)))) {
      last.end = Math.max(last.end, f.end);
      last.changed = true;
      return;
    }
    out.push(f);
  });
  // A grown ZIP keeps no partial replacement ("941XX"): the whole span reads as its kind.
  return out.map(({ changed, ...f }) => (changed ? { ...f, replacement: PLACEHOLDERS[f.kind] } : f));
}

function joinable(a: PhiKind, b: PhiKind, gap: string): boolean {
  if (gap.length > 60) return false;
  if (a === PhiKind.LOCATION && b === PhiKind.LOCATION) return LOCATION_GAP.test(gap);
  if (ADDRESSY.has(a) && ADDRESSY.has(b)) return COMMA_OR_SPACE.test(gap);
  if (a === PhiKind.NAME && b === PhiKind.NAME) return NAME_GAP.test(gap);
  return false;
}
