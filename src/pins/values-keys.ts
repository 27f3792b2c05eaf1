import { isMap, isScalar, isSeq, type Node, type Scalar } from "yaml";
import { UsageError } from "../errors.js";

/** Which part of an image a values key holds. */
export type KeyPart = "image" | "name" | "tag" | "digest";

/**
 * Where a chart reads one image in its values, for charts that do not use `repository`/`tag`
 * (`--key name=api.imageName,tag=api.imageVersion`): each part a path in Helm's `--set` notation,
 * which Argo CD's `helm.parameters` names use too.
 */
export interface ValuesKey {
  /** As given: what messages name. */
  raw: string;
  parts: Partial<Record<KeyPart, KeyPath>>;
}

/** A path into values: `a.b[0].c`, with `\.` for a dot inside a key. */
export interface KeyPath {
  /** As written, which is also the name of the matching Argo CD helm parameter. */
  text: string;
  segments: (string | number)[];
}

const PARTS: readonly KeyPart[] = ["image", "name", "tag", "digest"];

/** `[name=a.b,]tag=a.c[,digest=a.d]` or `image=a.b`; a wrong one is a usage error. */
export function parseValuesKey(raw: string): ValuesKey {
  const parts: ValuesKey["parts"] = {};
  for (const item of raw.split(",")) {
    const eq = item.indexOf("=");
    const part = item.slice(0, eq).trim() as KeyPart;
    if (eq < 0 || !PARTS.includes(part))
      throw new UsageError(
        `--key ${raw}: each part is image=, name=, tag= or digest= and a values path (name=api.imageName,tag=api.imageVersion)`,
      );
    if (parts[part]) throw new UsageError(`--key ${raw}: ${part}= is given twice`);
    parts[part] = parseKeyPath(raw, item.slice(eq + 1).trim());
  }
  if (parts.image && (parts.name || parts.tag || parts.digest))
    throw new UsageError(`--key ${raw}: image= holds the whole reference; name=, tag= and digest= go without it`);
  if (!parts.image && !parts.tag && !parts.digest)
    throw new UsageError(`--key ${raw}: give where the tag (tag=), digest (digest=) or whole image (image=) is`);
  return { raw, parts };
}

function parseKeyPath(raw: string, text: string): KeyPath {
  const segments: (string | number)[] = [];
  let key = "";
  let inKey = false;
  const bad = () => new UsageError(`--key ${raw}: "${text}" is not a values path like image.tag or sidecars[0].image`);
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "\\" && text[i + 1] === ".") {
      key += ".";
      inKey = true;
      i++;
    } else if (c === ".") {
      if (!inKey) throw bad();
      segments.push(key);
      key = "";
      inKey = false;
    } else if (c === "[") {
      const close = text.indexOf("]", i);
      const index = text.slice(i + 1, close);
      if (close < 0 || !/^\d+$/.test(index)) throw bad();
      if (inKey) segments.push(key);
      segments.push(Number(index));
      key = "";
      inKey = false;
      i = close;
      if (text[i + 1] === ".") i++;
    } else {
      key += c;
      inKey = true;
    }
  }
  if (inKey) segments.push(key);
  if (segments.length === 0 || segments.some((s) => s === "")) throw bad();
  return { text, segments };
}

/** The node at a path, if every step exists. */
export function nodeAtPath(root: unknown, path: KeyPath): Node | undefined {
  let node = root as Node | undefined;
  for (const segment of path.segments) {
    if (typeof segment === "number") node = isSeq(node) ? (node.items[segment] as Node | undefined) : undefined;
    else
      node = isMap(node)
        ? ((node.items.find((p) => isScalar(p.key) && p.key.value === segment)?.value ?? undefined) as Node | undefined)
        : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** The scalars one key names in a values mapping (or in `helm.parameters`, by name). */
export type KeyedScalars = Partial<Record<KeyPart, Scalar>>;

/** What a key finds: the scalars present, and the parts it names that the values lack. */
export function scalarsAt(find: (path: KeyPath) => Node | undefined, key: ValuesKey): KeyedScalars | undefined {
  const found: KeyedScalars = {};
  for (const part of PARTS) {
    const path = key.parts[part];
    if (!path) continue;
    const node = find(path);
    if (isScalar(node)) found[part] = node;
  }
  return Object.keys(found).length ? found : undefined;
}
