import { createHash } from 'node:crypto';
import { withLuhnCheckDigit } from '@sunshine/identifiers/luhn';
import { stringify } from 'csv-stringify/sync';
import { BANK_RETURN_HEADER } from '../disbursements/bank-return-file.ts';
import { buildPaymentFile } from '../disbursements/payment-file.ts';
import {
  checkEligibility,
  type EligibilityFacts,
  programIsSensitive,
  variantFor,
} from '../programs/eligibility.ts';
import {
  type CatalogueProgram,
  type CatalogueStandard,
  type EnrollmentKind,
  type EvidenceKind,
  PROGRAM_CATALOGUE,
  type ProgramKind,
} from '../programs/program-catalogue.ts';
import { addDays, dayNumber, isoDate, pad, randomDate, yearOf } from './demo-calendar.ts';
import type { DemoHousehold } from './demo-households.ts';
import type { DemoPerson } from './demo-persons.ts';
import type { DemoRandom } from './demo-random.ts';
import { type DemoCountyTree, HOME_COUNTY } from './demo-regions.ts';
import type { DemoRegistry } from './demo-registry.ts';

// Money to families in the demo county: the catalogue's programs with their standards, four yearly
// rolls (2023–2026) walked through submission, review, approval and public notice, three years of
// payments (2023–2025) with their bank returns and corrections, and the 2026 roll confirmed but not
// yet paid (the county pays in December; the demo's today is 15 November 2026). Pure and
// deterministic, like the rest of the demo: dates and times are drawn, never read from the clock.

/** The rolls the demo holds. */
export const MONEY_YEARS = [2023, 2024, 2025, 2026] as const;
/** The years paid (December of each year, corrections the next January). */
export const PAID_YEARS = [2023, 2024, 2025] as const;

export type EnrollmentStatus = 'IN_NOTICE' | 'CONFIRMED' | 'REJECTED';
export type ExitReason = 'DEATH' | 'INELIGIBLE' | 'MOVED';
export type PaymentStatus = 'PLANNED' | 'EXPORTED' | 'PAID' | 'FAILED' | 'RETURNED' | 'REVERSED' | 'BOOKED';
export type PaymentEntry = 'PAYMENT' | 'REISSUE' | 'REVERSAL';

export interface DemoProgram {
  code: string;
  entry: CatalogueProgram;
  regionCode: string;
  objectionOffice: string;
  objectionPhone: string;
  createdByUsername: string;
  createdAt: string;
}

export interface DemoEvidence {
  kind: EvidenceKind;
  documentNumber: string;
  issuedOn: string;
}

/** One public notice (公示) of one program's roll, for one township and year. */
export interface DemoNotice {
  programCode: string;
  year: number;
  regionCode: string;
  startsOn: string;
  objectionOffice: string;
  objectionPhone: string;
  openedByUsername: string;
  openedAt: string;
  /**
   * Confirmed this many days after the notice's last day (which the database computes from its
   * calendar of working days), at `confirmTime` China time; null while the notice is still open.
   */
  confirm: { afterDays: number; time: string; byUsername: string } | null;
}

export interface DemoEnrollment {
  programCode: string;
  residentId: string;
  /** The person's registered village or community. */
  regionCode: string;
  year: number;
  kind: EnrollmentKind;
  exitReason: ExitReason | null;
  variant: string;
  evidence: DemoEvidence[];
  status: EnrollmentStatus;
  submittedByUsername: string;
  submittedAt: string;
  reviewedByUsername: string;
  reviewedAt: string;
  approvedByUsername: string;
  approvedAt: string;
  /** Index into `notices`. */
  notice: number;
  /** Struck off when the notice was confirmed (at that moment), after an upheld objection. */
  rejection: { byUsername: string; reason: string } | null;
}

export interface DemoObjection {
  /** Index into `enrollments`. */
  enrollment: number;
  receivedOn: string;
  channel: 'PHONE' | 'VISIT' | 'LETTER' | 'ONLINE';
  summary: string;
  recordedByUsername: string;
  recordedAt: string;
  resolution: {
    status: 'UPHELD' | 'DISMISSED';
    text: string;
    byUsername: string;
    at: string;
  } | null;
}

export interface DemoAccount {
  residentId: string;
  regionCode: string;
  bank: string;
  accountNumber: string;
  updatedByUsername: string;
  updatedAt: string;
  /** 2 when the account was replaced after a failed payment. */
  version: number;
}

export interface DemoProxy {
  residentId: string;
  proxyResidentId: string;
  regionCode: string;
  reason: string;
  createdByUsername: string;
  createdAt: string;
  approvedByUsername: string;
  approvedAt: string;
}

export interface DemoDeath {
  residentId: string;
  deceasedOn: string;
  /** The village clerk who recorded it in the registry, and when. */
  recordedByUsername: string;
  recordedAt: string;
}

export interface DemoBatch {
  /** Drawn from the seed, like the payments' ids, so that the payment file is the same on every load. */
  id: string;
  programCode: string;
  period: string;
  regionCode: string;
  purpose: 'REGULAR' | 'CORRECTION';
  /** EXPORTED, or DRAFT for the reversal journal (it pays nothing, so it is never approved). */
  status: 'DRAFT' | 'EXPORTED';
  createdByUsername: string;
  createdAt: string;
  approvedByUsername: string | null;
  approvedAt: string | null;
  exportedByUsername: string | null;
  exportedAt: string | null;
  fileName: string | null;
  fileBytes: Buffer | null;
  fileSha256: string | null;
  /** The bank's return file its settlements were read from (not stored: its sha256 is, on each event). */
  bankReturnFile: string | null;
  /** Lines to pay and their total (reversals excluded, as the ledger counts them). */
  lineCount: number;
  totalFen: number;
  version: number;
}

export interface DemoPaymentEvent {
  from: PaymentStatus | null;
  to: PaymentStatus;
  at: string;
  byUsername: string;
  /** The sha256 of the bank return file a settlement was read from. */
  sourceSha256: string | null;
}

export interface DemoPayment {
  id: string;
  /** Index into `batches`. */
  batch: number;
  lineNumber: number;
  programCode: string;
  period: string;
  residentId: string;
  regionCode: string;
  /** Index into `enrollments`. */
  enrollment: number;
  /** The standard in force on the period's first day: program code, variant, effective from. */
  standardKey: string;
  payeeResidentId: string;
  /** Index into `proxies`, when a proxy is paid. */
  proxy: number | null;
  bank: string;
  accountNumber: string;
  amountFen: number;
  entry: PaymentEntry;
  /** Index into `payments`: the payment a reissue replaces or a reversal undoes. */
  corrects: number | null;
  /** Why a reversal was booked (internal, never published). */
  correctionReason: string | null;
  status: PaymentStatus;
  bankReference: string | null;
  failureReason: string | null;
  settledAt: string | null;
  createdByUsername: string;
  createdAt: string;
  events: DemoPaymentEvent[];
}

export interface DemoMoney {
  programs: DemoProgram[];
  notices: DemoNotice[];
  enrollments: DemoEnrollment[];
  objections: DemoObjection[];
  accounts: DemoAccount[];
  proxies: DemoProxy[];
  batches: DemoBatch[];
  payments: DemoPayment[];
  /** Beneficiaries who died in these years: the loader records each death in the registry too. */
  deaths: DemoDeath[];
  /** The stories the demo tells on purpose, for tests and for whoever shows the demo. */
  planted: {
    /** `<program code>/<year>/<township code>`: the notice still open on the demo's today. */
    openNotice: string;
    /** Resident IDs whose enrollment an upheld objection struck off. */
    upheld: string[];
    /** Resident ID of the beneficiary paid after their death, whose payment was reversed. */
    reversed: string;
    /** `<program code>/<year>`: the roll the bench pays, confirmed and not yet paid. */
    unpaidRoll: string;
  };
}

/** Key of a standard: program code, variant, effective from. */
export function standardKey(programCode: string, variant: string, effectiveFrom: string): string {
  return `${programCode}|${variant}|${effectiveFrom}`;
}

/** Which programs a county's code names: the home county uses the catalogue codes, the others append theirs. */
export function demoProgramCode(catalogueCode: string, countyCode6: string): string {
  return countyCode6 === HOME_COUNTY.code6 ? catalogueCode : `${catalogueCode}-${countyCode6}`;
}

/** Months one payment covers: 12 for a monthly standard paid yearly. */
export function monthsPerPayment(entry: Pick<CatalogueProgram, 'amountUnit' | 'paymentPeriod'>): number {
  return entry.amountUnit === 'PER_PERSON_MONTH' && entry.paymentPeriod === 'YEAR' ? 12 : 1;
}

// ---- bank accounts -----------------------------------------------------------------------------

// ---- files ------------------------------------------------------------------------------------

export function sha256Hex(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** A bank return file (回盘文件) in the ledger's format: one row per line, with the bank's result. */
export function bankReturnFile(
  lines: readonly Pick<DemoPayment, 'id' | 'status' | 'bankReference' | 'failureReason'>[],
): string {
  const result = { PAID: '成功', FAILED: '失败', RETURNED: '退回' } as Record<string, string>;
  return stringify(
    [
      [...BANK_RETURN_HEADER],
      ...lines.map((line) => [
        line.id,
        result[line.status] ?? '',
        line.bankReference ?? '',
        line.failureReason ?? '',
      ]),
    ],
    { record_delimiter: '\r\n' },
  );
}

/**
 * Time-ordered UUIDs (version 7: the millisecond of `at`, a 12-bit sequence within it, 62 random
 * bits) from an sfc32 stream of their own, seeded with four 32-bit words: from the demo's random
 * stream they are the same on every load (so is a batch's payment file, which names its payments);
 * ordered by time, they go into the primary key's index in order rather than anywhere.
 */
export function timeOrderedUuids(seed: readonly [number, number, number, number]): (at: string) => string {
  let [a, b, c, d] = seed.map((word) => word >>> 0) as [number, number, number, number];
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next();
  let lastMs = 0;
  let sequence = 0;
  return (at: string) => {
    let ms = Date.parse(at);
    if (ms <= lastMs) {
      ms = lastMs;
      sequence++;
      if (sequence > 0xfff) {
        ms = ++lastMs;
        sequence = 0;
      }
    } else {
      lastMs = ms;
      sequence = 0;
    }
    const time = ms.toString(16).padStart(12, '0');
    const x = next();
    const y = next().toString(16).padStart(8, '0');
    const variant = (8 | (x & 3)).toString(16);
    const high = ((x >>> 2) & 0xfff).toString(16).padStart(3, '0');
    return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${sequence.toString(16).padStart(3, '0')}-${variant}${high}-${y}${(next() & 0xffff).toString(16).padStart(4, '0')}`;
  };
}

/** Code-point order, the same on every machine (no locale). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---- the generator -----------------------------------------------------------------------------

interface Beneficiary {
  person: DemoPerson;
  household: DemoHousehold;
  /** Index in the registry's person list: the order lines are paid in. */
  order: number;
  facts: EligibilityFacts;
  villageCode: string;
  townshipCode: string;
  member: boolean;
}

/** When each kind's roll is drawn up (its notices open the month after); payment is in December. */
const ROLL_MONTH: Record<ProgramKind, number> = {
  REWARD_ASSISTANCE: 3,
  SPECIAL_ASSISTANCE: 3,
  ONLY_CHILD_PARENT_REWARD: 4,
  EMERGENCY_AID: 6,
  STUDY_GRANT: 8,
  CARE_PAYMENT: 9,
};
/** Per-event programs: each year's grant is a new application, never a continuing entitlement. */
const PER_EVENT: ReadonlySet<ProgramKind> = new Set(['EMERGENCY_AID', 'STUDY_GRANT']);
/** Share of households in difficulty that get emergency aid in a given year. */
const EMERGENCY_SHARE = 0.05;
/** Share of paid accounts that fail in a December run (closed, frozen, name mismatch). */
const FAILING_ACCOUNT_SHARE = 0.003;

const PARENT_RELATIONS: ReadonlySet<string> = new Set(['HEAD', 'SPOUSE']);
const CHILD_RELATIONS: ReadonlySet<string> = new Set(['CHILD', 'GRANDCHILD']);

// Banks that pay benefits into the "one card" (惠民惠农一卡通) accounts: mostly the rural
// commercial bank and the rural credit union, some the postal savings bank. The card prefixes are
// UnionPay-style 62xxxx numbers made up for the demo.
function banksOf(countyName: string): readonly (readonly [{ name: string; prefix: string }, number])[] {
  const stem = countyName.replace(/[县区市]$/, '');
  return [
    [{ name: `浙江${stem}农村商业银行`, prefix: '623158' }, 60],
    [{ name: `${countyName}农村信用合作联社`, prefix: '622858' }, 25],
    [{ name: `中国邮政储蓄银行${countyName}支行`, prefix: '621799' }, 15],
  ];
}

const FAILURES: readonly (readonly [
  { status: 'FAILED' | 'RETURNED'; reason: string; newAccount: boolean },
  number,
])[] = [
  [{ status: 'FAILED', reason: '账户已销户', newAccount: true }, 3],
  [{ status: 'FAILED', reason: '户名与账号不符', newAccount: false }, 3],
  [{ status: 'RETURNED', reason: '账户已冻结，款项退回', newAccount: true }, 2],
  [{ status: 'RETURNED', reason: '收款账户已挂失，款项退回', newAccount: true }, 2],
];

const DISMISSED_OBJECTIONS: readonly (readonly [string, string])[] = [
  [
    '来电反映该对象家庭经济条件较好，不应享受',
    '经核实，该项目不以家庭收入为条件，对象符合政策规定，异议不成立',
  ],
  ['来访反映该对象子女户口已迁往外地', '经核查户籍档案，子女户口迁出不影响计划生育家庭类别认定，异议不成立'],
  ['来信反映该对象年龄不符合条件', '经核对居民身份证及户籍登记，出生日期与申报一致，异议不成立'],
  ['网上留言反映该对象曾有违反计划生育政策行为', '经查阅生育登记档案，未发现违反政策生育记录，异议不成立'],
];
const UPHELD_OBJECTION: readonly [string, string] = [
  '来访反映该户登记有两个子女，不属于独生子女家庭',
  '经核查户籍及生育登记，该户确有两个子女，不符合独生子女父母奖励条件，异议成立',
];
const REVERSAL_REASON = '经与死亡登记信息比对，该对象已于发放年度前死亡，款项已追回';
const PROXY_REASONS = [
  '年老体弱，行动不便，委托子女代领',
  '长期卧床，委托家属代为领取',
  '视力不好，不便办理银行业务，委托子女代领',
];
const CHANNELS = ['PHONE', 'VISIT', 'LETTER', 'ONLINE'] as const;

// Day arithmetic through Date is slow for a few hundred thousand rows over a few hundred days.
const shifted = new Map<string, string>();
function plusDays(date: string, days: number): string {
  const key = `${date}|${days}`;
  let result = shifted.get(key);
  if (result === undefined) {
    result = addDays(date, days);
    shifted.set(key, result);
  }
  return result;
}

/** Saturday and Sunday move to the next Monday: offices work on working days. */
function workday(date: string): string {
  const dow = (dayNumber(date) + 4) % 7; // 0 = Sunday (1970-01-01 was a Thursday)
  return dow === 6 ? plusDays(date, 2) : dow === 0 ? plusDays(date, 1) : date;
}

/** A time in office hours on `date`, China time. */
function officeTime(rng: DemoRandom, date: string): string {
  return `${date}T${timeOfDay(rng)}+08:00`;
}

function timeOfDay(rng: DemoRandom): string {
  const minute = rng.int(8 * 60 + 30, 17 * 60 + 20);
  return `${pad(Math.floor(minute / 60), 2)}:${pad(minute % 60, 2)}:${pad(rng.int(0, 59), 2)}`;
}

function datePart(timestamp: string): string {
  return timestamp.slice(0, 10);
}

/** One second after a timestamp written by `officeTime` (same date, never past midnight in office hours). */
function secondLater(timestamp: string, seconds = 1): string {
  const [h, m, s] = timestamp.slice(11, 19).split(':').map(Number) as [number, number, number];
  const total = h * 3600 + m * 60 + s + seconds;
  return `${timestamp.slice(0, 11)}${pad(Math.floor(total / 3600), 2)}:${pad(Math.floor(total / 60) % 60, 2)}:${pad(total % 60, 2)}+08:00`;
}

/** Who takes each step: demo users whose role and region give them the authority. */
interface MoneyUsers {
  countyAdmin: string;
  countyApprover: string;
  township(townshipCode: string): string;
  clerk(villageCode: string): string;
}

type Failure = (typeof FAILURES)[number][0];

/**
 * One county's money to families. `usernamePrefix` is the county's prefix at province scale.
 * Everyone who takes a step is a demo user whose role and region give them the authority: the
 * village clerk submits (the township, for special assistance, which the village may not see), the
 * township admin reviews (the county admin, for special assistance), the county approver approves,
 * the township opens the notice and the county admin confirms it; the county admin makes, exports
 * and settles a batch, and the county approver approves it.
 */
export function buildDemoMoney(
  random: DemoRandom,
  tree: DemoCountyTree,
  registry: Pick<DemoRegistry, 'persons' | 'households' | 'members' | 'planted'>,
  usernamePrefix = '',
): DemoMoney {
  return new MoneyDraw(random, tree, registry, usernamePrefix).draw();
}

/** The draw in its phases, in the order they consume the county's random stream. */
class MoneyDraw {
  private readonly rng: DemoRandom;
  private readonly countyCode: string;
  private readonly user: MoneyUsers;
  private readonly beneficiaries: Beneficiary[];
  private readonly byResidentId: Map<string, Beneficiary>;
  private readonly byHousehold = new Map<string, DemoPerson[]>();
  private readonly careRecipients = new Set<string>();
  private readonly youngestChildBorn = new Map<string, number>();
  private readonly firstYear: Map<DemoProgram, number>;
  private readonly programs: DemoProgram[];
  private readonly rewardNational: DemoProgram;
  private readonly onlyChild: DemoProgram;
  private readonly townshipNames: Map<string, string>;
  private readonly townshipPhones: Map<string, string>;

  // The stories planted on purpose (see plantStories).
  /** Removed from the rolls from `fromYear` on, with the exit recorded that year. */
  private readonly removed = new Map<string, { fromYear: number; reason: ExitReason }>();
  private readonly deaths: DemoDeath[] = [];
  private upheldIds = new Set<string>();
  private reversed!: Beneficiary;
  private emergencyPicks = new Map<number, Set<string>>();
  private lateTownship = '';

  private readonly notices: DemoNotice[] = [];
  private readonly enrollments: DemoEnrollment[] = [];
  /** Enrollment index by `<program code>/<year>/<resident ID>`. */
  private readonly enrollmentIndex = new Map<string, number>();
  private readonly noticeIndex = new Map<string, number>();
  private readonly objections: DemoObjection[] = [];
  private readonly proxies: DemoProxy[] = [];
  private readonly proxyOf = new Map<string, { index: number; from: string }>();
  /** Each payee's account as it stands: replaced after a failure, so it is read when a line is made. */
  private readonly accounts = new Map<string, DemoAccount>();
  private readonly usedNumbers = new Set<string>();
  private readonly batches: DemoBatch[] = [];
  private readonly payments: DemoPayment[] = [];
  private readonly paymentIndex = new Map<DemoPayment, number>();
  private readonly linesIn = new Map<DemoBatch, number>();
  private nextId: (at: string) => string = () => '';

  constructor(
    random: DemoRandom,
    private readonly tree: DemoCountyTree,
    private readonly registry: Pick<DemoRegistry, 'persons' | 'households' | 'members' | 'planted'>,
    usernamePrefix: string,
  ) {
    this.rng = random.fork(`money:${tree.spec.code6}`);
    this.countyCode = tree.county.code;
    this.user = {
      countyAdmin: `${usernamePrefix}county.admin`,
      countyApprover: `${usernamePrefix}county.approver`,
      township: (code) => `${usernamePrefix}township.${code.slice(6, 9)}`,
      clerk: (villageCode) => `${usernamePrefix}clerk.${villageCode.slice(6, 9)}.${villageCode.slice(9, 12)}`,
    };
    this.townshipNames = new Map(tree.townships.map((t) => [t.region.code, t.region.name]));
    const regionKind = new Map<string, string>();
    for (const township of tree.townships) {
      for (const { region } of township.villages) regionKind.set(region.code, region.kind ?? 'VILLAGE');
    }
    const households = new Map(registry.households.map((h) => [h.code, h]));
    const memberIds = new Set(registry.members.map((m) => m.residentId));
    for (const person of registry.persons) {
      const list = this.byHousehold.get(person.householdCode);
      if (list) list.push(person);
      else this.byHousehold.set(person.householdCode, [person]);
    }
    this.beneficiaries = registry.persons.map((person, order) => {
      const household = households.get(person.householdCode)!;
      const villageCode = person.registeredRegionCode;
      return {
        person,
        household,
        order,
        villageCode,
        townshipCode: `${villageCode.slice(0, 9)}000`,
        member: memberIds.has(person.residentId),
        facts: {
          birthDate: person.birthDate,
          householdPlanningStatus: household.planningStatus,
          householdSensitiveStatus: household.sensitive?.status ?? null,
          householdInDifficulty: household.inDifficulty,
          regionKind: regionKind.get(villageCode) ?? 'VILLAGE',
        },
      };
    });
    this.byResidentId = new Map(this.beneficiaries.map((b) => [b.person.residentId, b]));

    const countyPhone = `0571-${this.rng.int(5600, 5699)}${pad(this.rng.int(0, 9999), 4)}`;
    this.programs = PROGRAM_CATALOGUE.map((entry) => ({
      code: demoProgramCode(entry.code, tree.spec.code6),
      entry,
      regionCode: this.countyCode,
      objectionOffice: `${tree.spec.name}卫生健康局`,
      objectionPhone: countyPhone,
      createdByUsername: this.user.countyAdmin,
      createdAt: officeTime(this.rng, '2022-12-15'),
    }));
    this.townshipPhones = new Map(
      tree.townships.map((t) => [
        t.region.code,
        `0571-${this.rng.int(6100, 6999)}${pad(this.rng.int(0, 9999), 4)}`,
      ]),
    );
    this.rewardNational = this.programOf('REWARD_ASSISTANCE', 'NATIONAL');
    this.onlyChild = this.programOf('ONLY_CHILD_PARENT_REWARD');
    this.firstYear = new Map(
      this.programs.map((p) => [p, Math.min(...p.entry.standards.map((s) => yearOf(s.effectiveFrom)))]),
    );

    // One comfort payment per family whose only child died or is disabled: to the mother, or to
    // the head when she is not on the household's roll.
    for (const household of registry.households) {
      if (household.sensitive === null) continue;
      const parents = (this.byHousehold.get(household.code) ?? []).filter((p) =>
        PARENT_RELATIONS.has(p.relation),
      );
      const mother = parents.find((p) => p.sex === 'FEMALE') ?? parents[0];
      if (mother) this.careRecipients.add(mother.residentId);
    }
    // The only-child parents' reward is paid until the only child turns 18 (as the provincial
    // rules have it; the catalogue's rules name only the parent's age): the youngest child counts.
    for (const person of registry.persons) {
      if (person.relation !== 'CHILD') continue;
      const born = yearOf(person.birthDate);
      if (born > (this.youngestChildBorn.get(person.householdCode) ?? 0)) {
        this.youngestChildBorn.set(person.householdCode, born);
      }
    }
  }

  draw(): DemoMoney {
    this.plantStories();
    this.drawRolls();
    this.drawObjections();
    this.drawProxies();
    this.drawPayments();
    this.reversePaymentAfterDeath();
    // Accounts of the 2026 roll's beneficiaries are on file too, ready for December's batch.
    for (const e of this.enrollments) {
      if (e.year !== 2026 || e.status !== 'CONFIRMED' || e.kind === 'EXITED') continue;
      this.accountOf(this.payeeOf(this.byResidentId.get(e.residentId)!, null), datePart(e.submittedAt));
    }
    return {
      programs: this.programs,
      notices: this.notices,
      enrollments: this.enrollments,
      objections: this.objections,
      accounts: [...this.accounts.values()],
      proxies: this.proxies,
      batches: this.batches,
      payments: this.payments,
      deaths: this.deaths,
      planted: {
        openNotice: `${this.onlyChild.code}/2026/${this.lateTownship}`,
        upheld: [...this.upheldIds],
        reversed: this.reversed.person.residentId,
        unpaidRoll: `${this.rewardNational.code}/2026`,
      },
    };
  }

  // ---- who qualifies ----

  private programOf(kind: ProgramKind, tier?: string): DemoProgram {
    return this.programs.find(
      (p) => p.entry.kind === kind && (tier === undefined || p.entry.fundingTier === tier),
    )!;
  }

  /** Who a program's rules are about: parents, the head, a student, the mother of a bereaved family. */
  private concerns(program: DemoProgram, b: Beneficiary): boolean {
    switch (program.entry.kind) {
      case 'STUDY_GRANT':
        return CHILD_RELATIONS.has(b.person.relation);
      case 'EMERGENCY_AID':
        return b.person.relation === 'HEAD';
      case 'CARE_PAYMENT':
        return this.careRecipients.has(b.person.residentId);
      default:
        return PARENT_RELATIONS.has(b.person.relation);
    }
  }

  /** The program's rules (eligibility.ts) and the registry's facts, before the planted stories. */
  private qualifies(program: DemoProgram, b: Beneficiary, year: number): boolean {
    if (!this.concerns(program, b) || this.firstYear.get(program)! > year) return false;
    const { person, household } = b;
    const yearStart = `${year}-01-01`;
    if (person.deceasedOn !== null && person.deceasedOn < yearStart) return false;
    if (person.movedAwayOn !== null && person.movedAwayOn < yearStart) return false;
    const kind = program.entry.kind;
    // Families whose only child died or became disabled qualify from the following year.
    if (
      (kind === 'SPECIAL_ASSISTANCE' || kind === 'CARE_PAYMENT') &&
      yearOf(household.sensitive?.since ?? '9999') >= year
    ) {
      return false;
    }
    if (
      kind === 'ONLY_CHILD_PARENT_REWARD' &&
      year - (this.youngestChildBorn.get(household.code) ?? 0) >= 18
    ) {
      return false;
    }
    return checkEligibility(program.entry.eligibility, b.facts, year).length === 0;
  }

  private eligible(program: DemoProgram, b: Beneficiary, year: number): boolean {
    const gone = this.removed.get(b.person.residentId);
    if (gone && year >= gone.fromYear) return false;
    if (program === this.onlyChild && this.upheldIds.has(b.person.residentId) && year > 2024) return false;
    return this.qualifies(program, b, year);
  }

  // ---- the stories planted on purpose ----

  private plantStories(): void {
    const { rng } = this;
    const plain = (b: Beneficiary) =>
      !b.member && b.household.sensitive === null && b.person.deceasedOn === null;
    const plantedHouseholds = new Set(this.registry.planted.onlyChildWithTwoChildren);
    // Elders on reward assistance since before 2023: two die after December's payment (so the
    // next roll records the exit), two move to live with their children outside the county.
    const longRewarded = this.beneficiaries.filter(
      (b) =>
        plain(b) &&
        this.qualifies(this.rewardNational, b, 2022) &&
        2026 - yearOf(b.person.birthDate) >= 75 &&
        !plantedHouseholds.has(b.household.code),
    );
    const rewardPicks = rng.shuffle(longRewarded).slice(0, 4);
    const [diesIn2024, diesIn2025, moves1, moves2] = rewardPicks;
    for (const [b, year] of [
      [diesIn2024, 2024],
      [diesIn2025, 2025],
    ] as const) {
      if (!b) continue;
      const deceasedOn = randomDate(rng, `${year}-12-20`, `${year + 1}-02-13`);
      this.died(b, deceasedOn, plusDays(deceasedOn, rng.int(5, 20)), year + 1);
    }
    for (const mover of [moves1, moves2]) {
      if (mover) this.removed.set(mover.person.residentId, { fromYear: 2025, reason: 'MOVED' });
    }
    // A parent on the only-child reward who died in January 2024: the village had not reported it,
    // so the 2024 roll kept them and they were paid in December; the January check against the
    // death register found it, the payment was reversed, and the 2025 roll records the exit.
    this.reversed = rng.pick(
      this.beneficiaries.filter(
        (b) =>
          plain(b) &&
          this.qualifies(this.onlyChild, b, 2022) &&
          this.qualifies(this.onlyChild, b, 2026) &&
          !plantedHouseholds.has(b.household.code) &&
          !rewardPicks.includes(b),
      ),
    );
    this.died(
      this.reversed,
      randomDate(rng, '2024-01-08', '2024-01-26'),
      randomDate(rng, '2025-01-02', '2025-01-06'),
      2025,
    );
    // An only-child household that lists two children (planted for the data-quality report): in
    // 2024 someone objects during the notice, the township finds the second child, and the
    // parents are struck off the only-child reward from then on.
    const upheldParents = this.beneficiaries.filter(
      (b) =>
        plantedHouseholds.has(b.household.code) &&
        this.qualifies(this.onlyChild, b, 2024) &&
        this.qualifies(this.onlyChild, b, 2023) &&
        !b.member,
    );
    const upheldHousehold = upheldParents[0]?.household.code ?? null;
    this.upheldIds = new Set(
      upheldParents.filter((b) => b.household.code === upheldHousehold).map((b) => b.person.residentId),
    );

    // Emergency aid is an event: a few households in difficulty each year.
    const emergency = this.programOf('EMERGENCY_AID');
    for (const year of MONEY_YEARS) {
      const candidates = this.beneficiaries.filter((b) => this.eligible(emergency, b, year));
      const count = Math.max(1, Math.round(candidates.length * EMERGENCY_SHARE));
      this.emergencyPicks.set(
        year,
        new Set(
          rng
            .shuffle(candidates)
            .slice(0, count)
            .map((b) => b.person.residentId),
        ),
      );
    }
    // The township whose 2026 only-child roll was drawn up late: its notice is still open today.
    this.lateTownship = rng.pick(
      this.tree.townships.filter((t) => t.region.kind !== 'SUBDISTRICT'),
    ).region.code;
  }

  private died(b: Beneficiary, deceasedOn: string, recordedOn: string, exitYear: number): void {
    this.deaths.push({
      residentId: b.person.residentId,
      deceasedOn,
      recordedByUsername: this.user.clerk(b.villageCode),
      recordedAt: officeTime(this.rng, workday(recordedOn)),
    });
    this.removed.set(b.person.residentId, { fromYear: exitYear, reason: 'DEATH' });
  }

  // ---- the rolls: one notice per program, year and township ----

  private drawRolls(): void {
    const { rng, user } = this;
    // Each program's candidates with the years (from the one before the demo's first) they qualify in.
    const FIRST = MONEY_YEARS[0] - 1;
    const qualifying = new Map(
      this.programs.map((program) => {
        const list: { b: Beneficiary; years: number }[] = [];
        for (const b of this.beneficiaries) {
          if (!this.concerns(program, b)) continue;
          let years = 0;
          for (let year = FIRST; year <= MONEY_YEARS[MONEY_YEARS.length - 1]!; year++) {
            const on =
              program.entry.kind === 'EMERGENCY_AID'
                ? (this.emergencyPicks.get(year)?.has(b.person.residentId) ?? false)
                : this.eligible(program, b, year);
            if (on) years |= 1 << (year - FIRST);
          }
          if (years !== 0) list.push({ b, years });
        }
        return [program, list] as const;
      }),
    );

    for (const year of MONEY_YEARS) {
      for (const program of this.programs) {
        const kind = program.entry.kind;
        // Special assistance, and care payments to the same families, are submitted by the township:
        // the village may not know which families lost or have a disabled only child.
        const sensitive = programIsSensitive(program.entry.kind, program.entry.eligibility);
        // Who is on this year's roll: entrants and continuing, then those who leave it.
        const rows: { b: Beneficiary; kind: EnrollmentKind; exit: ExitReason | null }[] = [];
        for (const { b, years } of qualifying.get(program)!) {
          const now = (years & (1 << (year - FIRST))) !== 0;
          const before = (years & (1 << (year - 1 - FIRST))) !== 0;
          if (now) {
            rows.push({ b, kind: before && !PER_EVENT.has(kind) ? 'CONTINUING' : 'NEW', exit: null });
          } else if (!PER_EVENT.has(kind) && before) {
            // On last year's roll (confirmed) and not on this one: the exit is recorded; those
            // struck off by an objection were never confirmed, so they have nothing to leave.
            if (program === this.onlyChild && this.upheldIds.has(b.person.residentId) && year === 2025)
              continue;
            const gone = this.removed.get(b.person.residentId);
            rows.push({
              b,
              kind: 'EXITED',
              exit: gone && gone.fromYear === year ? gone.reason : 'INELIGIBLE',
            });
          }
        }
        const byTownship = new Map<string, typeof rows>();
        for (const row of rows) {
          const list = byTownship.get(row.b.townshipCode);
          if (list) list.push(row);
          else byTownship.set(row.b.townshipCode, [row]);
        }
        for (const [townshipCode, townshipRows] of [...byTownship].sort((a, b) => compareText(a[0], b[0]))) {
          // The roll is submitted, reviewed and approved in its month; the notice opens the next.
          const late = year === 2026 && program === this.onlyChild && townshipCode === this.lateTownship;
          const month = late ? 10 : ROLL_MONTH[kind];
          const noticeStart = late ? '2026-11-10' : workday(isoDate(year, month + 1, rng.int(1, 10)));
          const reviewer = sensitive ? user.countyAdmin : user.township(townshipCode);
          const n =
            this.notices.push({
              programCode: program.code,
              year,
              regionCode: townshipCode,
              startsOn: noticeStart,
              objectionOffice: `${this.townshipNames.get(townshipCode)}计生办`,
              objectionPhone: this.townshipPhones.get(townshipCode)!,
              openedByUsername: user.township(townshipCode),
              openedAt: officeTime(rng, noticeStart),
              confirm: late
                ? null
                : { afterDays: rng.int(1, 4), time: timeOfDay(rng), byUsername: user.countyAdmin },
            }) - 1;
          this.noticeIndex.set(`${program.code}/${year}/${townshipCode}`, n);
          for (const row of townshipRows) {
            // (The late roll was drawn up after the National Day holiday.)
            const submitted = workday(isoDate(year, month, late ? rng.int(12, 20) : rng.int(1, 12)));
            const reviewed = workday(plusDays(submitted, rng.int(1, 5)));
            const approved = workday(plusDays(reviewed, rng.int(1, 5)));
            const index =
              this.enrollments.push({
                programCode: program.code,
                residentId: row.b.person.residentId,
                regionCode: row.b.villageCode,
                year,
                kind: row.kind,
                exitReason: row.exit,
                variant: variantFor(program.entry.eligibility, row.b.facts),
                evidence: this.evidenceFor(program, row.kind, row.b, submitted),
                status: late ? 'IN_NOTICE' : 'CONFIRMED',
                submittedByUsername: sensitive ? user.township(townshipCode) : user.clerk(row.b.villageCode),
                submittedAt: officeTime(rng, submitted),
                reviewedByUsername: reviewer,
                reviewedAt: officeTime(rng, reviewed),
                approvedByUsername: user.countyApprover,
                approvedAt: officeTime(rng, approved),
                notice: n,
                rejection: null,
              }) - 1;
            this.enrollmentIndex.set(`${program.code}/${year}/${row.b.person.residentId}`, index);
          }
        }
      }
    }
  }

  private evidenceFor(
    program: DemoProgram,
    kind: EnrollmentKind,
    b: Beneficiary,
    submitted: string,
  ): DemoEvidence[] {
    return (program.entry.requiredEvidence[kind] ?? []).map((evidenceKind, i) => ({
      kind: evidenceKind,
      documentNumber: evidenceNumber(evidenceKind, b, submitted, i),
      issuedOn: plusDays(submitted, -this.rng.int(3, 40)),
    }));
  }

  // ---- objections ----

  private drawObjections(): void {
    const { rng } = this;
    for (const residentId of this.upheldIds) {
      this.object(
        this.enrollmentIndex.get(`${this.onlyChild.code}/2024/${residentId}`)!,
        1,
        UPHELD_OBJECTION,
        'UPHELD',
      );
    }
    // A few dismissed ones on confirmed notices of the rolls the public watches most.
    const watched = this.enrollments
      .map((e, i) => [e, i] as const)
      .filter(
        ([e]) =>
          e.status === 'CONFIRMED' &&
          e.kind !== 'EXITED' &&
          (e.programCode === this.rewardNational.code || e.programCode === this.onlyChild.code) &&
          !this.upheldIds.has(e.residentId),
      );
    for (const year of MONEY_YEARS) {
      const ofYear = watched.filter(([e]) => e.year === year);
      for (const [, i] of rng.shuffle(ofYear).slice(0, 3)) {
        this.object(i, rng.int(0, 2), rng.pick(DISMISSED_OBJECTIONS), 'DISMISSED');
      }
    }
    // The open notice: one objection already looked into and dismissed, one received two days ago.
    const openNotice = this.noticeIndex.get(`${this.onlyChild.code}/2026/${this.lateTownship}`);
    if (openNotice !== undefined) {
      const inIt = this.enrollments
        .map((e, i) => [e, i] as const)
        .filter(([e]) => e.notice === openNotice && e.kind !== 'EXITED');
      const [first, second] = rng.shuffle(inIt);
      if (first) this.object(first[1], 1, rng.pick(DISMISSED_OBJECTIONS), 'DISMISSED');
      if (second) this.object(second[1], 3, rng.pick(DISMISSED_OBJECTIONS), null);
    }
  }

  /** An objection received `receivedOffset` days into the notice, resolved the next day (or not yet). */
  private object(
    e: number,
    receivedOffset: number,
    [summary, resolution]: readonly [string, string],
    status: 'UPHELD' | 'DISMISSED' | null,
  ): void {
    const enrollment = this.enrollments[e]!;
    const notice = this.notices[enrollment.notice]!;
    const receivedOn = plusDays(notice.startsOn, receivedOffset);
    const recordedAt = officeTime(this.rng, receivedOn);
    this.objections.push({
      enrollment: e,
      receivedOn,
      channel: this.rng.pick(CHANNELS),
      summary,
      recordedByUsername: notice.openedByUsername,
      recordedAt,
      resolution:
        status === null
          ? null
          : {
              status,
              text: resolution,
              byUsername: this.user.countyAdmin,
              at: officeTime(this.rng, plusDays(receivedOn, 1)),
            },
    });
    if (status === 'UPHELD') {
      // Struck off when the notice is confirmed, by whoever confirms it.
      enrollment.status = 'REJECTED';
      enrollment.rejection = { byUsername: notice.confirm!.byUsername, reason: `异议成立：${resolution}` };
    }
  }

  // ---- payees: proxies and accounts ----

  /** Proxies for some of the oldest reward beneficiaries: a grown child in the household, else the spouse. */
  private drawProxies(): void {
    const { rng, user } = this;
    const proxyPersons = new Set<string>();
    const oldest = this.beneficiaries.filter(
      (b) =>
        this.eligible(this.rewardNational, b, 2024) &&
        2024 - yearOf(b.person.birthDate) >= 80 &&
        !this.removed.has(b.person.residentId) &&
        b.household.sensitive === null,
    );
    for (const b of rng.shuffle(oldest)) {
      if (this.proxies.length >= 40) break;
      if (!rng.chance(0.2)) continue;
      const others = (this.byHousehold.get(b.household.code) ?? []).filter(
        (p) =>
          p.residentId !== b.person.residentId &&
          p.deceasedOn === null &&
          p.movedAwayOn === null &&
          2024 - yearOf(p.birthDate) >= 18 &&
          2024 - yearOf(p.birthDate) <= 78,
      );
      const proxy =
        others.find((p) => CHILD_RELATIONS.has(p.relation) || p.relation === 'OTHER') ?? others[0];
      // Nobody is both paid through a proxy and a proxy, and the dead or departed are no one's proxy.
      if (!proxy || proxyPersons.has(b.person.residentId) || this.proxyOf.has(proxy.residentId)) continue;
      if (this.removed.has(proxy.residentId) || proxyPersons.has(proxy.residentId)) continue;
      proxyPersons.add(proxy.residentId);
      const created = workday(isoDate(rng.chance(0.5) ? 2024 : 2025, rng.int(2, 10), rng.int(1, 25)));
      const approved = workday(plusDays(created, rng.int(1, 6)));
      const index =
        this.proxies.push({
          residentId: b.person.residentId,
          proxyResidentId: proxy.residentId,
          regionCode: b.villageCode,
          reason: rng.pick(PROXY_REASONS),
          createdByUsername: user.clerk(b.villageCode),
          createdAt: officeTime(rng, created),
          approvedByUsername: user.township(b.townshipCode),
          approvedAt: officeTime(rng, approved),
        }) - 1;
      this.proxyOf.set(b.person.residentId, { index, from: approved });
    }
  }

  /** Who is paid for `b`: their proxy if one was approved before `batchDay` (any day, when null). */
  private payeeOf(b: Beneficiary, batchDay: string | null): Beneficiary {
    const proxy = this.proxyOf.get(b.person.residentId);
    if (proxy === undefined || (batchDay !== null && proxy.from >= batchDay)) return b;
    return this.byResidentId.get(this.proxies[proxy.index]!.proxyResidentId)!;
  }

  private newAccount(): { bank: string; accountNumber: string } {
    const bank = this.rng.weighted(banksOf(this.tree.spec.name));
    for (;;) {
      const body = `${bank.prefix}${pad(this.rng.int(0, 999_999), 6)}${pad(this.rng.int(0, 999_999), 6)}`;
      const accountNumber = withLuhnCheckDigit(body);
      if (!this.usedNumbers.has(accountNumber)) {
        this.usedNumbers.add(accountNumber);
        return { bank: bank.name, accountNumber };
      }
    }
  }

  /** The payee's account, taken down when they first enrolled (by the clerk; the township for bereaved families). */
  private accountOf(payee: Beneficiary, openedOn: string): DemoAccount {
    let account = this.accounts.get(payee.person.residentId);
    if (!account) {
      account = {
        residentId: payee.person.residentId,
        regionCode: payee.villageCode,
        ...this.newAccount(),
        updatedByUsername:
          payee.household.sensitive !== null
            ? this.user.township(payee.townshipCode)
            : this.user.clerk(payee.villageCode),
        updatedAt: officeTime(this.rng, openedOn),
        version: 1,
      };
      this.accounts.set(payee.person.residentId, account);
    }
    return account;
  }

  // ---- batches and payments ----

  /**
   * December: a county batch per program, made, approved by the other county admin, exported, and
   * settled from the bank's return file a week later; a few accounts fail (closed, frozen, lost,
   * name mismatch). January: those accounts replaced, what failed is paid again in a correction
   * batch per program, approved, exported and paid like any other.
   */
  private drawPayments(): void {
    const { rng } = this;
    this.nextId = timeOrderedUuids([
      rng.int(0, 0xffff_ffff),
      rng.int(0, 0xffff_ffff),
      rng.int(0, 0xffff_ffff),
      rng.int(0, 0xffff_ffff),
    ]);
    const confirmedRoll = new Map<string, [DemoEnrollment, number][]>();
    for (const [i, e] of this.enrollments.entries()) {
      if (e.status !== 'CONFIRMED' || e.kind === 'EXITED') continue;
      const key = `${e.programCode}/${e.year}`;
      const list = confirmedRoll.get(key);
      if (list) list.push([e, i]);
      else confirmedRoll.set(key, [[e, i]]);
    }

    for (const year of PAID_YEARS) {
      const period = String(year);
      const created = workday(isoDate(year, 12, rng.int(1, 4)));
      const approved = workday(plusDays(created, 1));
      const exported = workday(plusDays(approved, 1));
      const settled = workday(plusDays(exported, rng.int(5, 8)));
      // Every payment to a failing account fails.
      const failing = new Map<string, Failure>();
      const failedOf = new Map<DemoProgram, DemoPayment[]>();

      for (const program of this.programs) {
        const roll = (confirmedRoll.get(`${program.code}/${year}`) ?? [])
          .map(([e, i]) => [e, i, this.byResidentId.get(e.residentId)!] as const)
          // Numbered by township, village and name, as the ledger numbers a batch's lines.
          .sort(
            ([, , a], [, , b]) =>
              compareText(a.villageCode, b.villageCode) ||
              compareText(a.person.name, b.person.name) ||
              compareText(a.person.residentId, b.person.residentId),
          );
        if (roll.length === 0) continue;
        const batch = this.newBatch(program, period, 'REGULAR', created);
        const lines: DemoPayment[] = [];
        for (const [enrollment, e, b] of roll) {
          const payee = this.payeeOf(b, created);
          const account = this.accountOf(payee, datePart(enrollment.submittedAt));
          const standard = standardFor(program, enrollment.variant, year);
          if (
            !failing.has(payee.person.residentId) &&
            payee !== this.reversed &&
            rng.chance(FAILING_ACCOUNT_SHARE)
          ) {
            failing.set(payee.person.residentId, rng.weighted(FAILURES));
          }
          lines.push(
            this.addLine(batch, {
              programCode: program.code,
              period,
              residentId: b.person.residentId,
              regionCode: b.villageCode,
              enrollment: e,
              standardKey: standardKey(program.code, standard.variant, standard.effectiveFrom),
              payeeResidentId: payee.person.residentId,
              proxy: payee === b ? null : this.proxyOf.get(b.person.residentId)!.index,
              bank: account.bank,
              accountNumber: account.accountNumber,
              amountFen: standard.amountFen * monthsPerPayment(program.entry),
              entry: 'PAYMENT',
              corrects: null,
              correctionReason: null,
              status: 'PLANNED',
              bankReference: null,
              failureReason: null,
              settledAt: null,
              createdByUsername: this.user.countyAdmin,
              createdAt: batch.createdAt,
            }),
          );
        }
        // Made, then its totals written (the ledger's two steps); approved; exported.
        batch.version++;
        this.exportBatch(batch, lines, approved, exported);
        const settledAt = officeTime(rng, settled);
        for (const payment of lines) {
          const failure = failing.get(payment.payeeResidentId);
          if (failure) {
            payment.status = failure.status;
            payment.failureReason = failure.reason;
            const list = failedOf.get(program);
            if (list) list.push(payment);
            else failedOf.set(program, [payment]);
          } else {
            payment.status = 'PAID';
            payment.bankReference = bankReference(settled, this.batches.length, payment.lineNumber);
          }
        }
        this.settle(batch, lines, settledAt);
      }

      const correctionDay = workday(isoDate(year + 1, 1, rng.int(8, 16)));
      for (const [residentId, failure] of [...failing].sort((a, b) => compareText(a[0], b[0]))) {
        if (!failure.newAccount) continue;
        const account = this.accounts.get(residentId)!;
        Object.assign(account, this.newAccount(), {
          updatedAt: officeTime(rng, workday(plusDays(correctionDay, -rng.int(2, 6)))),
          version: account.version + 1,
        });
      }
      for (const program of this.programs) {
        const failed = failedOf.get(program) ?? [];
        if (failed.length === 0) continue;
        const batch = this.newBatch(program, period, 'CORRECTION', correctionDay);
        const lines = failed.map((original, i) => {
          const account = this.accounts.get(original.payeeResidentId)!;
          // Each reissue writes the batch's totals again (one version each).
          batch.version++;
          return this.addLine(batch, {
            ...original,
            bank: account.bank,
            accountNumber: account.accountNumber,
            entry: 'REISSUE',
            corrects: this.paymentIndex.get(original)!,
            status: 'PLANNED',
            bankReference: null,
            failureReason: null,
            settledAt: null,
            createdAt: secondLater(batch.createdAt, i + 1),
          });
        });
        const cApproved = workday(plusDays(correctionDay, 1));
        const cExported = workday(plusDays(cApproved, 1));
        const cSettled = workday(plusDays(cExported, 5));
        this.exportBatch(batch, lines, cApproved, cExported);
        for (const payment of lines) {
          payment.status = 'PAID';
          payment.bankReference = bankReference(cSettled, this.batches.length, payment.lineNumber);
        }
        this.settle(batch, lines, officeTime(rng, cSettled));
      }
    }
  }

  /**
   * The only-child reward paid in December 2024 to a parent who had died that January: found in
   * January 2025, the payment is reversed, a negative entry booked in the county's reversal journal
   * (a correction batch that pays nothing, so it is never approved or exported, as in the ledger).
   */
  private reversePaymentAfterDeath(): void {
    const original = this.payments.find(
      (p) =>
        p.programCode === this.onlyChild.code &&
        p.period === '2024' &&
        p.residentId === this.reversed.person.residentId,
    )!;
    const journal = this.newBatch(
      this.onlyChild,
      '2024',
      'CORRECTION',
      workday(randomDate(this.rng, '2025-01-13', '2025-01-17')),
    );
    const reversal = this.addLine(journal, {
      ...original,
      amountFen: -original.amountFen,
      entry: 'REVERSAL',
      corrects: this.paymentIndex.get(original)!,
      correctionReason: REVERSAL_REASON,
      status: 'BOOKED',
      bankReference: null,
      failureReason: null,
      settledAt: null,
      createdAt: journal.createdAt,
    });
    original.status = 'REVERSED';
    original.events.push({
      from: 'PAID',
      to: 'REVERSED',
      at: reversal.createdAt,
      byUsername: this.user.countyAdmin,
      sourceSha256: null,
    });
  }

  private newBatch(
    program: DemoProgram,
    period: string,
    purpose: DemoBatch['purpose'],
    createdOn: string,
  ): DemoBatch {
    const createdAt = officeTime(this.rng, createdOn);
    const batch: DemoBatch = {
      id: this.nextId(createdAt),
      programCode: program.code,
      period,
      regionCode: this.countyCode,
      purpose,
      status: 'DRAFT',
      createdByUsername: this.user.countyAdmin,
      createdAt,
      approvedByUsername: null,
      approvedAt: null,
      exportedByUsername: null,
      exportedAt: null,
      fileName: null,
      fileBytes: null,
      fileSha256: null,
      bankReturnFile: null,
      lineCount: 0,
      totalFen: 0,
      version: 1,
    };
    this.batches.push(batch);
    return batch;
  }

  private addLine(
    batch: DemoBatch,
    line: Omit<DemoPayment, 'id' | 'batch' | 'lineNumber' | 'events'>,
  ): DemoPayment {
    const lineNumber = (this.linesIn.get(batch) ?? 0) + 1;
    this.linesIn.set(batch, lineNumber);
    const payment: DemoPayment = {
      ...line,
      id: this.nextId(line.createdAt),
      batch: this.batches.indexOf(batch),
      lineNumber,
      events: [
        {
          from: null,
          to: line.status,
          at: line.createdAt,
          byUsername: line.createdByUsername,
          sourceSha256: null,
        },
      ],
    };
    this.paymentIndex.set(payment, this.payments.push(payment) - 1);
    if (line.entry !== 'REVERSAL') {
      batch.lineCount++;
      batch.totalFen += line.amountFen;
    }
    return payment;
  }

  /** Approval by the other county admin, then the export: the payment file as the ledger writes it. */
  private exportBatch(batch: DemoBatch, lines: DemoPayment[], approvedOn: string, exportedOn: string): void {
    const program = this.programs.find((p) => p.code === batch.programCode)!;
    const file = buildPaymentFile(
      { programName: program.entry.name, period: batch.period },
      lines.map((p) => ({
        lineNumber: p.lineNumber,
        paymentId: p.id,
        payeeName: this.byResidentId.get(p.payeeResidentId)!.person.name,
        accountNumber: p.accountNumber,
        bank: p.bank,
        amountFen: String(p.amountFen),
        entry: p.entry as 'PAYMENT' | 'REISSUE',
      })),
    );
    batch.status = 'EXPORTED';
    batch.approvedByUsername = this.user.countyApprover;
    batch.approvedAt = officeTime(this.rng, approvedOn);
    batch.exportedByUsername = this.user.countyAdmin;
    batch.exportedAt = officeTime(this.rng, exportedOn);
    batch.fileName = `payment-${batch.programCode}-${batch.period}-${batch.id.slice(0, 8)}.csv`;
    batch.fileBytes = file.bytes;
    batch.fileSha256 = file.sha256;
    batch.version += 2;
    for (const payment of lines) {
      payment.status = 'EXPORTED';
      payment.events.push({
        from: 'PLANNED',
        to: 'EXPORTED',
        at: batch.exportedAt,
        byUsername: this.user.countyAdmin,
        sourceSha256: null,
      });
    }
  }

  /** The bank's return file, as recordBankReturn reads it: its sha256 is on every settlement event. */
  private settle(batch: DemoBatch, lines: DemoPayment[], settledAt: string): void {
    const text = bankReturnFile(lines);
    const sha = sha256Hex(text);
    batch.bankReturnFile = text;
    for (const payment of lines) {
      payment.settledAt = settledAt;
      payment.events.push({
        from: 'EXPORTED',
        to: payment.status,
        at: settledAt,
        byUsername: this.user.countyAdmin,
        sourceSha256: sha,
      });
    }
  }
}

/** The standard of `variant` in force on the first day of `year`. */
function standardFor(program: DemoProgram, variant: string, year: number): CatalogueStandard {
  const day = isoDate(year, 1, 1);
  const standard = program.entry.standards.find(
    (s) =>
      s.variant === variant &&
      s.effectiveFrom <= day &&
      (s.effectiveUntil === null || s.effectiveUntil > day),
  );
  if (!standard) throw new Error(`no ${program.code} standard for ${variant} in ${year}`);
  return standard;
}

/** The bank's reference for a paid line: settlement day, batch, line. */
function bankReference(settledOn: string, batchNumber: number, lineNumber: number): string {
  return `${settledOn.replace(/-/g, '')}${pad(batchNumber, 3)}${pad(lineNumber, 6)}`;
}

/** A plausible document number for a piece of evidence (the registry does not keep them). */
function evidenceNumber(kind: EvidenceKind, b: Beneficiary, submitted: string, i: number): string {
  const village = b.villageCode.slice(6);
  const year = submitted.slice(0, 4);
  switch (kind) {
    case 'HOUSEHOLD_REGISTER':
      return `户${b.household.code.replace('-', '')}`;
    case 'RESIDENT_ID_CARD':
      return `身份证（尾号${b.person.residentId.slice(-4)}）`;
    case 'ONLY_CHILD_CERTIFICATE':
      return `独证字第${b.household.code.slice(9).replace('-', '')}号`;
    default:
      return `${year}-${village}-${pad(b.order % 10_000, 4)}-${i + 1}`;
  }
}
