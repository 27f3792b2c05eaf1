import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from "yaml";
import { InternalError } from "../errors.js";
import { splitReference } from "../kustomize/image-ref.js";
import { type KeyedScalars, nodeAtPath, scalarsAt, type ValuesKey } from "./values-keys.js";
import { parseYamlDocuments, type YamlDocuments } from "./yaml-documents.js";

const parseInner = (file: string, text: string) => parseYamlDocuments(`${file} (helm.values)`, text);

/** Where a file keeps an image, as found in its YAML. */
export type Pin =
  /** `image: name:tag@digest`: a container's image, a values file's `image:` string, a marked scalar. */
  | { kind: "reference"; image: string; node: Scalar<string>; how: string; policy?: string }
  /** A Helm values mapping: `repository` (with `registry`), `tag`, `digest`. */
  | { kind: "values-mapping"; image: string; map: YAMLMap; how: string }
  /** A scalar Flux image automation marks with `# {"$imagepolicy": "ns:policy:tag"}`: one part of an image. */
  | { kind: "marked-part"; part: "name" | "tag" | "digest"; policy: string; image?: string; node: Scalar<string> }
  /** An Argo CD source's `kustomize.images` string, `name=newName:tag@digest` as `kustomize edit set image` reads it. */
  | { kind: "kustomize-image"; image: string; node: Scalar<string>; how: string }
  /** An Argo CD source's `helm.parameters` of one prefix: `<p>.repository`, `<p>.tag`, `<p>.digest`. */
  | { kind: "helm-parameters"; image: string; repository: Scalar; tag?: Scalar; digest?: Scalar; how: string }
  /** A pin inside `helm.values`, a values file held in a block string: edited inside the block. */
  | { kind: "embedded"; image?: string; block: Scalar<string>; inner: YamlDocuments; pin: Pin; indent: number }
  /**
   * The scalars at a chart's own keys (`--key`): a whole image, or its name, tag and digest. With
   * no name among them, the image is the one the run was given (set by setPins).
   */
  | { kind: "keyed"; image?: string; key: ValuesKey; scalars: KeyedScalars; how: string };

/** How to read a file's values, when the user says more than its content does. */
export interface FindOptions {
  /** The chart's own keys: where values are read, only these are pins. */
  keys?: ValuesKey[];
  /** Read every document as Helm values, whatever it holds (a values file with apiVersion and kind keys). */
  asValues?: boolean;
}

/** The pins of a values mapping, at `repository`/`tag` or at the chart's own keys. */
type ValuesReader = (root: YAMLMap, where: string) => Pin[];

const CONTAINER_LISTS = new Set(["containers", "initContainers", "ephemeralContainers"]);
const MARKER = /^[ \t]*#\s*(\{.*\})[ \t]*$/;

/**
 * The pins of a file, by what it holds: Flux setter markers when it has any (only the marked
 * scalars, as Flux updates them); else, for Kubernetes objects, container images (any workload's
 * pod template, CronJobs included) and a Flux HelmRelease's `spec.values`; a file of no objects
 * is a Helm values file.
 */
export function findPins(source: YamlDocuments, options: FindOptions = {}): Pin[] {
  const keys = options.keys ?? [];
  const values: ValuesReader = keys.length ? (root, where) => keyedPins(root, keys, where) : valuesPins;
  const marked = options.asValues ? [] : markedPins(source);
  if (marked.length) return withMarkedNames(marked);
  return source.docs.flatMap((doc) => {
    const root = doc.contents;
    if (!isMap(root)) return [];
    const kind = stringAt(root, "kind");
    if (options.asValues || kind === undefined || stringAt(root, "apiVersion") === undefined)
      return values(root, "values");
    if (kind === "HelmRelease") {
      const spec = valueAt(valueAt(root, "spec"), "values");
      return isMap(spec) ? values(spec, "HelmRelease spec.values") : [];
    }
    if (
      (kind === "Application" || kind === "ApplicationSet") &&
      stringAt(root, "apiVersion")?.startsWith("argoproj.io/")
    )
      return argoPins(source, root, kind, values, keys);
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
  return {
    kind: "reference",
    image: splitReference(node.value).name,
    node,
    how: `marked ${marker}`,
    policy: parts.slice(0, 2).join(":"),
  };
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

/**
 * An Argo CD Application's (or ApplicationSet template's) sources: `kustomize.images`,
 * `helm.parameters`, `helm.valuesObject` (a values mapping) and `helm.values` (a values file in a
 * block string).
 */
function argoPins(source: YamlDocuments, root: YAMLMap, kind: string, values: ValuesReader, keys: ValuesKey[]): Pin[] {
  const spec =
    kind === "Application" ? valueAt(root, "spec") : valueAt(valueAt(valueAt(root, "spec"), "template"), "spec");
  const list = valueAt(spec, "sources");
  const sources = [valueAt(spec, "source"), ...(isSeq(list) ? list.items : [])].filter(isMap);
  return sources.flatMap((entry, i) => {
    const where = `${kind} ${stringAt(valueAt(root, "metadata"), "name") ?? ""} source ${i}`;
    const kustomize = valueAt(valueAt(entry, "kustomize"), "images");
    const helm = valueAt(entry, "helm");
    const valuesObject = valueAt(helm, "valuesObject");
    const block = valueAt(helm, "values");
    const parameters = valueAt(helm, "parameters");
    return [
      ...(isSeq(kustomize) ? kustomize.items : []).flatMap((item): Pin[] =>
        isScalar(item) && typeof item.value === "string"
          ? [
              {
                kind: "kustomize-image",
                image: kustomizeImageName(item.value),
                node: item as Scalar<string>,
                how: where,
              },
            ]
          : [],
      ),
      ...(keys.length ? keyedParameterPins(parameters, keys, where) : parameterPins(parameters, where)),
      ...(isMap(valuesObject) ? values(valuesObject, `${where} helm.valuesObject`) : []),
      ...(isScalar(block) && typeof block.value === "string"
        ? embeddedPins(source, block as Scalar<string>, values)
        : []),
    ];
  });
}

/** The image a `kustomize edit set image` string is for: the name before `=`, else its own name. */
export function kustomizeImageName(value: string): string {
  const eq = value.indexOf("=");
  return eq >= 0 ? value.slice(0, eq) : splitReference(value).name;
}

/** `{name: image.repository, value: …}` with its `image.tag` and `image.digest` siblings. */
function parameterPins(list: unknown, where: string): Pin[] {
  if (!isSeq(list)) return [];
  const byName = new Map<string, Scalar>();
  for (const item of list.items) {
    const name = stringAt(item, "name");
    const value = valueAt(item, "value");
    if (name !== undefined && isScalar(value)) byName.set(name, value);
  }
  return [...byName].flatMap(([name, repository]): Pin[] => {
    if (!name.endsWith("repository") || typeof repository.value !== "string") return [];
    const prefix = name.slice(0, -"repository".length);
    const registry = byName.get(`${prefix}registry`);
    const image =
      typeof registry?.value === "string" && registry.value
        ? `${registry.value}/${repository.value}`
        : repository.value;
    return [
      {
        kind: "helm-parameters",
        image,
        repository,
        tag: byName.get(`${prefix}tag`),
        digest: byName.get(`${prefix}digest`),
        how: `${where} helm.parameters ${prefix}*`,
      },
    ];
  });
}

/**
 * Pins inside `helm.values`: a literal block (`|`) holds a values file, indented; a quoted or
 * folded string is not edited (its bytes are not the values file's).
 */
function embeddedPins(source: YamlDocuments, block: Scalar<string>, values: ValuesReader): Pin[] {
  if (block.type !== "BLOCK_LITERAL") return [];
  const [start, end] = rangeOf(block);
  const body = source.text.slice(source.text.indexOf("\n", start) + 1, end);
  const indent = /^( *)\S/m.exec(body)?.[1]?.length ?? 0;
  let inner: YamlDocuments;
  try {
    inner = parseInner(source.file, block.value);
  } catch {
    return [];
  }
  const root = inner.docs[0]?.contents;
  return (isMap(root) ? values(root, "helm.values") : []).map((pin) => ({
    kind: "embedded" as const,
    image: pin.image,
    block,
    inner,
    pin,
    indent,
  }));
}

/** The chart's own keys in a values mapping: one pin per key that finds any of its scalars. */
function keyedPins(root: YAMLMap, keys: ValuesKey[], where: string): Pin[] {
  return keys.flatMap((key) =>
    keyedPin(
      key,
      scalarsAt((path) => nodeAtPath(root, path), key),
      where,
    ),
  );
}

/** The chart's own keys among Argo CD's `helm.parameters`, whose names are the same paths. */
function keyedParameterPins(list: unknown, keys: ValuesKey[], where: string): Pin[] {
  if (!isSeq(list)) return [];
  const byName = new Map<string, Node>();
  for (const item of list.items) {
    const name = stringAt(item, "name");
    const value = valueAt(item, "value");
    if (name !== undefined && value) byName.set(name, value);
  }
  return keys.flatMap((key) =>
    keyedPin(
      key,
      scalarsAt((path) => byName.get(path.text), key),
      `${where} helm.parameters`,
    ),
  );
}

function keyedPin(key: ValuesKey, scalars: KeyedScalars | undefined, where: string): Pin[] {
  if (!scalars) return [];
  const name = scalars.image ?? scalars.name;
  const image =
    name && typeof name.value === "string" ? (scalars.image ? splitReference(name.value).name : name.value) : undefined;
  return [{ kind: "keyed", ...(image !== undefined && { image }), key, scalars, how: `${where} ${key.raw}` }];
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

/** Where a pin starts in its file: for messages and edit reports. */
export function pinOffset(pin: Pin): number {
  if (pin.kind === "values-mapping") return rangeOf(pin.map)[0];
  if (pin.kind === "helm-parameters") return rangeOf(pin.repository)[0];
  if (pin.kind === "embedded") return rangeOf(pin.block)[0];
  if (pin.kind === "keyed") {
    const { image, name, tag, digest } = pin.scalars;
    return rangeOf((image ?? name ?? tag ?? digest) as Node)[0];
  }
  return rangeOf(pin.node)[0];
}
