import '../../reflect-metadata.ts';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { RegionType } from '../regions/region.type.ts';

export enum RoleEnum {
  COUNTY_ADMIN = 'COUNTY_ADMIN',
  TOWNSHIP_ADMIN = 'TOWNSHIP_ADMIN',
  VILLAGE_CLERK = 'VILLAGE_CLERK',
  AUDITOR = 'AUDITOR',
}
registerEnumType(RoleEnum, { name: 'Role', description: '管理员角色 / Admin role' });

@ObjectType('Viewer', { description: '当前登录的管理员 / The signed-in admin' })
export class ViewerType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  username!: string;

  @Field(() => String)
  displayName!: string;

  @Field(() => RoleEnum)
  role!: RoleEnum;

  @Field(() => RegionType, { description: '管辖区划 / Jurisdiction' })
  region!: RegionType;
}
