import type { FieldPath } from "./object-schema.js";

interface Visit {
  path: FieldPath;
  value: Record<string, unknown>;
  read: Set<string>;
  /** The validator listed the keys itself (a map type): every key is known. */
  enumerated: boolean;
}

/**
 * Wraps a value so that a compiled validator's property reads are recorded. Validators read every
 * property their schema defines, so an own key that was never read is one the schema does not
 * define. Objects whose keys the validator enumerates (maps) or never reads at all (free-form
 * objects: no properties in the schema) have no unknown fields.
 */
export function trackReads<T>(value: T): { tracked: T; unknownFields(): FieldPath[] } {
  const visits: Visit[] = [];
  const wrap = (current: unknown, path: FieldPath): unknown => {
    if (current === null || typeof current !== "object") return current;
    const isList = Array.isArray(current);
    const visit: Visit = { path, value: current as Record<string, unknown>, read: new Set(), enumerated: false };
    if (!isList) visits.push(visit);
    const children = new Map<string, unknown>();
    return new Proxy(current, {
      get(target, key, receiver) {
        if (typeof key !== "string") return Reflect.get(target, key, receiver);
        // Reads of absent keys count: the schema defines them (a required check, say).
        visit.read.add(key);
        if (!Object.hasOwn(target, key)) return Reflect.get(target, key, receiver);
        if (!children.has(key)) {
          children.set(key, wrap((target as Record<string, unknown>)[key], [...path, isList ? Number(key) : key]));
        }
        return children.get(key);
      },
      has(target, key) {
        if (typeof key === "string") visit.read.add(key);
        return Reflect.has(target, key);
      },
      getOwnPropertyDescriptor(target, key) {
        if (typeof key === "string") visit.read.add(key);
        return Reflect.getOwnPropertyDescriptor(target, key);
      },
      ownKeys(target) {
        visit.enumerated = true;
        return Reflect.ownKeys(target);
      },
    });
  };
  const tracked = wrap(value, []) as T;
  return {
    tracked,
    unknownFields: () =>
      visits
        .filter((v) => !v.enumerated && v.read.size > 0)
        .flatMap((v) =>
          Object.keys(v.value)
            .filter((key) => !v.read.has(key))
            .map((key) => [...v.path, key]),
        ),
  };
}
