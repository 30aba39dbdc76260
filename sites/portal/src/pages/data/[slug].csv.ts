import { getCollection } from 'astro:content';
import type { APIContext } from 'astro';
import { datasetToCsv } from '../../lib/csv.ts';

export async function getStaticPaths() {
  const entries = await getCollection('datasets');
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { dataset: entry.data } }));
}

/** Every dataset as CSV for spreadsheets; see csv.ts for the escaping. */
export function GET({
  props,
}: APIContext<{ dataset: Awaited<ReturnType<typeof getCollection<'datasets'>>>[number]['data'] }>) {
  return new Response(datasetToCsv(props.dataset), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
}
