import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { PublicContext } from './public-context.ts';
import { PublicEvaluationResult } from './public-evaluations.type.ts';
import { PUBLISHED_ROOT_SQL } from './public-statistics-tree.ts';

interface EvaluationRow {
  id: string;
  association_code: string;
  association_name: string;
  region_code: string;
  region_name: string;
  region_level: string;
  evaluated_on: string;
  passed: boolean;
  score: number | null;
  rectification_deadline: string | null;
  re_evaluation: boolean;
}

// The checklist items and their notes, and who evaluated, stay inside: only the outcome is public.
const EVALUATIONS_SQL = `with ${PUBLISHED_ROOT_SQL}
  select e.id, a.code as association_code, a.name as association_name,
         r.code as region_code, r.name as region_name, r.level as region_level,
         to_char(e.evaluated_on, 'YYYY-MM-DD') as evaluated_on, e.passed, e.score,
         to_char(e.rectification_deadline, 'YYYY-MM-DD') as rectification_deadline,
         e.re_evaluation_of is not null as re_evaluation
    from evaluation e join root on e.region_path <@ root.path
    join association a on a.id = e.association_id
    join region r on r.id = a.region_id
   where e.evaluated_on <= ?::date
   order by e.evaluated_on desc, a.code, e.id`;

@Resolver()
export class PublicEvaluationResolver {
  @Query(() => [PublicEvaluationResult], {
    description: '某地区及其下级计生协会的评估认定结果，按评估日期从新到旧',
  })
  async evaluationResults(
    @Arg('regionCode', () => String, { description: '12 位区划代码' }) regionCode: string,
    @Ctx() ctx: PublicContext,
  ): Promise<PublicEvaluationResult[]> {
    const rows = (await ctx.em.execute(EVALUATIONS_SQL, [
      ctx.regionPath,
      regionCode,
      ctx.asOf,
    ])) as EvaluationRow[];
    return rows.map((row) => ({
      id: row.id,
      association: { code: row.association_code, name: row.association_name },
      region: { code: row.region_code, name: row.region_name, level: row.region_level },
      evaluatedOn: row.evaluated_on,
      passed: row.passed,
      score: row.score,
      rectificationDeadline: row.rectification_deadline,
      reEvaluation: row.re_evaluation,
    }));
  }
}
