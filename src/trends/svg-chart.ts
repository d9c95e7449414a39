/**
 * A bar chart of trend buckets as a standalone SVG document. Pure: no framework, no I/O. Every piece
 * of text that can come from a user (the query, the specialty code) is truncated and XML-escaped, and
 * the document has no scripts, no external references and no CSS (presentation attributes only), so
 * it can be served under a `default-src 'none'` Content-Security-Policy.
 */
import { TrendInterval } from './buckets.js';

export interface ChartBucket {
  start: Date;
  count: number | null;
  suppressed: boolean;
}

export interface ChartOptions {
  buckets: readonly ChartBucket[];
  interval: TrendInterval;
  from: Date;
  to: Date;
  query?: string | null;
  specialtyCode?: string | null;
  width?: number;
  height?: number;
}

/** Longest user text shown in the chart, in characters (code points). */
export const MAX_LABEL_CHARS = 60;

// XML 1.0 forbids most control characters (even as references), U+FFFE/U+FFFF and lone surrogates
// (with the u flag, a surrogate range matches only unpaired ones); drop them rather than emit a broken document.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** Text safe inside XML character data and attribute values (double- or single-quoted). */
export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function truncate(text: string, max = MAX_LABEL_CHARS): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
}

const UNIT: Record<TrendInterval, { title: string; axis: string }> = {
  [TrendInterval.DAY]: { title: 'Cases per day', axis: 'Day (UTC)' },
  [TrendInterval.WEEK]: { title: 'Cases per week', axis: 'Week starting Monday (UTC)' },
  [TrendInterval.MONTH]: { title: 'Cases per month', axis: 'Month (UTC)' },
};

function label(date: Date, interval: TrendInterval): string {
  const iso = date.toISOString();
  return interval === TrendInterval.MONTH ? iso.slice(0, 7) : iso.slice(0, 10);
}

/** A round axis maximum and step (1, 2 or 5 times a power of ten) with at most ~6 ticks. */
function niceScale(max: number): { top: number; step: number } {
  const rough = Math.max(max, 10) / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  return { top: Math.ceil(Math.max(max, 10) / step) * step, step };
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

export function renderTrendChart(options: ChartOptions): string {
  const { buckets, interval } = options;
  const width = options.width ?? 960;
  const height = options.height ?? 460;
  const plot = { left: 72, right: width - 24, top: 76, bottom: height - 104 };
  const plotWidth = plot.right - plot.left;
  const plotHeight = plot.bottom - plot.top;
  const shown = buckets.filter((b) => !b.suppressed).map((b) => b.count ?? 0);
  const { top, step } = niceScale(Math.max(0, ...shown));
  const y = (value: number) => plot.bottom - (value / top) * plotHeight;
  const slot = plotWidth / Math.max(buckets.length, 1);
  const barWidth = Math.max(slot * 0.8, 1);

  const filters = [
    options.query ? `query “${truncate(options.query)}”` : null,
    options.specialtyCode ? `specialty ${truncate(options.specialtyCode, 40)}` : null,
  ].filter(Boolean);
  const title = UNIT[interval].title;
  const subtitle = `${filters.length ? `${filters.join(', ')} · ` : 'all cases · '}${label(options.from, TrendInterval.DAY)} to ${label(options.to, TrendInterval.DAY)} (end exclusive, UTC)`;
  const suppressedCount = buckets.filter((b) => b.suppressed).length;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="chart-title chart-desc" font-family="sans-serif">`,
    `<title id="chart-title">${escapeXml(`${title}: ${subtitle}`)}</title>`,
    `<desc id="chart-desc">${buckets.length} buckets, ${suppressedCount} suppressed (counts from 1 to 10 are withheld).</desc>`,
    '<defs><pattern id="hatch" patternUnits="userSpaceOnUse" width="8" height="8" patternTransform="rotate(45)">' +
      '<rect width="8" height="8" fill="#f3f4f6"/><line x1="0" y1="0" x2="0" y2="8" stroke="#9ca3af" stroke-width="3"/></pattern></defs>',
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text class="title" x="${plot.left}" y="30" font-size="20" font-weight="bold" fill="#111827">${escapeXml(title)}</text>`,
    `<text class="subtitle" x="${plot.left}" y="54" font-size="13" fill="#374151">${escapeXml(subtitle)}</text>`,
  );

  // Y axis: grid lines, ticks and label.
  for (let value = 0; value <= top; value += step) {
    out.push(
      `<line x1="${plot.left}" y1="${fmt(y(value))}" x2="${plot.right}" y2="${fmt(y(value))}" stroke="#e5e7eb"/>`,
      `<text x="${plot.left - 8}" y="${fmt(y(value) + 4)}" font-size="11" text-anchor="end" fill="#374151">${value}</text>`,
    );
  }
  out.push(
    `<text class="axis-label" transform="translate(20 ${fmt(plot.top + plotHeight / 2)}) rotate(-90)" font-size="13" text-anchor="middle" fill="#111827">Cases</text>`,
  );

  // Bars: one per bucket. Suppressed buckets are hatched full-height columns (no value is implied).
  buckets.forEach((bucket, i) => {
    const x = plot.left + i * slot + (slot - barWidth) / 2;
    const when = label(bucket.start, interval);
    if (bucket.suppressed) {
      out.push(
        `<rect class="bar suppressed" data-start="${bucket.start.toISOString()}" x="${fmt(x)}" y="${plot.top}" width="${fmt(barWidth)}" height="${plotHeight}" fill="url(#hatch)" stroke="#6b7280" stroke-width="0.5">` +
          `<title>${when}: suppressed (small count withheld)</title></rect>`,
      );
    } else {
      const count = bucket.count ?? 0;
      out.push(
        `<rect class="bar" data-start="${bucket.start.toISOString()}" data-count="${count}" x="${fmt(x)}" y="${fmt(y(count))}" width="${fmt(barWidth)}" height="${fmt(plot.bottom - y(count))}" fill="#2563eb">` +
          `<title>${when}: ${count} case${count === 1 ? '' : 's'}</title></rect>`,
      );
    }
  });

  // X axis: baseline, up to ~12 labels, and label.
  out.push(
    `<line x1="${plot.left}" y1="${plot.bottom}" x2="${plot.right}" y2="${plot.bottom}" stroke="#111827"/>`,
    `<line x1="${plot.left}" y1="${plot.top}" x2="${plot.left}" y2="${plot.bottom}" stroke="#111827"/>`,
  );
  const every = Math.max(1, Math.ceil(buckets.length / 12));
  buckets.forEach((bucket, i) => {
    if (i % every !== 0) return;
    const cx = plot.left + i * slot + slot / 2;
    out.push(
      `<text x="${fmt(cx)}" y="${plot.bottom + 18}" font-size="11" text-anchor="middle" fill="#374151">${label(bucket.start, interval)}</text>`,
    );
  });
  out.push(
    `<text class="axis-label" x="${fmt(plot.left + plotWidth / 2)}" y="${plot.bottom + 44}" font-size="13" text-anchor="middle" fill="#111827">${UNIT[interval].axis}</text>`,
  );

  // Legend.
  const ly = height - 34;
  out.push(
    `<g class="legend" font-size="12" fill="#111827">`,
    `<rect x="${plot.left}" y="${ly - 11}" width="14" height="14" fill="#2563eb"/>`,
    `<text x="${plot.left + 20}" y="${ly}">Cases (0 or 11 and more)</text>`,
    `<rect x="${plot.left + 200}" y="${ly - 11}" width="14" height="14" fill="url(#hatch)" stroke="#6b7280" stroke-width="0.5"/>`,
    `<text x="${plot.left + 220}" y="${ly}">Suppressed: 1 to 10 cases, or a count that would reveal one by subtraction</text>`,
    '</g>',
    '</svg>',
  );
  return `${out.join('\n')}\n`;
}
