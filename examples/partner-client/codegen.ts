import type { CodegenConfig } from '@graphql-codegen/cli';

/** `npm run codegen`: typed documents for operations.graphql, checked against the API's schema.gql. */
const config: CodegenConfig = {
  schema: 'schema.gql',
  documents: 'examples/partner-client/operations.graphql',
  generates: {
    'examples/partner-client/generated/graphql.ts': {
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string' },
        avoidOptionals: { field: true, inputValue: false, object: true },
      },
    },
  },
  hooks: { afterAllFileWrite: ['biome format --write'] },
};

export default config;
