import { describe, expect, it } from '@jest/globals';
import { TrendInterval } from './buckets.js';
import { escapeXml, renderTrendChart } from './svg-chart.js';

const buckets = [
  { start: new Date('2025-01-06T00:00:00Z'), count: 0, suppressed: false },
  { start: new Date('2025-01-13T00:00:00Z'), count: null, suppressed: true },
  { start: new Date('2025-01-20T00:00:00Z'), count: 42, suppressed: false },
];
const base = {
  buckets,
  interval: TrendInterval.WEEK,
  from: new Date('2025-01-06T00:00:00Z'),
  to: new Date('2025-01-27T00:00:00Z'),
};

describe('escapeXml', () => {
  it('escapes markup characters and drops characters XML cannot carry', () => {
    expect(escapeXml(`<script>"a" & 'b'</script>`)).toBe(
      '&lt;script&gt;&quot;a&quot; &amp; &apos;b&apos;&lt;/script&gt;',
    );
    expect(escapeXml('a\u0000b\u001Fc\uFFFEd\uD800e')).toBe('abcde');
    expect(escapeXml('rash 🦠 fever\tok')).toBe('rash 🦠 fever\tok');
  });
});

describe('renderTrendChart', () => {
  it('draws one bar per bucket, hatched when suppressed, with title, axis labels and legend', () => {
    const svg = renderTrendChart({ ...base, query: 'measles', specialtyCode: 'pediatrics' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<rect class="bar[ "]/g)).toHaveLength(3);
    expect(svg.match(/class="bar suppressed"[^>]*fill="url\(#hatch\)"/g)).toHaveLength(1);
    expect(svg).toContain('data-count="42"');
    expect(svg).toContain('data-count="0"');
    expect(svg).toContain('Cases per week');
    expect(svg).toContain('Week starting Monday (UTC)');
    expect(svg).toContain('>Cases</text>');
    expect(svg).toContain('class="legend"');
    expect(svg).toContain('query “measles”, specialty pediatrics');
    expect(svg).not.toMatch(/<script|href=|<style/i);
  });

  it('never echoes user text unescaped, and truncates it', () => {
    const evil = '</text><script>alert(1)</script><text onload="x">&';
    const svg = renderTrendChart({ ...base, query: evil, specialtyCode: '"><foreignObject>' });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<foreignObject');
    expect(svg).not.toContain('onload="');
    expect(svg).toContain('&lt;/text&gt;&lt;script&gt;');
    const long = renderTrendChart({ ...base, query: 'x'.repeat(200) });
    expect(long).toContain(`${'x'.repeat(59)}…`);
    expect(long).not.toContain('x'.repeat(61));
  });

  it('handles an all-zero and an all-suppressed range', () => {
    const zeros = renderTrendChart({
      ...base,
      buckets: buckets.map((b) => ({ ...b, count: 0, suppressed: false })),
    });
    expect(zeros.match(/<rect class="bar"/g)).toHaveLength(3);
    expect(zeros).not.toContain('NaN');
    const hidden = renderTrendChart({
      ...base,
      interval: TrendInterval.MONTH,
      buckets: buckets.map((b) => ({ ...b, count: null, suppressed: true })),
    });
    expect(hidden.match(/class="bar suppressed"/g)).toHaveLength(3);
    expect(hidden).toContain('Cases per month');
    expect(hidden).not.toContain('NaN');
  });
});
