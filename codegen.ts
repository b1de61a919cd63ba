// graphql-codegen: the SDK's typed documents from the checked-in schema (schema/schema.graphql,
// printed from the server by `npm run schema:print`) and the operations in sdk/src/operations.
// `npm run codegen` runs both steps; CI fails when their output differs from what is committed.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['sdk/src/operations/**/*.graphql'],
  ignoreNoDocuments: false,
  // The SDK is ESM: relative imports need their .js extension.
  emitLegacyCommonJSImports: false,
  generates: {
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
        scalars: { DateTime: 'string', ID: 'string', TableValue: 'string | number | boolean | null' },
      },
    },
  },
};

export default config;
