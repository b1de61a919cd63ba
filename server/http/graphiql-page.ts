// A browser asking for the GraphiQL page itself: HTML, no operation run. It needs neither a
// key (GraphiQL sends the one typed into its headers) nor the CSRF header (its requests are
// JSON POSTs).
export function isGraphiqlPage(request: Request): boolean {
  return request.method === 'GET' && (request.headers.get('accept')?.includes('text/html') ?? false);
}
