// Imports every type file (each registers its types and query fields on the builder) and
// builds the executable schema.
import { lexicographicSortSchema } from 'graphql';
import { assertScopesDeclared } from '../auth/declared-scopes.js';
import { builder } from './builder.js';
import './types/scalars.js';
import './types/enums.js';
import './types/team.js';
import './types/business-calendar.js';
import './types/sla-policy.js';
import './types/agent.js';
import './types/customer.js';
import './types/knowledge-article.js';
import './types/ticket.js';
import './types/interaction.js';
import './types/survey-response.js';
import './types/kpi-queries.js';
import './types/kpi-entity.js';
import './types/kpi-definitions.js';
import './types/kpi-table.js';
import './types/import-mutations.js';
import './types/api-keys.js';

builder.queryType({ description: 'The root of every read.' });

// Sorted, so the printed SDL (schema/schema.graphql) does not change when files are reordered.
export const schema = lexicographicSortSchema(builder.toSchema());

// A root field nobody has decided about stops the server at start (and every test).
assertScopesDeclared(schema);
