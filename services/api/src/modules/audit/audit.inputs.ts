import '../../reflect-metadata.ts';
import { Field, InputType } from 'type-graphql';

@InputType('AuditEventFilter')
export class AuditEventFilterInput {
  @Field(() => String, { nullable: true, description: '对象类型，如 policy / Kind of record, e.g. policy' })
  entity?: string | null;

  @Field(() => String, { nullable: true, description: '对象编号 / Id of the record' })
  entityId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '操作，如 policy.publish / Action, e.g. policy.publish',
  })
  action?: string | null;

  @Field(() => String, { nullable: true, description: '区划及其下级 / This region and below' })
  regionCode?: string | null;
}
