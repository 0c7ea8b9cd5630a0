/**
 * graphql-codegen: resolver types generated from the SDL in schema/ into
 * src/graphql/generated/types.ts (`npm run codegen`; tests/graphql/codegen.test.ts
 * fails when the committed file is stale). Mappers make each resolver's parent
 * the value the store or the parent resolver really passes, not the SDL shape.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

const node = '../../store/engine#StoredNode';
const value = (name: string) => `../values#${name}`;

const config: CodegenConfig = {
  overwrite: true,
  schema: 'schema/*.graphql',
  generates: {
    'src/graphql/generated/types.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        contextType: '../context#Context',
        useTypeImports: true,
        enumsAsTypes: true,
        useIndexSignature: false,
        scalars: {
          Date: { input: 'string', output: 'string' },
          URL: { input: 'string', output: 'string' },
          NonNegativeInt: { input: 'number', output: 'number' },
        },
        mappers: {
          Edition: node,
          Talk: node,
          Person: node,
          Company: node,
          Project: node,
          Article: node,
          Announcement: node,
          Figure: node,
          Participation: '../../store/repository#Related',
          Affiliation: '../../store/repository#Related',
          Backing: value('BackingValue'),
          Source: value('SourceValue'),
          Path: value('PathValue'),
          PathStep: value('PathStepValue'),
          CompanyProjectLink: value('LinkValue'),
          CompanyProjectLinkConnection: value('LinkConnectionValue'),
          Subgraph: value('SubgraphValue'),
          SubgraphEdge: value('EdgeValue'),
          TimelineEntry: value('TimelineValue'),
          SearchHit: value('SearchHitValue'),
          TalkConnection: '../pagination#Connection',
          PersonConnection: '../pagination#Connection',
          CompanyConnection: '../pagination#Connection',
          ProjectConnection: '../pagination#Connection',
        },
      },
    },
  },
};

export default config;
