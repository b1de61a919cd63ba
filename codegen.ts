// graphql-codegen: the SDK's typed documents from the checked-in schema (schema/schema.graphql,
// printed from the server by `npm run schema:print`) and the operations in sdk/src/operations.
// `npm run codegen` runs both steps; CI fails when their output differs from what is committed.
// It also writes the schema the SDK ships (sdk/schema.graphql and sdk/introspection.json), so partners
// can type their own documents (gql.tada, their own codegen) against exactly what the SDK targets.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['sdk/src/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  // The SDK is ESM: relative imports need their .js extension.
  emitLegacyCommonJSImports: false,
  generates: {
    'sdk/schema.graphql': { plugins: ['schema-ast'], config: { includeDirectives: true } },
    'sdk/introspection.json': { plugins: ['introspection'], config: { descriptions: true, minify: true } },
    'sdk/src/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Documents as strings: the SDK sends them with fetch and needs no GraphQL runtime.
        documentMode: 'string',
        useTypeImports: true,
        strictScalars: true,
        enumsAsTypes: true,
        // Instants travel as ISO 8601 strings with an offset; IDs are opaque strings.
        // TableValue: a cell of kpiTable, whatever its column's type.
        scalars: { DateTime: 'string', ID: 'string', TableValue: 'string | number | boolean | null' },
      },
    },
  },
};

export default config;
