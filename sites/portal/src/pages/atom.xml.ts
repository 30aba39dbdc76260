import { toPlainExcerpt } from '@sunshine/disclosure/render-policy-markdown';
import type { APIContext } from 'astro';
import { FEED_TITLE, SITE_DESCRIPTION } from '../consts.ts';
import { escapeXml } from '../lib/bar-chart.ts';
import { getPoliciesNewestFirst } from '../lib/policies.ts';

/** The policy newsroom as an Atom 1.0 feed (RFC 4287), beside the RSS one. */
export async function GET(context: APIContext) {
  const site = context.site ?? new URL('http://localhost:4321');
  const notices = await getPoliciesNewestFirst();
  const self = new URL('/atom.xml', site).href;
  const home = new URL('/policies/', site).href;
  const updated = notices.reduce(
    (latest, n) => (n.publishedAt > latest ? n.publishedAt : latest),
    '1970-01-01T00:00:00Z',
  );
  const entries = notices.map((notice) => {
    const link = new URL(`/policies/${notice.id}/`, site).href;
    return `  <entry>
    <id>${escapeXml(link)}</id>
    <title>${escapeXml(notice.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(link)}"/>
    <published>${new Date(`${notice.issueDate}T00:00:00+08:00`).toISOString()}</published>
    <updated>${new Date(notice.publishedAt).toISOString()}</updated>
    <author><name>${escapeXml(notice.issuingBody)}</name></author>
    <category term="${escapeXml(notice.category)}" label="${escapeXml(notice.categoryLabel)}"/>
    <summary type="text">${escapeXml(toPlainExcerpt(notice.bodyMarkdown))}</summary>
  </entry>`;
  });
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${escapeXml(home)}</id>
  <title>${escapeXml(FEED_TITLE)}</title>
  <subtitle>${escapeXml(SITE_DESCRIPTION)}</subtitle>
  <link rel="self" type="application/atom+xml" href="${escapeXml(self)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(home)}"/>
  <updated>${new Date(updated).toISOString()}</updated>
${entries.join('\n')}
</feed>
`;
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
