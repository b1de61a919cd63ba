// SQL text that goes into a statement verbatim (Prisma.raw): column expressions, table lists,
// aliases. Values always travel as bind parameters; these fragments are for the parts a
// parameter cannot be, and they must come from the program, never from a request. The types
// keep it so: a fragment parameter takes a string literal written in the code, or an
// SqlFragment made from literals; a value of type `string` (computed, or read from input) is
// refused at compile time.
import { Prisma } from '../generated/prisma/client.js';

declare const brand: unique symbol;
export type SqlFragment = string & { readonly [brand]: 'SqlFragment' };

/** The literal type itself; `never` for the general `string`. */
export type SqlLiteral<T extends string> = string extends T ? never : T;

/** What a fragment parameter accepts: a literal (inferred as T) or a fragment. */
export type SqlText<T extends string> = SqlFragment | SqlLiteral<T>;

/**
 * A column of a KPI statement by its table alias, as written in code ('t.created_at'). A
 * template-literal type: a value of type `string` does not fit it without a deliberate cast.
 */
export type SqlColumn = `${'t' | 'i' | 's' | 'cu' | 'c' | 'a' | 'b'}.${string}`;

/** Brands a literal (or passes a fragment through). */
export function sqlFragment<T extends string>(text: SqlText<T>): SqlFragment {
  return text as SqlFragment;
}

/** Brands every value of a table of literals, e.g. the columns of a fact table. */
export function sqlFragments<const T extends Record<string, string>>(
  table: { [K in keyof T]: SqlLiteral<T[K]> },
): {
  [K in keyof T]: SqlFragment;
} {
  return table as unknown as { [K in keyof T]: SqlFragment };
}

/**
 * A fragment composed in code: sqlText`${alias}_count`. The template's text is written in the
 * program; what it interpolates must itself be a fragment (or a literal, or a number).
 */
export function sqlText(strings: TemplateStringsArray, ...parts: ReadonlyArray<SqlFragment | number>): SqlFragment {
  return strings.reduce((text, part, i) => text + part + (i < parts.length ? String(parts[i]) : ''), '') as SqlFragment;
}

/** The only way a fragment enters a statement. */
export function rawSql<T extends string>(text: SqlText<T>): Prisma.Sql {
  return Prisma.raw(text);
}
