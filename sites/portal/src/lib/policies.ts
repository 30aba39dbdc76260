import { getCollection } from 'astro:content';
import { POLICY_NOTICES_SLUG } from '@sunshine/disclosure/publication-files';
import { byIssueDateDesc } from '../content/policy-notice.ts';
import { readSitePublications } from './portal-data.ts';

/** All policy notices, newest issue date first. */
export async function getPoliciesNewestFirst() {
  const entries = await getCollection('policies');
  return entries.map((entry) => entry.data).sort(byIssueDateDesc);
}

/** The policy-notices dataset, or undefined before anything was published. */
export async function getPolicyDataset() {
  return (await readSitePublications()).datasets.get(POLICY_NOTICES_SLUG)?.dataset;
}

/** The policy list as the newsroom pages show it (bodies left out) and the dataset's provenance. */
export async function policyListView() {
  const notices = (await getPoliciesNewestFirst()).map(({ bodyMarkdown: _body, ...rest }) => rest);
  return { notices, provenance: (await getPolicyDataset())?.provenance };
}
