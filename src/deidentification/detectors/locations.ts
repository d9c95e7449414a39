import { isClinicalToken, isClinicalVocabulary, isDrugName, isNeverName } from '../clinical-allow-list.js';
import { type PhiCandidate, PhiKind } from '../phi-kind.js';
import { type DetectionContext, followedByClinicalHead, gapBetween } from './context.js';
import { matchAll } from './regex-util.js';

const US_STATES =
  'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY PR';
const CA_PROVINCES = 'AB BC MB NB NL NS NT NU ON PE QC SK YT PQ NF';
const REGION_CODES = new Set(`${US_STATES} ${CA_PROVINCES}`.split(' '));
const EXTRA_REGIONS = [
  'united states',
  'usa',
  'america',
  'north america',
  'south america',
  'central america',
  'europe',
  'asia',
  'africa',
  'uk',
  'england',
  'scotland',
  'wales',
  'northern ireland',
  'quebec',
  'québec',
  'new york',
  'ontario',
  'canada',
  'the caribbean',
  'middle east',
];

const STREET_SUFFIX =
  'Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Court|Ct|Crescent|Cres|Way|Place|Pl|Terrace|Terr|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Trl|Square|Sq|Close|Gate|Gardens|Grove|Heights|Hts|Row|Sideroad|Concession|Pike|Alley|Plaza|Promenade|Mews|Landing|Commons|Crossing|Cove|Glen|Expressway|Freeway|Esplanade|Rue|Chemin|Boul|Rang|Route|Rte';
const DIRECTION = '(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West|Northeast|Northwest|Southeast|Southwest)\\.?';
const UNIT =
  '(?:\\s{0,2},?\\s{0,2}(?:Apt|Apartment|Unit|Suite|Ste|Room|Rm|Floor|Fl|Flat|#)\\.?\\s{0,2}#?\\s{0,2}[A-Za-z0-9-]{1,6})?';
// "123 Main St", "4B-1200 Bay Street West, Apt 5", "12 Rue Saint-Denis"
const STREET_ADDRESS = new RegExp(
  `(?<![\\w-])(?:[A-Za-z0-9]{1,5}-)?\\d{1,6}[A-Za-z]?(?:\\s{1,2}${DIRECTION})?(?:\\s{1,2}[A-Z0-9][A-Za-z0-9'’.-]{0,30}){0,4}\\s{1,2}(?:${STREET_SUFFIX})\\b\\.?(?:\\s{1,2}${DIRECTION}(?![A-Za-z]))?${UNIT}`,
  'g',
);
const FRENCH_ADDRESS =
  /(?<![\w-])\d{1,6},?\s{1,2}(?:[Rr]ue|[Aa]venue|[Bb]oulevard|[Bb]oul\.?|[Cc]hemin|[Rr]ang|[Pp]lace|[Rr]oute|[Cc]ôte|[Mm]ontée)\s{1,2}(?:[A-ZÀ-Ý][\wÀ-ÿ'’.-]{0,30}\s?){1,4}/g;
// "on Queen St.", "off Main Rd": abbreviated street names with a cue.
const CUED_SHORT_STREET =
  /\b(?:on|off|at|along|near)\s+((?:[A-Z][a-z'’]{1,20}\s){1,2}(?:St|Ave|Rd|Blvd|Dr|Cres|Ct|Ln|Pl|Hwy)\b\.?)/g;
// "Lake Muskoka", "Port Hope", "Fort McMurray", "Mount Forest".
const PREFIXED_PLACE =
  /\b(?:Lake|Port|Fort|Mount|Mt\.|Point|Cape|Isle|Île|San|Santa|Los|Las|Brgy\.|Barangay|Purok|Sitio|Kampung|Kg\.|Taman|Jalan|Jln\.|Mukim|Moshav|Kibbutz)\s[A-Z][a-zé'’]+(?:[-\s][A-Z][a-z]+)*\b/g;
const NAMED_STREET =
  /\b(?:[A-Z][a-z'’]{1,20}\s{1,2}){1,3}(?:Street|Avenue|Road|Boulevard|Drive|Lane|Crescent|Terrace|Parkway|Highway|Trail)\b/g;
// "RR 18" is a respiratory rate, so a rural route needs "RR #2" or "R.R. 2".
const PO_BOX =
  /\b(?:[Pp]\.?\s?[Oo]\.?\s?[Bb]ox|Post\s+Office\s+Box|RR\s?#|R\.R\.|Rural\s+Route|General\s+Delivery)\s{0,2}#?\s{0,2}\d{0,6}\b/g;
// International layouts, number after the street: "Koskikatu 25", "Rua do Arenque 1634", "Erzsébet tér 19.".
const STREET_FIRST_WORDS =
  'Rua|Via|Viale|Calle|Avenida|Avda\\.?|Piazza|Corso|Largo|Travessa|Paseo|Camino|Carrer|Strada|Calea|Praça|Plaza|ul\\.|Ulica|Aleja|Rue|Odos|Bulevardul|Carrera';
const STREET_WORD_ENDINGS =
  'katu|tie|kuja|polku|vej|vænget|gade|straße|strasse|weg|gasse|platz|allee|laan|straat|gracht|plein|gatan|vägen|gata|veien|vegen|stien|utca|ulice|cesta|sokak|caddesi';
const INTERNATIONAL_STREET = new RegExp(
  `(?<![\\p{L}\\d-])(?:\\d{1,6}\\s{1,2})?(?:(?:${STREET_FIRST_WORDS})(?:\\s{1,2}[\\p{L}][\\p{L}'’.-]{0,30}){1,4}|\\p{Lu}[\\p{L}'’-]{0,30}(?:${STREET_WORD_ENDINGS})|\\p{Lu}[\\p{L}'’-]{1,30}\\s(?:tér|út|utca|u\\.|str\\.?|sq\\.?))\\s{1,2}\\d{1,5}[A-Za-z]?(?![\\d\\p{L}])\\.?`,
  'gu',
);
// "20789 Allika 46": house number, an unknown capitalized street name, then a number (checked against English).
const NUMBER_NAME_NUMBER =
  /(?<![\p{L}\d.,/:-])\d{2,6}\s{1,2}(\p{Lu}[\p{L}'’-]{2,30})(?:\s{1,2}\p{L}[\p{L}'’.-]{0,30}){0,2}\s{1,2}\d{1,5}(?![\d\p{L}/%:-]|[.,]\d)/gu;
// Unit lines and military addresses: "Apt. 595", "Suite 501", "PSC 0413, Box 8144", "APO AA 42323".
const UNIT_LINE = /\b(?:Apt|Apartment|Suite|Ste|Flat)\.?\s{0,2}#?\s{0,2}\d{1,5}[A-Za-z]?\b/g;
const MILITARY =
  /\b(?:(?:PSC|CMR|Unit)\s{1,2}\d{3,5},?\s{1,2}Box\s{1,2}\d{2,5}|(?:APO|FPO|DPO)\s{1,2}(?:AA|AE|AP)(?:\s{1,2}\d{5})?)\b/g;
const HIGHWAY =
  /\b(?:Highway|Hwy|Interstate|I-|Route|Rte)\s?\d{1,4}\b(?:,?\s{0,2}(?:km|KM|Km|exit|Exit|mile|Mile|mm)\s{0,2}\d{1,4}\b)?/g;
// Rural addresses: "RR 3, Conc. 7 Lot 12", "Concession 4, Lot 9", "Lot 12 Conc 3" (a lone "RR 18" is a rate).
const RURAL =
  /\b(?:R\.?R\.?\s?#?\s?\d{1,3},?\s{0,2}(?=Conc|Lot|Site|Comp|Box))?(?:(?:Conc(?:ession)?\.?|Con\.)\s{0,2}\d{1,2}[A-Z]?(?:,?\s{0,2}(?:Lot|Pt\.?\s{0,2}Lot)\s{0,2}\d{1,3}[A-Z]?)?|Lot\s{0,2}\d{1,3}[A-Z]?,?\s{0,2}(?:Conc(?:ession)?\.?|Con\.)\s{0,2}\d{1,2}[A-Z]?|Site\s{1,2}\d{1,3},?\s{0,2}(?:Comp|Box)\.?\s{0,2}\d{1,4})/g;
// First Nations communities and reserves: "Attawapiskat First Nation", "Six Nations of the Grand River",
// "Kahnawake Mohawk Territory", "Sandy Bay Indian Reserve No. 5".
const FIRST_NATION =
  /\b((?:[A-Z][\p{L}'’-]+\s{1,2}){1,3})(?:First\s{1,2}Nations?|Cree\s{1,2}Nation|Nations?|Indian\s{1,2}(?:Reserve|Settlement|Band)|Reserve|Reservation|Mohawk\s{1,2}Territory|Territory|Métis\s{1,2}Settlement|Band)\b(?:\s{1,2}of\s{1,2}the\s{1,2}[A-Z][\p{L}'’-]+(?:\s{1,2}[A-Z][\p{L}'’-]+){0,2}|\s{1,2}(?:No\.?\s{0,2})?\d{1,3}[A-Z]?\b)?/gu;
const NOT_NATION_WORDS = new Set([
  'the',
  'united',
  'first',
  'other',
  'northwest',
  'yukon',
  'northern',
  'federal',
]);
// UK postcodes ("LS6 1AB", "SW1A 2AA") and Australian four-digit postcodes after a state ("NSW 2031").
const UK_POSTCODE =
  /(?:\b\p{Lu}[\p{L}'’-]{2,30},?[ \t]{1,2})?\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?)\s?\d[ABD-HJLNP-UW-Z]{2}\b/gu;
const AU_POSTCODE = /\b(?:NSW|VIC|QLD|SA|WA|TAS|NT|ACT)\.?,?\s{1,2}(\d{4})\b/g;
// A house number and a street name with no street type, after an address cue: "lives at 12 Kingsway".
const CUED_BARE_ADDRESS =
  /\b(?:at|[Aa]ddress(?::|\s+is)?|[Ll]ives\s+at|[Rr]esides\s+at|[Hh]ome(?::|\s+at)|[Aa]ddress\s+of)\s{1,2}(\d{1,5}[A-Za-z]?\s{1,2}(\p{Lu}[\p{L}'’-]{2,30})(?:\s{1,2}\p{Lu}[\p{L}'’-]{2,30})?)/gu;
// Landmarks used as places: "near the CN Tower", "by Stanley Park", "at Square One mall".
const LANDMARK =
  /\b((?:[A-Z][\p{L}'’-]+|[A-Z]{2,4})(?:\s{1,2}[A-Z][\p{L}'’-]+){0,2})\s{1,2}(?:Tower|Park|Mall|Bridge|Arena|Stadium|Pier|Market|Square|Plaza|Island|Beach|Provincial\s+Park|National\s+Park|Conservation\s+Area|Campground|Airport|Speedway|Casino|Harbourfront|Waterfront|Gardens|Zoo)\b/gu;
const NOT_LANDMARK_WORDS = new Set(
  'the a an this that his her their our nursing bus train gas police fire central main city town national provincial state public trailer mobile water amusement theme car skate dog ball ice'.split(
    ' ',
  ),
);
// Canadian postal codes (never D, F, I, O, Q, U; no W or Z first), "A1A 1A1".
const POSTAL_CODE = /\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d\b/g;
const TNM = /^T\d[A-Z]?N\d/;
// ZIP after a state code or cue; ZIP+4 is distinctive enough alone.
const ZIP_AFTER_STATE = new RegExp(
  `\\b(?:${US_STATES.split(' ').join('|')})\\.?,?\\s{1,2}(\\d{5}(?:-\\d{4})?)\\b`,
  'g',
);
const ZIP_CUED =
  /\b(?:zip(?:\s?code)?|postal\s+code|postcode)(?:\s+is)?[\s:#]{0,4}(\d{5}(?:-\d{4})?|\d{3,6}(?:[ -]\d{2,4})?)\b/gi;
const ZIP_PLUS4 = /(?<![\d-])\d{5}-\d{4}(?![\d-])/g;
// Safe Harbor: these three-digit ZIP prefixes cover under 20,000 people and must read 000.
const RESTRICTED_ZIP3 = new Set(
  '036 059 063 102 203 556 692 790 821 823 830 831 878 879 884 890 893'.split(' '),
);

/** Words after which a capitalized word is a place ("lives in Smithers", "town of Hope"). */
const PLACE_VERBS = new Set([
  'lives',
  'live',
  'living',
  'resides',
  'reside',
  'residing',
  'resident',
  'moved',
  'relocated',
  'born',
  'raised',
  'up',
  'native',
  'visiting',
  'visited',
  'returned',
  'travelled',
  'traveled',
  'trip',
  'vacation',
  'cottage',
  'farm',
  'home',
  'transferred',
  'works',
  'working',
  'hails',
  'originally',
  'outside',
  'near',
  'flew',
  'drove',
]);
/** Movement verbs that, lowercase, only back up a city-list match ("came from perth"). */
const LOWERCASE_PLACE_VERBS = new Set([
  'came',
  'comes',
  'arrived',
  'is',
  'went',
  'visit',
  'trip',
  'moving',
  'drive',
  'driving',
]);
const PLACE_NOUNS = new Set([
  'town',
  'city',
  'village',
  'hamlet',
  'township',
  'municipality',
  'county',
  'parish',
  'borough',
  'reserve',
  'community',
  'suburb',
  'neighbourhood',
  'neighborhood',
  'region',
]);
const DWELLINGS = new Set([
  'shelter',
  'house',
  'home',
  'apartment',
  'condo',
  'lives',
  'living',
  'located',
  'stays',
  'staying',
  'street',
  'store',
  'pharmacy',
  'office',
  'clinic',
  'lab',
  'building',
  'residence',
  'unit',
  'room',
]);
const PREPOSITIONS = new Set(['in', 'from', 'to', 'of', 'near', 'at', 'outside', 'around']);
const PLACE_SUFFIXES = new Set([
  'county',
  'township',
  'parish',
  'borough',
  'reserve',
  'reservation',
  'nation',
  'heights',
  'village',
  'falls',
  'springs',
  'harbour',
  'harbor',
  'valley',
  'beach',
  'bay',
  'lake',
  'mills',
  'junction',
  'crossing',
  'hills',
]);

export function detectLocations(ctx: DetectionContext): PhiCandidate[] {
  const { text } = ctx;
  const out: PhiCandidate[] = [];
  const add = (start: number, end: number, confidence: number, replacement?: string) =>
    out.push({ kind: PhiKind.LOCATION, start, end, confidence, replacement });
  const isRegionKey = (key: string) => ctx.lists.regions.has(key) || EXTRA_REGIONS.includes(key);

  matchAll(text, CUED_SHORT_STREET, (m) => {
    const start = m.index + m[0].lastIndexOf(m[1]);
    add(start, start + m[1].trimEnd().length, 2);
  });
  for (const re of [
    STREET_ADDRESS,
    FRENCH_ADDRESS,
    NAMED_STREET,
    PO_BOX,
    HIGHWAY,
    INTERNATIONAL_STREET,
    UNIT_LINE,
    MILITARY,
    RURAL,
  ]) {
    matchAll(text, re, (m) => {
      const end = m.index + m[0].trimEnd().length;
      add(m.index, end, 2);
      if (re !== HIGHWAY) {
        const from = { value: end };
        const tail = addressTail(text, end, isRegionKey, from);
        if (tail > end) add(from.value, tail, 2);
      }
    });
  }
  matchAll(text, NUMBER_NAME_NUMBER, (m) => {
    const key = m[1].toLowerCase();
    if (ctx.lists.englishWords.has(key) || isClinicalToken(key) || isNeverName(key)) return;
    const end = m.index + m[0].length;
    add(m.index, end, 2);
    const from = { value: end };
    const tail = addressTail(text, end, isRegionKey, from);
    if (tail > end) add(from.value, tail, 2);
  });
  matchAll(text, FIRST_NATION, (m) => {
    const words = m[1].trim().toLowerCase().split(/\s+/);
    if (words.every((w) => NOT_NATION_WORDS.has(w)) || insideProtected(ctx, m.index)) return;
    let start = m.index;
    if (NOT_NATION_WORDS.has(words[0])) start += m[0].indexOf(' ') + 1;
    add(start, m.index + m[0].length, 2);
  });
  matchAll(text, UK_POSTCODE, (m) => {
    const code = /\S+\s?\S+$/.exec(m[0])?.[0] ?? m[0];
    if (!TNM.test(code)) add(m.index, m.index + m[0].length, 2);
  });
  matchAll(text, AU_POSTCODE, (m) => {
    const start = m.index + m[0].lastIndexOf(m[1]);
    add(start, start + 4, 2);
  });
  matchAll(text, CUED_BARE_ADDRESS, (m) => {
    const key = m[2].toLowerCase();
    // After "at" the word must be unknown ("at 12 Kingsway"); after an address cue any word goes ("7 Broadway").
    const addressCue = !/^at\s/.test(m[0]);
    if ((ctx.lists.englishWords.has(key) && !addressCue) || isClinicalVocabulary(key) || isNeverName(key))
      return;
    const start = m.index + m[0].lastIndexOf(m[1]);
    const end = start + m[1].length;
    add(start, end, 2);
    const from = { value: end };
    const tail = addressTail(text, end, isRegionKey, from);
    if (tail > end) add(from.value, tail, 2);
  });
  matchAll(text, LANDMARK, (m) => {
    const words = m[1].toLowerCase().split(/\s+/);
    if (words.some((w) => NOT_LANDMARK_WORDS.has(w)) || insideProtected(ctx, m.index)) return;
    if (words.every((w) => ctx.lists.englishWords.has(w) || isClinicalVocabulary(w))) return;
    add(m.index, m.index + m[0].length, 1);
  });
  matchAll(text, POSTAL_CODE, (m) => {
    if (!TNM.test(m[0])) add(m.index, m.index + m[0].length, 3);
  });
  for (const re of [ZIP_AFTER_STATE, ZIP_CUED, ZIP_PLUS4]) {
    matchAll(text, re, (m) => {
      const zip = m[1] ?? m[0];
      const start = m.index + m[0].lastIndexOf(zip);
      const prefix = zip.slice(0, 3);
      add(start, start + zip.length, 3, RESTRICTED_ZIP3.has(prefix) ? '000XX' : `${prefix}XX`);
    });
  }
  matchAll(text, PREFIXED_PLACE, (m) => {
    const key = m[0].toLowerCase();
    if (!ctx.lists.regions.has(key) && !EXTRA_REGIONS.includes(key) && !insideProtected(ctx, m.index)) {
      add(m.index, m.index + m[0].length, 1);
    }
  });
  detectPlaceNames(ctx, add);
  return out;
}

function detectPlaceNames(
  ctx: DetectionContext,
  add: (start: number, end: number, confidence: number) => void,
) {
  const { tokens, lists } = ctx;
  const isRegion = (key: string) => lists.regions.has(key) || EXTRA_REGIONS.includes(key);
  const excluded = (i: number) =>
    ctx.protectedToken[i] || isClinicalToken(tokens[i].key) || followedByClinicalHead(ctx, i);
  const phrase = (i: number, j: number) =>
    ctx.text.slice(tokens[i].start, tokens[j].coreEnd).toLowerCase().replace(/\s+/g, ' ');
  const spaced = (i: number, j: number) => /^\.?\s{1,2}$/.test(gapBetween(ctx, i, j));

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // Lowercase notes: "lives in smiths falls", "came from perth": a city-list match after a strong cue.
    if (!t.capitalized && !t.allCaps && i > 1 && !excluded(i) && PREPOSITIONS.has(tokens[i - 1].key)) {
      const p2 = tokens[i - 2].key;
      const strongCue = PLACE_VERBS.has(p2) || PLACE_NOUNS.has(p2) || LOWERCASE_PLACE_VERBS.has(p2);
      // "lady from kisumu", "a farm near wagga wagga": after a bare preposition only a town the dictionaries
      // do not otherwise know (not a word, a name or a clinical term), or a multi-word town.
      if (strongCue || (spaced(i - 1, i) && tokens[i - 1].key !== 'of')) {
        for (let j = Math.min(tokens.length - 1, i + 2); j >= i; j--) {
          if (j > i && !spaced(j - 1, j)) continue;
          const key = phrase(i, j);
          if (!lists.places.has(key) || isRegion(key)) continue;
          if (j === i && (lists.englishWords.has(key) || isNeverName(key) || isClinicalVocabulary(key)))
            continue;
          if (
            !strongCue &&
            (key.length < 5 ||
              (j === i && (lists.firstNames.has(key) || lists.lastNames.has(key) || isDrugName(key))))
          )
            continue;
          add(t.start, tokens[j].coreEnd, 2);
          i = j;
          break;
        }
        continue;
      }
    }
    // ALL-CAPS place names ("KAMLOOPS, BC", "THUNDER BAY"): city-list matches only, never acronyms or words.
    if (t.allCaps && t.key.length >= 4 && !excluded(i) && !isClinicalVocabulary(t.key)) {
      for (let j = Math.min(tokens.length - 1, i + 3); j >= i; j--) {
        if (j > i && (!spaced(j - 1, j) || !tokens[j].allCaps)) continue;
        const key = phrase(i, j);
        const single = j === i;
        if (!lists.places.has(key) || isRegion(key)) continue;
        const cue = i > 0 && PREPOSITIONS.has(tokens[i - 1].key) && spaced(i - 1, i);
        if (single && (isNeverName(key) || (lists.englishWords.has(key) && !cue))) continue;
        add(t.start, tokens[j].coreEnd, 1);
        i = j;
        break;
      }
      continue;
    }
    if (!t.capitalized || excluded(i)) continue;
    const prev = tokens[i - 1];
    const prev2 = tokens[i - 2];
    const prepositionCue = prev !== undefined && PREPOSITIONS.has(prev.key) && spaced(i - 1, i);
    const placeCue =
      prepositionCue &&
      ((prev2 !== undefined && (PLACE_VERBS.has(prev2.key) || PLACE_NOUNS.has(prev2.key))) ||
        (prev.key === 'of' && prev2 !== undefined && PLACE_NOUNS.has(prev2.key)));

    // Longest city-list match of up to four capitalized words ("Niagara-on-the-Lake", "St. Catharines").
    let matchedEnd = -1;
    for (let j = Math.min(tokens.length - 1, i + 3); j >= i; j--) {
      if (j > i && !spaced(j - 1, j)) continue;
      const key = phrase(i, j);
      if (lists.places.has(key) && !isRegion(key)) {
        matchedEnd = j;
        break;
      }
    }
    if (matchedEnd >= 0) {
      const single = matchedEnd === i;
      const ambiguous = single && (lists.englishWords.has(t.key) || isNeverName(t.key) || t.key.length < 4);
      if (!ambiguous || prepositionCue) {
        add(t.start, tokens[matchedEnd].coreEnd, placeCue ? 3 : 1);
        i = matchedEnd;
        continue;
      }
    }
    // Unknown place after a strong cue: "lives in Smithers", "the town of Pangnirtung".
    if (placeCue && !isRegion(t.key) && !isNeverName(t.key)) {
      let j = i;
      while (
        j + 1 < tokens.length &&
        tokens[j + 1].capitalized &&
        spaced(j, j + 1) &&
        !isRegion(tokens[j + 1].key)
      )
        j++;
      if (!isRegion(phrase(i, j))) add(t.start, tokens[j].coreEnd, 3);
      i = j;
      continue;
    }
    // "dialysis at Humber", "a cottage near Wasaga": an unknown, non-dictionary word after at/in/near.
    // Also a bare street after a dwelling or a business: "a shelter on Sherbourne", "LifeLabs on Bloor"
    // (not "started on Eliquis": the word before "on" must be a dwelling or a mid-sentence proper noun).
    const streetCue =
      prev?.key === 'on' &&
      prev2 !== undefined &&
      (DWELLINGS.has(prev2.key) ||
        (prev2.capitalized && !prev2.sentenceStart && !['pt', 'patient'].includes(prev2.key)));
    const placePreposition =
      prev !== undefined && (['at', 'in', 'near'].includes(prev.key) || streetCue) && spaced(i - 1, i);
    if (
      placePreposition &&
      !t.sentenceStart &&
      !lists.englishWords.has(t.key) &&
      !isRegion(t.key) &&
      !isNeverName(t.key) &&
      t.key.length >= 4
    ) {
      add(t.start, t.coreEnd, 1);
      continue;
    }
    // "Essex County", "Six Nations Reserve", "Sioux Lookout, ON".
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1].capitalized && spaced(j, j + 1) && j - i < 3) j++;
    if (j > i && PLACE_SUFFIXES.has(tokens[j].key) && !isRegion(phrase(i, j))) {
      add(t.start, tokens[j].coreEnd, 2);
      i = j;
      continue;
    }
    const after = ctx.text.slice(tokens[j].coreEnd, tokens[j].coreEnd + 24);
    const region = /^,\s{1,2}([A-Z]{2})\b|^,\s{1,2}([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)/.exec(after);
    if (region && (REGION_CODES.has(region[1]) || (region[2] && isRegion(region[2].toLowerCase())))) {
      if (!isRegion(phrase(i, j)) && !t.sentenceStart) add(t.start, tokens[j].coreEnd, 2);
      i = j;
    }
  }
}

// What follows a street address on its own line or after a comma: unit, city, region code, country, postcode.
const SAME_LINE_TAIL =
  /^,?[ \t]{0,2}(?:(?:Apt|Apartment|Suite|Ste|Unit|Flat)\.?[ \t]{0,2}#?[ \t]{0,2}[A-Za-z0-9-]{1,6}|\p{Lu}[\p{L}'’.()-]{0,30}(?:[ \t]{1,2}\p{Lu}[\p{L}'’.()-]{0,30}){0,3})/u;
// A following line of at most five capitalized words, a region code and/or a postcode ("LONDON", "Estonia 62488").
const NEXT_LINE =
  /^[ \t]{0,8}\r?\n[ \t>]{0,8}(?:(?:Apt|Apartment|Suite|Ste|Unit|Flat)\.?[ \t]{0,2}#?[ \t]{0,2}[A-Za-z0-9-]{1,6}|,?[ \t]{0,2}\p{Lu}[\p{L}'’.()-]{0,30}(?:,?[ \t]{1,2}(?:\p{Lu}[\p{L}'’.()-]{0,30}|\d{3,6}(?:[ -]\d{2,4})?))*|\d{3,6}(?:[ -]\d{2,4})?|,[ \t]{0,2}\p{Lu}{2})[ \t]{0,4}(?=\r?\n|$|[?.,;!]\s)/u;

/** End of the city/region/postcode lines that follow an address ending at `end` (up to four lines). */
function addressTail(
  text: string,
  end: number,
  regionsHas: (key: string) => boolean,
  start?: { value: number },
): number {
  let pos = end;
  const same = SAME_LINE_TAIL.exec(text.slice(pos, pos + 80));
  // A city after a comma ("…St, Kamloops"); the state or province after it may stay (Safe Harbor).
  if (same && (same[0].startsWith(',') || /^\s*(?:Apt|Apartment|Suite|Ste|Unit)/.test(same[0]))) {
    const lead = same[0].length - same[0].replace(/^[,\s]+/, '').length;
    const key = same[0].slice(lead).toLowerCase();
    if (key.length > 1 && !/^\p{Lu}{2}$/u.test(same[0].slice(lead)) && !regionsHas(key)) {
      if (start !== undefined) start.value = pos + lead;
      pos += same[0].length;
    }
  }
  for (let lines = 0; lines < 4; lines++) {
    const next = NEXT_LINE.exec(text.slice(pos, pos + 90));
    if (!next || /:/.test(next[0])) break;
    pos += next[0].length;
  }
  return pos;
}

function insideProtected(ctx: DetectionContext, index: number): boolean {
  const i = firstTokenEndingAfter(ctx, index);
  return i < ctx.tokens.length && ctx.protectedToken[i];
}

/** Binary search: index of the first token that ends after `index`. */
export function firstTokenEndingAfter(ctx: DetectionContext, index: number): number {
  let lo = 0;
  let hi = ctx.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.tokens[mid].end <= index) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
