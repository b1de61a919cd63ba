import { builder } from '../builder.js';
import { RECORDS } from '../../auth/scope-declarations.js';

export const InteractionNode = builder.prismaNode('Interaction', {
  // A record with personal or ticket data: every field of it needs records:read.
  authScopes: RECORDS,
  id: { field: 'id' },
  // node(id:) answers null for an id that names no record, as Relay expects.
  nullable: true,
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    ticket: t.relation('ticket'),
    agent: t.relation('agent'),
    startedAt: t.expose('startedAt', { type: 'DateTime' }),
    talkSeconds: t.exposeInt('talkSeconds'),
    holdSeconds: t.exposeInt('holdSeconds'),
    wrapUpSeconds: t.exposeInt('wrapUpSeconds'),
    handleSeconds: t.int({
      description: 'Handle time of this interaction in seconds: talkSeconds + holdSeconds + wrapUpSeconds.',
      resolve: (interaction) => interaction.talkSeconds + interaction.holdSeconds + interaction.wrapUpSeconds,
    }),
    transferred: t.exposeBoolean('transferred'),
  }),
});
