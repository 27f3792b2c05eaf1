import { isAlias, isScalar, type Node, type Pair, type Scalar, visit, type YAMLMap } from "yaml";
import { InputFileError, InternalError } from "../errors.js";
import type { ImageEdit, ImageFields } from "../kustomize/image-changes.js";
import { type ImageSpec, normalizeImageName } from "../kustomize/image-ref.js";
import { applySplices, columnOf, type Splice } from "../kustomize/yaml-source.js";
import { formatScalar, type ScalarStyle } from "../kustomize/yaml-scalar.js";
import { type FindOptions, findPins, keyOf, type Pin, pinOffset, rangeOf, valueAt } from "./find-pins.js";
import { outerSplice } from "./embedded-values.js";
import {
  fieldsOfReference,
  kustomizeImageTarget,
  retargetKustomizeImage,
  retargetReference,
  specFor,
} from "./image-string.js";
import { parseValuesKey } from "./values-keys.js";
import { errorIn, parseYamlDocuments, type YamlDocuments } from "./yaml-documents.js";

/**
 * Applies image specs to a file that pins images outside a kustomization (plain manifests, Helm
 * values, a HelmRelease's values, Flux setter markers), changing only the scalars that hold the
 * images. Every spec must match a pin; nothing changes when one does not.
 */
export function setPins(
  file: string,
  text: string,
  specs: ImageSpec[],
  options: PinOptions = {},
): { text: string; edits: ImageEdit[] } {
  const source = parseYamlDocuments(file, text);
  const pins = pinsFor(source, specs, options);
  if (pins.length === 0)
    throw new InputFileError(
      { file, line: 1, column: 1 },
      "pins no image: no container image, Helm values repository or image, or Flux $imagepolicy marker",
    );
  const splices: Splice[] = [];
  const edits: ImageEdit[] = [];
  for (const spec of specs) {
    const matched = pins.filter((p) => pinImage(p) !== undefined && sameImage(pinImage(p) as string, spec.name));
    if (matched.length === 0) throw noMatch(source, spec, pins);
    for (const pin of matched) {
      const made = editPin(source, pin, spec);
      // a marked name is reported only when the spec renames: the tag beside it is the edit
      if (pin.kind === "marked-part" && pin.part === "name" && spec.newName === undefined) continue;
      splices.push(...made);
      const before = pinFields(pin);
      edits.push({
        spec: spec.raw,
        name: pinImage(pin) as string,
        action: made.length ? "updated" : "unchanged",
        before,
        after: expectedAfter(pin, before, spec),
        line: source.lines.linePos(pinOffset(pin)).line,
      });
    }
  }
  const edited = applySplices(text, splices);
  if (edited !== text) verify(file, edited, specs, options);
  return { text: edited, edits };
}

/** The pins the specs may match: the named policies' markers only, a nameless pin the one image given. */
function pinsFor(source: YamlDocuments, specs: ImageSpec[], options: PinOptions): Pin[] {
  const only = specs.length === 1 ? specs[0]?.name : undefined;
  const nameless = (pin: Pin) =>
    pin.image === undefined && (pin.kind === "keyed" || (pin.kind === "embedded" && pin.pin.kind === "keyed"));
  return selectedPolicies(findPins(source, options), options.policies ?? [], specs).map((pin) =>
    nameless(pin) && only ? { ...pin, image: only } : pin,
  );
}

/** What a pin holds once a spec is applied, as kustomize's images fields name it. */
function expectedAfter(pin: Pin, before: ImageFields, spec: ImageSpec): ImageFields {
  const name = spec.newName === undefined ? {} : { newName: spec.newName };
  if (pin.kind === "reference") return { ...name, ...fieldsOfReference(retargetReference(pin.node.value, spec)) };
  if (pin.kind === "kustomize-image")
    return { ...name, ...fieldsOfReference(kustomizeImageTarget(retargetKustomizeImage(pin.node.value, spec))) };
  if (pin.kind === "embedded") return expectedAfter(pin.pin, before, spec);
  if (pin.kind === "keyed" && pin.scalars.image)
    return { ...name, ...fieldsOfReference(retargetReference(String(pin.scalars.image.value), spec)) };
  if (pin.kind === "marked-part") {
    if (pin.part === "name") return name;
    const value = pin.part === "tag" ? (spec.tag ?? before.newTag) : (spec.digest ?? before.digest);
    return value === undefined ? {} : { [pin.part === "tag" ? "newTag" : "digest"]: value };
  }
  const tag = spec.tag ?? before.newTag;
  const digest = spec.digest ?? (spec.tag === undefined ? before.digest : undefined);
  return { ...name, ...(tag !== undefined && { newTag: tag }), ...(digest !== undefined && { digest }) };
}

export interface PinOptions extends FindOptions {
  /** Flux image policies (`namespace:name`): only their markers are pins. */
  policies?: string[];
}

/** What a command is given about pins, as its options carry it: keys as the user wrote them. */
export interface PinFlags {
  policies?: string[];
  /** `--key` values (see parseValuesKey). */
  keys?: string[];
  /** `--values`: every file read as Helm values. */
  values?: boolean;
}

/** The pin options of a command's flags; a key that does not parse is a usage error. */
export function pinOptionsOf(flags: PinFlags): PinOptions {
  return {
    ...(flags.policies?.length && { policies: flags.policies }),
    ...(flags.keys?.length && { keys: flags.keys.map(parseValuesKey) }),
    ...(flags.values && { asValues: true }),
  };
}

/**
 * With policies named, only their markers are pins, and a marked `:tag` or `:digest` whose
 * policy has no `:name` scalar is for the one image given (with several, which would it be?).
 */
function selectedPolicies(pins: Pin[], policies: string[], specs: ImageSpec[]): Pin[] {
  if (policies.length === 0) return pins;
  const policyOf = (pin: Pin) => (pin.kind === "marked-part" || pin.kind === "reference" ? pin.policy : undefined);
  const only = specs.length === 1 ? specs[0]?.name : undefined;
  return pins
    .filter((pin) => {
      const policy = policyOf(pin);
      return policy !== undefined && policies.includes(policy);
    })
    .map((pin) => (pin.kind === "marked-part" && pin.image === undefined && only ? { ...pin, image: only } : pin));
}

function sameImage(a: string, b: string): boolean {
  return normalizeImageName(a) === normalizeImageName(b);
}

function pinImage(pin: Pin): string | undefined {
  return pin.image;
}

function noMatch(source: YamlDocuments, spec: ImageSpec, pins: Pin[]): InputFileError {
  const seen = [...new Set(pins.map((p) => pinImage(p) ?? `(${unnamed(p)})`))].sort();
  return new InputFileError(
    { file: source.file, line: 1, column: 1 },
    `pins no image ${spec.name}; it pins ${seen.join(", ")}`,
  );
}

/** What a pin with no image name is, for messages: its policy or its key. */
function unnamed(pin: Pin): string {
  if (pin.kind === "embedded") return unnamed(pin.pin);
  return pin.kind === "keyed" ? `--key ${pin.key.raw}` : pin.kind === "marked-part" ? pin.policy : pin.kind;
}

/** The scalar edits one spec makes to one pin. */
function editPin(source: YamlDocuments, pin: Pin, spec: ImageSpec): Splice[] {
  if (pin.kind === "reference") return replaceIfChanged(source, pin.node, retargetReference(pin.node.value, spec));
  if (pin.kind === "marked-part") return editMarkedPart(source, pin, spec);
  if (pin.kind === "kustomize-image")
    return replaceIfChanged(source, pin.node, retargetKustomizeImage(pin.node.value, spec));
  if (pin.kind === "helm-parameters") return editParameters(source, pin, spec);
  if (pin.kind === "keyed") return editKeyed(source, pin, spec);
  if (pin.kind === "embedded")
    return editPin(pin.inner, pin.image === undefined ? pin.pin : { ...pin.pin, image: pin.image }, spec).map(
      (splice) => outerSplice(source, pin.block, pin.indent, pin.inner, splice),
    );
  return editValuesMapping(source, pin.map, spec);
}

/**
 * A chart's own keys: `image=` takes the spec as a reference does; otherwise `name=` the new name,
 * `tag=` the tag (a stale digest emptied) and `digest=` the digest. A part the key does not name,
 * or the values lack, is refused: the chart would not read it.
 */
function editKeyed(source: YamlDocuments, pin: Extract<Pin, { kind: "keyed" }>, spec: ImageSpec): Splice[] {
  const { scalars, key } = pin;
  if (scalars.image)
    return replaceIfChanged(source, scalars.image, retargetReference(String(scalars.image.value), spec));
  const at = pinOffset(pin);
  const part = (name: "name" | "tag" | "digest", value: string) => {
    const node = scalars[name];
    if (node) return replaceIfChanged(source, node, value);
    const path = key.parts[name];
    throw errorIn(
      source,
      at,
      path
        ? `no value at ${path.text} to set the ${name} of ${spec.raw} in; add it (as the chart reads it)`
        : `--key ${key.raw} names no ${name}= for the ${name} of ${spec.raw}; add ${name}=<path>`,
    );
  };
  const splices: Splice[] = [];
  if (spec.newName !== undefined) splices.push(...part("name", spec.newName));
  if (spec.tag !== undefined) {
    splices.push(...part("tag", spec.tag));
    if (spec.digest === undefined && scalars.digest && String(scalars.digest.value ?? "") !== "")
      splices.push(...replaceIfChanged(source, scalars.digest, ""));
  }
  if (spec.digest !== undefined) splices.push(...part("digest", spec.digest));
  return splices;
}

/**
 * Argo CD's `helm.parameters` of one prefix: the `repository` (and `registry`) parameters take a
 * new name, `tag` the tag, `digest` the digest. A part with no parameter is refused: adding a
 * parameter is a decision about the chart, not an edit.
 */
function editParameters(
  source: YamlDocuments,
  pin: Extract<Pin, { kind: "helm-parameters" }>,
  spec: ImageSpec,
): Splice[] {
  const splices: Splice[] = [];
  const missing = (part: string) =>
    errorIn(
      source,
      rangeOf(pin.repository)[0],
      `no ${part} parameter beside this repository to set for ${spec.raw}; add one`,
    );
  if (spec.newName !== undefined) splices.push(...replaceIfChanged(source, pin.repository, spec.newName));
  if (spec.tag !== undefined) {
    if (!pin.tag) throw missing("tag");
    splices.push(...replaceIfChanged(source, pin.tag, spec.tag));
    if (spec.digest === undefined && pin.digest && String(pin.digest.value ?? "") !== "")
      splices.push(...replaceIfChanged(source, pin.digest, ""));
  }
  if (spec.digest !== undefined) {
    if (!pin.digest) throw missing("digest");
    splices.push(...replaceIfChanged(source, pin.digest, spec.digest));
  }
  return splices;
}

/** A marked scalar holds one part; a spec part no marker holds cannot be written. */
function editMarkedPart(source: YamlDocuments, pin: Extract<Pin, { kind: "marked-part" }>, spec: ImageSpec): Splice[] {
  const value = pin.part === "name" ? spec.newName : pin.part === "tag" ? spec.tag : spec.digest;
  return value === undefined ? [] : replaceIfChanged(source, pin.node, value);
}

/**
 * A values mapping: `repository` (and `registry`) take a new name, `tag` the tag, `digest` the
 * digest; a tag the mapping lacks is added beside `repository`. A stale digest is emptied when
 * only a tag is given. A digest the mapping has no field for is refused: charts read it under
 * different keys, and one the chart ignores would pin nothing.
 */
function editValuesMapping(source: YamlDocuments, map: YAMLMap, spec: ImageSpec): Splice[] {
  const splices: Splice[] = [];
  const field = (key: string) => scalarField(source, map, key);
  if (spec.newName !== undefined) {
    const registry = field("registry");
    const { domain, rest } = splitRegistry(spec.newName);
    if (registry && domain) splices.push(...replaceIfChanged(source, registry, domain));
    splices.push(...replaceIfChanged(source, field("repository") as Scalar, registry && domain ? rest : spec.newName));
  }
  const digest = field("digest");
  const tag = field("tag");
  // `tag: 1.2.3@sha256:…` (the tag field holding the digest too) is how many charts take a digest
  if (!digest && tag && String(tag.value ?? "").includes("@")) {
    const kept = spec.tag ?? splitTagField(String(tag.value)).tag ?? "";
    const value = spec.digest !== undefined ? `${kept}@${spec.digest}` : (spec.tag ?? String(tag.value));
    splices.push(...replaceIfChanged(source, tag, value));
    return splices;
  }
  if (spec.tag !== undefined) {
    splices.push(...(tag ? replaceIfChanged(source, tag, spec.tag) : [addField(source, map, "tag", spec.tag)]));
    if (spec.digest === undefined && digest && String(digest.value ?? "") !== "")
      splices.push(...replaceIfChanged(source, digest, ""));
  }
  if (spec.digest !== undefined) {
    if (!digest)
      throw errorIn(
        source,
        rangeOf(map)[0],
        `these values have no digest field to pin ${spec.digest} in; add one (as the chart reads it), write the tag as tag@digest, or give a tag`,
      );
    splices.push(...replaceIfChanged(source, digest, spec.digest));
  }
  return splices;
}

/** A field of a values mapping that must be a plain scalar if present: an alias would change elsewhere too. */
function scalarField(source: YamlDocuments, map: YAMLMap, key: string): Scalar | undefined {
  const pair = map.items.find((p) => keyOf(p) === key);
  if (!pair) return undefined;
  const value = pair.value as Node | null;
  if (value === null) throw errorIn(source, rangeOf(pair.key as Node)[0], `${key} has no value; give it one first`);
  if (isAlias(value) || !isScalar(value))
    throw errorIn(source, rangeOf(value)[0], `${key} is not a plain value (an alias or a collection); edit it by hand`);
  return value;
}

function splitRegistry(name: string): { domain?: string; rest: string } {
  const slash = name.indexOf("/");
  const first = slash < 0 ? "" : name.slice(0, slash);
  return first.includes(".") || first.includes(":") || first === "localhost"
    ? { domain: first, rest: name.slice(slash + 1) }
    : { rest: name };
}

function replaceIfChanged(source: YamlDocuments, node: Scalar, value: string): Splice[] {
  if (node.value === value) return [];
  refuseAliased(source, node);
  const [start, end] = rangeOf(node);
  const old = source.text.slice(start, end);
  let text = formatScalar(value, styleOf(node));
  if (start === end) text = ` ${text}`;
  if (/\r?\n$/.test(old)) text += source.eol;
  return [{ start, end, text }];
}

/** A new `key: value` beside `repository`, in the mapping's own layout. */
function addField(source: YamlDocuments, map: YAMLMap, key: string, value: string): Splice {
  const repository = map.items.find((p) => keyOf(p) === "repository") as Pair;
  const valueNode = repository.value as Node;
  if (map.flow) {
    const at = rangeOf(valueNode)[1];
    return { start: at, end: at, text: `, ${key}: ${formatScalar(value)}` };
  }
  const indent = " ".repeat(columnOf(source.text, rangeOf(repository.key as Node)[0]));
  const at = rangeOf(valueNode)[2];
  const line = `${indent}${key}: ${formatScalar(value)}`;
  return source.text[at - 1] === "\n"
    ? { start: at, end: at, text: `${line}${source.eol}` }
    : { start: at, end: at, text: `${source.eol}${line}` };
}

/** An anchored scalar other nodes alias would change them too: a careful human decides that. */
function refuseAliased(source: YamlDocuments, node: Scalar): void {
  const anchor = node.anchor;
  if (!anchor) return;
  let aliased = false;
  for (const doc of source.docs)
    visit(doc, {
      Alias(_, alias) {
        if (alias.source === anchor) aliased = true;
      },
    });
  if (aliased)
    throw errorIn(
      source,
      source.text.lastIndexOf(`&${anchor}`, rangeOf(node)[0]),
      `this value carries the anchor &${anchor}, which *${anchor} elsewhere refers to; changing it would change that too, so set-image leaves this file alone`,
    );
}

function styleOf(node: Scalar): ScalarStyle {
  return node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE" ? node.type : "PLAIN";
}

/** What a pin holds now, as kustomize's images fields name it. */
export function pinFields(pin: Pin): ImageFields {
  if (pin.kind === "reference") return fieldsOfReference(pin.node.value);
  if (pin.kind === "kustomize-image") return fieldsOfReference(kustomizeImageTarget(pin.node.value));
  if (pin.kind === "embedded") return pinFields(pin.pin);
  if (pin.kind === "keyed" && pin.scalars.image) return fieldsOfReference(String(pin.scalars.image.value));
  if (pin.kind === "helm-parameters" || pin.kind === "keyed") {
    const text = (node?: Scalar) => (node && node.value !== null && node.value !== "" ? String(node.value) : undefined);
    const [tag, digest] =
      pin.kind === "keyed" ? [text(pin.scalars.tag), text(pin.scalars.digest)] : [text(pin.tag), text(pin.digest)];
    return { ...(tag !== undefined && { newTag: tag }), ...(digest !== undefined && { digest }) };
  }
  if (pin.kind === "marked-part")
    return pin.part === "name" ? {} : { [pin.part === "tag" ? "newTag" : "digest"]: pin.node.value };
  const text = (key: string) => {
    const v = valueAt(pin.map, key);
    return isScalar(v) && v.value !== null && v.value !== "" ? String(v.value) : undefined;
  };
  const field = text("tag");
  const split = field?.includes("@") && text("digest") === undefined ? splitTagField(field) : { tag: field };
  const tag = split.tag;
  const digest = split.digest ?? text("digest");
  return { ...(tag !== undefined && { newTag: tag }), ...(digest !== undefined && { digest }) };
}

/** `1.2.3@sha256:…` as a tag and a digest. */
function splitTagField(value: string): { tag?: string; digest?: string } {
  const at = value.indexOf("@");
  return at < 0 ? { tag: value } : { ...(at > 0 && { tag: value.slice(0, at) }), digest: value.slice(at + 1) };
}

/**
 * Re-reads the edited text: it must parse, and every pin a spec names must now hold what the spec
 * asked, so that a bug in the splicing never reaches a file or a commit.
 */
function verify(file: string, text: string, specs: ImageSpec[], options: PinOptions): void {
  let pins: Pin[];
  try {
    pins = pinsFor(parseYamlDocuments(file, text), specs, options);
  } catch (error) {
    throw new InternalError(`editing ${file} produced invalid YAML (${(error as Error).message}); nothing was written`);
  }
  for (const pin of pins) {
    const image = pinImage(pin);
    const spec =
      image === undefined
        ? undefined
        : (specFor(specs, image) ?? specs.find((s) => s.newName !== undefined && sameImage(s.newName, image)));
    if (spec && !holds(pin, spec))
      throw new InternalError(`editing ${file} did not yield ${spec.raw} on re-reading; nothing was written`);
  }
}

function holds(pin: Pin, spec: ImageSpec): boolean {
  const fields = pinFields(pin);
  if (pin.kind === "marked-part") {
    const wanted = pin.part === "tag" ? spec.tag : pin.part === "digest" ? spec.digest : undefined;
    return wanted === undefined || (pin.part === "tag" ? fields.newTag : fields.digest) === wanted;
  }
  if (spec.tag !== undefined && fields.newTag !== spec.tag) return false;
  if (spec.digest !== undefined && fields.digest !== spec.digest) return false;
  const reference =
    pin.kind === "reference" || pin.kind === "kustomize-image" || (pin.kind === "keyed" && !!pin.scalars.image);
  if (reference && spec.tag !== undefined && spec.digest === undefined && fields.digest) return false;
  return true;
}
