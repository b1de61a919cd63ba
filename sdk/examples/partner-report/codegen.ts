// graphql-codegen's client preset against the schema @deskql/sdk ships: the documents in
// src/with-codegen.ts become TypedDocumentNodes (the preset's default mode), which
// client.execute() takes with their result and variables types.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: './node_modules/@deskql/sdk/schema.graphql',
  documents: ['src/with-codegen.ts'],
  emitLegacyCommonJSImports: false,
  generates: {
    'src/generated/codegen/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        scalars: { DateTime: 'string', ID: 'string', TableValue: 'string | number | boolean | null' },
      },
    },
  },
};

export default config;
