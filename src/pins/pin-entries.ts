import { InputFileError } from "../errors.js";
import { normalizeImageName } from "../kustomize/image-ref.js";
import type { Entry } from "../promote/plan.js";
import { type FindOptions, findPins, pinOffset } from "./find-pins.js";
import { pinFields } from "./set-pins.js";
import { parseYamlDocuments } from "./yaml-documents.js";

/**
 * The images a file pins, one entry per image, for promote to compare with another file's: two
 * pins of one image that disagree are refused (which one would be promoted?).
 */
export function pinEntries(file: string, text: string, options: FindOptions = {}): Entry[] {
  const source = parseYamlDocuments(file, text);
  const entries = new Map<string, Entry>();
  for (const pin of findPins(source, options)) {
    if (pin.image === undefined || (pin.kind === "marked-part" && pin.part === "name")) continue;
    const pos = source.lines.linePos(pinOffset(pin));
    const at = { file, line: pos.line, column: pos.col };
    const entry: Entry = { name: pin.image, ...pinFields(pin), at: { name: at, newTag: at, digest: at } };
    const key = normalizeImageName(pin.image);
    const seen = entries.get(key);
    if (seen && (seen.newTag !== entry.newTag || seen.digest !== entry.digest))
      throw new InputFileError(
        at,
        `pins ${pin.image} at ${seen.newTag ?? seen.digest} (line ${seen.at.name?.line}) and at ${entry.newTag ?? entry.digest} here; promote copies one version per image`,
      );
    if (!seen) entries.set(key, entry);
  }
  return [...entries.values()];
}
