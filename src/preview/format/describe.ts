import type { DiffResult } from "../../commands/diff.js";
import type { ImageChange } from "../image-changes.js";
import type { ChangeCounts, ObjectChange, RootPreview } from "../root-preview.js";

/** What every format says first: against what, and how much renders differently. */
export function headline(result: DiffResult, ref: (text: string) => string = (t) => t): string {
  const against = `${ref(result.baseRef)} (${ref(result.baseCommit.slice(0, 12))})`;
  if (result.roots.length === 0 && result.unchanged.length === 0) {
    const pins = result.images.length ? ` ${result.images.length} image pin(s) change in files no render shows.` : "";
    return `No root reads a file changed since ${against}: nothing renders differently.${pins}`;
  }
  const same = result.unchanged.length ? `, ${result.unchanged.length} render(s) the same` : "";
  return `Compared with ${against}: ${result.roots.length} root(s) render differently${same}.`;
}

export function countsText(counts: ChangeCounts): string {
  const parts = (Object.entries(counts) as [keyof ChangeCounts, number][]).filter(([, n]) => n > 0);
  return parts.length ? parts.map(([change, n]) => `${n} ${change}`).join(", ") : "no object changes";
}

/** `apps/v1 Deployment prod/api`, a rename as `old → new`. */
export function objectTitle(object: ObjectChange): string {
  const where = (name: string) => (object.namespace ? `${object.namespace}/${name}` : name);
  const name = object.previousName ? `${where(object.previousName)} → ${where(object.name)}` : where(object.name);
  return `${object.apiVersion} ${object.kind} ${name}`;
}

export function hashLine(object: ObjectChange): string | undefined {
  return object.hash && `generated name ${object.hash.from} → ${object.hash.to}`;
}

export function versionText(version: string | undefined): string {
  return version ?? "(none)";
}

export function imageWhere(image: ImageChange): string {
  return `${image.root} (${image.objects.join(", ")})`;
}

export function rootTitle(root: RootPreview): string {
  const by = root.deployedBy.length ? ` — deployed by ${root.deployedBy.join(", ")}` : "";
  return `${root.root}${by}`;
}
