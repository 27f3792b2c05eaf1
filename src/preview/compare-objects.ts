import { isDeepStrictEqual } from "node:util";
import { identityOf, type PreviewObject } from "./rendered-objects.js";

export type ChangeKind = "added" | "removed" | "modified" | "renamed";

/** One object that differs between the base render and the head render of a root. */
export interface ObjectPair {
  change: ChangeKind;
  base?: PreviewObject;
  head?: PreviewObject;
}

/**
 * The objects that differ: paired by API group, kind, namespace and name; an object gone from
 * the base and one new in the head with the same content under another name are one `renamed`
 * object (a namePrefix change), also when their only other difference is a reference to another
 * renamed object (a Deployment's ConfigMap). Unchanged objects are left out.
 */
export function compareObjects(base: PreviewObject[], head: PreviewObject[]): ObjectPair[] {
  const baseBy = new Map(base.map((o) => [identityOf(o), o]));
  const headBy = new Map(head.map((o) => [identityOf(o), o]));
  const pairs: ObjectPair[] = [];
  for (const [key, h] of headBy) {
    const b = baseBy.get(key);
    if (b && !isDeepStrictEqual(b.value, h.value)) pairs.push({ change: "modified", base: b, head: h });
  }
  let removed = [...baseBy].filter(([key]) => !headBy.has(key)).map(([, o]) => o);
  let added = [...headBy].filter(([key]) => !baseBy.has(key)).map(([, o]) => o);
  const renames = new Map<string, string>();
  for (;;) {
    const found = matchRenames(removed, added, renames);
    if (found.length === 0) break;
    for (const pair of found) {
      pairs.push(pair);
      const b = pair.base as PreviewObject;
      const h = pair.head as PreviewObject;
      renames.set(b.name, h.name);
    }
    removed = removed.filter((o) => !found.some((p) => p.base === o));
    added = added.filter((o) => !found.some((p) => p.head === o));
  }
  pairs.push(...removed.map((o) => ({ change: "removed" as const, base: o })));
  pairs.push(...added.map((o) => ({ change: "added" as const, head: o })));
  return pairs.sort((a, b) => order(a).localeCompare(order(b)));
}

/**
 * Removed and added objects of one kind whose content, names aside, is the same, a string where
 * they differ being a reference to an object already found renamed (`api-config` → `v2-api-config`).
 */
function matchRenames(removed: PreviewObject[], added: PreviewObject[], renames: Map<string, string>): ObjectPair[] {
  const pairs: ObjectPair[] = [];
  const taken = new Set<PreviewObject>();
  for (const b of removed) {
    const h = added.find(
      (a) =>
        !taken.has(a) &&
        a.group === b.group &&
        a.kind === b.kind &&
        sameModuloRenames(withoutIdentity(b.value), withoutIdentity(a.value), renames),
    );
    if (!h) continue;
    taken.add(h);
    pairs.push({ change: "renamed", base: b, head: h });
  }
  return pairs;
}

function withoutIdentity(value: Record<string, unknown>): Record<string, unknown> {
  const { name: _name, namespace: _namespace, ...metadata } = (value.metadata ?? {}) as Record<string, unknown>;
  return { ...value, metadata };
}

function sameModuloRenames(base: unknown, head: unknown, renames: Map<string, string>): boolean {
  if (typeof base === "string") return base === head || renames.get(base) === head;
  if (Array.isArray(base))
    return (
      Array.isArray(head) && base.length === head.length && base.every((b, i) => sameModuloRenames(b, head[i], renames))
    );
  if (base !== null && typeof base === "object") {
    if (head === null || typeof head !== "object" || Array.isArray(head)) return false;
    const b = base as Record<string, unknown>;
    const h = head as Record<string, unknown>;
    const keys = Object.keys(b);
    return keys.length === Object.keys(h).length && keys.every((k) => k in h && sameModuloRenames(b[k], h[k], renames));
  }
  return isDeepStrictEqual(base, head);
}

function order(pair: ObjectPair): string {
  const o = (pair.head ?? pair.base) as PreviewObject;
  return [o.namespace ?? "", o.kind, o.name].join("\0");
}
