// Business-time KPIs (kpi-spec "Business hours"): the same samples and placement as
// firstResponseTime and resolutionTime, over the business seconds stored per ticket at write
// time (server/business-hours/ticket-business-time.ts), so a read is an aggregate of numbers.
// The ticket's timestamps and dimensions are on the same rows (businessTimeFact): no join.
import { businessTimeFact } from '../facts.js';
import { wantsPercentiles, type KpiRequest } from '../request.js';
import { durationAggregates, durationFromRow, emptyDuration, type DurationStats } from './duration.js';
import { runWindowAggregate } from './window-aggregate.js';

export interface FirstResponseBusinessValues {
  firstResponseBusiness: DurationStats;
}

export interface ResolutionBusinessValues {
  resolutionBusiness: DurationStats;
}

export const emptyFirstResponseBusiness = (): FirstResponseBusinessValues => ({ firstResponseBusiness: emptyDuration() });
export const emptyResolutionBusiness = (): ResolutionBusinessValues => ({ resolutionBusiness: emptyDuration() });

export function queryFirstResponseBusiness(request: KpiRequest) {
  return runWindowAggregate<FirstResponseBusinessValues>(
    {
      fact: businessTimeFact,
      timestamp: 'b.created_at',
      aggregates: durationAggregates('frb', 'b.first_response_seconds', wantsPercentiles(request, 'firstResponseBusinessTime')),
      fromRow: (row) => ({ firstResponseBusiness: durationFromRow(row, 'frb') }),
    },
    request,
  );
}

export function queryResolutionBusiness(request: KpiRequest) {
  return runWindowAggregate<ResolutionBusinessValues>(
    {
      fact: businessTimeFact,
      timestamp: 'b.resolved_at',
      aggregates: durationAggregates('resb', 'b.resolution_seconds', wantsPercentiles(request, 'resolutionBusinessTime')),
      fromRow: (row) => ({ resolutionBusiness: durationFromRow(row, 'resb') }),
    },
    request,
  );
}
