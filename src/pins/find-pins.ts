import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from "yaml";
import { InternalError } from "../errors.js";
import { splitReference } from "../kustomize/image-ref.js";
import type { YamlDocuments } from "./yaml-documents.js";

/** Where a file keeps an image, as found in its YAML. */
export type Pin =
  /** `image: name:tag@digest`: a container's image, a values file's `image:` string, a marked scalar. */
  | { kind: "reference"; image: string; node: Scalar<string>; how: string }
  /** A Helm values mapping: `repository` (with `registry`), `tag`, `digest`. */
  | { kind: "values-mapping"; image: string; map: YAMLMap; how: string }
  /** A scalar Flux image automation marks with `# {"$imagepolicy": "ns:policy:tag"}`: one part of an image. */
  | { kind: "marked-part"; part: "name" | "tag" | "digest"; policy: string; image?: string; node: Scalar<string> };

const CONTAINER_LISTS = new Set(["containers", "initContainers", "ephemeralContainers"]);
const MARKER = /^[ \t]*#\s*(\{.*\})[ \t]*$/;

/**
 * The pins of a file, by what it holds: Flux setter markers when it has any (only the marked
 * scalars, as Flux updates them); else, for Kubernetes objects, container images (any workload's
 * pod template, CronJobs included) and a Flux HelmRelease's `spec.values`; a file of no objects
 * is a Helm values file.
 */
export function findPins(source: YamlDocuments): Pin[] {
  const marked = markedPins(source);
  if (marked.length) return withMarkedNames(marked);
  return source.docs.flatMap((doc) => {
    const root = doc.contents;
    if (!isMap(root)) return [];
    const kind = stringAt(root, "kind");
    if (kind === undefined || stringAt(root, "apiVersion") === undefined) return valuesPins(root, "values");
    if (kind === "HelmRelease") {
      const values = valueAt(valueAt(root, "spec"), "values");
      return isMap(values) ? valuesPins(values, "HelmRelease spec.values") : [];
    }
    return containerPins(root, kind);
  });
}

function markedPins(source: YamlDocuments): Pin[] {
  const pins: Pin[] = [];
  const visit = (node: unknown) => {
    if (isMap(node)) for (const pair of node.items) visit(pair.value);
    else if (isSeq(node)) for (const item of node.items) visit(item);
    else if (isScalar(node) && typeof node.value === "string") {
      const marker = markerAfter(source.text, node);
      if (marker) pins.push(markerPin(node as Scalar<string>, marker));
    }
  };
  for (const doc of source.docs) visit(doc.contents);
  return pins;
}

/** The `$imagepolicy` of a trailing comment on the scalar's line, as Flux's setters read it. */
function markerAfter(text: string, node: Scalar): string | undefined {
  const end = rangeOf(node)[1];
  const lineEnd = text.indexOf("\n", end);
  const rest = text.slice(end, lineEnd < 0 ? text.length : lineEnd).replace(/\r$/, "");
  const json = MARKER.exec(rest)?.[1];
  if (!json) return undefined;
  try {
    const policy = (JSON.parse(json) as Record<string, unknown>).$imagepolicy;
    return typeof policy === "string" ? policy : undefined;
  } catch {
    return undefined;
  }
}

function markerPin(node: Scalar<string>, marker: string): Pin {
  const parts = marker.split(":");
  const last = parts[parts.length - 1];
  if (parts.length === 3 && (last === "tag" || last === "name" || last === "digest"))
    return { kind: "marked-part", part: last, policy: parts.slice(0, 2).join(":"), node };
  return { kind: "reference", image: splitReference(node.value).name, node, how: `marked ${marker}` };
}

/** A `:tag` or `:digest` scalar belongs to the image its policy's `:name` scalar holds. */
function withMarkedNames(pins: Pin[]): Pin[] {
  const names = new Map<string, string>();
  for (const pin of pins) if (pin.kind === "marked-part" && pin.part === "name") names.set(pin.policy, pin.node.value);
  return pins.map((pin) =>
    pin.kind === "marked-part" && pin.part !== "name" && names.has(pin.policy)
      ? { ...pin, image: names.get(pin.policy) }
      : pin.kind === "marked-part" && pin.part === "name"
        ? { ...pin, image: pin.node.value }
        : pin,
  );
}

/** Container images in any pod template of an object: `containers[].image`, `initContainers[].image`. */
function containerPins(root: YAMLMap, kind: string): Pin[] {
  const pins: Pin[] = [];
  const name = stringAt(valueAt(root, "metadata"), "name") ?? "";
  const visit = (node: unknown) => {
    if (isSeq(node)) for (const item of node.items) visit(item);
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = keyOf(pair);
      if (key && CONTAINER_LISTS.has(key) && isSeq(pair.value))
        for (const container of pair.value.items) {
          const image = isMap(container) ? valueAt(container, "image") : undefined;
          if (isScalar(image) && typeof image.value === "string")
            pins.push({
              kind: "reference",
              image: splitReference(image.value).name,
              node: image as Scalar<string>,
              how: `${kind} ${name} ${key.replace(/s$/, "")} ${stringAt(container as YAMLMap, "name") ?? ""}`.trim(),
            });
        }
      visit(pair.value);
    }
  };
  visit(root);
  return pins;
}

/** Helm values: mappings with a `repository` (and `registry`), and `image:` strings. */
function valuesPins(root: YAMLMap, where: string): Pin[] {
  const pins: Pin[] = [];
  const visit = (node: unknown, at: string) => {
    if (isSeq(node)) node.items.forEach((item, i) => visit(item, `${at}[${i}]`));
    if (!isMap(node)) return;
    const repository = stringAt(node, "repository");
    if (repository !== undefined) {
      const registry = stringAt(node, "registry");
      const image = registry ? `${registry}/${repository}` : repository;
      pins.push({ kind: "values-mapping", image, map: node, how: `${where} ${at || "."}` });
    }
    for (const pair of node.items) {
      const key = keyOf(pair);
      const child = `${at ? `${at}.` : ""}${key ?? "?"}`;
      if (
        key === "image" &&
        isScalar(pair.value) &&
        typeof pair.value.value === "string" &&
        looksLikeImage(pair.value.value)
      )
        pins.push({
          kind: "reference",
          image: splitReference(pair.value.value).name,
          node: pair.value as Scalar<string>,
          how: `${where} ${child}`,
        });
      else visit(pair.value, child);
    }
  };
  visit(root, "");
  return pins;
}

function looksLikeImage(value: string): boolean {
  return value !== "" && !/\s/.test(value) && !value.includes("{{");
}

export function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) && typeof pair.key.value === "string" ? pair.key.value : undefined;
}

export function valueAt(node: unknown, key: string): Node | undefined {
  if (!isMap(node)) return undefined;
  return (node.items.find((p) => keyOf(p) === key)?.value ?? undefined) as Node | undefined;
}

export function stringAt(node: unknown, key: string): string | undefined {
  const value = valueAt(node, key);
  return isScalar(value) && typeof value.value === "string" ? value.value : undefined;
}

/** Every node of a parsed document has a range; this says so to the type checker. */
export function rangeOf(node: Node): [number, number, number] {
  if (!node.range) throw new InternalError("YAML node without a source range");
  return node.range;
}
