import type { DisclosureDefinition } from './index.ts';

/**
 * The named list of a public notice (公示名单), while it runs and while objections to it are being
 * handled; each build after that leaves it out. Sensitive programs are never listed by name.
 */
export const NOTICE_RECIPIENTS_DISCLOSURE: DisclosureDefinition = {
  slug: 'notice-recipients',
  name: '扶助对象公示名单',
  description:
    '正在公示的扶助对象名单：村民小组、姓名（只显示姓和末字）、项目、年度金额、公示期和异议受理方式。名单只在公示期内及异议处理期间公布；特别扶助、关怀抚慰金等涉及家庭隐私的项目不公布名单。',
  pageKind: 'RECIPIENT_LIST',
  document: `query NoticeRecipients($regionCode: String!) {
  noticeRecipients(regionCode: $regionCode) {
    token
    maskedName
    villagerGroup
    village {
      code
      name
      level
    }
    township {
      code
      name
      level
    }
    program {
      code
      name
    }
    year
    amountFen
    notice {
      id
      startsOn
      endsOn
      objectionOffice
      objectionPhone
    }
  }
}
`,
  outputFields: [
    'token',
    'maskedName',
    'villagerGroup',
    'village.code',
    'village.name',
    'village.level',
    'township.code',
    'township.name',
    'township.level',
    'program.code',
    'program.name',
    'year',
    'amountFen',
    'notice.id',
    'notice.startsOn',
    'notice.endsOn',
    'notice.objectionOffice',
    'notice.objectionPhone',
  ],
};
