// Business calendars (kpi-spec "Business hours"): their node, the businessCalendars connection
// and Team.businessCalendar. Written through import lines `calendar` and upsertBusinessCalendar.
import { DAYS_OF_WEEK, type BusinessHours as BusinessHoursShape } from '../../business-hours/calendar-rules.js';
import { builder } from '../builder.js';
import { RECORDS } from '../../auth/scope-declarations.js';
import { connectionSizes, assertPageSize } from '../pagination.js';

export const DayOfWeekEnum = builder.enumType('DayOfWeek', {
  description: 'A day of the week (ISO order, Monday first).',
  values: DAYS_OF_WEEK,
});

export const BusinessHours = builder.objectRef<BusinessHoursShape>('BusinessHours').implement({
  description: "One weekly opening interval, in the calendar's time zone: from opens (inclusive) to closes (exclusive).",
  fields: (t) => ({
    day: t.field({ type: DayOfWeekEnum, resolve: (h) => h.day }),
    opens: t.exposeString('opens', { description: 'Local time "HH:MM".' }),
    closes: t.exposeString('closes', { description: 'Local time "HH:MM", after opens; "24:00" is the end of the day.' }),
  }),
});

export const BusinessHoursInput = builder.inputType('BusinessHoursInput', {
  description: 'One weekly opening interval: day, opens "HH:MM", closes "HH:MM" (after opens; "24:00" allowed).',
  fields: (t) => ({
    day: t.field({ type: DayOfWeekEnum, required: true }),
    opens: t.string({ required: true }),
    closes: t.string({ required: true }),
  }),
});

export const BusinessCalendarNode = builder.prismaNode('BusinessCalendar', {
  // A record with personal or ticket data: every field of it needs records:read.
  authScopes: RECORDS,
  id: { field: 'id' },
  nullable: true,
  description:
    "When the help desk is open: weekly hours in one IANA time zone, and holidays. A ticket's calendar is its team's, else the default one; " +
    'business time (firstResponseBusinessTime, resolutionBusinessTime, SLA targets in business hours) counts only open time.',
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    name: t.exposeString('name'),
    timeZone: t.exposeString('timeZone', { description: 'IANA time zone of the hours and holidays.' }),
    isDefault: t.exposeBoolean('isDefault', { description: 'The calendar of tickets whose team has none (at most one is).' }),
    weeklyHours: t.field({
      type: [BusinessHours],
      description: 'Weekly opening intervals, by day then opening time.',
      resolve: (calendar) => calendar.weeklyHours as unknown as BusinessHoursShape[],
    }),
    holidays: t.stringList({
      description: 'Local dates (YYYY-MM-DD) closed all day, sorted.',
      resolve: (calendar) => calendar.holidays as string[],
    }),
  }),
});

builder.prismaObjectField('Team', 'businessCalendar', (t) =>
  t.relation('businessCalendar', {
    authScopes: RECORDS,
    nullable: true,
    description: "The business calendar of this team's tickets; null: the default calendar applies (or none, open 24x7).",
  }),
);

builder.queryFields((t) => ({
  businessCalendars: t.prismaConnection(
    {
      authScopes: RECORDS,
      description: 'Every business calendar, by name.',
      type: 'BusinessCalendar',
      cursor: 'id',
      ...connectionSizes,
      resolve: (query, _root, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.businessCalendar.findMany({ ...query, orderBy: [{ name: 'asc' }, { id: 'asc' }] });
      },
      totalCount: (_connection, _args, ctx) => ctx.prisma.businessCalendar.count(),
    },
    { name: 'BusinessCalendarConnection' },
    { name: 'BusinessCalendarEdge' },
  ),
}));
