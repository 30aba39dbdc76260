import '../../reflect-metadata.ts';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum RegionLevelEnum {
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  VILLAGE = 'VILLAGE',
  GROUP = 'GROUP',
}
registerEnumType(RegionLevelEnum, { name: 'RegionLevel', description: '区划层级 / Region level' });

@ObjectType('Region', { description: '行政区划 / Region', simpleResolvers: true })
export class RegionType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: '统计用区划代码（12 位）/ 12-digit statistical code' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => RegionLevelEnum)
  level!: RegionLevelEnum;
}

export function toRegionType(region: { id: string; code: string; name: string; level: string }): RegionType {
  return { id: region.id, code: region.code, name: region.name, level: region.level as RegionLevelEnum };
}
