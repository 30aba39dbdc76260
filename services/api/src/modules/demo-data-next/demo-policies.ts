import {
  DEMO_POLICY_TEXTS,
  type DemoPolicyCategory,
  type DemoPolicyIssuer,
  type DemoPolicyStatus,
} from './demo-policy-texts.ts';
import type { DemoRandom } from './demo-random.ts';
import type { DemoCountyTree, DemoRegion } from './demo-regions.ts';

export interface DemoPolicyAttachment {
  fileName: string;
  mediaType: string;
  byteSize: number;
}

export interface DemoPolicy {
  title: string;
  documentNumber: string;
  issuingBody: string;
  regionCode: string;
  category: DemoPolicyCategory;
  issueDate: string;
  effectiveDate: string | null;
  expiryDate: string | null;
  bodyMarkdown: string;
  attachments: DemoPolicyAttachment[];
  status: DemoPolicyStatus;
  authorUsername: string;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

interface Issuer {
  body: string;
  /** The document-number prefix (机关代字), e.g. 青计协 in 青计协〔2024〕5号. */
  prefix: string;
  region: DemoRegion;
  authorUsername: string;
}

/**
 * The county's policy notices: fixed texts, with the seed choosing only their dates, the issuing town of
 * town notices, attachment sizes and document numbers (sequential per issuer and year, in date order).
 */
export function buildDemoPolicies(
  random: DemoRandom,
  tree: DemoCountyTree,
  usernamePrefix = '',
): DemoPolicy[] {
  const rng = random.fork(`policies:${tree.spec.code6}`);
  const county = tree.spec.name;
  // The county's one-character abbreviation, as in 青计协 for 青山县计划生育协会.
  const short = county.slice(0, 1);
  const towns = tree.townships.filter((t) => t.region.kind === 'TOWN');

  const issuerFor = (kind: DemoPolicyIssuer): Issuer => {
    switch (kind) {
      case 'ASSOCIATION':
        return {
          body: `${county}计划生育协会`,
          prefix: `${short}计协`,
          region: tree.county,
          authorUsername: `${usernamePrefix}county.admin`,
        };
      case 'HEALTH_BUREAU':
        return {
          body: `${county}卫生健康局`,
          prefix: `${short}卫健`,
          region: tree.county,
          authorUsername: `${usernamePrefix}county.approver`,
        };
      case 'GOVERNMENT_OFFICE':
        return {
          body: `${county}人民政府办公室`,
          prefix: `${short}政办发`,
          region: tree.county,
          authorUsername: `${usernamePrefix}county.admin`,
        };
      case 'TOWN_ASSOCIATION': {
        const town = rng.pick(towns).region;
        return {
          // Town names repeat across counties; the full name of an issuing body includes its county.
          body: `${county}${town.name}计划生育协会`,
          prefix: `${town.name}计协`,
          region: town,
          authorUsername: `${usernamePrefix}township.${town.code.slice(6, 9)}`,
        };
      }
    }
  };

  const drafts = DEMO_POLICY_TEXTS.map((text) => {
    const issuer = issuerFor(text.issuer);
    const month = rng.int(text.months[0], text.months[1]);
    const [latestMonth, latestDay] = (text.latest ?? '12-31').split('-').map(Number);
    const lastDay = month === latestMonth ? latestDay! : daysInMonth(text.year, month);
    const issueDate = `${text.year}-${pad(month)}-${pad(rng.int(1, lastDay))}`;
    const attachments = text.attachments.map((a) => ({ ...a, byteSize: rng.int(18_000, 900_000) }));
    return { text, issuer, issueDate, attachments, documentNumber: '' };
  });

  // Document numbers run per issuer and year in date order, starting where the year's earlier (not demo)
  // documents would have left off.
  const lastNumber = new Map<string, number>();
  const inDateOrder = [...drafts].sort((a, b) => a.issueDate.localeCompare(b.issueDate));
  for (const draft of inDateOrder) {
    const key = `${draft.issuer.prefix}〔${draft.text.year}〕`;
    const n = (lastNumber.get(key) ?? rng.int(0, 5)) + rng.int(1, 4);
    lastNumber.set(key, n);
    draft.documentNumber = `${key}${n}号`;
  }

  return drafts.map(({ text, issuer, issueDate, attachments, documentNumber }): DemoPolicy => {
    const [year, month, day] = issueDate.split('-').map(Number);
    const context = {
      county,
      town: issuer.region.name,
      year: text.year,
      dateText: `${year}年${month}月${day}日`,
      issuingBody: issuer.body,
    };
    return {
      title: text.title(context),
      documentNumber,
      issuingBody: issuer.body,
      regionCode: issuer.region.code,
      category: text.category,
      issueDate,
      effectiveDate: text.effective === 'ISSUE_DATE' ? issueDate : null,
      expiryDate: text.expiry === 'YEAR_END' ? `${text.year}-12-31` : null,
      bodyMarkdown: text.body(context),
      attachments,
      status: text.status,
      authorUsername: issuer.authorUsername,
    };
  });
}
