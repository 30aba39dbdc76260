/**
 * Horizontal bar charts as inline SVG, drawn at build time: no chart script, readable on a narrow
 * phone (each label sits above its bar, so long Chinese names need no truncation) and in print.
 * A bar whose value is not published (a suppressed cell) is drawn as an empty track with a note,
 * never as zero. The chart names itself and every value for screen readers (`<title>`, `<desc>`);
 * the page also shows the same figures in a table.
 */

export interface Bar {
  label: string;
  /** null: not published. */
  value: number | null;
  /** The value as the reader sees it, e.g. `1,234 元`; for null, why it is missing. */
  display: string;
}

export interface BarChartOptions {
  /** Unique within the page: the SVG's title and description ids derive from it. */
  id: string;
  title: string;
  bars: readonly Bar[];
}

export const CHART_WIDTH = 320;
const LABEL_HEIGHT = 17;
const BAR_HEIGHT = 16;
const ROW_GAP = 10;
const ROW_HEIGHT = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP;
/** The longest bar leaves room for its value label to the right. */
const BAR_MAX = Math.round(CHART_WIDTH * 0.64);

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Rounded for compact markup; whole pixels are more than precise enough for a bar. */
const px = (n: number): string => String(Math.round(n * 10) / 10);

export function barChartSvg({ id, title, bars }: BarChartOptions): string {
  if (!/^[A-Za-z][\w-]*$/.test(id)) throw new Error(`chart id must be a plain identifier: ${id}`);
  const max = Math.max(0, ...bars.map((b) => b.value ?? 0));
  const height = Math.max(1, bars.length) * ROW_HEIGHT;
  // Grouped by kind so that each shape carries only its coordinates (a county chart has dozens of bars).
  const labels: string[] = [];
  const shapes: string[] = [];
  const values: string[] = [];
  const tracks: string[] = [];
  const missing: string[] = [];
  bars.forEach((bar, index) => {
    const top = index * ROW_HEIGHT;
    const barY = top + LABEL_HEIGHT;
    labels.push(`<text y="${px(top + 13)}">${escapeXml(bar.label)}</text>`);
    if (bar.value === null) {
      tracks.push(`<rect y="${px(barY)}" width="${BAR_MAX}" height="${BAR_HEIGHT}"/>`);
      missing.push(`<text x="6" y="${px(barY + 12)}">${escapeXml(bar.display)}</text>`);
      return;
    }
    if (!Number.isFinite(bar.value) || bar.value < 0) throw new Error(`bar values must be ≥ 0: ${bar.label}`);
    const length = max === 0 ? 0 : (bar.value / max) * BAR_MAX;
    shapes.push(
      `<rect y="${px(barY)}" width="${px(Math.max(length, bar.value > 0 ? 1.5 : 0))}" height="${BAR_HEIGHT}"/>`,
    );
    values.push(`<text x="${px(length + 5)}" y="${px(barY + 12)}">${escapeXml(bar.display)}</text>`);
  });
  const group = (name: string, items: string[]) =>
    items.length === 0 ? '' : `<g class="${name}">${items.join('')}</g>`;
  const description = bars.map((b) => `${b.label}：${b.display}`).join('；');
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${CHART_WIDTH} ${height}" class="chart" role="img" aria-labelledby="${id}-title ${id}-desc"><title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>${group('labels', labels)}${group('tracks', tracks)}${group('bars', shapes)}${group('values', values)}${group('missing', missing)}</svg>`;
}
