import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { connectionOf } from '../../graphql/connection.ts';
import { actorOf, type RequestContext } from '../../graphql/request-context.ts';
import { loadRegion } from '../regions/region.loader.ts';
import { RegionType } from '../regions/region.type.ts';
import { ProjectFilterInput, ProjectInput, ProjectOrderInput } from './project.inputs.ts';
import type { ProjectView } from './project.service.ts';
import { ProjectConnection, type ProjectKindEnum, ProjectType } from './project.type.ts';
import type { ProjectFields } from './project.validation.ts';

function toProjectType(view: ProjectView): ProjectType {
  return { ...view, kind: view.kind as ProjectKindEnum };
}

function toFields(input: ProjectInput): ProjectFields {
  return {
    associationId: input.associationId,
    kind: input.kind,
    name: input.name,
    startOn: input.startOn,
    endOn: input.endOn ?? null,
    budgetFen: input.budgetFen,
    householdsHelped: input.householdsHelped ?? 0,
    incomeChangeFen: input.incomeChangeFen ?? null,
  };
}

@Resolver(() => ProjectType)
export class ProjectResolver {
  @Query(() => ProjectType, { description: '一个项目 / One project' })
  async project(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ProjectType> {
    return toProjectType(await ctx.services.projects.get(actorOf(ctx), id));
  }

  @Query(() => ProjectConnection, {
    description: '项目列表，默认按开始日期倒序 / Projects, latest start first',
  })
  async projects(
    @Arg('first', () => Int, { nullable: true, description: '每页条数，最多 100 / Page size, at most 100' })
    first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => ProjectFilterInput, { nullable: true }) filter: ProjectFilterInput | null,
    @Arg('orderBy', () => ProjectOrderInput, { nullable: true }) orderBy: ProjectOrderInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<ProjectConnection> {
    const page = await ctx.services.projects.list(
      actorOf(ctx),
      { first, after },
      filter ?? {},
      orderBy ?? { field: 'START_ON', direction: 'DESC' },
    );
    return connectionOf(page, after, toProjectType);
  }

  @FieldResolver(() => RegionType, {
    nullable: true,
    description: '项目所在区划 / Region of the association',
  })
  async region(@Root() project: ProjectType, @Ctx() ctx: RequestContext): Promise<RegionType | null> {
    return loadRegion(ctx, project.regionId);
  }

  @Mutation(() => ProjectType, { description: '登记项目 / Register a project' })
  async createProject(
    @Arg('input', () => ProjectInput) input: ProjectInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProjectType> {
    return toProjectType(await ctx.services.projects.create(actorOf(ctx), toFields(input)));
  }

  @Mutation(() => ProjectType, { description: '修改项目 / Edit a project' })
  async updateProject(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int) expectedVersion: number,
    @Arg('input', () => ProjectInput) input: ProjectInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProjectType> {
    return toProjectType(
      await ctx.services.projects.update(actorOf(ctx), id, expectedVersion, toFields(input)),
    );
  }
}
