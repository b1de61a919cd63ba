// NDJSON text already in memory (a GraphQL argument, a test), as the importer's lines.
export async function* linesOf(text: string): AsyncGenerator<string> {
  for (const line of text.split('\n')) yield line;
}
