import type { EnrollmentKind, EvidenceKind } from './program-catalogue.ts';

/** The names of the evidence kinds (证明材料) as the forms and the refusals say them. */
export const EVIDENCE_LABELS: Record<EvidenceKind, { zh: string; en: string }> = {
  HOUSEHOLD_REGISTER: { zh: '户口簿', en: 'household register' },
  RESIDENT_ID_CARD: { zh: '居民身份证', en: 'resident ID card' },
  MARRIAGE_CERTIFICATE: { zh: '结婚证', en: 'marriage certificate' },
  ONLY_CHILD_CERTIFICATE: { zh: '独生子女父母光荣证', en: "only-child parents' certificate" },
  BIRTH_RECORD: { zh: '生育情况证明', en: 'record of births' },
  DEATH_CERTIFICATE: { zh: '死亡证明', en: 'death certificate' },
  DISABILITY_CERTIFICATE: { zh: '残疾人证（三级以上）', en: 'disability certificate (grade 3 or above)' },
  VILLAGE_CERTIFICATION: { zh: '村（居）委会证明', en: "village committee's certification" },
  ANNUAL_CONFIRMATION: { zh: '年度资格确认表', en: 'annual eligibility confirmation' },
  SCHOOL_ENROLLMENT: { zh: '入学通知书或在读证明', en: 'admission letter or proof of study' },
  HARDSHIP_CERTIFICATION: { zh: '困难情况证明', en: 'certification of hardship' },
};

export const ENROLLMENT_KIND_LABELS: Record<EnrollmentKind, { zh: string; en: string }> = {
  NEW: { zh: '新增', en: 'new' },
  CONTINUING: { zh: '继续享受', en: 'continuing' },
  EXITED: { zh: '退出', en: 'exit' },
};

/** "户口簿、居民身份证" / "household register, resident ID card". */
export function evidenceList(kinds: readonly EvidenceKind[]): { zh: string; en: string } {
  return {
    zh: kinds.map((kind) => EVIDENCE_LABELS[kind].zh).join('、'),
    en: kinds.map((kind) => EVIDENCE_LABELS[kind].en).join(', '),
  };
}
