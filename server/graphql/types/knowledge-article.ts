import { builder } from '../builder.js';
import { RECORDS } from '../../auth/scope-declarations.js';
import { connectionSizes } from '../pagination.js';
import { ticketListArgs, ticketListQuery } from './ticket-filter.js';

export const KnowledgeArticleNode = builder.prismaNode('KnowledgeArticle', {
  // A record with personal or ticket data: every field of it needs records:read.
  authScopes: RECORDS,
  id: { field: 'id' },
  // node(id:) answers null for an id that names no record, as Relay expects.
  nullable: true,
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    title: t.exposeString('title'),
    url: t.exposeString('url'),
    tickets: t.relatedConnection('tickets', {
      description: 'The tickets this article answered.',
      cursor: 'id',
      ...connectionSizes,
      totalCount: true,
      args: ticketListArgs(t.arg),
      query: ticketListQuery,
    }),
  }),
});
