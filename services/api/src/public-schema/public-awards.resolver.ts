import { maskName, VILLAGE_DEPTH } from '@sunshine/deidentify';
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { AwardCategory } from '../modules/awards/award.type.ts';
import { AWARD_CATEGORY_LABELS } from '../modules/awards/award-category-labels.ts';
import { PublicAwardRecipient } from './public-awards.type.ts';
import type { PublicContext } from './public-context.ts';

interface AwardRecipientRow {
  id: string;
  category: AwardCategory;
  citation: string;
  prize_fen: string | null;
  name_publication_consent: boolean;
  association_name: string | null;
  person_name: string | null;
  region_code: string;
  region_name: string;
  region_level: string;
  round_id: string;
  title: string;
  year: number;
  document_number: string;
  issuing_body: string;
  issued_on: string;
  round_region_code: string;
  round_region_name: string;
  round_region_level: string;
}

/**
 * The name a commendation is published under: an association's own name; a person's full name only
 * with their recorded consent (the database keeps consent personal and dated); otherwise the mask.
 */
function publishedName(row: AwardRecipientRow): { name: string; masked: boolean } {
  if (row.association_name !== null) return { name: row.association_name, masked: false };
  const name = row.person_name as string;
  return row.name_publication_consent ? { name, masked: false } : { name: maskName(name), masked: true };
}

@Resolver()
export class PublicAwardResolver {
  @Query(() => [PublicAwardRecipient], {
    description: '某区划及其下级受表彰的集体和个人，按表彰决定从新到旧',
  })
  async awardRecipients(
    @Arg('regionCode', () => String, { description: '12 位区划代码' }) regionCode: string,
    @Ctx() ctx: PublicContext,
  ): Promise<PublicAwardRecipient[]> {
    // A person's region is where they are registered: published no finer than their village.
    const rows = (await ctx.em.execute(
      `select ar.id, ar.category, ar.citation, ar.prize_fen::text as prize_fen, ar.name_publication_consent,
              a.name as association_name, x.name as person_name,
              rr.code as region_code, rr.name as region_name, rr.level as region_level,
              r.id as round_id, r.title, r.year, r.document_number, r.issuing_body,
              to_char(r.issued_on, 'YYYY-MM-DD') as issued_on,
              ro.code as round_region_code, ro.name as round_region_name, ro.level as round_region_level
         from award_recipient ar
         join award_round r on r.id = ar.round_id
         join region ro on ro.id = r.region_id
         join region rr on rr.path = subpath(ar.region_path, 0, least(nlevel(ar.region_path), ?))
         left join association a on a.id = ar.association_id
         left join person x on x.id = ar.person_id
        where (a.name is not null or x.name is not null)
          and ar.region_path <@ ?::ltree
          and ar.region_path <@ (select path from region where code = ?)
        order by r.issued_on desc, r.id, ar.category, rr.code, ar.id`,
      [VILLAGE_DEPTH, ctx.regionPath, regionCode],
    )) as AwardRecipientRow[];
    return rows.map((row) => {
      const recipient = publishedName(row);
      // A citation is written about its recipient: one who did not consent is not named there either.
      const fullName = row.person_name ?? '';
      const citation =
        recipient.masked && fullName.length >= 2
          ? row.citation.replaceAll(fullName, recipient.name)
          : row.citation;
      return {
        id: row.id,
        category: row.category,
        categoryLabel: AWARD_CATEGORY_LABELS[row.category].zh,
        recipientName: recipient.name,
        nameMasked: recipient.masked,
        citation,
        prizeFen: row.prize_fen,
        region: { code: row.region_code, name: row.region_name, level: row.region_level },
        round: {
          id: row.round_id,
          title: row.title,
          year: row.year,
          documentNumber: row.document_number,
          issuingBody: row.issuing_body,
          issuedOn: row.issued_on,
          region: { code: row.round_region_code, name: row.round_region_name, level: row.round_region_level },
        },
      };
    });
  }
}
