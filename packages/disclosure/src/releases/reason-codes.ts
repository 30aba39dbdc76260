/**
 * Why a published row or total changed between two releases of one disclosure, read from the data
 * (enrollments, the payment ledger, notices and objections), never typed in by hand.
 */
export const REASON_CODES = [
  'NEW_ENROLLMENT',
  'CONTINUING',
  'EXIT_DEATH',
  'EXIT_MOVED',
  'EXIT_INELIGIBLE',
  'CORRECTION',
  'OBJECTION_UPHELD',
  'NOTICE_ENDED',
  'SMALL_CHANGE_WITHHELD',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

/** Plain Chinese for the portal's readers. */
export const REASON_LABELS: Readonly<Record<ReasonCode, string>> = {
  NEW_ENROLLMENT: '新增享受对象',
  CONTINUING: '继续享受对象按期发放',
  EXIT_DEATH: '因死亡退出',
  EXIT_MOVED: '因迁出退出',
  EXIT_INELIGIBLE: '因不再符合条件退出',
  CORRECTION: '更正（冲正、补发或数据更正）',
  OBJECTION_UPHELD: '公示期间异议经核实成立，已从名单中移除',
  NOTICE_ENDED: '公示期已结束，名单不再公开',
  SMALL_CHANGE_WITHHELD: '变动人数少于公开门槛，原因不单列',
};

/** The label of the withheld reason with the threshold that applied. */
export function withheldLabel(k: number): string {
  return `变动人数少于${k}人，原因不单列`;
}

/**
 * Reasons that say something about what happened to people (entered, left, were corrected,
 * were objected to). Fewer than k of them in one place are never itemised. The other codes are
 * about the list itself: a notice ending, or the withholding.
 */
export const PERSONAL_REASONS: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'NEW_ENROLLMENT',
  'CONTINUING',
  'EXIT_DEATH',
  'EXIT_MOVED',
  'EXIT_INELIGIBLE',
  'CORRECTION',
  'OBJECTION_UPHELD',
]);

/** A signed number of people a reason accounts for (+ entered the row or total, − left it). */
export interface ReasonCount {
  code: ReasonCode;
  count: number;
}
