import type { Dataset } from '@sunshine/disclosure/dataset';
import type { APIContext } from 'astro';
import { datasetToCsv } from '../../lib/csv.ts';
import { getPortalData } from '../../lib/portal-data.ts';

export async function getStaticPaths() {
  const { datasets } = await getPortalData();
  return [...datasets].map(([slug, dataset]) => ({ params: { slug }, props: { dataset } }));
}

/** Every dataset as CSV for spreadsheets; see csv.ts for the escaping. */
export function GET({ props }: APIContext<{ dataset: Dataset }>) {
  return new Response(datasetToCsv(props.dataset), {
    headers: { 'content-type': 'text/csv; charset=utf-8' },
  });
}
