import { defineMiddleware } from 'astro:middleware';
import { offerRenderedPage, searchFeedActive } from './lib/search-feed.ts';
import { htmlToTraditional } from './lib/traditional.ts';

/**
 * The Traditional Chinese pages are the Simplified pages converted at build time: every page under
 * `/zh-hant/` renders with the Chinese interface strings and its HTML text is converted here, once.
 * During a full build each finished page is also handed to the search index (search-while-rendering.ts).
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const traditional = context.url.pathname.startsWith('/zh-hant/');
  const indexing = searchFeedActive();
  if (!traditional && !indexing) return response;
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const rendered = await response.text();
  const html = traditional ? htmlToTraditional(rendered) : rendered;
  if (indexing) offerRenderedPage(context.url.pathname, html);
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
