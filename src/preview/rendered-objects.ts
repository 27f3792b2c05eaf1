import { isRecord } from "../gate/yaml-nav.js";

/** One object of a render, as the preview compares it. */
export interface PreviewObject {
  /** API group ("" for the core group), kind, namespace, name: what the cluster knows it by. */
  group: string;
  apiVersion: string;
  kind: string;
  namespace?: string;
  /** The name, a kustomize hash suffix replaced by `<hash>`. */
  name: string;
  /** The name as rendered, when it carries a hash suffix. */
  hashedName?: string;
  /** The object with the fields that say nothing about the change (status, server fields) removed. */
  value: Record<string, unknown>;
}

export const HASH_PLACEHOLDER = "<hash>";

/**
 * kustomize's hash suffix on generated ConfigMaps and Secrets: the first ten hex digits of a
 * SHA-256 with 0, 1, 3, a, e spelled g, h, k, m, t (api/hasher's encode), after a dash.
 */
const HASH_SUFFIX = /^(.+)-([2456789bcdfghkmt]{10})$/;

/** Fields the API server writes, which a render should not hold and a reviewer does not want. */
const SERVER_FIELDS = ["generation", "resourceVersion", "uid", "creationTimestamp", "managedFields", "selfLink"];
const NOISE_ANNOTATIONS = ["kubectl.kubernetes.io/last-applied-configuration"];

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash < 0 ? "" : apiVersion.slice(0, slash);
}

/** What pairs an object of the base render with one of the head render. */
export function identityOf(object: Pick<PreviewObject, "group" | "kind" | "namespace" | "name">): string {
  return [object.group, object.kind, object.namespace ?? "", object.name].join("/");
}

/** A render's objects: the hash suffixes normalised, in names and in every reference to them. */
export function previewObjects(rendered: unknown[]): PreviewObject[] {
  const objects = rendered.flatMap(listItems).filter(isObject);
  const hashed = new Map<string, string>();
  for (const object of objects) {
    const name = nameOf(object);
    const match = name && isGenerated(object) ? HASH_SUFFIX.exec(name) : null;
    if (match) hashed.set(name as string, `${match[1]}-${HASH_PLACEHOLDER}`);
  }
  return objects.map((object) => {
    const rendered = nameOf(object) ?? "";
    const value = replaceStrings(withoutNoise(object), hashed) as Record<string, unknown>;
    const apiVersion = String(object.apiVersion ?? "");
    const metadata = isRecord(object.metadata) ? object.metadata : {};
    return {
      group: groupOf(apiVersion),
      apiVersion,
      kind: String(object.kind ?? ""),
      ...(typeof metadata.namespace === "string" && { namespace: metadata.namespace }),
      name: hashed.get(rendered) ?? rendered,
      ...(hashed.has(rendered) && { hashedName: rendered }),
      value,
    };
  });
}

function listItems(value: unknown): unknown[] {
  if (isRecord(value) && typeof value.kind === "string" && value.kind.endsWith("List") && Array.isArray(value.items))
    return value.items.flatMap(listItems);
  return [value];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && typeof value.kind === "string";
}

function nameOf(object: Record<string, unknown>): string | undefined {
  const metadata = object.metadata;
  return isRecord(metadata) && typeof metadata.name === "string" ? metadata.name : undefined;
}

function isGenerated(object: Record<string, unknown>): boolean {
  return groupOf(String(object.apiVersion ?? "")) === "" && (object.kind === "ConfigMap" || object.kind === "Secret");
}

function withoutNoise(object: Record<string, unknown>): Record<string, unknown> {
  const { status: _status, ...rest } = object;
  if (!isRecord(rest.metadata)) return rest;
  const metadata = Object.fromEntries(Object.entries(rest.metadata).filter(([k]) => !SERVER_FIELDS.includes(k)));
  if (isRecord(metadata.annotations)) {
    const annotations = Object.fromEntries(
      Object.entries(metadata.annotations).filter(([k]) => !NOISE_ANNOTATIONS.includes(k)),
    );
    if (Object.keys(annotations).length) metadata.annotations = annotations;
    else delete metadata.annotations;
  }
  return { ...rest, metadata };
}

/** Every string equal to a key of `names` replaced by its value, everywhere in the value. */
function replaceStrings(value: unknown, names: Map<string, string>): unknown {
  if (names.size === 0) return value;
  if (typeof value === "string") return names.get(value) ?? value;
  if (Array.isArray(value)) return value.map((item) => replaceStrings(item, names));
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceStrings(v, names)]));
  return value;
}
