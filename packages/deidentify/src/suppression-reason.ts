/** Why a cell or a whole level is not published, in plain Chinese for the portal's readers. */
export type SuppressionCode = 'PRIMARY' | 'SECONDARY' | 'PREVIOUS_RELEASE';

export interface SuppressionNote {
  readonly code: SuppressionCode;
  readonly reason: string;
}

export interface GeneralisationNote {
  readonly code: 'SENSITIVE_LEVEL';
  readonly reason: string;
}

/**
 * Small cells and their complements carry the same published reason, and only the reason is
 * published (the code stays inside the engine, for counts and tests). Two texts would tell a reader
 * that one hidden village has fewer than k people and its neighbour at least k (complements are
 * chosen among published cells, all 0 or ≥ k): a township of 6 with villages "fewer than 5" and
 * "hidden to protect it" could only be 1 + 5, and a township "fewer than 5" over four hidden
 * villages could only be 1 + 1 + 1 + 1.
 */
function smallCellReason(k: number): string {
  return `为保护个人隐私不予公开：人数少于${k}人，或可能被用来推算人数少于${k}人的数据`;
}

export function primarySuppression(k: number): SuppressionNote {
  return { code: 'PRIMARY', reason: smallCellReason(k) };
}

export function secondarySuppression(k: number): SuppressionNote {
  return { code: 'SECONDARY', reason: smallCellReason(k) };
}

export const PREVIOUS_RELEASE_SUPPRESSION: SuppressionNote = {
  code: 'PREVIOUS_RELEASE',
  reason: '上一期已隐藏，为防止前后对比推算，本期继续隐藏',
};

export const SENSITIVE_LEVEL: GeneralisationNote = {
  code: 'SENSITIVE_LEVEL',
  reason: '本项目涉及特殊困难家庭，只公布到乡镇一级的人数和金额，不公布村级数据和个人名单',
};

/** The range of counts a hidden cell can hold; `hi` is Infinity when unbounded. */
export interface CountRange {
  readonly lo: number;
  readonly hi: number;
}

/**
 * What anyone reading a published table knows about a hidden cell before adding up any total:
 * zeros are always published, so a hidden cell counts at least one person. Nothing bounds it from
 * above, since every reason reads the same whatever the count (see `smallCellReason`).
 */
export const HIDDEN_CELL_RANGE: CountRange = { lo: 1, hi: Number.POSITIVE_INFINITY };
