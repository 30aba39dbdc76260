import '../../reflect-metadata.ts';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../graphql/page-info.type.ts';

export enum DuplicateFlagStatusEnum {
  OPEN = 'OPEN',
  DISTINCT_PERSONS = 'DISTINCT_PERSONS',
  SAME_PERSON = 'SAME_PERSON',
}
registerEnumType(DuplicateFlagStatusEnum, {
  name: 'DuplicateFlagStatus',
  description: '疑似重复的核查状态 / Review status of a suspected duplicate',
  valuesConfig: {
    OPEN: { description: '待核查 / Awaiting review' },
    DISTINCT_PERSONS: { description: '经核查为不同的人 / Reviewed: two different people' },
    SAME_PERSON: { description: '经核查为同一人 / Reviewed: the same person entered twice' },
  },
});

export enum DuplicateResolutionEnum {
  DISTINCT_PERSONS = 'DISTINCT_PERSONS',
  SAME_PERSON = 'SAME_PERSON',
}
registerEnumType(DuplicateResolutionEnum, {
  name: 'DuplicateResolution',
  description: '核查结论 / Review outcome',
});

export enum DuplicateReasonEnum {
  SAME_NAME_AND_BIRTH_DATE = 'SAME_NAME_AND_BIRTH_DATE',
}
registerEnumType(DuplicateReasonEnum, {
  name: 'DuplicateReason',
  description: '疑似重复的原因 / Why two persons look like one',
  valuesConfig: {
    SAME_NAME_AND_BIRTH_DATE: {
      description: '同名同出生日期，身份证号不同 / Same name and birth date, different ID numbers',
    },
  },
});

/** Two persons who may be one, for county review. The persons are fields resolved by loader. */
@ObjectType('DuplicateFlag', {
  description: '疑似重复登记 / Suspected duplicate registration',
  simpleResolvers: true,
})
export class DuplicateFlagType {
  @Field(() => ID)
  id!: string;

  @Field(() => DuplicateReasonEnum)
  reason!: DuplicateReasonEnum;

  @Field(() => DuplicateFlagStatusEnum)
  status!: DuplicateFlagStatusEnum;

  @Field(() => Date)
  detectedAt!: Date;

  @Field(() => Date, { nullable: true })
  resolvedAt!: Date | null;

  @Field(() => String, { nullable: true, description: '核查说明 / Review note' })
  resolutionNote!: string | null;

  /** Not fields: keys for the field resolvers. */
  personAId!: string;
  personBId!: string;
}

export interface DuplicateFlagRow {
  id: string;
  person_a_id: string;
  person_b_id: string;
  reason: string;
  status: string;
  detected_at: Date | string;
  resolved_at: Date | string | null;
  resolution_note: string | null;
}

export const DUPLICATE_FLAG_COLUMNS =
  'f.id, f.person_a_id, f.person_b_id, f.reason, f.status, f.detected_at, f.resolved_at, f.resolution_note';

export function toDuplicateFlagType(row: DuplicateFlagRow): DuplicateFlagType {
  return {
    id: row.id,
    reason: row.reason as DuplicateReasonEnum,
    status: row.status as DuplicateFlagStatusEnum,
    detectedAt: new Date(row.detected_at),
    resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at),
    resolutionNote: row.resolution_note,
    personAId: row.person_a_id,
    personBId: row.person_b_id,
  };
}

@ObjectType('DuplicateFlagEdge')
export class DuplicateFlagEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => DuplicateFlagType)
  node!: DuplicateFlagType;
}

@ObjectType('DuplicateFlagConnection')
export class DuplicateFlagConnection {
  @Field(() => [DuplicateFlagEdge])
  edges!: DuplicateFlagEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
