import { UsageError } from "./errors.js";

/** An option that must be one of a few words; `name` is how the user wrote it (--mode, mode). */
export function oneOf<T extends string>(name: string, value: string, allowed: readonly T[]): T {
  if (!allowed.includes(value as T))
    throw new UsageError(`${name} must be one of ${allowed.join(", ")}, not "${value}"`);
  return value as T;
}

/** `KEY=VALUE` items (labels, build args, `image=url`) as a record; the value may hold `=`. */
export function parsePairs(name: string, items: string[], form = "KEY=VALUE"): Record<string, string> {
  return Object.fromEntries(
    items.map((item) => {
      const eq = item.indexOf("=");
      if (eq <= 0) throw new UsageError(`${name} takes ${form}, not "${item}"`);
      return [item.slice(0, eq), item.slice(eq + 1)];
    }),
  );
}
