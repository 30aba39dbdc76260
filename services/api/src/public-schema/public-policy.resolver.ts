import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { PolicyCategory } from '../modules/policies/policy.entity.ts';
import { POLICY_CATEGORY_LABELS } from '../modules/policies/policy-category-labels.ts';
import type { PublicContext } from './public-context.ts';
import { PublicPolicy } from './public-policy.type.ts';

interface PublicPolicyRow {
  id: string;
  title: string;
  document_number: string;
  issuing_body: string;
  category: PolicyCategory;
  issue_date: string;
  effective_date: string | null;
  expiry_date: string | null;
  body_markdown: string;
  attachments: { fileName: string; mediaType: string; byteSize: number }[];
  published_at: Date;
  region_code: string;
  region_name: string;
  region_level: string;
}

@Resolver()
export class PublicPolicyResolver {
  @Query(() => [PublicPolicy], {
    description: '某区划及其下级已发布且未撤回的政策文件，按发文日期从新到旧',
  })
  async policies(
    @Arg('regionCode', () => String, { description: '12 位区划代码' }) regionCode: string,
    @Ctx() ctx: PublicContext,
  ): Promise<PublicPolicy[]> {
    const rows = (await ctx.em.execute(
      `select p.id, p.title, p.document_number, p.issuing_body, p.category,
              to_char(p.issue_date, 'YYYY-MM-DD') as issue_date,
              to_char(p.effective_date, 'YYYY-MM-DD') as effective_date,
              to_char(p.expiry_date, 'YYYY-MM-DD') as expiry_date,
              p.body_markdown, p.attachments, p.published_at,
              r.code as region_code, r.name as region_name, r.level as region_level
         from policy p join region r on r.id = p.region_id
        where p.status = 'PUBLISHED'
          and p.region_path <@ ?::ltree
          and p.region_path <@ (select path from region where code = ?)
        order by p.issue_date desc, p.id
        limit 2000`,
      [ctx.regionPath, regionCode],
    )) as PublicPolicyRow[];
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      documentNumber: row.document_number,
      issuingBody: row.issuing_body,
      category: row.category,
      categoryLabel: POLICY_CATEGORY_LABELS[row.category].zh,
      issueDate: row.issue_date,
      effectiveDate: row.effective_date,
      expiryDate: row.expiry_date,
      bodyMarkdown: row.body_markdown,
      attachments: row.attachments.map((a) => ({
        fileName: a.fileName,
        mediaType: a.mediaType,
        byteSize: a.byteSize,
      })),
      region: { code: row.region_code, name: row.region_name, level: row.region_level },
      publishedAt: new Date(row.published_at).toISOString(),
    }));
  }
}
