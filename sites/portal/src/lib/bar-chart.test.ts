import { describe, expect, it } from 'vitest';
import { barChartSvg, CHART_WIDTH } from './bar-chart.ts';

const group = (svg: string, name: string) => svg.match(new RegExp(`<g class="${name}">(.*?)</g>`))?.[1] ?? '';
const barWidths = (svg: string) =>
  [...group(svg, 'bars').matchAll(/<rect y="[\d.]+" width="([\d.]+)" height="16"\/>/g)].map((m) =>
    Number(m[1]),
  );

describe('SVG bar charts drawn at build time', () => {
  it('draws bars proportional to their values within the chart width', () => {
    const svg = barChartSvg({
      id: 'amounts',
      title: '历年扶助资金',
      bars: [
        { label: '2023年', value: 50, display: '50 元' },
        { label: '2024年', value: 100, display: '100 元' },
        { label: '2025年', value: 25, display: '25 元' },
      ],
    });
    const [a, b, c] = barWidths(svg);
    expect(b).toBeGreaterThan(0);
    expect(b).toBeLessThanOrEqual(CHART_WIDTH);
    expect(a! / b!).toBeCloseTo(0.5, 2);
    expect(c! / b!).toBeCloseTo(0.25, 2);
    expect(svg).toContain('viewBox="0 0 320 129"');
    expect(svg).not.toMatch(/<script|on\w+=/i);
  });

  it('draws a withheld value as an empty track saying why, never as zero', () => {
    const svg = barChartSvg({
      id: 'children',
      title: '各村受益人次',
      bars: [
        { label: '王家村', value: 12, display: '12' },
        { label: '石岭村', value: null, display: '不公开' },
        { label: '竹坑村', value: 0, display: '0' },
      ],
    });
    expect(barWidths(svg)).toEqual([expect.any(Number), 0]);
    expect(group(svg, 'tracks')).toMatch(/^<rect y="[\d.]+" width="205" height="16"\/>$/);
    expect(group(svg, 'missing')).toMatch(/^<text x="6" y="[\d.]+">不公开<\/text>$/);
  });

  it('names itself and every value for screen readers and escapes labels', () => {
    const svg = barChartSvg({
      id: 'x1',
      title: 'A & <B>',
      bars: [{ label: '"村"<script>', value: 1, display: '1 人' }],
    });
    expect(svg).toContain('role="img" aria-labelledby="x1-title x1-desc"');
    expect(svg).toContain('<title id="x1-title">A &amp; &lt;B&gt;</title>');
    expect(svg).toContain('<desc id="x1-desc">&quot;村&quot;&lt;script&gt;：1 人</desc>');
    expect(svg).not.toContain('<script>');
  });

  it('refuses ids that are not plain identifiers and negative values', () => {
    expect(() => barChartSvg({ id: 'a"b', title: 't', bars: [] })).toThrow();
    expect(() =>
      barChartSvg({ id: 'ok', title: 't', bars: [{ label: 'x', value: -1, display: '-1' }] }),
    ).toThrow();
  });
});
