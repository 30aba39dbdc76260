import type { DisclosureDefinition } from './index.ts';

/** Every public notice with its period, objection channel and counts: the named list's lasting trace. */
export const PUBLIC_NOTICES_DISCLOSURE: DisclosureDefinition = {
  slug: 'public-notices',
  name: '扶助对象公示一览',
  description:
    '各乡镇历次扶助对象公示的期限、状态、异议受理方式，以及列入公示的人数和金额（人数过少的不予公开）。说明每期是否公布名单及原因。',
  pageKind: 'NOTICE_LIST',
  document: `query PublicNotices($regionCode: String!) {
  publicNotices(regionCode: $regionCode) {
    id
    program {
      code
      name
      sensitive
    }
    year
    township {
      code
      name
      level
    }
    startsOn
    endsOn
    status
    statusLabel
    namesPublished
    namesNote
    recipientCount
    amountFen
    suppressed
    suppressionReason
    objectionOffice
    objectionPhone
  }
}
`,
  outputFields: [
    'id',
    'program.code',
    'program.name',
    'program.sensitive',
    'year',
    'township.code',
    'township.name',
    'township.level',
    'startsOn',
    'endsOn',
    'status',
    'statusLabel',
    'namesPublished',
    'namesNote',
    'recipientCount',
    'amountFen',
    'suppressed',
    'suppressionReason',
    'objectionOffice',
    'objectionPhone',
  ],
};
