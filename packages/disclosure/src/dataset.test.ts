import { describe, expect, it } from 'vitest';
import { datasetSchema, manifestSchema } from './dataset.ts';
import { POLICY_NOTICES_DISCLOSURE } from './policy-notices-disclosure.ts';

const valid = {
  provenance: {
    disclosureId: 'd1',
    slug: 'policy-notices',
    name: '政策文件公开',
    pageKind: 'NOTICE_LIST',
    documentSha256: 'a'.repeat(64),
    approvedBy: {
      role: 'COUNTY_ADMIN',
      roleLabel: '县级管理员',
      regionCode: '330199000000',
      regionName: '青山县',
    },
    approvedAt: '2026-11-01T08:00:00.000Z',
    runId: 'r1',
    runAt: '2026-11-02T08:00:00.000Z',
    rowCount: 1,
  },
  columns: [{ name: 'title', description: '标题' }],
  rows: [{ title: '通知' }],
};

describe('the published dataset contract', () => {
  it('accepts a dataset with provenance and described columns', () => {
    expect(datasetSchema.safeParse(valid).success).toBe(true);
  });

  it('refuses a column without a description (every column must be documented)', () => {
    const bad = { ...valid, columns: [{ name: 'title', description: '' }] };
    expect(datasetSchema.safeParse(bad).success).toBe(false);
  });

  it('refuses an approver given as anything but role and region (no person names)', () => {
    const bad = JSON.parse(JSON.stringify(valid));
    bad.provenance.approvedBy = { name: '张三' };
    expect(datasetSchema.safeParse(bad).success).toBe(false);
  });

  it('refuses a query hash that is not a sha256', () => {
    const bad = JSON.parse(JSON.stringify(valid));
    bad.provenance.documentSha256 = 'abc';
    expect(datasetSchema.safeParse(bad).success).toBe(false);
  });
});

describe('the publication manifest', () => {
  const manifest = { runId: 'run-1', runAt: '2026-11-15T08:00:00+08:00', files: [] };

  it('carries the audit chain head of its run, as digits and a sha256', () => {
    const head = { seq: '4211', sha256: 'a'.repeat(64) };
    expect(manifestSchema.parse({ ...manifest, auditChainHead: head }).auditChainHead).toEqual(head);
    expect(manifestSchema.parse({ ...manifest, auditChainHead: null }).auditChainHead).toBeNull();
  });

  it('refuses a head that is not a position and a sha256', () => {
    for (const auditChainHead of [
      { seq: '-1', sha256: 'a'.repeat(64) },
      { seq: '7', sha256: 'xyz' },
      { seq: 7 },
    ]) {
      expect(manifestSchema.safeParse({ ...manifest, auditChainHead }).success).toBe(false);
    }
  });
});

describe('the policy-notices disclosure', () => {
  it('selects exactly the fields its allowlist names', () => {
    const selected = [...POLICY_NOTICES_DISCLOSURE.document.matchAll(/^\s+(\w+)$/gm)].map((m) => m[1]);
    const leaves = POLICY_NOTICES_DISCLOSURE.outputFields.map((field) => field.split('.').at(-1));
    expect(selected.sort()).toEqual([...leaves].sort());
  });
});
