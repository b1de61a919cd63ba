// Backlog: tickets created before the end of the window and not resolved before it.
import { ticketFact } from '../facts.js';
import { emptyResult, type FamilyResult, type KpiRequest } from '../request.js';
import { rollupBacklog } from '../rollups/backlog.js';
import { runStock } from './stock.js';

export interface BacklogValues {
  backlog: number;
}

export const emptyBacklog = (): BacklogValues => ({ backlog: 0 });

export async function queryBacklog(request: KpiRequest): Promise<FamilyResult<BacklogValues>> {
  const rolled = await rollupBacklog(request);
  if (rolled) return rolled;
  const stock = await runStock({ fact: ticketFact, enters: 't.created_at', leaves: 't.resolved_at' }, request);
  const result = emptyResult<BacklogValues>(request.windows.length);
  request.windows.forEach((window, index) => {
    for (const [key, group] of stock.groups) {
      const backlog = stock.stockAt(key, window.end);
      if (backlog !== 0) result[index]!.set(key, { group, values: { backlog } });
    }
  });
  return result;
}
