import { existsSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import { PathError, UsageError } from "../errors.js";

/** The file names kustomize accepts for a kustomization, in its own order. */
export const KUSTOMIZATION_FILE_NAMES = ["kustomization.yaml", "kustomization.yml", "Kustomization"] as const;

/** A kustomization file located inside a checkout. */
export interface KustomizationFile {
  /** Path relative to the checkout, with `/` separators: what users and reports see. */
  relative: string;
  /** Real path on disk (symlinks resolved), the one to read and write. */
  absolute: string;
}

/**
 * Checks a user-given kustomization directory before any I/O: it must be relative and stay
 * inside the checkout. Returns it normalized with `/` separators ("." for the root).
 */
export function normalizeKustomizationPath(dirPath: string): string {
  if (dirPath.trim() === "") throw new UsageError("--path is empty");
  if (path.isAbsolute(dirPath) || /^[A-Za-z]:[\\/]/.test(dirPath)) {
    throw new UsageError(`--path "${dirPath}" must be relative to --dir, not absolute`);
  }
  const normalized = path.posix.normalize(dirPath.replaceAll("\\", "/")).replace(/\/$/, "");
  if (normalized === ".." || normalized.startsWith("../")) {
    throw new UsageError(`--path "${dirPath}" leaves --dir`);
  }
  return normalized;
}

/** What --path names: a kustomization's directory (or its file), or another file that pins images. */
export type EditTarget = KustomizationFile & { kind: "kustomization" | "pins" };

/** Whether a --path names a file, not a directory: through an API there is no stat to ask. */
export function namesFile(target: string): boolean {
  return /\.(ya?ml|json)$/.test(target) || KUSTOMIZATION_FILE_NAMES.includes(path.posix.basename(target) as never);
}

export function isKustomizationFileName(file: string): boolean {
  return KUSTOMIZATION_FILE_NAMES.includes(path.posix.basename(file) as never);
}

/** The file a --path names in a checkout: a directory's kustomization, or the file itself. */
export function findEditTarget(dir: string, targetPath: string): EditTarget {
  const relative = normalizeKustomizationPath(targetPath);
  const root = realDirectory(dir, "--dir");
  const target = path.join(root, relative);
  if (existsSync(target) && statSync(target).isFile()) {
    const absolute = realpathSync(target);
    assertInside(root, absolute, targetPath);
    return { relative, absolute, kind: isKustomizationFileName(relative) ? "kustomization" : "pins" };
  }
  return { ...findKustomizationFile(dir, targetPath), kind: "kustomization" };
}

/** Finds the one kustomization file in `dir/dirPath`, refusing anything that resolves outside `dir`. */
export function findKustomizationFile(dir: string, dirPath: string): KustomizationFile {
  const relativeDir = normalizeKustomizationPath(dirPath);
  const root = realDirectory(dir, "--dir");
  const target = path.join(root, relativeDir);
  if (!existsSync(target)) throw new PathError(`--path "${dirPath}": ${target} does not exist`);
  const realTarget = realpathSync(target);
  assertInside(root, realTarget, dirPath);
  if (!statSync(realTarget).isDirectory()) throw new PathError(`--path "${dirPath}" is not a directory`);

  const present = KUSTOMIZATION_FILE_NAMES.filter((name) => existsSync(path.join(realTarget, name)));
  if (present.length === 0) {
    throw new PathError(`no kustomization in "${dirPath}" (looked for ${KUSTOMIZATION_FILE_NAMES.join(", ")})`);
  }
  if (present.length > 1) {
    throw new PathError(
      `"${dirPath}" has more than one kustomization file (${present.join(", ")}); kustomize refuses that too`,
    );
  }
  const name = present[0] as string;
  const absolute = realpathSync(path.join(realTarget, name));
  assertInside(root, absolute, `${dirPath}/${name}`);
  const relative = path.posix.join(relativeDir, name);
  return { relative, absolute };
}

function realDirectory(dir: string, flag: string): string {
  if (!existsSync(dir)) throw new PathError(`${flag} "${dir}" does not exist`);
  const real = realpathSync(dir);
  if (!statSync(real).isDirectory()) throw new PathError(`${flag} "${dir}" is not a directory`);
  return real;
}

function assertInside(root: string, real: string, shown: string): void {
  const rel = path.relative(root, real);
  if (rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel)) {
    throw new PathError(`"${shown}" resolves outside --dir through a symlink (to ${real}); refusing to touch it`);
  }
}
