import '../reflect-metadata.ts';
import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Relay 分页信息 / Relay page info', simpleResolvers: true })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}
