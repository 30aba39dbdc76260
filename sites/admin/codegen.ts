import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents from the committed contract, never from a live server: every `graphql()` call in
// src/ gets its result and variable types from packages/schema/schema.graphql. The introspection file
// tells urql's normalised cache the schema (which types have ids, what a mutation returns).
// check:schema regenerates into a scratch folder (ADMIN_CODEGEN_OUT) and compares.
const out = process.env.ADMIN_CODEGEN_OUT ?? 'src/gql';

const config: CodegenConfig = {
  overwrite: true,
  schema: '../../packages/schema/schema.graphql',
  documents: ['src/**/*.tsx', 'src/**/*.ts', '!src/gql/**'],
  generates: {
    [`${out}/`]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTimeISO: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
    [`${out}/enum-labels.ts`]: {
      plugins: ['./scripts/enum-labels-plugin.cjs'],
    },
    [`${out}/introspection.ts`]: {
      plugins: ['urql-introspection'],
      config: { module: 'es2015', useTypeImports: true },
    },
  },
};

export default config;
