import { defineMiddleware } from 'astro:middleware';
import { htmlToTraditional } from './lib/traditional.ts';

/**
 * The Traditional Chinese pages are the Simplified pages converted at build time: every page under
 * `/zh-hant/` renders with the Chinese interface strings and its HTML text is converted here, once.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!context.url.pathname.startsWith('/zh-hant/')) return response;
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = htmlToTraditional(await response.text());
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(html, { status: response.status, statusText: response.statusText, headers });
});
