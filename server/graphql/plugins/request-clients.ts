// Gives each request a place for the database clients it borrows (server/db/request-clients.ts)
// and gives them back once it is answered, whatever answered it. useClientLending borrows them
// for the caller when execution needs the database.
import type { Plugin } from 'graphql-yoga';
import { RequestClients } from '../../db/request-clients.js';
import type { DeskqlServerContext } from '../../http/server-context.js';

export function useRequestClients(): Plugin<Record<string, unknown>, DeskqlServerContext> {
  return {
    onRequest({ serverContext }) {
      serverContext.clients = new RequestClients();
    },
    onResponse({ serverContext }) {
      serverContext.clients?.giveBack();
    },
  };
}
