// What a request reads and writes through (ctx.prisma): the caller's own client, or, while a
// query answer is computed, its snapshot's transaction. Both have every model and raw-query
// method the resolvers use; only a client can open transactions of its own.
import type { Prisma } from '../generated/prisma/client.js';

export type DbClient = Prisma.TransactionClient;
