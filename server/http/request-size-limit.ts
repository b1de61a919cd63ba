// Refuses request bodies over a size limit before they are read, with 413 and a message
// naming the limit. It runs first among the plugins: nothing else should spend work on a
// request that will be refused anyway.
import type { Plugin } from 'graphql-yoga';

/** Default body limit: importRecords takes up to 10 MiB of NDJSON, plus the JSON around it. */
export const DEFAULT_MAX_REQUEST_BYTES = 12 * 1024 * 1024;

export function useRequestSizeLimit(maxBytes: number): Plugin {
  return {
    onRequest({ request, endResponse }) {
      const length = Number(request.headers.get('content-length') ?? 0);
      if (length > maxBytes) {
        endResponse(
          Response.json(
            {
              errors: [
                {
                  message: `The request body is ${length} bytes, more than the limit of ${maxBytes} bytes (MAX_REQUEST_BYTES)`,
                  extensions: { code: 'PAYLOAD_TOO_LARGE' },
                },
              ],
            },
            { status: 413 },
          ),
        );
      }
    },
  };
}
