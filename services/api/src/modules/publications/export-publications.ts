import type { Dataset, DisclosurePolicy } from '@sunshine/disclosure/dataset';
import pg from 'pg';
import { approvedQuery, historiesFrom } from './publication.service.ts';
import { writePublicationFiles } from './write-publication-files.ts';

/**
 * Rewrites the publications folder from the database: the latest dataset of every disclosure
 * whose approval still matches its text, with that approved query. Run by the owner (operators'
 * tooling), for a fresh checkout whose database already holds publications.
 */
export async function exportPublications(ownerDatabaseUrl: string, dir: string): Promise<number> {
  const client = new pg.Client({ connectionString: ownerDatabaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{
      dataset: Dataset;
      disclosure_id: string;
      slug: string;
      policy: DisclosurePolicy;
      run_id: string;
      run_at: Date;
      audit_chain_seq: string | null;
      audit_chain_sha256: string | null;
      description: string;
      document: string;
      parameters: Record<string, unknown>;
      output_fields: string[];
    }>(
      `select distinct on (p.disclosure_id) p.dataset, p.disclosure_id, d.slug, p.policy, p.run_id, p.run_at,
              d.description, d.document,
              d.parameters, d.output_fields, r.audit_chain_seq::text as audit_chain_seq, r.audit_chain_sha256
         from publication p join disclosure d on d.id = p.disclosure_id join publication_run r on r.id = p.run_id
        where d.approved_sha256 = d.document_sha256 and p.document_sha256 = d.approved_sha256
        order by p.disclosure_id, p.run_at desc, p.id desc`,
    );
    if (rows.length === 0) return 0;
    const latest = rows.reduce((a, b) => (a.run_at > b.run_at ? a : b));
    const queries = rows.map((row) =>
      approvedQuery(row.dataset, {
        description: row.description,
        document: row.document,
        parameters: row.parameters,
        outputFields: row.output_fields,
        // The policy the dataset was made under, recorded with it.
        policy: row.policy,
      }),
    );
    const disclosures = rows.map((row) => ({ id: row.disclosure_id, slug: row.slug }));
    const history = await client.query(
      `select p.disclosure_id, p.run_id, p.run_at, p.document_sha256, p.dataset_sha256, p.row_count, p.policy, p.diff
         from publication p where p.disclosure_id = any($1::uuid[])
        order by p.disclosure_id, p.run_at desc, p.id desc`,
      [disclosures.map((d) => d.id)],
    );
    await writePublicationFiles(dir, {
      runId: latest.run_id,
      runAt: new Date(latest.run_at),
      // Runs from before the audit chain (migration 0004) have no head to publish.
      auditChainHead:
        latest.audit_chain_seq !== null && latest.audit_chain_sha256 !== null
          ? { seq: latest.audit_chain_seq, sha256: latest.audit_chain_sha256 }
          : null,
      datasets: rows.map((row) => row.dataset),
      queries,
      releases: historiesFrom(history.rows, disclosures),
    });
    return rows.length;
  } finally {
    await client.end();
  }
}
