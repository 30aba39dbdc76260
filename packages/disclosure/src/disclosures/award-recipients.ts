import type { DisclosureDefinition } from './index.ts';

/**
 * Who was commended: associations by name, persons by their full name only with their recorded
 * consent and masked otherwise (the public schema decides, not this query).
 */
export const AWARD_RECIPIENTS_DISCLOSURE: DisclosureDefinition = {
  slug: 'award-recipients',
  name: '表彰名单公开',
  description:
    '本县及各乡镇表彰的先进集体、先进个人、优秀会员和优秀志愿者。个人经本人书面同意的公布全名，其余只显示姓和末字。',
  pageKind: 'RECIPIENT_LIST',
  document: `query AwardRecipients($regionCode: String!) {
  awardRecipients(regionCode: $regionCode) {
    id
    category
    categoryLabel
    recipientName
    nameMasked
    citation
    prizeFen
    region {
      code
      name
      level
    }
    round {
      id
      title
      year
      documentNumber
      issuingBody
      issuedOn
      region {
        code
        name
        level
      }
    }
  }
}
`,
  outputFields: [
    'id',
    'category',
    'categoryLabel',
    'recipientName',
    'nameMasked',
    'citation',
    'prizeFen',
    'region.code',
    'region.name',
    'region.level',
    'round.id',
    'round.title',
    'round.year',
    'round.documentNumber',
    'round.issuingBody',
    'round.issuedOn',
    'round.region.code',
    'round.region.name',
    'round.region.level',
  ],
};
