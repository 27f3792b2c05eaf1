import { isDeepStrictEqual } from "node:util";
import { identityOf, type PreviewObject, replaceStrings } from "./rendered-objects.js";

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
      renames.set(b.hashedName ?? b.name, h.hashedName ?? h.name);
    }
    removed = removed.filter((o) => !found.some((p) => p.base === o));
    added = added.filter((o) => !found.some((p) => p.head === o));
  }
  pairs.push(...removed.map((o) => ({ change: "removed" as const, base: o })));
  pairs.push(...added.map((o) => ({ change: "added" as const, head: o })));
  return pairs.sort((a, b) => order(a).localeCompare(order(b)));
}

/** Removed and added objects of one kind whose content, names aside (and renames applied), is the same. */
function matchRenames(removed: PreviewObject[], added: PreviewObject[], renames: Map<string, string>): ObjectPair[] {
  const byContent = new Map<string, PreviewObject[]>();
  for (const h of added) {
    const key = contentKey(h, h.value);
    byContent.set(key, [...(byContent.get(key) ?? []), h]);
  }
  const pairs: ObjectPair[] = [];
  for (const b of removed) {
    const key = contentKey(b, replaceStrings(b.value, renames) as Record<string, unknown>);
    const candidates = byContent.get(key);
    const h = candidates?.shift();
    if (h) pairs.push({ change: "renamed", base: b, head: h });
  }
  return pairs;
}

function contentKey(object: PreviewObject, value: Record<string, unknown>): string {
  const { metadata, ...rest } = value;
  const { name: _name, namespace: _namespace, ...meta } = (metadata ?? {}) as Record<string, unknown>;
  return `${object.group}/${object.kind}\n${JSON.stringify(sorted({ ...rest, metadata: meta }))}`;
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
    );
  return value;
}

function order(pair: ObjectPair): string {
  const o = (pair.head ?? pair.base) as PreviewObject;
  return [o.namespace ?? "", o.kind, o.name].join("\0");
}
