/** Why a cell or a whole level is not published, in plain Chinese for the portal's readers. */
export type SuppressionCode = 'PRIMARY' | 'SECONDARY';

export interface SuppressionNote {
  readonly code: SuppressionCode;
  readonly reason: string;
}

export interface GeneralisationNote {
  readonly code: 'SENSITIVE_LEVEL';
  readonly reason: string;
}

export function primarySuppression(k: number): SuppressionNote {
  return { code: 'PRIMARY', reason: `人数少于${k}人，为保护个人隐私不予公开` };
}

export const SECONDARY_SUPPRESSION: SuppressionNote = {
  code: 'SECONDARY',
  reason: '为防止通过合计反推，一并不予公开',
};

export const SENSITIVE_LEVEL: GeneralisationNote = {
  code: 'SENSITIVE_LEVEL',
  reason: '本项目涉及特殊困难家庭，只公布到乡镇一级的人数和金额，不公布村级数据和个人名单',
};
