import { badInput } from '../../errors/domain-error.ts';
import { optionalText, requireDate } from '../../validation/field-checks.ts';
import { checklistItem, EVALUATION_CHECKLIST } from './evaluation-checklist.ts';

export interface EvaluationItemAnswer {
  code: string;
  passed: boolean;
  note: string | null;
}

export interface EvaluationFields {
  evaluatedOn: string;
  items: EvaluationItemAnswer[];
  score: number | null;
  rectificationDeadline: string | null;
}

const EVALUATED_ON = { zh: '评估日期', en: 'Evaluation date' };
const DEADLINE = { zh: '整改期限', en: 'Rectification deadline' };

/**
 * Checks an evaluation: every checklist item answered exactly once (missing, unknown and repeated
 * items are refused, naming the item), a score of 0–100 if any, and a rectification deadline after
 * the evaluation date exactly when an item failed. Items come back in checklist order.
 */
export function validateEvaluationFields(input: EvaluationFields): EvaluationFields {
  const evaluatedOn = requireDate('input.evaluatedOn', input.evaluatedOn, EVALUATED_ON, {
    notInFuture: true,
  });
  const answers = new Map<string, EvaluationItemAnswer>();
  input.items.forEach((answer, index) => {
    const field = `input.items[${index}]`;
    const item = checklistItem(answer.code.trim());
    if (!item) {
      throw badInput(
        `${field}.code`,
        `第 ${index + 1} 项不是评估标准中的项目`,
        `Item ${index + 1} is not on the evaluation checklist`,
      );
    }
    if (answers.has(item.code)) {
      throw badInput(
        `${field}.code`,
        `评估项目“${item.zh}”（${item.code}）重复作答`,
        `Checklist item "${item.en}" (${item.code}) is answered more than once`,
      );
    }
    const note = optionalText(`${field}.note`, answer.note, 500, { zh: '评估说明', en: 'Note' });
    answers.set(item.code, { code: item.code, passed: answer.passed === true, note });
  });
  const missing = EVALUATION_CHECKLIST.find((item) => !answers.has(item.code));
  if (missing) {
    throw badInput(
      'input.items',
      `缺少评估项目“${missing.zh}”（${missing.code}），每一项都须作答`,
      `Checklist item "${missing.en}" (${missing.code}) is missing; every item must be answered`,
    );
  }
  const items = EVALUATION_CHECKLIST.map((item) => answers.get(item.code) as EvaluationItemAnswer);

  const score = input.score ?? null;
  if (score !== null && (!Number.isInteger(score) || score < 0 || score > 100)) {
    throw badInput('input.score', '得分应为 0–100 的整数', 'Score must be a whole number from 0 to 100');
  }

  const passed = items.every((item) => item.passed);
  const deadlineInput =
    input.rectificationDeadline == null || input.rectificationDeadline === ''
      ? null
      : input.rectificationDeadline;
  let rectificationDeadline: string | null = null;
  if (passed) {
    if (deadlineInput !== null) {
      throw badInput(
        'input.rectificationDeadline',
        '各项均已通过，不应设整改期限',
        'Every item passed: there is nothing to rectify, so no deadline',
      );
    }
  } else {
    if (deadlineInput === null) {
      throw badInput(
        'input.rectificationDeadline',
        '有未通过的项目（一条否决），须设整改期限',
        'An item failed, so the evaluation fails and needs a rectification deadline',
      );
    }
    rectificationDeadline = requireDate('input.rectificationDeadline', deadlineInput, DEADLINE);
    if (rectificationDeadline <= evaluatedOn) {
      throw badInput(
        'input.rectificationDeadline',
        '整改期限应晚于评估日期',
        'The rectification deadline must be after the evaluation date',
      );
    }
  }
  return { evaluatedOn, items, score, rectificationDeadline };
}
