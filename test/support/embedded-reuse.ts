// Migrated embedded databases for test files, reused within a worker. Loading the template's
// dump into a new PGlite costs most of a second of CPU (its files into PGlite's in-memory file
// system, then PostgreSQL's start), and a run opens about sixty. A worker runs file after file
// (vitest.config.ts, isolate: false), so a database a file has finished with is brought back to
// the template's exact state and handed to the next file instead: its session discarded, every
// table emptied, the template's rows and the planner's table and index sizes put back; then
// everything a test could observe is compared with the template (schema, roles and policies,
// settings, every row of every table, sequences, planner sizes and statistics). A database that
// differs in anything, or that a test closed itself, is closed, and the next file loads a new one.
import type { PGlite } from '@electric-sql/pglite';
import { PGlite as PGliteClass } from '@electric-sql/pglite';

/** A database lent to one test file; release() when the file is done with it. */
export interface LentDatabase {
  /** The database, to pass to openDatabase({ embedded }); closing it while lent closes it for good. */
  pglite: PGlite;
  /** Takes the database back (the Database on it must be closed by then, which leaves it open), and resets it for the next file. */
  release(close: () => Promise<void>): Promise<void>;
}

interface Template {
  /** What every reset must reproduce exactly (fingerprint()). */
  fingerprint: string;
  tables: string[];
  /** The template's rows of the tables that have any, as JSON. */
  rows: Array<{ table: string; json: string }>;
  /** The planner's sizes of every table and index (pg_class), as JSON: TRUNCATE resets the indexes'. */
  sizes: string;
}

/** The template each dump loads into, and its databases not lent out, by dump. */
const templates = new WeakMap<Blob, Promise<Template>>();
const idle = new WeakMap<Blob, PGlite[]>();

/** A migrated database at the template's state: one a previous file released, or a new one from `dump`. */
export async function lendDatabase(dump: Blob): Promise<LentDatabase> {
  const free = idle.get(dump) ?? [];
  idle.set(dump, free);
  const pglite = free.pop() ?? (await loadNew(dump));
  let state: 'lent' | 'releasing' | 'released' = 'lent';
  // The Database closes its PGlite when it is closed: when a test closes it (to see queries
  // fail), it really closes; when the file is done (release()), the PGlite stays open. Once
  // released, nothing the file left running can reach it (the next file's database).
  const lent = new Proxy(pglite, {
    get(target, property) {
      if (state === 'released') throw new Error('This test database was released: its file is done with it');
      if (property === 'close') return () => (state === 'releasing' ? Promise.resolve() : target.close());
      const value = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    pglite: lent,
    async release(close) {
      state = 'releasing';
      await close();
      state = 'released';
      if (pglite.closed) return;
      if (await resetToTemplate(pglite, await templates.get(dump)!)) free.push(pglite);
      else await pglite.close();
    },
  };
}

async function loadNew(dump: Blob): Promise<PGlite> {
  const pglite = await PGliteClass.create({ loadDataDir: dump });
  if (!templates.has(dump)) templates.set(dump, describeTemplate(pglite));
  await templates.get(dump);
  return pglite;
}

async function describeTemplate(pglite: PGlite): Promise<Template> {
  const tables = (
    await pglite.query<{ name: string }>(
      `SELECT format('%I', relname) AS name FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') ORDER BY 1`,
    )
  ).rows.map((row) => row.name);
  const rows: Template['rows'] = [];
  for (const table of tables) {
    const [row] = (await pglite.query<{ json: string | null }>(`SELECT json_agg(t)::text AS json FROM ${table} t`)).rows;
    if (row?.json) rows.push({ table, json: row.json });
  }
  const [sizes] = (
    await pglite.query<{ json: string }>(
      `SELECT json_agg(json_build_object('oid', oid, 'relpages', relpages, 'reltuples', reltuples, 'relallvisible', relallvisible))::text AS json
         FROM pg_class WHERE relnamespace = 'public'::regnamespace`,
    )
  ).rows;
  return { fingerprint: await fingerprint(pglite, tables), tables, rows, sizes: sizes!.json };
}

/** Brings `pglite` back to the template's state; false when it cannot (it is then to be closed). */
async function resetToTemplate(pglite: PGlite, template: Template): Promise<boolean> {
  try {
    await pglite.exec('DISCARD ALL');
    await pglite.transaction(async (tx) => {
      // The template's rows go back as they were: no trigger moves a data version meanwhile.
      await tx.exec("SET LOCAL session_replication_role = 'replica'");
      await tx.exec(`TRUNCATE ${template.tables.join(', ')} RESTART IDENTITY`);
      for (const { table, json } of template.rows) {
        await tx.query(`INSERT INTO ${table} SELECT * FROM json_populate_recordset(NULL::${table}, $1)`, [json]);
      }
      // Seeds and imports end with VACUUM (ANALYZE) (server/db/refresh-statistics.ts): the
      // template has no statistics, and its planner sizes are put back.
      await tx.exec("DELETE FROM pg_statistic WHERE starelid IN (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)");
      await tx.query(
        `UPDATE pg_class c SET relpages = s.relpages, reltuples = s.reltuples, relallvisible = s.relallvisible
           FROM json_to_recordset($1::json) AS s(oid oid, relpages int, reltuples real, relallvisible int) WHERE c.oid = s.oid`,
        [template.sizes],
      );
    });
    return (await fingerprint(pglite, template.tables)) === template.fingerprint;
  } catch {
    return false;
  }
}

/** Everything about the database a test could observe, as one string. */
async function fingerprint(pglite: PGlite, tables: string[]): Promise<string> {
  const contents = tables.map(
    (table) => `SELECT 'rows ${table} ' || coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM ${table} t`,
  );
  const sql = `
    SELECT string_agg(item, E'\\n' ORDER BY item) AS fingerprint FROM (
      SELECT 'class ' || c.oid::regclass || ' ' || c.relkind::text || ' ' || c.relpages || ' ' || c.reltuples || ' ' || c.relallvisible
             || ' ' || coalesce(c.relacl::text, '') || ' ' || coalesce(c.reloptions::text, '') || ' ' || c.relrowsecurity
        FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace
      UNION ALL SELECT 'column ' || a.attrelid::regclass || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) || ' '
             || a.attnotnull || ' ' || a.attisdropped || ' ' || coalesce(pg_get_expr(d.adbin, d.adrelid), '')
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE c.relnamespace = 'public'::regnamespace AND a.attnum > 0
      UNION ALL SELECT 'constraint ' || conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint WHERE connamespace = 'public'::regnamespace
      UNION ALL SELECT 'index ' || pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid IN
        (SELECT oid FROM pg_class WHERE relnamespace = 'public'::regnamespace)
      UNION ALL SELECT 'trigger ' || tgrelid::regclass || ' ' || tgname || ' ' || tgenabled::text || ' ' || pg_get_triggerdef(oid)
        FROM pg_trigger WHERE NOT tgisinternal
      UNION ALL SELECT 'function ' || oid::regprocedure || ' ' || md5(prosrc) FROM pg_proc WHERE pronamespace = 'public'::regnamespace
      UNION ALL SELECT 'type ' || oid::regtype || ' ' || typtype::text FROM pg_type WHERE typnamespace = 'public'::regnamespace
      UNION ALL SELECT 'enum ' || enumtypid::regtype || ' ' || enumlabel || ' ' || enumsortorder FROM pg_enum
      UNION ALL SELECT 'policy ' || polrelid::regclass || ' ' || polname || ' ' || polcmd::text || ' ' || polroles::text || ' '
             || coalesce(pg_get_expr(polqual, polrelid), '') || ' ' || coalesce(pg_get_expr(polwithcheck, polrelid), '')
        FROM pg_policy
      UNION ALL SELECT 'role ' || rolname || ' ' || rolsuper || ' ' || rolinherit || ' ' || rolcanlogin || ' ' || rolbypassrls FROM pg_roles
      UNION ALL SELECT 'member ' || roleid::regrole || ' ' || member::regrole FROM pg_auth_members
      UNION ALL SELECT 'namespace ' || nspname || ' ' || coalesce(nspacl::text, '') FROM pg_namespace
      UNION ALL SELECT 'extension ' || extname || ' ' || extversion FROM pg_extension
      UNION ALL SELECT 'database ' || datname FROM pg_database
      UNION ALL SELECT 'setting ' || name || ' ' || setting FROM pg_settings WHERE source NOT IN ('default', 'override')
      UNION ALL SELECT 'statistics ' || count(*) FROM pg_statistic s JOIN pg_class c ON c.oid = s.starelid
        WHERE c.relnamespace = 'public'::regnamespace
      UNION ALL SELECT 'sequence ' || schemaname || '.' || sequencename || ' ' || coalesce(last_value::text, 'never') FROM pg_sequences
      ${contents.map((query) => `UNION ALL ${query}`).join('\n      ')}
    ) AS items(item)`;
  const [row] = (await pglite.query<{ fingerprint: string }>(sql)).rows;
  return row!.fingerprint;
}
