import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from "yaml";
import type { SourceFile } from "./source-files.js";

/** A Kubernetes-style object found in a file: a document, or an item of a `kind: List`. */
export interface SourceObject {
  map: YAMLMap;
  kind?: string;
  apiVersion?: string;
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

/** Every object in the file, List items included. */
export function objectsOf(source: SourceFile): SourceObject[] {
  const out: SourceObject[] = [];
  const visit = (node: unknown) => {
    if (!isMap(node)) return;
    const kind = stringOf(valueOf(node, "kind"));
    out.push({ map: node, kind, apiVersion: stringOf(valueOf(node, "apiVersion")) });
    const items = valueOf(node, "items");
    if (kind?.endsWith("List") && isSeq(items)) for (const item of items.items) visit(item);
  };
  for (const doc of source.docs) visit(doc.contents);
  return out;
}

/** Non-empty mapping or list. */
export function hasEntries(node: unknown): boolean {
  return (isMap(node) || isSeq(node)) && node.items.length > 0;
}
