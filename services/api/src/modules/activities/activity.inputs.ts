import '../../reflect-metadata.ts';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { SortDirectionEnum } from '../policies/policy.inputs.ts';
import { ActivityKindEnum } from './activity.type.ts';

@InputType('ActivityInput', { description: '活动记录 / An activity and its figures' })
export class ActivityInput {
  @Field(() => ID, { description: '举办活动的协会 / The association that held it' })
  associationId!: string;

  @Field(() => ActivityKindEnum)
  kind!: ActivityKindEnum;

  @Field(() => String, { description: '活动日期 YYYY-MM-DD，不晚于今天 / Held on, not in the future' })
  heldOn!: string;

  @Field(() => String, { description: '活动名称，2–200 字 / Title, 2–200 characters' })
  title!: string;

  @Field(() => Int, { nullable: true, description: '参加人数，不填为 0 / Participants; empty means 0' })
  participants?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '发放宣传品份数，不填为 0 / Leaflets handed out; empty means 0',
  })
  leaflets?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '义诊咨询人次，不填为 0 / Free consultations; empty means 0',
  })
  consultations?: number | null;

  @Field(() => Int, { nullable: true, description: '受检人数，不填为 0 / People screened; empty means 0' })
  peopleScreened?: number | null;
}

@InputType('ActivityFilter')
export class ActivityFilterInput {
  @Field(() => ID, { nullable: true })
  associationId?: string | null;

  @Field(() => String, { nullable: true, description: '区划及其下级 / This region and below' })
  regionCode?: string | null;

  @Field(() => ActivityKindEnum, { nullable: true })
  kind?: ActivityKindEnum | null;

  @Field(() => String, { nullable: true, description: '活动日期起（含）/ Held on or after' })
  from?: string | null;

  @Field(() => String, { nullable: true, description: '活动日期止（含）/ Held on or before' })
  to?: string | null;

  @Field(() => String, { nullable: true, description: '活动名称中的文字 / Words in the title' })
  search?: string | null;
}

export enum ActivitySortFieldEnum {
  HELD_ON = 'HELD_ON',
  CREATED = 'CREATED',
}
registerEnumType(ActivitySortFieldEnum, {
  name: 'ActivitySortField',
  valuesConfig: {
    HELD_ON: { description: '活动日期 / Date held' },
    CREATED: { description: '录入时间 / When it was recorded' },
  },
});

@InputType('ActivityOrder')
export class ActivityOrderInput {
  @Field(() => ActivitySortFieldEnum)
  field!: ActivitySortFieldEnum;

  @Field(() => SortDirectionEnum)
  direction!: SortDirectionEnum;
}
