// kpiDefinitions: what every KPI means, for BI tools and for people who doubt a number.
import { KPI_DEFINITIONS, kpiDescription, type KpiDefinition } from '../../kpi/definitions.js';
import { builder } from '../builder.js';
import { KPIS } from '../../auth/scope-declarations.js';
import { KpiDimensionEnum } from './kpi-inputs.js';

const KpiUnitEnum = builder.enumType('KpiUnit', {
  description: 'COUNT: records; SECONDS: a duration; RATE: a fraction in [0, 1] with its numerator and denominator; SCORE: a survey score.',
  values: ['COUNT', 'SECONDS', 'RATE', 'SCORE'] as const,
});

const KpiDefinitionRef = builder.objectRef<KpiDefinition>('KpiDefinition').implement({
  description: 'The definition of one KPI field of KpiSet.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The KpiSet field.' }),
    title: t.exposeString('title'),
    unit: t.field({ type: KpiUnitEnum, resolve: (d) => d.unit }),
    formula: t.exposeString('formula'),
    numerator: t.exposeString('numerator', { nullable: true, description: 'What the numerator counts (rates and scores).' }),
    denominator: t.exposeString('denominator', { nullable: true, description: 'What the denominator counts (rates and scores).' }),
    timestamp: t.exposeString('timestamp', { description: 'The timestamp that places a record in a period.' }),
    dimensions: t.field({
      type: [KpiDimensionEnum],
      description: 'What it can be grouped and filtered by.',
      resolve: (d) => [...d.dimensions],
    }),
    emptyValue: t.exposeString('whenEmpty', { description: 'What an empty sample returns.' }),
    description: t.string({ description: 'The full text, as in the schema.', resolve: (d) => kpiDescription(d.name) }),
  }),
});

builder.queryField('kpiDefinitions', (t) =>
  t.field({
    authScopes: KPIS,
    type: [KpiDefinitionRef],
    description: 'The definition of every KPI: unit, formula, numerator and denominator, timestamp, dimensions.',
    resolve: () => [...KPI_DEFINITIONS],
  }),
);
