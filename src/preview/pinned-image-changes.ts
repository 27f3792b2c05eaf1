import { GitopsCiError } from "../errors.js";
import { normalizeImageName } from "../kustomize/image-ref.js";
import type { ImageFields } from "../kustomize/image-changes.js";
import { pinEntries } from "../pins/pin-entries.js";
import type { ImageChange } from "./image-changes.js";

/**
 * Image changes in files no render shows (a Helm values file, an Argo CD Application's
 * parameters or values, a HelmRelease): the pins set-image edits, compared between base and head.
 * A file whose pins cannot be read on a side is left out; the gate reports what is wrong with it.
 */
export function pinnedImageChanges(files: { file: string; base?: string; head?: string }[]): ImageChange[] {
  return files.flatMap(({ file, base, head }) => {
    const before = entriesOf(file, base);
    const after = entriesOf(file, head);
    if (!before || !after) return [];
    const names = new Set([...before.keys(), ...after.keys()]);
    return [...names].flatMap((key): ImageChange[] => {
      const a = before.get(key);
      const b = after.get(key);
      const from = a && versionOf(a.fields);
      const to = b && versionOf(b.fields);
      if (from === to) return [];
      return [{ root: file, image: (b ?? a)?.name ?? key, ...(from && { from }), ...(to && { to }), objects: [] }];
    });
  });
}

function entriesOf(
  file: string,
  text: string | undefined,
): Map<string, { name: string; fields: ImageFields }> | undefined {
  if (text === undefined) return new Map();
  try {
    return new Map(pinEntries(file, text).map((e) => [normalizeImageName(e.name), { name: e.name, fields: e }]));
  } catch (error) {
    if (error instanceof GitopsCiError) return undefined;
    throw error;
  }
}

function versionOf(fields: ImageFields): string {
  if (fields.newTag && fields.digest) return `${fields.newTag}@${fields.digest}`;
  if (fields.digest) return `@${fields.digest}`;
  return fields.newTag ?? "(chart default)";
}
