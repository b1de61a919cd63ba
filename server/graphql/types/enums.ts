// The record enums, shared with the database (prisma/schema.prisma) so they cannot drift apart.
import { Channel, Priority, SurveyKind, TicketStatus } from '../../generated/prisma/enums.js';
import { builder } from '../builder.js';

export const ChannelEnum = builder.enumType(Channel, {
  name: 'Channel',
  description: 'How a ticket reached the help desk.',
});
export const PriorityEnum = builder.enumType(Priority, {
  name: 'Priority',
  description: 'How urgent a ticket is.',
});
export const TicketStatusEnum = builder.enumType(TicketStatus, {
  name: 'TicketStatus',
  description: 'Where a ticket is in its life cycle.',
});
export const SurveyKindEnum = builder.enumType(SurveyKind, {
  name: 'SurveyKind',
  description: 'Which survey a response answers: CSAT (score 1..5), NPS (0..10) or CES (1..7, 7 = very easy).',
});

export const OrderDirectionEnum = builder.enumType('OrderDirection', {
  description: 'Sort direction.',
  values: { ASC: { value: 'asc' }, DESC: { value: 'desc' } } as const,
});
