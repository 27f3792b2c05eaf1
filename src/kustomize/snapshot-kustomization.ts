import path from "node:path";
import { PathError } from "../errors.js";
import type { BranchSnapshot } from "../forge/forge.js";
import { KUSTOMIZATION_FILE_NAMES, namesFile } from "./kustomization-file.js";

/** The paths a directory's kustomization may have, to read them all in one snapshot. */
export function kustomizationCandidates(dirs: string[]): string[] {
  return dirs.flatMap((d) => KUSTOMIZATION_FILE_NAMES.map((name) => path.posix.join(d, name)));
}

/** The directory's one kustomization file in a branch snapshot, as kustomize finds it. */
export function kustomizationIn(snapshot: BranchSnapshot, dir: string): string {
  const present = KUSTOMIZATION_FILE_NAMES.map((n) => path.posix.join(dir, n)).filter((p) => snapshot.files.has(p));
  if (present.length === 0) {
    throw new PathError(
      `no kustomization in "${dir}" on branch ${snapshot.branch} (looked for ${KUSTOMIZATION_FILE_NAMES.join(", ")})`,
    );
  }
  if (present.length > 1) throw new PathError(`"${dir}" has more than one kustomization file (${present.join(", ")})`);
  return present[0] as string;
}

/** The paths to read for --path values: a file as it is, a directory's kustomization candidates. */
export function editCandidates(paths: string[]): string[] {
  return [...kustomizationCandidates(paths.filter((p) => !namesFile(p))), ...paths.filter(namesFile)];
}

/** The file a --path names in a branch snapshot: the file itself, or the directory's kustomization. */
export function editTargetIn(snapshot: BranchSnapshot, target: string): string {
  if (!namesFile(target)) return kustomizationIn(snapshot, target);
  if (!snapshot.files.has(target)) throw new PathError(`no file "${target}" on branch ${snapshot.branch}`);
  return target;
}
