import { describe, expect, it } from 'vitest';
import { sitemapLanguages } from './sitemap-languages.ts';

const SITE = 'https://example.cn';
const item = (url: string) => ({ url }) as Parameters<ReturnType<typeof sitemapLanguages>['serialize']>[0];

describe('sitemapLanguages', () => {
  it('links every page to its other languages, in URL order, and leaves out what the filter refuses', () => {
    const languages = sitemapLanguages((page) => !page.includes('/large/'));
    const pages = [
      '/',
      '/en/',
      '/zh-hant/',
      '/large/',
      '/regions/1/',
      '/en/regions/1/',
      '/zh-hant/regions/1/',
      '/only/',
    ];
    const kept = pages.map((p) => `${SITE}${p}`).filter((url) => languages.filter(url));
    expect(kept).not.toContain(`${SITE}/large/`);

    expect(languages.serialize(item(`${SITE}/zh-hant/regions/1/`)).links).toEqual([
      { url: `${SITE}/en/regions/1/`, lang: 'en' },
      { url: `${SITE}/regions/1/`, lang: 'zh-CN' },
      { url: `${SITE}/zh-hant/regions/1/`, lang: 'zh-Hant' },
    ]);
    expect(languages.serialize(item(`${SITE}/`)).links?.map((link) => link.lang)).toEqual([
      'zh-CN',
      'en',
      'zh-Hant',
    ]);
    // A page in one language only has no alternates.
    expect(languages.serialize(item(`${SITE}/only/`)).links).toBeUndefined();
  });

  it('starts afresh with the next build, so a page gone from the site is no one’s alternate', () => {
    const languages = sitemapLanguages(() => true);
    for (const p of ['/a/', '/en/a/']) languages.filter(`${SITE}${p}`);
    expect(languages.serialize(item(`${SITE}/a/`)).links).toHaveLength(2);
    // Next build: the English page is gone.
    languages.filter(`${SITE}/a/`);
    expect(languages.serialize(item(`${SITE}/a/`)).links).toBeUndefined();
  });
});
