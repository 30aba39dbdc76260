import { badInput } from '../../errors/domain-error.ts';
import { requireCount, requireDate, requireText } from '../../validation/field-checks.ts';
import { parseFen } from './fen-amount.ts';
import { PROJECT_KINDS, type ProjectKind } from './project.type.ts';

export interface ProjectFields {
  associationId: string;
  kind: ProjectKind;
  name: string;
  startOn: string;
  endOn: string | null;
  /** Fen as a string of digits. */
  budgetFen: string;
  householdsHelped: number;
  /** Fen as a string of digits, possibly negative. */
  incomeChangeFen: string | null;
}

/** The bounds of the project table's checks: a budget up to 1 billion yuan, an income change up to ±100 million. */
const MAX_BUDGET_FEN = 100_000_000_000n;
const MAX_INCOME_CHANGE_FEN = 10_000_000_000n;

/** Checks and normalises a project; throws a BAD_INPUT naming the first field at fault. */
export function validateProjectFields(input: ProjectFields): ProjectFields {
  if (!PROJECT_KINDS.includes(input.kind)) {
    throw badInput('input.kind', '项目类型无效', 'Unknown kind of project');
  }
  const name = requireText('input.name', input.name, 2, 200, { zh: '项目名称', en: 'Name' });
  const startOn = requireDate('input.startOn', input.startOn, { zh: '开始日期', en: 'Start date' });
  const endOn =
    input.endOn == null || input.endOn === ''
      ? null
      : requireDate('input.endOn', input.endOn, { zh: '结束日期', en: 'End date' });
  if (endOn !== null && endOn < startOn) {
    throw badInput('input.endOn', '结束日期不能早于开始日期', 'The end date cannot precede the start date');
  }
  const budgetFen = parseFen(
    'input.budgetFen',
    input.budgetFen,
    { zh: '预算', en: 'Budget' },
    { min: 0n, max: MAX_BUDGET_FEN },
  );
  const householdsHelped = requireCount('input.householdsHelped', input.householdsHelped, 1_000_000, {
    zh: '帮扶户数',
    en: 'Households helped',
  });
  const incomeChangeFen =
    input.incomeChangeFen == null || input.incomeChangeFen === ''
      ? null
      : parseFen(
          'input.incomeChangeFen',
          input.incomeChangeFen,
          { zh: '受助户年均收入变化', en: 'Income change' },
          { min: -MAX_INCOME_CHANGE_FEN, max: MAX_INCOME_CHANGE_FEN, signed: true },
        );
  return {
    associationId: input.associationId,
    kind: input.kind,
    name,
    startOn,
    endOn,
    budgetFen,
    householdsHelped,
    incomeChangeFen,
  };
}
