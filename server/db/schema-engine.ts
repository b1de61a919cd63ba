// Prisma's schema engine compiled to WebAssembly. It is the same engine that
// `prisma migrate deploy` runs as a native binary, so migrations applied through it are
// recorded in `_prisma_migrations` exactly as the CLI records them; unlike the binary, it is
// an ordinary npm package and needs no download from Prisma's servers.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm';

type WasmBindings = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

let bindings: Promise<WasmBindings> | undefined;

/** Instantiates the WebAssembly module once per process. */
function loadBindings(): Promise<WasmBindings> {
  bindings ??= (async () => {
    // The package exports only its JS glue; the .wasm file sits next to it.
    const gluePath = createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg');
    const glue: WasmBindings = await import(pathToFileURL(gluePath).href);
    const bytes = await readFile(path.join(path.dirname(gluePath), 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': withUnrefTimers(glue) });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return glue;
  })();
  return bindings;
}

/**
 * The engine arms timers (connection time-outs) that outlive its work; left as they are, they
 * keep a finished `npm run db:migrate` alive for seconds. Unref'd, they still fire while the
 * process has other work but no longer hold it open.
 */
function withUnrefTimers(glue: WasmBindings): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...(glue as unknown as WebAssembly.ModuleImports) };
  for (const [name, original] of Object.entries(imports)) {
    if (name.startsWith('__wbg_setTimeout_') && typeof original === 'function') {
      imports[name] = (...args: unknown[]) => {
        const timer = (original as (...a: unknown[]) => unknown)(...args);
        (timer as { unref?: () => void } | undefined)?.unref?.();
        return timer;
      };
    }
  }
  return imports;
}

export interface SchemaFile {
  path: string;
  content: string;
}

/**
 * Starts a schema engine on the database behind `adapterFactory`. The engine logs through
 * `onLog` (JSON lines); callers free it with `engine.free()` when done.
 */
export async function startSchemaEngine(
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  schemaFiles: SchemaFile[],
  onLog: (line: string) => void = () => {},
): Promise<SchemaEngine> {
  const glue = await loadBindings();
  return glue.SchemaEngine.new(
    { datamodels: schemaFiles.map((file) => [file.path, file.content]) },
    onLog,
    bindMigrationAwareSqlAdapterFactory(adapterFactory),
  );
}
