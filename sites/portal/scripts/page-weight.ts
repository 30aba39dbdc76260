import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { listSiteFiles, type SiteRecord } from './site-state.ts';

/** The issue's budget: at most 50 kB per page before images. */
export const PAGE_WEIGHT_BUDGET_BYTES = 50 * 1024;

export interface PageWeight {
  /** The page's file, relative to the site, with '/' separators (`regions/330199101000/index.html`). */
  page: string;
  /** The HTML file itself (inline SVG charts and styles included). */
  htmlBytes: number;
  /** HTML plus every same-site stylesheet and script it loads: what a first visit downloads before images. */
  totalBytes: number;
  /**
   * The same files each gzip-compressed (level 6, as servers commonly send them), for comparison: given
   * for the heaviest page and the pages over budget only, as compressing every page costs seconds.
   */
  gzipBytes?: number;
}

export interface PageWeightReport {
  budgetBytes: number;
  pages: number;
  maxBytes: number;
  medianBytes: number;
  maxHtmlBytes: number;
  medianHtmlBytes: number;
  /** The heaviest page. */
  heaviest: PageWeight | null;
  /** Every page whose `totalBytes` exceeds the budget, heaviest first. */
  overBudget: PageWeight[];
  /** Every page, heaviest first. */
  all: PageWeight[];
}

// Stylesheets, module preloads and scripts; images (img, picture, icons) are not counted.
const ASSET_REFERENCE =
  /<link\b[^>]*\brel=["']?(?:stylesheet|modulepreload)["']?[^>]*>|<script\b[^>]*\bsrc=[^>]*>/gi;
const URL_ATTRIBUTE = /\b(?:href|src)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

function median(sorted: number[]): number {
  if (sorted.length === 0) return 0;
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
}

/** What weighing one HTML file found, kept by content hash so that an unchanged page is not read again. */
export interface WeighedHtml {
  htmlBytes: number;
  /** Site paths ('/_astro/x.css') of the stylesheets and scripts it loads. */
  assets: string[];
}

export interface WeighOptions {
  /** The site's file record (site-state.ts): gives each page's hash for `cache`. */
  record?: SiteRecord;
  /** Content hash → what an earlier build found; updated with every page weighed now. */
  cache?: Map<string, WeighedHtml>;
}

function assetsOf(page: string, html: string): string[] {
  const found = new Set<string>();
  for (const tag of html.matchAll(ASSET_REFERENCE)) {
    const match = URL_ATTRIBUTE.exec(tag[0]);
    const url = match?.[1] ?? match?.[2] ?? match?.[3];
    if (!url || /^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) continue;
    let pathname: string;
    try {
      pathname = decodeURI(url.split(/[?#]/)[0]!);
    } catch {
      continue;
    }
    found.add(
      pathname.startsWith('/')
        ? posix.normalize(pathname)
        : posix.normalize(posix.join(posix.dirname(`/${page}`), pathname)),
    );
  }
  return [...found];
}

/**
 * Weighs every HTML page of a built site. A page's weight is its HTML plus the site's own stylesheets
 * and scripts it references (each read once); images and anything from another origin are left out,
 * as the budget is "before images".
 */
export async function weighPages(
  siteDir: string,
  { record, cache }: WeighOptions = {},
): Promise<PageWeightReport> {
  const assets = new Map<string, Buffer | null>();
  const readAsset = async (sitePath: string): Promise<Buffer | null> => {
    if (!assets.has(sitePath)) {
      const file = join(siteDir, ...sitePath.split('/').filter(Boolean));
      const info = await stat(file).catch(() => null);
      assets.set(sitePath, info?.isFile() ? await readFile(file) : null);
    }
    return assets.get(sitePath) ?? null;
  };
  const assetsOfPage = new Map<string, string[]>();
  const pages = record
    ? [...record.keys()].filter((f) => f.endsWith('.html'))
    : (await listSiteFiles(siteDir)).filter((f) => f.endsWith('.html'));
  const weights: PageWeight[] = [];
  for (const [index, page] of pages.entries()) {
    // Read in turn without the thread pool (see scan-for-leaks.ts), letting other work run now and then.
    if (index % 64 === 63) await new Promise((resume) => setImmediate(resume));
    const hash = record?.get(page)?.sha256;
    let weighed = hash ? cache?.get(hash) : undefined;
    if (!weighed) {
      const html = readFileSync(join(siteDir, page));
      weighed = { htmlBytes: html.length, assets: assetsOf(page, html.toString('utf8')) };
      if (hash) cache?.set(hash, weighed);
    }
    let totalBytes = weighed.htmlBytes;
    for (const sitePath of weighed.assets) totalBytes += (await readAsset(sitePath))?.length ?? 0;
    assetsOfPage.set(page, weighed.assets);
    weights.push({ page, htmlBytes: weighed.htmlBytes, totalBytes });
  }
  weights.sort((a, b) => b.totalBytes - a.totalBytes || (a.page < b.page ? -1 : 1));
  const overBudget = weights.filter((w) => w.totalBytes > PAGE_WEIGHT_BUDGET_BYTES);
  for (const weight of new Set([...weights.slice(0, 1), ...overBudget])) {
    let gzipBytes = gzipSync(await readFile(join(siteDir, weight.page))).length;
    for (const sitePath of assetsOfPage.get(weight.page) ?? []) {
      const asset = await readAsset(sitePath);
      if (asset) gzipBytes += gzipSync(asset).length;
    }
    weight.gzipBytes = gzipBytes;
  }
  const totals = weights.map((w) => w.totalBytes).sort((a, b) => a - b);
  const htmls = weights.map((w) => w.htmlBytes).sort((a, b) => a - b);
  return {
    budgetBytes: PAGE_WEIGHT_BUDGET_BYTES,
    pages: weights.length,
    maxBytes: totals.at(-1) ?? 0,
    medianBytes: median(totals),
    maxHtmlBytes: htmls.at(-1) ?? 0,
    medianHtmlBytes: median(htmls),
    heaviest: weights[0] ?? null,
    overBudget,
    all: weights,
  };
}
