import { createTwoFilesPatch } from "diff";
import { UsageError } from "../errors.js";
import { readTextFile, writeFilesAtomically } from "../files/local-files.js";
import { parseImageSpecs } from "../kustomize/image-ref.js";
import { findEditTarget } from "../kustomize/kustomization-file.js";
import type { ImageEdit } from "../kustomize/image-changes.js";
import { setImages } from "../kustomize/set-images.js";
import { type PinFlags, pinOptionsOf, setPins } from "../pins/set-pins.js";

/** set-image on a local checkout of the config repo. */
export interface SetImageLocalOptions {
  /** The checkout; every path stays inside it. */
  dir: string;
  /** Kustomization directories, or files that pin images (manifests, Helm values, marked files), relative to `dir`. */
  paths: string[];
  /** Specs in the `kustomize edit set image` grammar. */
  images: string[];
  /** Which pins of files to set: Flux image policies, a chart's own keys, values read as such (see PinFlags). */
  pins?: PinFlags;
  /** Compute and report, write nothing. */
  dryRun?: boolean;
}

export interface FileImageEdit extends ImageEdit {
  /** The kustomization file, relative to the checkout. */
  file: string;
}

export interface SetImageResult {
  changed: boolean;
  /** Files whose content changed (or would, in a dry run), relative to the checkout. */
  files: string[];
  images: FileImageEdit[];
  /** Unified diff of every change, `a/` and `b/` prefixed as git prints it. */
  diff: string;
  dryRun: boolean;
}

/**
 * Applies every spec to every kustomization. All edits are computed before anything is written,
 * so a bad spec, path or file leaves every file as it was.
 */
export function setImageLocal(options: SetImageLocalOptions): SetImageResult {
  if (options.paths.length === 0)
    throw new UsageError("give at least one --path (a kustomization directory, or a file that pins images)");
  if (options.images.length === 0) throw new UsageError("give at least one --image (NAME:TAG, NAME@DIGEST, ...)");
  const specs = parseImageSpecs(options.images);
  const pinOptions = pinOptionsOf(options.pins ?? {});

  const files = uniqueBy(
    options.paths.map((p) => findEditTarget(options.dir, p)),
    (f) => f.absolute,
  );
  const planned = files.map((file) => {
    const before = readTextFile(file.absolute, file.relative);
    const result =
      file.kind === "pins"
        ? setPins(file.relative, before, specs, pinOptions)
        : setImages(file.relative, before, specs);
    return { file, before, after: result.text, edits: result.edits };
  });

  const changed = planned.filter((p) => p.after !== p.before);
  if (!options.dryRun) writeFilesAtomically(changed.map((p) => ({ path: p.file.absolute, content: p.after })));

  return {
    changed: changed.length > 0,
    files: changed.map((p) => p.file.relative),
    images: planned.flatMap((p) => p.edits.map((e) => ({ file: p.file.relative, ...e }))),
    diff: unifiedDiff(changed.map((p) => ({ path: p.file.relative, before: p.before, after: p.after }))),
    dryRun: options.dryRun === true,
  };
}

/** One unified diff for several files, `a/` and `b/` prefixed as git prints it (git apply -p1 takes it). */
export function unifiedDiff(files: { path: string; before: string; after: string }[]): string {
  const headerOptions = { includeIndex: false, includeUnderline: false, includeFileHeaders: true };
  return files
    .map((f) => createTwoFilesPatch(`a/${f.path}`, `b/${f.path}`, f.before, f.after, "", "", { headerOptions }))
    .join("");
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
