import { badInput } from '../../errors/domain-error.ts';
import { isCalendarDate, requireText, todayInChina } from '../../validation/field-checks.ts';
import {
  ASSOCIATION_KINDS,
  ASSOCIATION_STANDINGS,
  type AssociationKind,
  type AssociationLevel,
  type AssociationStanding,
  MEMBER_HOME_FACILITIES,
  type MemberHomeFacility,
} from './association.type.ts';

/** What an admin may change on an association (its code and region are fixed at creation). */
export interface AssociationFields {
  name: string;
  kind: AssociationKind;
  standing: AssociationStanding;
  memberHomeFacilities: MemberHomeFacility[];
  foundedOn: string | null;
}

export interface NewAssociationFields extends AssociationFields {
  regionCode: string;
  code: string;
}

const ASSOCIATION_CODE = /^([0-9]{12})-([A-Z0-9]{1,8})$/;

/** A calendar date (YYYY-MM-DD, 1949 or later) that is not in the future. */
export function checkPastDate(field: string, value: string, label: { zh: string; en: string }): string {
  if (!isCalendarDate(value, '1949-01-01')) {
    throw badInput(
      field,
      `${label.zh}不是有效日期（格式 YYYY-MM-DD）`,
      `${label.en} is not a valid date (YYYY-MM-DD)`,
    );
  }
  if (value > todayInChina()) {
    throw badInput(field, `${label.zh}不能晚于今天`, `${label.en} cannot be in the future`);
  }
  return value;
}

export function validateAssociationFields(input: AssociationFields): AssociationFields {
  const name = requireText('input.name', input.name, 2, 100, { zh: '协会名称', en: 'Name' });
  if (!ASSOCIATION_KINDS.includes(input.kind)) {
    throw badInput('input.kind', '协会类型无效', 'Unknown kind of association');
  }
  if (!ASSOCIATION_STANDINGS.includes(input.standing)) {
    throw badInput('input.standing', '协会等次无效', 'Unknown standing');
  }
  for (const facility of input.memberHomeFacilities) {
    if (!MEMBER_HOME_FACILITIES.includes(facility)) {
      throw badInput('input.memberHomeFacilities', '会员之家设施无效', 'Unknown member-home facility');
    }
  }
  const memberHomeFacilities = MEMBER_HOME_FACILITIES.filter((f) => input.memberHomeFacilities.includes(f));
  const foundedOn =
    input.foundedOn == null
      ? null
      : checkPastDate('input.foundedOn', input.foundedOn, { zh: '成立日期', en: 'Founding date' });
  return { name, kind: input.kind, standing: input.standing, memberHomeFacilities, foundedOn };
}

export function validateNewAssociation(input: NewAssociationFields): NewAssociationFields {
  const fields = validateAssociationFields(input);
  const code = input.code.trim().toUpperCase();
  const match = ASSOCIATION_CODE.exec(code);
  if (!match) {
    throw badInput(
      'input.code',
      '协会代码格式应为“12 位区划代码-1 至 8 位字母或数字”，例如 330199101201-A1',
      'Association code must be the 12-digit region code, a hyphen and 1–8 letters or digits, e.g. 330199101201-A1',
    );
  }
  const regionCode = input.regionCode.trim();
  if (match[1] !== regionCode) {
    throw badInput(
      'input.code',
      '协会代码应以所在区划的代码开头',
      "The association code must start with its region's code",
    );
  }
  return { ...fields, regionCode, code };
}

/** County and township associations are regional; villages have village or community ones. */
export function checkKindFitsLevel(kind: AssociationKind, level: AssociationLevel): void {
  if (kind === 'ENTERPRISE' || kind === 'FLOATING_POPULATION') return;
  if ((kind === 'REGIONAL') !== (level !== 'VILLAGE')) {
    throw badInput(
      'input.kind',
      level === 'VILLAGE'
        ? '村（社区）级协会的类型应为村、社区、企业或流动人口协会'
        : '县、乡镇级协会的类型应为区域、企业或流动人口协会',
      level === 'VILLAGE'
        ? 'A village-level association is a village, community, enterprise or floating-population one'
        : 'A county or township association is a regional, enterprise or floating-population one',
    );
  }
}
