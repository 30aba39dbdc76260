import { COLUMN_KINDS, type ColumnKind } from '@sunshine/disclosure/dataset';
import {
  type GraphQLField,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  validate,
} from 'graphql';
import { badInput } from '../../errors/domain-error.ts';

export interface DocumentAnalysis {
  /** The single root field whose list becomes the dataset's rows. */
  rootField: string;
  /** Every leaf selected, as dotted paths relative to a row: `title`, `region.name`. */
  leafPaths: string[];
  /** Description of each leaf path, from the public schema: the dataset's data dictionary. */
  descriptions: Record<string, string>;
  /** What each leaf holds, from the field's `disclosure.kind` extension (TEXT when absent). */
  kinds: Record<string, ColumnKind>;
}

const FIELD = 'input.document';

/**
 * Checks a disclosure's GraphQL document against the public read schema and names its columns.
 * Refuses anything that would make the output shape unclear: several operations, mutations,
 * aliases, fragments, directives, or a root that is not a list of rows.
 */
export function analyzeDisclosureDocument(schema: GraphQLSchema, document: string): DocumentAnalysis {
  let ast: ReturnType<typeof parse>;
  try {
    ast = parse(document, { maxTokens: 2000, noLocation: true });
  } catch {
    throw badInput(FIELD, '查询文本不是有效的 GraphQL', 'The query is not valid GraphQL');
  }
  const errors = validate(schema, ast);
  if (errors.length > 0) {
    throw badInput(FIELD, '查询文本与公开数据结构不符', 'The query does not match the public read schema');
  }
  const operations = ast.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (ast.definitions.length !== 1 || operations.length !== 1 || operations[0]?.operation !== 'query') {
    throw badInput(
      FIELD,
      '查询文本只能包含一个查询操作，不能使用片段',
      'The document must hold exactly one query and no fragments',
    );
  }
  const operation = operations[0];
  const roots = operation.selectionSet.selections;
  const root = roots[0];
  if (roots.length !== 1 || root?.kind !== Kind.FIELD || root.alias || root.directives?.length) {
    throw badInput(
      FIELD,
      '查询只能选择一个根字段，且不能使用别名或指令',
      'Select exactly one root field, without aliases or directives',
    );
  }
  const rootDef = schema.getQueryType()?.getFields()[root.name.value];
  if (!rootDef || !isListType(getNullableType(rootDef.type)) || !root.selectionSet) {
    throw badInput(FIELD, '根字段必须返回一个列表', 'The root field must return a list');
  }
  const leafPaths: string[] = [];
  const descriptions: Record<string, string> = {};
  const kinds: Record<string, ColumnKind> = {};
  collect(rootDef, root.selectionSet, '', leafPaths, descriptions, kinds);
  return { rootField: root.name.value, leafPaths, descriptions, kinds };
}

function collect(
  parent: GraphQLField<unknown, unknown>,
  selectionSet: SelectionSetNode,
  prefix: string,
  leafPaths: string[],
  descriptions: Record<string, string>,
  kinds: Record<string, ColumnKind>,
): void {
  const parentType = getNamedType(parent.type);
  if (!isObjectType(parentType)) return;
  for (const selection of selectionSet.selections) {
    if (selection.kind !== Kind.FIELD || selection.alias || selection.directives?.length) {
      throw badInput(
        FIELD,
        '查询中不能使用别名、片段或指令',
        'Aliases, fragments and directives are not allowed',
      );
    }
    const name = selection.name.value;
    if (name.startsWith('__')) {
      throw badInput(FIELD, '查询中不能选择内省字段', 'Introspection fields are not allowed');
    }
    const field = parentType.getFields()[name];
    if (!field) continue;
    const path = prefix ? `${prefix}.${name}` : name;
    if (selection.selectionSet) {
      collect(field, selection.selectionSet, path, leafPaths, descriptions, kinds);
    } else {
      leafPaths.push(path);
      descriptions[path] = field.description ?? '';
      kinds[path] = columnKind(field.extensions);
    }
  }
}

/** Keeps only the allowlisted paths of a row; lists of objects are filtered element by element. */
export function pickAllowed(value: unknown, allowed: ReadonlySet<string>, prefix = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => pickAllowed(item, allowed, prefix));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const isLeaf = allowed.has(path);
    const isBranch = [...allowed].some((p) => p.startsWith(`${path}.`));
    if (isLeaf) out[key] = child;
    else if (isBranch) out[key] = pickAllowed(child, allowed, path);
  }
  return out;
}

/** The column kind a public field declares with `@Extensions({ disclosure: { kind } })`. */
function columnKind(extensions: Readonly<Record<string, unknown>> | null | undefined): ColumnKind {
  const declared = (extensions?.disclosure as { kind?: unknown } | undefined)?.kind;
  return (COLUMN_KINDS as readonly unknown[]).includes(declared) ? (declared as ColumnKind) : 'TEXT';
}
