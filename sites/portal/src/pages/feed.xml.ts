import rss from '@astrojs/rss';
import { toPlainExcerpt } from '@sunshine/disclosure/render-policy-markdown';
import type { APIContext } from 'astro';
import { FEED_TITLE, SITE_DESCRIPTION } from '../consts.ts';
import { getPoliciesNewestFirst } from '../lib/policies.ts';

export async function GET(context: APIContext) {
  const notices = await getPoliciesNewestFirst();
  return rss({
    title: FEED_TITLE,
    description: SITE_DESCRIPTION,
    site: context.site ?? 'http://localhost:4321',
    trailingSlash: true,
    customData: '<language>zh-cn</language>',
    items: notices.map((notice) => ({
      title: notice.title,
      link: `/policies/${notice.id}/`,
      // Issue dates are Beijing calendar dates.
      pubDate: new Date(`${notice.issueDate}T00:00:00+08:00`),
      description: toPlainExcerpt(notice.bodyMarkdown),
      categories: [notice.categoryLabel],
    })),
  });
}
