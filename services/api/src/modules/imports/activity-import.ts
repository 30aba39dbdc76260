import {
  ASSOCIATION_CODE,
  choiceSet,
  parseCodeCell,
  parseDateCell,
  parseIntegerCell,
  parseText,
} from './cell-values.ts';
import type { ColumnSpec } from './import-columns.ts';
import {
  duplicateCheck,
  type ImportKindDefinition,
  RowErrors,
  rowCount,
  runChecks,
  valueFrom,
} from './import-kind.ts';

export const ACTIVITY_KINDS = choiceSet([
  { value: 'MEMBER_DAY', zh: '会员活动日', aliases: ['5·29会员活动日', '529', '5.29'] },
  { value: 'POPULATION_DAY', zh: '世界人口日', aliases: ['7·11世界人口日', '711', '7.11'] },
  { value: 'HEALTH_SCREENING', zh: '妇女病普查', aliases: ['健康检查', '两癌筛查'] },
  { value: 'TRAINING', zh: '培训' },
  { value: 'HOME_VISIT', zh: '入户走访', aliases: ['走访'] },
  { value: 'MARKET_FAIR', zh: '集市宣传', aliases: ['赶集宣传'] },
  { value: 'OTHER', zh: '其他' },
] as const);

type ActivityColumn =
  | 'associationCode'
  | 'heldOn'
  | 'kind'
  | 'title'
  | 'participants'
  | 'leaflets'
  | 'consultations'
  | 'peopleScreened';

export const ACTIVITY_COLUMNS: readonly ColumnSpec<ActivityColumn>[] = [
  {
    key: 'associationCode',
    zh: '协会代码',
    en: 'associationCode',
    required: true,
    hint: '如 330199101201-A',
  },
  { key: 'heldOn', zh: '活动日期', en: 'heldOn', required: true, hint: 'YYYY-MM-DD' },
  { key: 'kind', zh: '活动类型', en: 'kind', required: true, hint: ACTIVITY_KINDS.labels.join('/') },
  { key: 'title', zh: '活动名称', en: 'title', required: true, hint: '2–200 个字' },
  { key: 'participants', zh: '参与人数', en: 'participants', required: false, hint: '整数，不填为 0' },
  { key: 'leaflets', zh: '宣传品份数', en: 'leaflets', required: false, hint: '整数，不填为 0' },
  { key: 'consultations', zh: '义诊人次', en: 'consultations', required: false, hint: '整数，不填为 0' },
  { key: 'peopleScreened', zh: '筛查人数', en: 'peopleScreened', required: false, hint: '整数，不填为 0' },
];

const FIGURES = [
  ['participants', 'participants', 1_000_000],
  ['leaflets', 'leaflets', 10_000_000],
  ['consultations', 'consultations', 1_000_000],
  ['peopleScreened', 'people_screened', 1_000_000],
] as const;

/** Activities, keyed by association, date, kind and title: the same activity imported twice is one. */
export const ACTIVITY_IMPORT: ImportKindDefinition<ActivityColumn> = {
  kind: 'ACTIVITIES',
  label: { zh: '活动', en: 'activities' },
  columns: ACTIVITY_COLUMNS,
  stageTable: 'import_activity',
  stageColumns: [
    'row_number',
    'association_code',
    'held_on',
    'kind',
    'title',
    'participants',
    'leaflets',
    'consultations',
    'people_screened',
  ],
  stageDdl: `
    create temporary table import_activity (
      row_number integer not null, association_code text, held_on date, kind text, title text,
      participants integer, leaflets integer, consultations integer, people_screened integer
    ) on commit drop`,

  stageRow(row, cells, header) {
    const errors = new RowErrors(row, header);
    const cell = (key: ActivityColumn) => header.cell(cells, key);
    const association = errors.take(
      'associationCode',
      parseCodeCell(cell('associationCode'), ASSOCIATION_CODE, 'ASSOCIATION_NOT_FOUND'),
    );
    errors.require('associationCode', association);
    const heldOn = errors.take(
      'heldOn',
      parseDateCell(cell('heldOn'), { min: '1980-01-01', max: '2200-12-31' }),
    );
    errors.require('heldOn', heldOn);
    const kind = errors.take('kind', ACTIVITY_KINDS.parse(cell('kind')), ACTIVITY_KINDS.labels);
    errors.require('kind', kind);
    const title = errors.take('title', parseText(cell('title'), { min: 2, max: 200 }));
    errors.require('title', title);
    const figures = FIGURES.map(([key, , max]) =>
      errors.take(key, parseIntegerCell(cell(key), { min: 0, max })),
    );
    return { errors: errors.errors, values: [row, association, heldOn, kind, title, ...figures] };
  },

  async check(client, header, cap) {
    return runChecks(
      client,
      [
        `select s.row_number, 'associationCode' as key, 'ASSOCIATION_NOT_FOUND' as code, null::int[] as other_rows
           from import_activity s left join association a on a.code = s.association_code
          where s.association_code is not null and a.id is null`,
        duplicateCheck(
          'import_activity',
          'association_code, held_on, kind, title',
          'title',
          'association_code is not null and held_on is not null and kind is not null and title is not null',
        ),
      ],
      header,
      cap,
    );
  },

  async write(client, header, context) {
    // An empty figure is 0; a figure column the file lacks keeps what is stored.
    const figures = FIGURES.map(([key, column]) =>
      valueFrom(header, key, `coalesce(s.${column}, 0)`, `x.${column}`, '0'),
    );
    const activities = await client.query(
      `insert into activity (association_id, region_id, kind, held_on, title, participants, leaflets, consultations,
                             people_screened, created_by, updated_by)
       select a.id, a.region_id, s.kind, s.held_on, s.title, ${figures.join(', ')}, $1, $1
         from import_activity s
         join association a on a.code = s.association_code
         left join activity x on x.association_id = a.id and x.held_on = s.held_on and x.kind = s.kind
                             and x.title = s.title
       on conflict (association_id, held_on, kind, title) do update
          set participants = excluded.participants, leaflets = excluded.leaflets,
              consultations = excluded.consultations, people_screened = excluded.people_screened,
              updated_by = excluded.updated_by, updated_at = now(), version = activity.version + 1
        where (activity.participants, activity.leaflets, activity.consultations, activity.people_screened)
              is distinct from (excluded.participants, excluded.leaflets, excluded.consultations,
                                excluded.people_screened)`,
      [context.userId],
    );
    return { activity: rowCount(activities) };
  },
};
