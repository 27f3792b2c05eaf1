import { isMap, isScalar, isSeq, type Scalar } from "yaml";
import { InputFileError, type SourcePosition } from "../errors.js";
import {
  describeDigestProblem,
  describeNameProblem,
  describeTagProblem,
  normalizeImageName,
} from "../kustomize/image-ref.js";
import { parseYamlSource } from "../kustomize/yaml-source.js";
import type { ImageFields } from "../kustomize/image-changes.js";
import type { ImageSpec } from "../kustomize/image-ref.js";
import { type Bump, classifyBump } from "./bump.js";

/** One image a promotion changes in the target. */
export interface PlannedImage {
  /** The `images[].name` as the source writes it. */
  name: string;
  /** What the target runs now; undefined when it has no entry (the entry is added). */
  from?: ImageFields;
  /** What the source runs: what the target gets. */
  to: ImageFields;
  bump: Bump;
  downgrade: boolean;
}

type Field = "name" | "newName" | "newTag" | "digest";

/** An image a target pins, as a kustomization's `images:` entry says it. */
export interface Entry extends ImageFields {
  name: string;
  /** Where each field's value is written, for errors a user can find. */
  at: Partial<Record<Field, SourcePosition>>;
}

/** The `images:` entries of a kustomization (InputFileError when it is not one). */
export function imageEntries(file: string, text: string): Entry[] {
  const source = parseYamlSource(file, text);
  const images = isMap(source.doc.contents) ? source.doc.contents.get("images", true) : undefined;
  if (!isSeq(images)) return [];
  return images.items.flatMap((item) => {
    if (!isMap(item)) return [];
    const at: Entry["at"] = {};
    const read = (field: Field) => {
      const node = item.get(field, true);
      if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
      const pos = source.lines.linePos((node as Scalar).range?.[0] ?? 0);
      at[field] = { file, line: pos.line, column: pos.col };
      return node.value;
    };
    const name = read("name");
    if (typeof name !== "string") return [];
    const newName = read("newName");
    const newTag = read("newTag");
    const digest = read("digest");
    return [
      {
        name,
        newName: typeof newName === "string" ? newName : undefined,
        newTag: newTag === undefined ? undefined : String(newTag),
        digest: typeof digest === "string" ? digest : undefined,
        at,
      },
    ];
  });
}

/**
 * Values a promotion copies to another environment must be what the OCI grammar allows: a tag
 * that breaks out of backticks, or a name with a newline, is refused at its file and line.
 */
export function refuseInvalidValues(entries: Entry[], promoted: PlannedImage[]): void {
  const names = new Set(promoted.map((p) => p.name));
  for (const entry of entries.filter((e) => names.has(e.name))) {
    const problems: [Field, string | undefined][] = [
      ["name", describeNameProblem(entry.name)],
      ["newName", entry.newName === undefined ? undefined : describeNameProblem(entry.newName)],
      ["newTag", entry.newTag === undefined ? undefined : describeTagProblem(entry.newTag)],
      ["digest", entry.digest === undefined ? undefined : describeDigestProblem(entry.digest)],
    ];
    const [field, problem] = problems.find(([, p]) => p !== undefined) ?? [];
    if (field && problem)
      throw new InputFileError(
        entry.at[field] as SourcePosition,
        `images[].${field} of ${JSON.stringify(entry.name)}: ${problem}; not promoting it (nothing was changed)`,
      );
  }
}

/** The image a cluster pulls for an entry: newName when set, else the name. */
function pulled(entry: Entry | (ImageFields & { name: string })): string {
  return normalizeImageName(entry.newName ?? entry.name);
}

/**
 * Every image of the source whose pulled name, tag or digest differs in the target, limited to
 * `only` (names, matched as docker does) when given. Entries the target lacks are added.
 */
export function planPromotion(source: Entry[], target: Entry[], only: string[] = []): PlannedImage[] {
  const wanted = new Set(only.map(normalizeImageName));
  const plan: PlannedImage[] = [];
  for (const entry of source) {
    const key = normalizeImageName(entry.name);
    if (wanted.size && !wanted.has(key)) continue;
    const current = target.find((t) => normalizeImageName(t.name) === key);
    const next: ImageFields = { newName: entry.newName, newTag: entry.newTag, digest: entry.digest };
    if (
      current &&
      pulled(current) === pulled(entry) &&
      current.newTag === entry.newTag &&
      current.digest === entry.digest
    )
      continue;
    const verdict = classifyBump(current?.newTag, entry.newTag);
    plan.push({
      name: entry.name,
      from: current && { newName: current.newName, newTag: current.newTag, digest: current.digest },
      to: next,
      bump: current ? verdict.bump : "other",
      downgrade: verdict.downgrade,
    });
  }
  return plan;
}

/** The set-image spec that makes the target's entry say what the source's does. */
export function specOf(image: PlannedImage): ImageSpec {
  const { newName, newTag, digest } = image.to;
  const newNameNeeded =
    newName !== undefined || (image.from?.newName !== undefined && image.from.newName !== image.name);
  const target = newNameNeeded ? (newName ?? image.name) : undefined;
  const raw = `${image.name}${target ? `=${target}` : ""}${newTag ? `:${newTag}` : ""}${digest ? `@${digest}` : ""}`;
  return { raw, name: image.name, newName: target, tag: newTag, digest };
}

/** `name:tag@digest` for messages. */
export function describeImage(fields: ImageFields | undefined, name: string): string {
  if (!fields) return "(none)";
  return `${fields.newName ?? name}${fields.newTag ? `:${fields.newTag}` : ""}${fields.digest ? `@${fields.digest.slice(0, 19)}…` : ""}`;
}
