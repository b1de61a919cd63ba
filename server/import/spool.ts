// Validated records wait in one temporary file per type between the two passes of an
// import: the whole file must be read (and every reference known) before anything is
// written, and keeping millions of records in memory instead would not scale.
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { RecordType } from './record-specs.js';

export class Spool {
  private readonly streams = new Map<RecordType, WriteStream>();
  readonly counts = new Map<RecordType, number>();

  private constructor(private readonly dir: string) {}

  static async create(): Promise<Spool> {
    return new Spool(await mkdtemp(path.join(tmpdir(), 'deskql-import-')));
  }

  /** Appends one row: [line, externalId, ...values]. Waits when the disk falls behind. */
  async write(type: RecordType, row: unknown[]): Promise<void> {
    let stream = this.streams.get(type);
    if (!stream) {
      stream = createWriteStream(this.file(type));
      this.streams.set(type, stream);
    }
    this.counts.set(type, (this.counts.get(type) ?? 0) + 1);
    if (!stream.write(JSON.stringify(row) + '\n')) await once(stream, 'drain');
  }

  async finish(): Promise<void> {
    await Promise.all([...this.streams.values()].map((stream) => new Promise((resolve) => stream.end(resolve))));
  }

  /** The rows of one type, in file order. */
  async *rows(type: RecordType): AsyncGenerator<unknown[]> {
    if (!this.streams.has(type)) return;
    const lines = createInterface({ input: createReadStream(this.file(type)), crlfDelay: Infinity });
    for await (const line of lines) yield JSON.parse(line) as unknown[];
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }

  private file(type: RecordType): string {
    return path.join(this.dir, `${type}.ndjson`);
  }
}
