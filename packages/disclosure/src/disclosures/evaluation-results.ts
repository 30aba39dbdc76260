import type { DisclosureDefinition } from './index.ts';

/** The outcome of each association's evaluation: passed or not, score, rectification deadline. */
export const EVALUATION_RESULTS_DISCLOSURE: DisclosureDefinition = {
  slug: 'evaluation-results',
  name: '计生协会评估认定结果',
  description:
    '各级计生协会历次评估认定的日期、是否合格、得分，不合格的整改期限，以及是否为整改后的重新评估，按评估日期从新到旧排列。',
  pageKind: 'TOTALS_TABLE',
  document: `query EvaluationResults($regionCode: String!) {
  evaluationResults(regionCode: $regionCode) {
    id
    association {
      code
      name
    }
    region {
      code
      name
      level
    }
    evaluatedOn
    passed
    score
    rectificationDeadline
    reEvaluation
  }
}
`,
  outputFields: [
    'id',
    'association.code',
    'association.name',
    'region.code',
    'region.name',
    'region.level',
    'evaluatedOn',
    'passed',
    'score',
    'rectificationDeadline',
    'reEvaluation',
  ],
};
