import { normalizeImageName } from "../kustomize/image-ref.js";
import { parseYamlSource } from "../kustomize/yaml-source.js";
import type { ImageFields } from "../kustomize/set-images.js";
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

interface Entry extends ImageFields {
  name: string;
}

/** The `images:` entries of a kustomization (InputFileError when it is not one). */
export function imageEntries(file: string, text: string): Entry[] {
  const images = (parseYamlSource(file, text).doc.toJS() as { images?: unknown } | null)?.images;
  if (!Array.isArray(images)) return [];
  return images
    .filter((e): e is Record<string, unknown> => typeof e?.name === "string")
    .map((e) => ({
      name: e.name as string,
      newName: typeof e.newName === "string" ? e.newName : undefined,
      newTag: e.newTag === undefined || e.newTag === null ? undefined : String(e.newTag),
      digest: typeof e.digest === "string" ? e.digest : undefined,
    }));
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
