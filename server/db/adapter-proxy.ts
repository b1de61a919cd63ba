// Wraps a driver adapter (or its factory, or a transaction) so that a few of its members are
// replaced and every other one still reaches the original, bound to it. The statement
// observer, the row scope and the migration script runner are all such wrappers.

/** `target` with `overrides` in place of the members they name. */
export function withOverrides<T extends object>(target: T, overrides: { [K in keyof T]?: T[K] }): T {
  return new Proxy(target, {
    get(original, property, receiver) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof T];
      const value = Reflect.get(original, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(original) : value;
    },
  });
}
