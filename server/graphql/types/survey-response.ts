import { builder } from '../builder.js';
import { RECORDS } from '../../auth/scope-declarations.js';
import { assertPageSize, connectionSizes } from '../pagination.js';
import { SurveyKindEnum } from './enums.js';
import { SurveyResponseFilter, SurveyResponseOrder, surveyResponseWhere } from './survey-response-filter.js';

export const SurveyResponseNode = builder.prismaNode('SurveyResponse', {
  // A record with personal or ticket data: every field of it needs records:read.
  authScopes: RECORDS,
  id: { field: 'id' },
  // node(id:) answers null for an id that names no record, as Relay expects.
  nullable: true,
  fields: (t) => ({
    externalId: t.exposeString('externalId'),
    kind: t.expose('kind', { type: SurveyKindEnum }),
    score: t.exposeInt('score'),
    customer: t.relation('customer'),
    ticket: t.relation('ticket', { nullable: true }),
    respondedAt: t.expose('respondedAt', { type: 'DateTime' }),
    comment: t.exposeString('comment', { nullable: true }),
  }),
});

builder.queryFields((t) => ({
  surveyResponses: t.prismaConnection(
    {
      authScopes: RECORDS,
      description: 'Survey responses, newest first unless ordered otherwise.',
      type: 'SurveyResponse',
      cursor: 'id',
      ...connectionSizes,
      args: { filter: t.arg({ type: SurveyResponseFilter }), orderBy: t.arg({ type: SurveyResponseOrder.input }) },
      resolve: (query, _root, args, ctx) => {
        assertPageSize(args);
        return ctx.prisma.surveyResponse.findMany({
          ...query,
          where: surveyResponseWhere(args.filter),
          orderBy: SurveyResponseOrder.toOrderBy(args.orderBy),
        });
      },
      totalCount: (_connection, args, ctx) => ctx.prisma.surveyResponse.count({ where: surveyResponseWhere(args.filter) }),
    },
    { name: 'SurveyResponseConnection' },
    { name: 'SurveyResponseEdge' },
  ),
}));
