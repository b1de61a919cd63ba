// GraphiQL at /graphql for browsers, from the copy bundled in @graphql-yoga/render-graphiql:
// it works offline and loads nothing from a CDN. Yoga's own renderer inlines that bundle into
// one page as an inline script; here each part is its own same-origin file instead, so the page
// runs under a Content-Security-Policy without 'unsafe-inline' scripts.
import type { Plugin } from 'graphql-yoga';
import { isGraphiqlPage } from './graphiql-page.js';
import { assetResponse, isFetch, pagePolicy, type Asset } from './static-assets.js';

const BASE = '/graphiql/';

/** The operation GraphiQL opens with: a month of KPIs against the month before, by team. */
export const GRAPHIQL_EXAMPLE_QUERY = `# Welcome to DeskQL. Run this with the play button
# (or Ctrl-Enter): last month's KPIs, the change
# against the month before, and the same by team.
#
# API keys: open "Headers" below and send
#   { "Authorization": "Bearer dq_…" }
# The embedded demo reads without a key; writes and
# key administration need one (the first start prints
# an administrator key in the server log).

query MonthAtAGlance {
  kpis(period: {
    from: "${monthStart(-1)}"
    to: "${monthStart(0)}"
    timeZone: "UTC"
  }) {
    ticketCount
    backlog
    firstContactResolution { value numerator denominator }
    averageHandleTime { average median }
    csat { rate { value } responses }
    nps { score responses }
    comparison {
      change {
        ticketCount { previous relative }
        csat { previous absolute }
      }
    }
  }
  kpiSlices(
    period: { from: "${monthStart(-1)}", to: "${monthStart(0)}" }
    groupBy: [TEAM]
  ) {
    group { team { name } }
    kpis { ticketCount resolutionTime { median } csat { rate { value } } }
  }
}
`;

// Monaco asks for its workers by label; each is served as a file of its own.
const START_SCRIPT = `(function () {
  var base = ${JSON.stringify(BASE)};
  var workers = { editorWorkerService: 'editor.worker.js', json: 'json.worker.js', graphql: 'graphql.worker.js' };
  self.MonacoEnvironment = {
    globalAPI: false,
    getWorkerUrl: function (_moduleId, label) { return base + (workers[label] || workers.editorWorkerService); },
  };
  var options = JSON.parse(document.getElementById('graphiql-options').textContent);
  YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), options);
})();
`;

function monthStart(offset: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString();
}

function page(options: Record<string, unknown>): string {
  // JSON in a data block is never executed; "<" is escaped so the text cannot close the block.
  const data = JSON.stringify(options).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>DeskQL · GraphiQL</title>
    <link rel="icon" href="${BASE}favicon.ico" />
    <link rel="stylesheet" href="${BASE}graphiql.css" />
  </head>
  <body class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root" style="height: 100vh"></div>
    <script id="graphiql-options" type="application/json">${data}</script>
    <script src="${BASE}graphiql.js"></script>
    <script src="${BASE}start.js"></script>
  </body>
</html>
`;
}

function script(body: string): Asset {
  return { body, contentType: 'text/javascript; charset=utf-8' };
}

/** GraphiQL's files, loaded on first use: the bundle is 9 MB of JavaScript to parse (~0.4 s). */
async function loadFiles(): Promise<Map<string, Asset>> {
  const { css, editorWorkerService, favicon, graphqlWorker, js, jsonWorker } = await import('@graphql-yoga/render-graphiql/graphiql');
  return new Map<string, Asset>([
    ['graphiql.js', script(js)],
    ['graphiql.css', { body: css, contentType: 'text/css; charset=utf-8' }],
    ['start.js', script(START_SCRIPT)],
    ['editor.worker.js', script(editorWorkerService)],
    ['json.worker.js', script(jsonWorker)],
    ['graphql.worker.js', script(graphqlWorker)],
    ['favicon.ico', { body: new Uint8Array(Buffer.from(favicon.slice(favicon.indexOf(',') + 1), 'base64')), contentType: 'image/x-icon' }],
  ]);
}

export function useOfflineGraphiql(options: { graphqlEndpoint: string }): Plugin {
  let files: Promise<Map<string, Asset>> | undefined;
  return {
    async onRequest({ request, url, endResponse }) {
      if (!isFetch(request)) return;
      if (url.pathname === options.graphqlEndpoint && isGraphiqlPage(request)) {
        const html = page({ title: 'DeskQL', endpoint: options.graphqlEndpoint, defaultQuery: GRAPHIQL_EXAMPLE_QUERY });
        endResponse(
          assetResponse(request, { body: html, contentType: 'text/html; charset=utf-8' }, 'revalidate', {
            'content-security-policy': pagePolicy({ inlineStyles: true }),
          }),
        );
        return;
      }
      if (url.pathname.startsWith(BASE)) {
        files ??= loadFiles();
        const file = (await files).get(url.pathname.slice(BASE.length));
        endResponse(file ? assetResponse(request, file, 'revalidate') : new Response('Not found', { status: 404 }));
      }
    },
  };
}
