/**
 * Every page exists in four variants, each under its own path prefix so that it works without
 * JavaScript, cookies or a server: Simplified Chinese (the default, no prefix), Traditional Chinese
 * (`/zh-hant/`, the Simplified page converted by OpenCC at build time), English (`/en/`, translated
 * interface, place and person data as published) and large print (`/large/`, the Simplified page
 * with big type and high contrast, for elderly readers). A reader who switches stays in the variant
 * on every link, because every internal link carries the prefix.
 */
export const VARIANT_IDS = ['zh-hans', 'zh-hant', 'en', 'large'] as const;
export type VariantId = (typeof VARIANT_IDS)[number];

export interface Variant {
  id: VariantId;
  /** The `[...variant]` route parameter: undefined for the default. */
  param: string | undefined;
  /** '' or '/zh-hant' …, put before every internal path. */
  prefix: string;
  /** The `<html lang>`. */
  lang: string;
  /** Which interface strings: Traditional pages use the Chinese ones, converted. */
  strings: 'zh' | 'en';
  large: boolean;
  /** The switcher's label, in the variant's own language. */
  label: string;
}

export const VARIANTS: readonly Variant[] = [
  {
    id: 'zh-hans',
    param: undefined,
    prefix: '',
    lang: 'zh-CN',
    strings: 'zh',
    large: false,
    label: '简体中文',
  },
  {
    id: 'zh-hant',
    param: 'zh-hant',
    prefix: '/zh-hant',
    lang: 'zh-Hant',
    strings: 'zh',
    large: false,
    label: '繁體中文',
  },
  { id: 'en', param: 'en', prefix: '/en', lang: 'en', strings: 'en', large: false, label: 'English' },
  {
    id: 'large',
    param: 'large',
    prefix: '/large',
    lang: 'zh-CN',
    strings: 'zh',
    large: true,
    label: '大字版',
  },
];

export const DEFAULT_VARIANT = VARIANTS[0] as Variant;

export function variantOf(param: string | undefined): Variant {
  const found = VARIANTS.find((v) => v.param === (param || undefined));
  if (!found) throw new Error(`unknown page variant "${param}"`);
  return found;
}

/** An internal path (starting with `/`) as seen from a variant. */
export function localHref(variant: Variant, path: string): string {
  if (!path.startsWith('/')) throw new Error(`internal paths start with "/": ${path}`);
  return `${variant.prefix}${path}`;
}

/** The variant a URL path belongs to, and the path without its prefix. */
export function splitVariantPath(pathname: string): { variant: Variant; path: string } {
  for (const variant of VARIANTS) {
    if (variant.prefix && (pathname === variant.prefix || pathname.startsWith(`${variant.prefix}/`))) {
      return { variant, path: pathname.slice(variant.prefix.length) || '/' };
    }
  }
  return { variant: DEFAULT_VARIANT, path: pathname };
}

interface StaticPath<P extends Record<string, string | undefined>, Q> {
  params: P;
  props: Q;
  /** For incremental builds: the page is rendered again only when this changes (see views.ts). */
  cacheKey?: string;
}

/**
 * `getStaticPaths` for a page under `src/pages/[...variant]/`: the given paths once per variant,
 * each with its `variant` in the props.
 */
export function inEveryVariant<P extends Record<string, string | undefined>, Q extends object>(
  paths: readonly StaticPath<P, Q>[],
): StaticPath<P & { variant: string | undefined }, Q & { variant: Variant }>[] {
  return VARIANTS.flatMap((variant) =>
    paths.map(({ params, props, cacheKey }) => ({
      params: { ...params, variant: variant.param },
      props: { ...props, variant },
      ...(cacheKey === undefined ? {} : { cacheKey }),
    })),
  );
}

/** The one path of a page without parameters, in every variant. */
export const everyVariant = () => inEveryVariant([{ params: {}, props: {} }]);
