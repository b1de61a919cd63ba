// `XOrder { field, direction }` inputs, as in GitHub's API: one enum of sortable fields per
// list, translated to a Prisma orderBy that always ends in the unique id.
import { builder } from './builder.js';
import { OrderDirectionEnum } from './types/enums.js';
import { orderWithTieBreaker, type Direction } from './pagination.js';

export function defineOrderInput<const Fields extends Record<string, string>>(
  typeName: string,
  description: string,
  fields: Fields,
  fallback: { field: keyof Fields & string; direction: Direction },
) {
  const values: Record<string, { value: string }> = Object.fromEntries(
    Object.entries(fields).map(([name, column]) => [name, { value: column }]),
  );
  const fieldEnum = builder.enumType(`${typeName}Field` as string, {
    description: `Fields ${description} can be ordered by.`,
    values,
  });
  const input = builder.inputType(typeName, {
    description: `Ordering of ${description}; ties are broken by id. Default: ${fallback.field} ${fallback.direction.toUpperCase()}.`,
    fields: (t) => ({
      field: t.field({ type: fieldEnum, required: true }),
      direction: t.field({ type: OrderDirectionEnum, required: true, defaultValue: 'asc' }),
    }),
  });
  const toOrderBy = (order: { field: string; direction: Direction } | null | undefined) =>
    order ? orderWithTieBreaker(order.field, order.direction) : orderWithTieBreaker(fields[fallback.field]!, fallback.direction);
  return { input, toOrderBy };
}
