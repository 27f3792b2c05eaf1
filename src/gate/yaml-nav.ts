import { type Document, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from "yaml";
import type { FieldPath } from "./schema/object-schema.js";
import type { SourceFile } from "./source-files.js";

/** A Kubernetes-style object found in a file: a document, or an item of a `kind: List`. */
export interface SourceObject {
  map: YAMLMap;
  kind?: string;
  apiVersion?: string;
  /** The document it is in: what its aliases resolve against. */
  doc: Document.Parsed;
}

export function pairOf(node: unknown, key: string): Pair | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

export function valueOf(node: unknown, ...keys: string[]): Node | undefined {
  let current: unknown = node;
  for (const key of keys) current = pairOf(current, key)?.value;
  return (current ?? undefined) as Node | undefined;
}

export function stringOf(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === "string" ? node.value : undefined;
}

/** An object found in a file's plain values (see objectsOf), with no positions. */
export interface PlainObject {
  value: Record<string, unknown>;
  kind?: string;
  apiVersion?: string;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

const plainObjects = new WeakMap<SourceFile, PlainObject[]>();

/** Every object in the file's plain values, List items included: the same objects objectsOf finds. */
export function plainObjectsOf(source: SourceFile): PlainObject[] {
  const known = plainObjects.get(source);
  if (known) return known;
  const out: PlainObject[] = [];
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const visit = (value: unknown) => {
    if (!isRecord(value)) return;
    const kind = text(value.kind);
    out.push({ value, kind, apiVersion: text(value.apiVersion) });
    if (kind?.endsWith("List") && Array.isArray(value.items)) for (const item of value.items) visit(item);
  };
  for (const value of source.values) visit(value);
  plainObjects.set(source, out);
  return out;
}

/**
 * Every object in the file, List items included; with kinds, only objects of those kinds, and a
 * file holding none is never parsed with positions.
 */
export function objectsOf(source: SourceFile, ...kinds: string[]): SourceObject[] {
  if (kinds.length > 0 && !plainObjectsOf(source).some((o) => o.kind !== undefined && kinds.includes(o.kind)))
    return [];
  const out: SourceObject[] = [];
  const visit = (node: unknown, doc: Document.Parsed) => {
    if (!isMap(node)) return;
    const kind = stringOf(valueOf(node, "kind"));
    if (kinds.length === 0 || (kind !== undefined && kinds.includes(kind)))
      out.push({ map: node, kind, apiVersion: stringOf(valueOf(node, "apiVersion")), doc });
    const items = valueOf(node, "items");
    if (kind?.endsWith("List") && isSeq(items)) for (const item of items.items) visit(item, doc);
  };
  for (const doc of source.docs) visit(doc.contents, doc);
  return out;
}

/** Non-empty mapping or list. */
export function hasEntries(node: unknown): boolean {
  return (isMap(node) || isSeq(node)) && node.items.length > 0;
}

/** Where a field path leads in a YAML tree: as deep as it exists, with the key of the last step. */
export interface Located {
  node: Node;
  key?: Node;
  /** The whole path exists. */
  complete: boolean;
}

/**
 * `like` is the object the path was found in (a rendered object): list items that carry a
 * `name` there are found by that name, as strategic merge patches match them, not by index.
 */
export function locate(root: Node, path: FieldPath, like?: unknown): Located {
  let found: Located = { node: root, complete: path.length === 0 };
  let likeAt: unknown = like;
  for (const [i, segment] of path.entries()) {
    const current: unknown = found.node;
    likeAt =
      likeAt !== null && typeof likeAt === "object" ? (likeAt as Record<string | number, unknown>)[segment] : undefined;
    const likeName = (likeAt as { name?: unknown } | undefined)?.name;
    let next: { node: Node; key?: Node } | undefined;
    if (typeof segment === "number" && isSeq(current)) {
      const item = (
        typeof likeName === "string"
          ? current.items.find((it) => stringOf(valueOf(it, "name")) === likeName)
          : current.items[segment]
      ) as Node | undefined;
      if (item) next = { node: item };
    } else if (typeof segment === "string") {
      const pair = pairOf(current, segment);
      if (pair) next = { node: (pair.value ?? pair.key) as Node, key: pair.key as Node };
    }
    if (!next) return found;
    found = { ...next, complete: i === path.length - 1 };
  }
  return found;
}
