// Small questions about the operation being executed, shared by the plugins that treat query
// answers (snapshot, cache, admission) differently from mutations.
import { getOperationAST, Kind, visit, type DocumentNode } from 'graphql';

export function isQuery(document: DocumentNode, operationName: string | null | undefined): boolean {
  return getOperationAST(document, operationName ?? undefined)?.operation === 'query';
}

const KPI_FIELDS = new Set(['kpis', 'kpiSlices']);

/** Whether the document selects any KPI (kpis, kpiSlices, Agent/Team/Customer.kpis). */
export function selectsKpis(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD](node) {
      if (KPI_FIELDS.has(node.name.value)) found = true;
    },
  });
  return found;
}
