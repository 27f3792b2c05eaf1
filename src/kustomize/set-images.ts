import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar, visit, type YAMLMap, type YAMLSeq } from "yaml";
import { InternalError } from "../errors.js";
import {
  changesFor,
  FIELD_ORDER,
  type Field,
  type FieldChanges,
  type ImageEdit,
  type ImageFields,
  newEntryFields,
  orderedFields,
  withChanges,
} from "./image-changes.js";
import { type ImageSpec, normalizeImageName } from "./image-ref.js";
import { formatScalar, type ScalarStyle } from "./yaml-scalar.js";
import {
  applySplices,
  columnOf,
  errorAt,
  lineStart,
  parseYamlSource,
  type Splice,
  type YamlSource,
} from "./yaml-source.js";

export interface SetImagesResult {
  text: string;
  edits: ImageEdit[];
}

type Entry = YAMLMap<unknown, unknown>;
type EntryPair = Pair<unknown, unknown>;

/**
 * Applies image specs to the text of a kustomization, changing only the bytes of the entries
 * the specs name (or appending a new entry), and returns the new text with what changed.
 * Throws InputFileError (nothing changed) when the file is not a valid kustomization.
 */
export function setImages(file: string, text: string, specs: ImageSpec[]): SetImagesResult {
  let current = text;
  const edits: ImageEdit[] = [];
  for (const spec of specs) {
    const applied = applySpec(parseYamlSource(file, current), spec);
    current = applied.text;
    edits.push(...applied.edits);
  }
  if (current !== text) verifyResult(file, current, specs);
  return { text: current, edits };
}

/**
 * Re-reads the edited text and checks that it parses and says what the specs asked, so that a
 * bug in the splicing can never reach a file or a commit.
 */
function verifyResult(file: string, text: string, specs: ImageSpec[]): void {
  let images: Record<string, unknown>[];
  try {
    images = (parseYamlSource(file, text).doc.toJS()?.images ?? []) as Record<string, unknown>[];
  } catch (error) {
    throw new InternalError(`editing ${file} produced invalid YAML (${(error as Error).message}); nothing was written`);
  }
  for (const spec of specs) {
    const entries = images.filter((e) => normalizeImageName(String(e?.name)) === normalizeImageName(spec.name));
    const wrong = Object.entries(changesFor(spec)).some(([field, value]) =>
      entries.some((e) => e[field] !== (value ?? undefined)),
    );
    if (entries.length === 0 || wrong) {
      throw new InternalError(`editing ${file} did not yield ${spec.raw} on re-reading; nothing was written`);
    }
  }
}

function applySpec(source: YamlSource, spec: ImageSpec): SetImagesResult {
  const root = source.doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return addImagesToEmptyFile(source, spec);
  if (!isMap(root)) throw errorAt(source, rangeOf(root)[0], "a kustomization must be a mapping of fields");

  const imagesPair = root.items.find((p) => keyIs(p, "images"));
  if (!imagesPair) return addImagesKey(source, root, spec);
  const images = imagesPair.value as Node | null;
  if (images === null || (isScalar(images) && images.value === null)) {
    return replaceEmptyImages(source, imagesPair, root, spec);
  }
  if (!isSeq(images)) throw errorAt(source, nodeStart(images), "images must be a list of entries");

  const target = normalizeImageName(spec.name);
  const matches = entriesOf(source, images).filter((e) => normalizeImageName(entryName(e)) === target);
  if (matches.length === 0) {
    refuseAliased(source, images, "the images list");
    return appendEntry(source, images, spec);
  }

  const splices: Splice[] = [];
  const edits: Omit<ImageEdit, "line">[] = [];
  const offsets: number[] = [];
  for (const entry of matches) {
    const { splices: entrySplices, before, after } = editEntry(source, entry, changesFor(spec));
    splices.push(...entrySplices);
    edits.push({
      spec: spec.raw,
      name: entryName(entry),
      action: entrySplices.length ? "updated" : "unchanged",
      before,
      after,
    });
    offsets.push(nodeStart(entry));
  }
  const text = applySplices(source.text, splices);
  return { text, edits: edits.map((e, i) => ({ ...e, line: lineAfter(text, splices, offsets[i] ?? 0) })) };
}

/**
 * An anchored node that aliases elsewhere point at cannot change without changing them too (or,
 * when removed, leaving them dangling); a careful human decides that, not set-image.
 */
function refuseAliased(source: YamlSource, node: Node, what: string): void {
  const anchor = (node as { anchor?: string }).anchor;
  if (!anchor) return;
  let aliased = false;
  visit(source.doc, {
    Alias(_, alias) {
      if (alias.source === anchor) aliased = true;
    },
  });
  if (aliased) {
    throw errorAt(
      source,
      source.text.lastIndexOf(`&${anchor}`, nodeStart(node)),
      `${what} carries the anchor &${anchor}, which *${anchor} elsewhere refers to; changing it would change that too, so set-image leaves this file alone (edit it by hand, or drop the alias)`,
    );
  }
}

function entriesOf(source: YamlSource, images: YAMLSeq): Entry[] {
  return images.items.map((item, i) => {
    const node = item as Node | null;
    if (!isMap(node)) {
      throw errorAt(source, node ? nodeStart(node) : nodeStart(images), `images[${i}] must be a mapping with a name`);
    }
    const namePair = node.items.find((p) => keyIs(p, "name"));
    const name = namePair?.value;
    if (!isScalar(name) || typeof name.value !== "string" || name.value === "") {
      throw errorAt(source, nodeStart(node), `images[${i}] has no name (a string)`);
    }
    return node;
  });
}

function editEntry(
  source: YamlSource,
  entry: Entry,
  changes: FieldChanges,
): { splices: Splice[]; before: ImageFields; after: ImageFields } {
  refuseAliased(source, entry, `the images entry for ${entryName(entry)}`);
  const before = fieldsOf(entry);
  const splices: Splice[] = [];
  const additions: [Field, string][] = [];
  for (const field of FIELD_ORDER) {
    const wanted = changes[field];
    if (wanted === undefined) continue;
    const pair = entry.items.find((p) => keyIs(p, field));
    if (pair?.value) refuseAliased(source, pair.value as Node, field);
    if (wanted === null) {
      if (pair) splices.push(removePair(source, entry, pair));
      continue;
    }
    if (!pair) additions.push([field, wanted]);
    else if (!isStringScalar(pair.value, wanted)) splices.push(replaceValue(source, pair, wanted));
  }
  if (additions.length) splices.push(addPairs(source, entry, additions));
  return { splices, before, after: withChanges(before, changes) };
}

function fieldsOf(entry: Entry): ImageFields {
  const fields: ImageFields = {};
  for (const field of FIELD_ORDER) {
    const value = entry.items.find((p) => keyIs(p, field))?.value;
    if (isScalar(value) && value.value !== null) fields[field] = String(value.value);
  }
  return fields;
}

function replaceValue(source: YamlSource, pair: EntryPair, value: string): Splice {
  const node = pair.value as Node;
  const [start, end] = rangeOf(node);
  const old = source.text.slice(start, end);
  let text = formatScalar(value, styleOf(node));
  // An empty value (`newTag:`) has no room after the colon; a block scalar ends with its newline.
  if (start === end) text = ` ${text}`;
  if (/\r?\n$/.test(old)) text += source.eol;
  return { start, end, text };
}

function removePair(source: YamlSource, entry: Entry, pair: EntryPair): Splice {
  const index = entry.items.indexOf(pair);
  const next = entry.items[index + 1];
  const keyStart = nodeStart(pair.key as Node);
  if (index === 0 && next) {
    // The first key shares its line with "- " or "{": the next key takes its place there.
    return { start: keyStart, end: nodeStart(next.key as Node), text: "" };
  }
  const valueNode = pair.value as Node | null;
  if (entry.flow) {
    const prev = entry.items[index - 1] as EntryPair;
    return { start: valueEnd(prev), end: valueNode ? rangeOf(valueNode)[1] : keyEnd(pair), text: "" };
  }
  const end = valueNode ? rangeOf(valueNode)[2] : keyEnd(pair);
  let start = lineStart(source.text, keyStart);
  const endsLine = source.text[end - 1] === "\n";
  if (!endsLine && start > 0) start -= source.text[start - 2] === "\r" ? 2 : 1;
  return { start, end, text: "" };
}

function addPairs(source: YamlSource, entry: Entry, fields: [Field, string][]): Splice {
  const last = entry.items[entry.items.length - 1] as EntryPair;
  if (entry.flow) {
    const at = valueEnd(last);
    return { start: at, end: at, text: fields.map(([k, v]) => `, ${k}: ${formatScalar(v)}`).join("") };
  }
  const at = pairEnd(last);
  const indent = " ".repeat(columnOf(source.text, nodeStart(entry.items[0]?.key as Node)));
  const lead = endsWithNewline(source.text, at) ? "" : source.eol;
  const lines = fields.map(([k, v]) => `${indent}${k}: ${formatScalar(v)}${source.eol}`).join("");
  return { start: at, end: at, text: lead + (lead ? lines.slice(0, -source.eol.length) : lines) };
}

function appendEntry(source: YamlSource, images: YAMLSeq, spec: ImageSpec): SetImagesResult {
  const fields = newEntryFields(spec);
  let splice: Splice;
  if (images.flow) {
    const close = rangeOf(images)[1] - 1;
    const last = images.items[images.items.length - 1] as Node | undefined;
    splice = last
      ? { start: rangeOf(last)[1], end: rangeOf(last)[1], text: `, ${flowEntry(spec.name, fields)}` }
      : { start: close, end: close, text: flowEntry(spec.name, fields) };
  } else {
    const first = images.items[0] as Node;
    const last = images.items[images.items.length - 1] as Node;
    const dash = dashBefore(source.text, nodeStart(first));
    const keyOffset = columnOf(source.text, nodeStart(first)) - columnOf(source.text, dash);
    const at = rangeOf(last)[2];
    const lead = endsWithNewline(source.text, at) ? "" : source.eol;
    const body =
      isMap(last) && last.flow
        ? `${" ".repeat(columnOf(source.text, dash))}- ${flowEntry(spec.name, fields)}${source.eol}`
        : blockEntry(source.eol, columnOf(source.text, dash), keyOffset, spec.name, fields);
    splice = { start: at, end: at, text: lead + (lead ? body.slice(0, -source.eol.length) : body) };
  }
  return added(source, splice, spec, fields);
}

function addImagesKey(source: YamlSource, root: Entry, spec: ImageSpec): SetImagesResult {
  const fields = newEntryFields(spec);
  const last = root.items[root.items.length - 1];
  if (root.flow || !last) {
    const text = `images: [${flowEntry(spec.name, fields)}]`;
    const splice = last
      ? { start: valueEnd(last), end: valueEnd(last), text: `, ${text}` }
      : { start: rangeOf(root)[1] - 1, end: rangeOf(root)[1] - 1, text };
    return added(source, splice, spec, fields);
  }
  const keyColumn = columnOf(source.text, nodeStart(root.items[0]?.key as Node));
  const at = pairEnd(last);
  const block = `${" ".repeat(keyColumn)}images:${source.eol}${blockEntry(source.eol, keyColumn + sequenceIndent(source, root), 2, spec.name, fields)}`;
  const lead = endsWithNewline(source.text, at) ? "" : source.eol;
  return added(
    source,
    { start: at, end: at, text: lead + (lead ? block.slice(0, -source.eol.length) : block) },
    spec,
    fields,
  );
}

function addImagesToEmptyFile(source: YamlSource, spec: ImageSpec): SetImagesResult {
  const fields = newEntryFields(spec);
  const at = source.text.length;
  const lead = source.text.replace(/^\ufeff/, "") === "" || endsWithNewline(source.text, at) ? "" : source.eol;
  const block = `images:${source.eol}${blockEntry(source.eol, 0, 2, spec.name, fields)}`;
  return added(
    source,
    { start: at, end: at, text: lead + (lead ? block.slice(0, -source.eol.length) : block) },
    spec,
    fields,
  );
}

function replaceEmptyImages(source: YamlSource, pair: EntryPair, root: Entry, spec: ImageSpec): SetImagesResult {
  const fields = newEntryFields(spec);
  const keyColumn = columnOf(source.text, nodeStart(pair.key as Node));
  const value = pair.value as Node | null;
  const start = keyEnd(pair);
  const end = value ? rangeOf(value)[1] : start;
  const colon = source.text.indexOf(":", start);
  const block = blockEntry(source.eol, keyColumn + sequenceIndent(source, root), 2, spec.name, fields);
  const splice = { start, end: Math.max(end, colon + 1), text: `:${source.eol}${block.slice(0, -source.eol.length)}` };
  return added(source, splice, spec, fields);
}

function added(source: YamlSource, splice: Splice, spec: ImageSpec, fields: ImageFields): SetImagesResult {
  const text = applySplices(source.text, [splice]);
  const line = text.slice(0, splice.start + splice.text.indexOf("name:")).split("\n").length;
  return { text, edits: [{ spec: spec.raw, name: spec.name, action: "added", after: fields, line }] };
}

function blockEntry(eol: string, dashColumn: number, keyOffset: number, name: string, fields: ImageFields): string {
  const pad = " ".repeat(dashColumn);
  const keyPad = " ".repeat(dashColumn + keyOffset);
  const first = `${pad}-${" ".repeat(Math.max(1, keyOffset - 1))}name: ${formatScalar(name)}${eol}`;
  return (
    first +
    orderedFields(fields)
      .map(([k, v]) => `${keyPad}${k}: ${formatScalar(v)}${eol}`)
      .join("")
  );
}

function flowEntry(name: string, fields: ImageFields): string {
  const pairs = [["name", name], ...orderedFields(fields)].map(([k, v]) => `${k}: ${formatScalar(v ?? "")}`);
  return `{${pairs.join(", ")}}`;
}

/** How far a block list is indented under its key in this file: `key:\n- a` (0) or `key:\n  - a` (2). */
function sequenceIndent(source: YamlSource, root: Entry): number {
  for (const pair of root.items) {
    const value = pair.value as Node | null;
    if (isSeq(value) && !value.flow && value.items.length) {
      const dash = dashBefore(source.text, nodeStart(value.items[0] as Node));
      return columnOf(source.text, dash) - columnOf(source.text, nodeStart(pair.key as Node));
    }
  }
  return 0;
}

/** The offset of the `- ` that introduces a block list item starting at `offset`. */
function dashBefore(text: string, offset: number): number {
  const dash = text.lastIndexOf("-", offset - 1);
  return dash >= 0 ? dash : offset;
}

function styleOf(node: Node): ScalarStyle {
  if (isScalar(node) && (node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE")) return node.type;
  return "PLAIN";
}

function keyIs(pair: EntryPair, key: string): boolean {
  return isScalar(pair.key) && pair.key.value === key;
}

function entryName(entry: Entry): string {
  // entriesOf has checked that every entry has a string name.
  const name = entry.items.find((p) => keyIs(p, "name"))?.value as Scalar<string>;
  return name.value;
}

function isStringScalar(node: unknown, value: string): boolean {
  return isScalar(node) && typeof node.value === "string" && node.value === value;
}

function nodeStart(node: Node): number {
  return rangeOf(node)[0];
}

/** Every node of a parsed document has a range; this says so to the type checker. */
function rangeOf(node: Node): [number, number, number] {
  if (!node.range) throw new InternalError("YAML node without a source range");
  return node.range;
}

function keyEnd(pair: EntryPair): number {
  return rangeOf(pair.key as Node)[1];
}

/** Where a block pair ends: after its value, trailing comment and line break. */
function pairEnd(pair: EntryPair): number {
  const value = pair.value as Node | null;
  return value ? rangeOf(value)[2] : keyEnd(pair);
}

function valueEnd(pair: EntryPair): number {
  const value = pair.value as Node | null;
  return value ? rangeOf(value)[1] : keyEnd(pair);
}

function endsWithNewline(text: string, offset: number): boolean {
  return offset === 0 || text[offset - 1] === "\n";
}

/** The 1-based line where an entry that started at `offset` sits after the splices. */
function lineAfter(after: string, splices: Splice[], offset: number): number {
  const shift = splices.filter((s) => s.end <= offset).reduce((n, s) => n + s.text.length - (s.end - s.start), 0);
  return after.slice(0, offset + shift).split("\n").length;
}
