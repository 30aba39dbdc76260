import '../reflect-metadata.ts';
import { Field, ObjectType } from 'type-graphql';

@ObjectType('PublicRegionEntry', {
  description: '行政区划目录中的一项（县、乡镇、村）',
  simpleResolvers: true,
})
export class PublicRegionEntry {
  @Field(() => String, { description: '12 位统计用区划代码' })
  code!: string;

  @Field(() => String, { description: '区划名称' })
  name!: string;

  @Field(() => String, { description: '层级：COUNTY 县、TOWNSHIP 乡镇、VILLAGE 村（社区）' })
  level!: string;

  @Field(() => String, { nullable: true, description: '上级区划代码；县为空' })
  parentCode!: string | null;
}
